#pragma once
// Expert routing of an MoE model: tokens down, layers across. Each cell is split in proportion to
// the chosen experts' weights, each part in its expert's colour (the top-1 expert first, with its
// number); hovering shows the router's whole distribution. Dense models say so instead.
#include "inspector/heatmap_view.h"

namespace glassbox::inspection {
class InspectionModel;
struct InspectionRecord;
}

namespace glassbox::ui::inspector {

class RoutingGridView : public HeatmapView {
    Q_OBJECT
public:
    explicit RoutingGridView(inspection::InspectionModel* model, QWidget* parent = nullptr);

    // Row r is position firstPosition() + r; column c is layer c.
    int firstPosition() const;
    int rowCount() const override;
    int colCount() const override;
    QString rowLabel(int row) const override;
    QString colLabel(int col) const override;
    QString cellToolTip(int row, int col) const override;
    QString emptyText() const override;
    QRect segmentRect(int row, int col, int k) const;  // where the k-th chosen expert is drawn

protected:
    QString cornerText() const override;
    bool paintsCells() const override { return true; }
    void paintCell(QPainter& p, const QRect& rect, int row, int col) const override;
    void cellClicked(int row, int col) override;
    void rowLabelClicked(int row) override;
    bool rowSelected(int row) const override;
    bool verticalColumnLabels() const override { return false; }
    void resizeEvent(QResizeEvent* e) override;

private:
    const inspection::InspectionRecord* record() const;
    QVector<QRect> segments(const QRect& cell, int row, int col) const;
    inspection::InspectionModel* model_;
};

}  // namespace glassbox::ui::inspector
