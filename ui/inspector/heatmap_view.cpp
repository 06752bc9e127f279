#include "inspector/heatmap_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <cmath>

namespace glassbox::ui::inspector {

namespace {
constexpr int kLabelPad = 6;
}

HeatmapView::HeatmapView(QWidget* parent) : QAbstractScrollArea(parent) {
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(true);
    viewport()->setBackgroundRole(QPalette::Base);
    setFrameShape(QFrame::NoFrame);
    horizontalScrollBar()->setSingleStep(cell_.width());
    verticalScrollBar()->setSingleStep(cell_.height());
}

void HeatmapView::setCellSize(QSize s) {
    cell_ = s.expandedTo(QSize(2, 2));
    horizontalScrollBar()->setSingleStep(cell_.width());
    verticalScrollBar()->setSingleStep(cell_.height());
    measureLabels(0, 0);
    updateBars();
    viewport()->update();
}

void HeatmapView::setScale(Scale s) {
    if (s == scale_) return;
    scale_ = s;
    renderImage(0, 0);
    viewport()->update();
}

bool HeatmapView::verticalColumnLabels() const {
    const QFontMetrics fm(font());
    return cell_.width() < fm.horizontalAdvance(QStringLiteral("MMMM")) + 4;
}

QRect HeatmapView::gridArea() const {
    const QRect v = viewport()->rect();
    return QRect(rowLabelW_, colLabelH_, std::max(0, v.width() - rowLabelW_), std::max(0, v.height() - colLabelH_));
}

void HeatmapView::measureLabels(int fromRow, int fromCol) {
    const QFontMetrics fm(font());
    if (fromRow == 0) rowLabelW_ = 0;
    if (fromCol == 0) colLabelH_ = 0;
    const int cap = maxLabelWidth();
    for (int r = fromRow; r < rowCount() && rowLabelW_ < cap; ++r)
        rowLabelW_ = std::max(rowLabelW_, fm.horizontalAdvance(rowLabel(r)) + 2 * kLabelPad + 4);
    rowLabelW_ = std::min(std::max(rowLabelW_, fm.horizontalAdvance(cornerText().section(QLatin1Char('\n'), 1, 1)) + 3 * kLabelPad), cap);
    if (verticalColumnLabels()) {
        for (int c = fromCol; c < colCount() && colLabelH_ < cap; ++c)
            colLabelH_ = std::max(colLabelH_, fm.horizontalAdvance(colLabel(c)) + 2 * kLabelPad + 4);
        colLabelH_ = std::min(std::max(colLabelH_, fm.height() * 2 + kLabelPad), cap);
    } else {
        colLabelH_ = std::max(fm.height() + 2 * kLabelPad, cornerText().isEmpty() ? 0 : fm.height() * 2 + kLabelPad);
    }
}

void HeatmapView::renderImage(int fromRow, int fromCol) {
    if (paintsCells()) {
        image_ = QImage();
        return;
    }
    const int rows = rowCount(), cols = colCount();
    if (rows <= 0 || cols <= 0) {
        image_ = QImage();
        return;
    }
    if (image_.isNull() || (fromRow == 0 && fromCol == 0) || image_.width() > cols || image_.height() > rows) {
        image_ = QImage(cols, rows, QImage::Format_ARGB32_Premultiplied);
        image_.fill(Qt::transparent);
        fromRow = fromCol = 0;
    } else if (image_.width() != cols || image_.height() != rows) {
        QImage bigger(cols, rows, QImage::Format_ARGB32_Premultiplied);
        bigger.fill(Qt::transparent);
        QPainter p(&bigger);
        p.setCompositionMode(QPainter::CompositionMode_Source);
        p.drawImage(0, 0, image_);
        p.end();
        image_ = std::move(bigger);
    }
    const Scale s = scale_;
    auto pixel = [&](int r, int c) {
        const float v = cellValue(r, c);
        return std::isnan(v) ? QRgb(0) : viridisRgb(scaled(v, s));
    };
    for (int r = 0; r < rows; ++r) {
        QRgb* line = reinterpret_cast<QRgb*>(image_.scanLine(r));
        const int c0 = r >= fromRow ? 0 : fromCol;
        for (int c = c0; c < cols; ++c) line[c] = pixel(r, c);
    }
}

void HeatmapView::reset() {
    hoverRow_ = hoverCol_ = -1;
    if (!isVisible()) {
        stale_ = true;
        return;
    }
    rebuild();
    viewport()->update();
}

void HeatmapView::rebuild() {
    stale_ = false;
    measureLabels(0, 0);
    renderImage(0, 0);
    updateBars();
}

void HeatmapView::showEvent(QShowEvent* e) {
    QAbstractScrollArea::showEvent(e);
    if (stale_) reset();
}

bool HeatmapView::atEnd(const QScrollBar* b) const { return b->value() >= b->maximum(); }

void HeatmapView::grew(int oldRows, int oldCols) {
    if (stale_ || !isVisible()) {
        stale_ = true;
        return;
    }
    const bool followH = atEnd(horizontalScrollBar()), followV = atEnd(verticalScrollBar());
    oldRows = std::clamp(oldRows, 0, rowCount());
    oldCols = std::clamp(oldCols, 0, colCount());
    const int oldLabelW = rowLabelW_, oldLabelH = colLabelH_;
    measureLabels(oldRows, oldCols);
    rowLabelW_ = std::max(rowLabelW_, oldLabelW);
    colLabelH_ = std::max(colLabelH_, oldLabelH);
    renderImage(oldRows, oldCols);
    updateBars();
    if (followH) horizontalScrollBar()->setValue(horizontalScrollBar()->maximum());
    if (followV) verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    viewport()->update();
}

void HeatmapView::updateBars() {
    const QRect g = gridArea();
    horizontalScrollBar()->setRange(0, std::max(0, colCount() * cell_.width() - g.width()));
    horizontalScrollBar()->setPageStep(std::max(1, g.width()));
    verticalScrollBar()->setRange(0, std::max(0, rowCount() * cell_.height() - g.height()));
    verticalScrollBar()->setPageStep(std::max(1, g.height()));
}

void HeatmapView::fitToView(int minCell, int maxCell) {
    const QRect v = viewport()->rect();
    const int rows = std::max(1, rowCount()), cols = std::max(1, colCount());
    const int c = std::clamp(std::min((v.width() - rowLabelW_) / cols, (v.height() - colLabelH_) / rows), minCell, maxCell);
    setCellSize(QSize(c, c));
}

void HeatmapView::scrollToEnd() {
    updateBars();
    horizontalScrollBar()->setValue(horizontalScrollBar()->maximum());
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void HeatmapView::scrollToCell(int row, int col) {
    updateBars();
    const QRect g = gridArea();
    if (col >= 0) {
        const int x = col * cell_.width(), hv = horizontalScrollBar()->value();
        if (x < hv || x + cell_.width() > hv + g.width()) horizontalScrollBar()->setValue(x - g.width() / 2);
    }
    if (row >= 0) {
        const int y = row * cell_.height(), vv = verticalScrollBar()->value();
        if (y < vv || y + cell_.height() > vv + g.height()) verticalScrollBar()->setValue(y - g.height() / 2);
    }
}

QRect HeatmapView::cellRect(int row, int col) const {
    if (row < 0 || col < 0 || row >= rowCount() || col >= colCount()) return {};
    const QRect g = gridArea();
    const QRect r(g.left() + col * cell_.width() - horizontalScrollBar()->value(),
                  g.top() + row * cell_.height() - verticalScrollBar()->value(), cell_.width(), cell_.height());
    return g.contains(r.center()) ? r : QRect();
}

QRect HeatmapView::rowLabelRect(int row) const {
    const QRect g = gridArea();
    const QRect r(0, g.top() + row * cell_.height() - verticalScrollBar()->value(), rowLabelW_, cell_.height());
    return row >= 0 && row < rowCount() && r.center().y() >= g.top() && r.center().y() < g.bottom() ? r : QRect();
}

QRect HeatmapView::colLabelRect(int col) const {
    const QRect g = gridArea();
    const QRect r(g.left() + col * cell_.width() - horizontalScrollBar()->value(), 0, cell_.width(), colLabelH_);
    return col >= 0 && col < colCount() && r.center().x() >= g.left() && r.center().x() < g.right() ? r : QRect();
}

bool HeatmapView::cellAt(const QPoint& p, int* row, int* col) const {
    const QRect g = gridArea();
    if (!g.contains(p)) return false;
    const int c = (p.x() - g.left() + horizontalScrollBar()->value()) / cell_.width();
    const int r = (p.y() - g.top() + verticalScrollBar()->value()) / cell_.height();
    if (r < 0 || c < 0 || r >= rowCount() || c >= colCount()) return false;
    *row = r;
    *col = c;
    return true;
}

QString HeatmapView::toolTipAt(const QPoint& p) const {
    if (!emptyText().isEmpty()) return {};
    int r, c;
    if (cellAt(p, &r, &c)) return cellToolTip(r, c);
    const QRect g = gridArea();
    if (p.x() < g.left() && p.y() >= g.top()) {
        const int row = (p.y() - g.top() + verticalScrollBar()->value()) / cell_.height();
        if (row < rowCount()) return rowLabel(row);
    }
    if (p.y() < g.top() && p.x() >= g.left()) {
        const int col = (p.x() - g.left() + horizontalScrollBar()->value()) / cell_.width();
        if (col < colCount()) return colLabel(col);
    }
    return {};
}

QImage HeatmapView::renderToImage() { return viewport()->grab().toImage(); }

float HeatmapView::cellValue(int, int) const { return std::nanf(""); }

void HeatmapView::paintCell(QPainter&, const QRect&, int, int) const {}

void HeatmapView::paintEvent(QPaintEvent*) {
    if (stale_) rebuild();  // painted while hidden (an export of another tab)
    QPainter p(viewport());
    const QPalette pal = palette();
    const QString empty = emptyText();
    if (!empty.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, empty);
        return;
    }
    const QRect g = gridArea();
    const int rows = rowCount(), cols = colCount();
    const int hv = horizontalScrollBar()->value(), vv = verticalScrollBar()->value();
    const int cw = cell_.width(), ch = cell_.height();
    const int c0 = hv / cw, r0 = vv / ch;
    const int c1 = std::min(cols, (hv + g.width()) / cw + 1), r1 = std::min(rows, (vv + g.height()) / ch + 1);

    // Cells.
    p.save();
    p.setClipRect(g);
    if (r0 < r1 && c0 < c1) {
        if (!paintsCells() && !image_.isNull()) {
            const QRect target(g.left() + c0 * cw - hv, g.top() + r0 * ch - vv, (c1 - c0) * cw, (r1 - r0) * ch);
            p.setRenderHint(QPainter::SmoothPixmapTransform, false);
            p.drawImage(target, image_, QRect(c0, r0, c1 - c0, r1 - r0));
            if (cw >= 10 && ch >= 10) {  // thin separators between big cells
                p.setPen(QPen(pal.color(QPalette::Base), 1));
                for (int c = c0 + 1; c < c1; ++c) p.drawLine(g.left() + c * cw - hv, target.top(), g.left() + c * cw - hv, target.bottom());
                for (int r = r0 + 1; r < r1; ++r) p.drawLine(target.left(), g.top() + r * ch - vv, target.right(), g.top() + r * ch - vv);
            }
        } else if (paintsCells()) {
            for (int r = r0; r < r1; ++r)
                for (int c = c0; c < c1; ++c)
                    paintCell(p, QRect(g.left() + c * cw - hv, g.top() + r * ch - vv, cw, ch), r, c);
        }
        if (hoverRow_ >= r0 && hoverRow_ < r1 && hoverCol_ >= c0 && hoverCol_ < c1) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRect(g.left() + hoverCol_ * cw - hv, g.top() + hoverRow_ * ch - vv, cw, ch).adjusted(1, 1, -1, -1));
        }
    }
    p.restore();

    // Labels: skip some when cells are smaller than a line of text, so they never overlap.
    const QFontMetrics fm(font());
    const int rowStep = std::max(1, int(std::ceil(double(fm.height()) / ch)));
    const int colStep = verticalColumnLabels() ? std::max(1, int(std::ceil(double(fm.height()) / cw))) : 1;
    QFont bold = font();
    bold.setBold(true);
    p.fillRect(QRect(0, 0, g.left(), viewport()->height()), pal.color(QPalette::Window));
    p.fillRect(QRect(0, 0, viewport()->width(), g.top()), pal.color(QPalette::Window));
    p.save();
    p.setClipRect(QRect(0, g.top(), g.left(), g.height()));
    for (int r = r0 - r0 % rowStep; r < r1; r += rowStep) {
        if (r < 0) continue;
        const QRect lr(kLabelPad, g.top() + r * ch - vv, g.left() - 2 * kLabelPad, ch * rowStep);
        const bool sel = rowSelected(r) || r == hoverRow_;
        p.setFont(sel ? bold : font());
        p.setPen(pal.color(sel ? QPalette::Highlight : QPalette::WindowText));
        const QRect textRect(lr.left(), lr.top(), lr.width(), ch);
        p.drawText(textRect.adjusted(0, 0, 0, std::max(0, fm.height() - ch)), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(rowLabel(r), Qt::ElideRight, lr.width()));
    }
    p.restore();
    p.save();
    p.setClipRect(QRect(g.left(), 0, g.width(), g.top()));
    const bool vertical = verticalColumnLabels();
    for (int c = c0 - c0 % colStep; c < c1; c += colStep) {
        if (c < 0) continue;
        const bool sel = colSelected(c) || c == hoverCol_;
        p.setFont(sel ? bold : font());
        p.setPen(pal.color(sel ? QPalette::Highlight : QPalette::WindowText));
        const int x = g.left() + c * cw - hv;
        const QString label = colLabel(c);
        if (vertical && fm.horizontalAdvance(label) <= cw - 1) {  // fits upright (a CJK character, a letter)
            p.drawText(QRect(x, g.top() - fm.height() - kLabelPad, cw, fm.height()), Qt::AlignCenter, label);
        } else if (vertical) {
            p.save();
            p.translate(x + cw / 2.0 + fm.ascent() / 2.0 - 1, g.top() - kLabelPad);
            p.rotate(-90);
            p.drawText(QPoint(0, 0), fm.elidedText(label, Qt::ElideRight, g.top() - 2 * kLabelPad));
            p.restore();
        } else {
            p.drawText(QRect(x + 2, g.top() - fm.height() - kLabelPad, cw - 4, fm.height()), Qt::AlignCenter,
                       fm.elidedText(label, Qt::ElideRight, cw - 4));
        }
    }
    p.restore();
    const QString corner = cornerText();
    if (!corner.isEmpty()) {
        p.setFont(font());
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QStringList parts = corner.split(QLatin1Char('\n'));
        // "Key →" along the top, "Query ↓" along the left.
        p.drawText(QRect(kLabelPad, kLabelPad, g.left() + 200, fm.height()), Qt::AlignLeft | Qt::AlignTop,
                   fm.elidedText(parts.value(0), Qt::ElideRight, std::max(20, g.left() - kLabelPad)));
        if (parts.size() > 1)
            p.drawText(QRect(kLabelPad, g.top() - fm.height() - 2, g.left() - 2 * kLabelPad, fm.height()),
                       Qt::AlignRight | Qt::AlignBottom, parts.value(1));
    }
}

void HeatmapView::resizeEvent(QResizeEvent* e) {
    const bool followH = atEnd(horizontalScrollBar()), followV = atEnd(verticalScrollBar());
    QAbstractScrollArea::resizeEvent(e);
    updateBars();
    if (followH) horizontalScrollBar()->setValue(horizontalScrollBar()->maximum());
    if (followV) verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void HeatmapView::scrollContentsBy(int, int) { viewport()->update(); }

void HeatmapView::changeEvent(QEvent* e) {
    QAbstractScrollArea::changeEvent(e);
    if (e->type() == QEvent::FontChange || e->type() == QEvent::LanguageChange) reset();
}

bool HeatmapView::viewportEvent(QEvent* e) {
    switch (e->type()) {
    case QEvent::ToolTip: {
        auto* he = static_cast<QHelpEvent*>(e);
        const QString t = toolTipAt(he->pos());
        if (t.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), t, viewport());
        return true;
    }
    case QEvent::MouseMove: {
        auto* me = static_cast<QMouseEvent*>(e);
        int r = -1, c = -1;
        if (!cellAt(me->position().toPoint(), &r, &c)) r = c = -1;
        if (r != hoverRow_ || c != hoverCol_) {
            hoverRow_ = r;
            hoverCol_ = c;
            viewport()->update();
        }
        break;
    }
    case QEvent::Leave:
        hoverRow_ = hoverCol_ = -1;
        viewport()->update();
        break;
    case QEvent::MouseButtonPress: {
        auto* me = static_cast<QMouseEvent*>(e);
        if (me->button() != Qt::LeftButton || !emptyText().isEmpty()) break;
        const QPoint p = me->position().toPoint();
        const QRect g = gridArea();
        int r, c;
        if (cellAt(p, &r, &c)) {
            cellClicked(r, c);
        } else if (p.x() < g.left() && p.y() >= g.top()) {
            const int row = (p.y() - g.top() + verticalScrollBar()->value()) / cell_.height();
            if (row < rowCount()) rowLabelClicked(row);
        } else if (p.y() < g.top() && p.x() >= g.left()) {
            const int col = (p.x() - g.left() + horizontalScrollBar()->value()) / cell_.width();
            if (col < colCount()) colLabelClicked(col);
        }
        return true;
    }
    default:
        break;
    }
    return QAbstractScrollArea::viewportEvent(e);
}

}  // namespace glassbox::ui::inspector
