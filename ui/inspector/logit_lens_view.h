#pragma once
// The logit lens: the final norm and output head applied after every layer. Layers down,
// positions across; each cell names the top token at that depth, on a background coloured by its
// probability. A cell whose top token is the one the text actually continues with is framed.
#include "inspector/heatmap_view.h"

namespace glassbox::inspection {
class InspectionModel;
struct InspectionRecord;
}

namespace glassbox::ui::inspector {

class LogitLensView : public HeatmapView {
    Q_OBJECT
public:
    explicit LogitLensView(inspection::InspectionModel* model, QWidget* parent = nullptr);

    // Row r is layer r; column c is position firstPosition() + c.
    int firstPosition() const;
    int rowCount() const override;
    int colCount() const override;
    QString rowLabel(int row) const override;
    QString colLabel(int col) const override;
    QString cellToolTip(int row, int col) const override;
    QString emptyText() const override;
    QString cellText(int row, int col) const;  // the top token as shown
    QColor cellColor(int row, int col) const;
    bool matchesNext(int row, int col) const;  // the top token is the next token of the text

protected:
    QString cornerText() const override;
    bool paintsCells() const override { return true; }
    void paintCell(QPainter& p, const QRect& rect, int row, int col) const override;
    void cellClicked(int row, int col) override;
    void colLabelClicked(int col) override;
    bool colSelected(int col) const override;
    bool verticalColumnLabels() const override { return false; }

private:
    const inspection::InspectionRecord* record() const;
    QString piece(int id) const;
    inspection::InspectionModel* model_;
};

}  // namespace glassbox::ui::inspector
