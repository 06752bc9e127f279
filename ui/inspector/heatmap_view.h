#pragma once
// A scrollable grid with sticky row labels (left) and column labels (top, vertical when cells are
// narrow), painted with QPainter. Only the visible cells are drawn. Subclasses give the data:
// either a value per cell (drawn from a cached image, one pixel per cell, extended in place when
// rows or columns are appended) or their own cell painting. Hover shows a tooltip; clicks go to
// cellClicked / rowLabelClicked. It follows the newest rows and columns while scrolled to the end.
// While hidden (another tab) it only notes that its data changed and catches up when shown or
// painted, so a streaming reply costs nothing in views nobody sees.
#include <QAbstractScrollArea>
#include <QImage>

#include "inspector/colormap.h"

namespace glassbox::ui::inspector {

class HeatmapView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);

    void setCellSize(QSize s);
    QSize cellSize() const { return cell_; }
    void setScale(Scale s);
    Scale scale() const { return scale_; }

    // Viewport geometry (tests and hit testing). cellRect is empty for a cell scrolled out of view.
    QRect cellRect(int row, int col) const;
    QRect rowLabelRect(int row) const;
    QRect colLabelRect(int col) const;
    bool cellAt(const QPoint& viewportPos, int* row, int* col) const;
    QString toolTipAt(const QPoint& viewportPos) const;
    void scrollToCell(int row, int col);
    void scrollToEnd();
    void fitToView(int minCell, int maxCell);  // square cells that show everything, within the bounds
    QImage renderToImage();  // the viewport as painted now

    // Data changed: everything, or rows/columns appended (older cells unchanged). Deferred while hidden.
    void reset();
    void grew(int oldRows, int oldCols);

    virtual int rowCount() const = 0;
    virtual int colCount() const = 0;
    virtual QString rowLabel(int row) const = 0;
    virtual QString colLabel(int col) const = 0;
    virtual QString cellToolTip(int row, int col) const = 0;

protected:
    virtual QString emptyText() const { return {}; }  // when not empty: shown instead of the grid
    virtual QString cornerText() const { return {}; } // the axis titles, in the top-left corner
    virtual bool paintsCells() const { return false; }
    virtual float cellValue(int row, int col) const;  // [0, 1]; NaN: no cell (background)
    virtual void paintCell(QPainter& p, const QRect& rect, int row, int col) const;
    virtual void cellClicked(int /*row*/, int /*col*/) {}
    virtual void rowLabelClicked(int /*row*/) {}
    virtual void colLabelClicked(int /*col*/) {}
    virtual bool rowSelected(int /*row*/) const { return false; }
    virtual bool colSelected(int /*col*/) const { return false; }
    virtual int maxLabelWidth() const { return 120; }
    virtual bool verticalColumnLabels() const;  // default: when a label would not fit the cell width

    void paintEvent(QPaintEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    bool viewportEvent(QEvent* e) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent* e) override;

    QRect gridArea() const;  // the viewport part that shows cells

private:
    void rebuild();  // labels, image and scroll bars from the data as it is now
    void updateBars();
    void measureLabels(int fromRow, int fromCol);
    void renderImage(int fromRow, int fromCol);
    bool atEnd(const QScrollBar* b) const;

    QSize cell_{16, 16};
    Scale scale_ = Scale::Linear;
    QImage image_;  // one pixel per cell (value mode)
    int rowLabelW_ = 0, colLabelH_ = 0;
    int hoverRow_ = -1, hoverCol_ = -1;
    bool stale_ = false;  // the data changed while hidden
};

}  // namespace glassbox::ui::inspector
