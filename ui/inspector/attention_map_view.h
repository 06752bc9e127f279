#pragma once
// Attention of one layer and head (or the mean / max over the layer's heads): queries (the
// positions this reply evaluated) down, keys across, tokens as labels, the weight on hover.
// Clicking a query's label or a cell selects that query token (the token view and the
// "every layer" view follow).
#include "inspector/heatmap_view.h"

namespace glassbox::inspection {
class InspectionModel;
struct InspectionRecord;
}

namespace glassbox::ui::inspector {

class AttentionMapView : public HeatmapView {
    Q_OBJECT
public:
    explicit AttentionMapView(inspection::InspectionModel* model, QWidget* parent = nullptr);

    // Row r is query position firstQuery() + r; column c is key position c.
    int firstQuery() const;
    int rowCount() const override;
    int colCount() const override;
    QString rowLabel(int row) const override;
    QString colLabel(int col) const override;
    QString cellToolTip(int row, int col) const override;
    QString emptyText() const override;
    QString headName() const;  // "head 3 (KV head 1)", "mean of 4 heads", …

protected:
    QString cornerText() const override;
    float cellValue(int row, int col) const override;
    void cellClicked(int row, int col) override;
    void rowLabelClicked(int row) override;
    bool rowSelected(int row) const override;
    bool colSelected(int col) const override;

private:
    const inspection::InspectionRecord* record() const;
    inspection::InspectionModel* model_;
    int shownLayer_ = -1, shownHead_ = -100;
};

// What one query token attended to in every layer: layers down, keys across (mean, max, or the
// chosen head where it was recorded).
class TokenLayersView : public HeatmapView {
    Q_OBJECT
public:
    explicit TokenLayersView(inspection::InspectionModel* model, QWidget* parent = nullptr);

    int rowCount() const override;
    int colCount() const override;
    QString rowLabel(int row) const override;
    QString colLabel(int col) const override;
    QString cellToolTip(int row, int col) const override;
    QString emptyText() const override;
    int headShown(int layer) const;  // the model's head where recorded, else the mean

protected:
    QString cornerText() const override;
    float cellValue(int row, int col) const override;
    bool colSelected(int col) const override;

private:
    const inspection::InspectionRecord* record() const;
    inspection::InspectionModel* model_;
};

}  // namespace glassbox::ui::inspector
