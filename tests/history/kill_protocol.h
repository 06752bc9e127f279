#pragma once
// What kill_writer writes, so the kill test can check it: conversation i ("conversation i") holds
// userText(i) and, streamed token by token, replyTokens(i).
#include <QString>
#include <QStringList>

namespace killtest {

inline QString userText(int i) { return QStringLiteral("Question %1: tell me a long story. Вопрос 问题").arg(i); }

inline QStringList replyTokens(int i) {
    QStringList t;
    const int n = 150 + (i * 37) % 200;
    for (int k = 0; k < n; ++k) {
        switch (k % 5) {
            case 0: t << QStringLiteral(" w%1.%2").arg(i).arg(k); break;
            case 1: t << QStringLiteral(" слово"); break;
            case 2: t << QStringLiteral(" 词语"); break;
            case 3: t << QStringLiteral(" 🦊"); break;
            default: t << QStringLiteral(","); break;
        }
    }
    return t;
}

inline QString replyText(int i) { return replyTokens(i).join(QString()); }

inline int indexFromTitle(const QString& title) { return title.section(QLatin1Char(' '), 1).toInt(); }

}  // namespace killtest
