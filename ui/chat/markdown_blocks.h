#pragma once
// Splits a message into prose (rendered as Markdown) and fenced code blocks (shown in a monospace
// face with a copy button). A fence still open while a reply streams runs to the end of the text.
#include <QList>
#include <QString>

namespace glassbox::ui {

struct MarkdownBlock {
    enum Kind { Prose, Code };
    Kind kind = Prose;
    QString text;      // Markdown for prose; the code itself for code
    QString language;  // the fence's info string ("cpp", "python", …)
    bool operator==(const MarkdownBlock&) const = default;
};

QList<MarkdownBlock> splitMarkdown(const QString& text);

}  // namespace glassbox::ui
