#include "inspector/kv_cache_view.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>

#include "inspection/inspection_export.h"
#include "inspector/colormap.h"
#include "util/format.h"

namespace glassbox::ui::inspector {

using inspection::KvFigure;

namespace {
constexpr int kMargin = 10;
}

KvCacheView::KvCacheView(QWidget* parent) : QWidget(parent) { setObjectName(QStringLiteral("kvCacheView")); }

void KvCacheView::setShape(const inspection::ModelShape& shape) {
    shape_ = shape;
    updateGeometry();
    update();
}

void KvCacheView::setUsage(int usedTokens, int contextSize) {
    used_ = std::max(0, usedTokens);
    context_ = std::max(0, contextSize);
    update();
}

int KvCacheView::rows() const { return shape_.isValid() ? 5 : 0; }

QString KvCacheView::rowTitle(int row) const {
    const QLocale loc;
    switch (row) {
    case 0: return tr("Per token");
    case 1: return tr("In use now");
    default: {
        const qint64 n = inspection::kKvContexts[row - 2];
        return tr("%1 tokens").arg(n >= 100000 ? QStringLiteral("100K") : QStringLiteral("%1K").arg(n / 1024));
    }
    }
}

QString KvCacheView::cellText(int row, bool multiHead) const {
    const QVector<KvFigure> f = inspection::kvFigures(shape_, used_);
    if (row < 0 || row >= f.size()) return {};
    const quint64 bytes = multiHead ? f[row].multiHead : f[row].model;
    return row == 0 ? tr("%1 bytes").arg(QLocale().toString(bytes)) + QStringLiteral(" (") + formatBytes(bytes) + QLatin1Char(')')
                    : formatBytes(bytes);
}

QString KvCacheView::formula() const {
    const QLocale loc;
    return tr("2 (K and V) × %1 layers × %2 KV heads × %3 dims × %4 B = %5 B per token")
        .arg(shape_.layers)
        .arg(shape_.kvHeads)
        .arg(shape_.headDim)
        .arg(shape_.kvElementBytes)
        .arg(loc.toString(shape_.kvBytesPerToken()));
}

QString KvCacheView::noteText() const {
    QString t = shape_.kvHeads < shape_.heads
                    ? tr("Multi-head attention would keep one K and V per query head: %1× this model's cache.").arg(shape_.gqaGroup())
                    : tr("This model already keeps one K and V per query head (multi-head attention).");
    if (shape_.contextSize > 0)
        t += QLatin1Char(' ') + tr("Grey rows are longer than the context this model runs with (%1 tokens).").arg(QLocale().toString(shape_.contextSize));
    return t;
}

QString KvCacheView::emptyText() const { return shape_.isValid() ? QString() : tr("Load a model to see what its KV cache needs."); }

KvCacheView::Layout KvCacheView::layout() const {
    Layout l;
    const QFontMetrics fm(font());
    const int lh = fm.height() + 4, w = std::max(200, width() - 2 * kMargin);
    int y = kMargin;
    l.header = QRect(kMargin, y, w, lh);
    y += lh;
    l.formula = QRect(kMargin, y, w, fm.boundingRect(QRect(0, 0, w, 1000), Qt::TextWordWrap, formula()).height() + 4);
    y = l.formula.bottom() + 4;
    l.note = QRect(kMargin, y, w, fm.boundingRect(QRect(0, 0, w, 1000), Qt::TextWordWrap, noteText()).height() + 4);
    y = l.note.bottom() + 10;
    const int titleW = std::max(fm.horizontalAdvance(rowTitle(1)), fm.horizontalAdvance(rowTitle(0))) + 16;
    const int colW = (w - titleW) / 2;
    const int headH = 2 * lh;
    for (int r = 0; r < 6; ++r) {
        const int top = r == 0 ? y : y + headH + (r - 1) * (lh * 2);
        const int h = r == 0 ? headH : lh * 2;
        l.table[r][0] = QRect(kMargin, top, titleW, h);
        l.table[r][1] = QRect(kMargin + titleW, top, colW, h);
        l.table[r][2] = QRect(kMargin + titleW + colW, top, colW, h);
    }
    y = l.table[5][0].bottom() + 12;
    l.usage = QRect(kMargin, y, w, lh * 2);
    l.bottom = l.usage.bottom() + kMargin;
    return l;
}

QRect KvCacheView::barRect(int row, bool multiHead) const {
    if (row < 0 || row >= rows()) return {};
    const Layout l = layout();
    const QRect cell = l.table[row + 1][multiHead ? 2 : 1];
    const QVector<KvFigure> f = inspection::kvFigures(shape_, used_);
    const double maxBytes = double(std::max<quint64>(1, f[row].multiHead));
    const double v = double(multiHead ? f[row].multiHead : f[row].model);
    const int full = cell.width() - 12;
    const int h = QFontMetrics(font()).height() / 2;
    return QRect(cell.left() + 4, cell.bottom() - h - 3, std::max(1, int(full * v / maxBytes)), h);
}

QSize KvCacheView::sizeHint() const { return {420, layout().bottom}; }

QSize KvCacheView::minimumSizeHint() const { return {260, 200}; }

void KvCacheView::changeEvent(QEvent* e) {
    QWidget::changeEvent(e);
    if (e->type() == QEvent::LanguageChange || e->type() == QEvent::FontChange) updateGeometry();
}

void KvCacheView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette pal = palette();
    if (!shape_.isValid()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, emptyText());
        return;
    }
    const Layout l = layout();
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(l.header, Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(tr("KV cache of %1").arg(shape_.name.isEmpty() ? tr("this model") : shape_.name), Qt::ElideRight, l.header.width()));
    p.setFont(font());
    p.drawText(l.formula, Qt::AlignLeft | Qt::TextWordWrap, formula());
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(l.note, Qt::AlignLeft | Qt::TextWordWrap,
               noteText());

    // Header row.
    p.setFont(bold);
    p.setPen(pal.color(QPalette::WindowText));
    const bool gqa = shape_.kvHeads < shape_.heads;
    p.drawText(l.table[0][1].adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
               gqa ? tr("This model (GQA): KV heads %1").arg(shape_.kvHeads) : tr("This model (MHA): KV heads %1").arg(shape_.kvHeads));
    p.drawText(l.table[0][2].adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
               tr("Multi-head: KV heads %1").arg(shape_.heads));
    p.setFont(font());
    for (int r = 0; r < rows(); ++r) {
        const QRect* row = l.table[r + 1];
        if (r % 2 == 0) p.fillRect(QRect(row[0].topLeft(), row[2].bottomRight()), pal.color(QPalette::AlternateBase));
        const bool beyond = r >= 2 && shape_.contextSize > 0 && inspection::kKvContexts[r - 2] > shape_.contextSize;
        p.setPen(pal.color(beyond ? QPalette::PlaceholderText : QPalette::WindowText));
        p.drawText(row[0].adjusted(4, 2, -4, 0), Qt::AlignLeft | Qt::AlignTop, rowTitle(r));
        for (int c = 0; c < 2; ++c) {
            const QRect cell = row[c + 1].adjusted(4, 2, -4, 0);
            p.setPen(pal.color(beyond ? QPalette::PlaceholderText : QPalette::WindowText));
            p.drawText(cell, Qt::AlignLeft | Qt::AlignTop, fm.elidedText(cellText(r, c == 1), Qt::ElideRight, cell.width()));
            p.fillRect(barRect(r, c == 1), c == 0 ? viridis(0.35f) : viridis(0.8f));
        }
    }
    // What the conversation holds now, against the context the model was loaded with.
    p.setPen(pal.color(QPalette::WindowText));
    const quint64 now = shape_.kvBytesPerToken() * quint64(used_);
    const quint64 full = shape_.kvBytesPerToken() * quint64(context_);
    const QString usage = context_ > 0 ? tr("This conversation: %1 of %2 tokens of context, %3 of %4 allocated.")
                                             .arg(QLocale().toString(used_), QLocale().toString(context_), formatBytes(now), formatBytes(full))
                                       : tr("Tokens in this conversation: %1.").arg(QLocale().toString(used_));
    p.drawText(QRect(l.usage.left(), l.usage.top(), l.usage.width(), fm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(usage, Qt::ElideRight, l.usage.width()));
    const QRect track(l.usage.left(), l.usage.top() + fm.height() + 6, l.usage.width(), fm.height() / 2);
    p.fillRect(track, pal.color(QPalette::AlternateBase));
    if (context_ > 0) p.fillRect(QRect(track.topLeft(), QSize(int(track.width() * std::min(1.0, double(used_) / context_)), track.height())), viridis(0.35f));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(track.adjusted(0, 0, -1, -1));
}

}  // namespace glassbox::ui::inspector
