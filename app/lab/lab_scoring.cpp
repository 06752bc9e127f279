#include "lab_scoring.h"

#include <QStringList>

namespace gb::lab {

namespace {

QString withoutFinalPunctuation(QString s) {
    static const QString marks = QStringLiteral(".。!！?？");
    while (!s.isEmpty() && marks.contains(s.back())) s.chop(1);
    return s.trimmed();
}

}  // namespace

QString normalizeAnswer(const QString& text) {
    return text.normalized(QString::NormalizationForm_KC).toCaseFolded().simplified();
}

QString extractAnswer(const QString& output, const QString& answerPrefix) {
    // Compared in NFKC, so "答案：" also finds "答案:".
    const QString prefix = answerPrefix.normalized(QString::NormalizationForm_KC).trimmed();
    if (!prefix.isEmpty()) {
        const QString text = output.normalized(QString::NormalizationForm_KC);
        const qsizetype at = text.lastIndexOf(prefix, -1, Qt::CaseInsensitive);
        if (at >= 0) return text.mid(at + prefix.size()).section(u'\n', 0, 0).trimmed();
    }
    for (const QString& line : output.split(u'\n'))
        if (!line.trimmed().isEmpty()) return line.trimmed();
    return {};
}

Score scoreOutput(const QString& output, const QString& expected, const QString& answerPrefix) {
    Score s;
    const QString want = withoutFinalPunctuation(normalizeAnswer(expected));
    if (want.isEmpty()) return s;
    s.exact = withoutFinalPunctuation(normalizeAnswer(extractAnswer(output, answerPrefix))) == want;
    s.contains = normalizeAnswer(output).contains(want);
    return s;
}

}  // namespace gb::lab
