#include "chat/markdown_blocks.h"

#include <QRegularExpression>
#include <QStringList>

namespace glassbox::ui {

namespace {
// "```lang" or "~~~lang" with up to three spaces of indent: returns the fence ("```", "~~~~", …).
QString fenceOf(const QString& line, QString* info) {
    const QString t = line.trimmed();
    if (line.size() - QString(line).remove(QRegularExpression(QStringLiteral("^ {0,3}"))).size() > 3) return {};
    for (QChar c : {QLatin1Char('`'), QLatin1Char('~')}) {
        int n = 0;
        while (n < t.size() && t[n] == c) ++n;
        if (n >= 3) {
            if (info) *info = t.mid(n).trimmed().section(QLatin1Char(' '), 0, 0);
            return QString(n, c);
        }
    }
    return {};
}
}  // namespace

QList<MarkdownBlock> splitMarkdown(const QString& text) {
    QList<MarkdownBlock> blocks;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList prose, code;
    QString fence, lang;
    auto flushProse = [&] {
        const QString p = prose.join(QLatin1Char('\n'));
        if (!p.trimmed().isEmpty()) blocks.append({MarkdownBlock::Prose, p.trimmed(), {}});
        prose.clear();
    };
    for (const QString& line : lines) {
        if (fence.isEmpty()) {
            QString info;
            const QString f = fenceOf(line, &info);
            if (!f.isEmpty()) {
                flushProse();
                fence = f;
                lang = info;
                code.clear();
            } else {
                prose.append(line);
            }
        } else {
            const QString t = line.trimmed();
            if (t.startsWith(fence) && t.count(fence[0]) == t.size()) {
                blocks.append({MarkdownBlock::Code, code.join(QLatin1Char('\n')), lang});
                fence.clear();
            } else {
                code.append(line);
            }
        }
    }
    if (!fence.isEmpty())
        blocks.append({MarkdownBlock::Code, code.join(QLatin1Char('\n')), lang});
    else
        flushProse();
    return blocks;
}

}  // namespace glassbox::ui
