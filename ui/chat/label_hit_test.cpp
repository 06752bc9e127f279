#include "chat/label_hit_test.h"

#include <QAbstractTextDocumentLayout>
#include <QLabel>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>

namespace glassbox::ui {

namespace {

// QLabel keeps its text in a QTextDocument owned by its text control (a child object) whenever
// the text is rich, Markdown or selectable, laid out at the label's width; it fills it lazily (on
// the next paint or mouse press). Until then, `mirror` is set up as QLabel sets up its own.
const QTextDocument* documentOf(const QLabel* label, QTextDocument& mirror) {
    if (const auto* own = label->findChild<QTextDocument*>(); own && !own->isEmpty()) return own;
    if (label->text().isEmpty()) return nullptr;
    mirror.setUndoRedoEnabled(false);
    mirror.setDefaultFont(label->font());
    if (label->textFormat() == Qt::MarkdownText)
        mirror.setMarkdown(label->text());
    else if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text())))
        mirror.setHtml(label->text());
    else
        mirror.setPlainText(label->text());
    QTextOption opt = mirror.defaultTextOption();
    opt.setAlignment(label->alignment());
    opt.setWrapMode(label->wordWrap() ? QTextOption::WordWrap : QTextOption::ManualWrap);
    mirror.setDefaultTextOption(opt);
    QTextFrameFormat f = mirror.rootFrame()->frameFormat();
    f.setMargin(0);
    mirror.rootFrame()->setFrameFormat(f);
    QRect r = label->contentsRect().adjusted(label->margin(), label->margin(), -label->margin(), -label->margin());
    if (label->indent() > 0 && (label->alignment() & Qt::AlignLeft)) r.setLeft(r.left() + label->indent());
    mirror.setTextWidth(r.width());
    mirror.documentLayout()->documentSize();  // lays it out now
    return &mirror;
}

// Where the document's (0, 0) is in the label (QLabel's documentRect and layoutRect).
QPointF documentOrigin(const QLabel* label, const QTextDocument* doc) {
    QRectF r = label->contentsRect();
    const int m = label->margin();
    r.adjust(m, m, -m, -m);
    if (label->indent() > 0 && (label->alignment() & Qt::AlignLeft)) r.setLeft(r.left() + label->indent());
    qreal y = r.top();
    const qreal h = doc->documentLayout()->documentSize().height();
    if (label->alignment() & Qt::AlignVCenter)
        y += std::max((r.height() - h) / 2, qreal(0));
    else if (label->alignment() & Qt::AlignBottom)
        y += std::max(r.height() - h, qreal(0));
    return {r.left(), y};
}

}  // namespace

QString labelPlainText(const QLabel* label) {
    QTextDocument mirror;
    const QTextDocument* doc = documentOf(label, mirror);
    return doc ? doc->toPlainText() : QString();
}

int labelCharacterAt(const QLabel* label, const QPoint& pos) {
    QTextDocument mirror;
    const QTextDocument* doc = documentOf(label, mirror);
    if (!doc) return -1;
    const QPointF p = QPointF(pos) - documentOrigin(label, doc);
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        const QTextLayout* layout = b.layout();
        if (!layout) continue;
        const QPointF q = p - layout->position();  // layout coordinates
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            if (q.y() < line.y() || q.y() >= line.y() + line.height()) continue;
            const QRectF text = line.naturalTextRect();
            if (q.x() < text.left() || q.x() >= text.right()) return -1;  // beside the text
            const int at = line.xToCursor(q.x(), QTextLine::CursorOnCharacter);
            return at >= line.textStart() && at < line.textStart() + line.textLength() ? b.position() + at : -1;
        }
    }
    return -1;
}

QRect labelCharacterRect(const QLabel* label, int index) {
    QTextDocument mirror;
    const QTextDocument* doc = documentOf(label, mirror);
    if (!doc || index < 0) return {};
    const QTextBlock b = doc->findBlock(index);
    if (!b.isValid() || !b.layout()) return {};
    const int at = index - b.position();
    const QTextLine line = b.layout()->lineForTextPosition(at);
    if (!line.isValid() || at >= b.length() - 1) return {};
    const qreal x0 = line.cursorToX(at), x1 = line.cursorToX(at + 1);
    const QRectF r(std::min(x0, x1), line.y(), std::abs(x1 - x0), line.height());
    return r.translated(b.layout()->position() + documentOrigin(label, doc)).toAlignedRect();
}

}  // namespace glassbox::ui
