#include "inspector/attention_map_view.h"

#include <cmath>

#include "inspection/inspection_model.h"

namespace glassbox::ui::inspector {

using inspection::InspectionModel;
using inspection::InspectionRecord;
using inspection::MaxHead;
using inspection::MeanHead;

namespace {

QString percent(float v) { return QString::number(double(v) * 100.0, 'f', v < 0.001f ? 3 : 1) + QLatin1String(" %"); }

QString quoted(const QString& s) { return QChar(0x201C) + s + QChar(0x201D); }

}  // namespace

// ---------------------------------------------------------------------------------- AttentionMapView

AttentionMapView::AttentionMapView(InspectionModel* model, QWidget* parent) : HeatmapView(parent), model_(model) {
    setObjectName(QStringLiteral("attentionMap"));
    connect(model_, &InspectionModel::currentChanged, this, [this] {
        reset();
        scrollToEnd();
    });
    connect(model_, &InspectionModel::currentGrew, this, [this](int oldPositions, int oldRows) {
        const InspectionRecord* r = record();
        // Rows start at the record's first evaluated position; columns are positions.
        grew(r ? oldRows : 0, r ? qMin(oldPositions, r->rowBase + oldRows) : 0);
    });
    connect(model_, &InspectionModel::selectionChanged, this, [this] {
        if (shownLayer_ == model_->layer() && shownHead_ == model_->head()) return viewport()->update();
        shownLayer_ = model_->layer();
        shownHead_ = model_->head();
        reset();
    });
    shownLayer_ = model_->layer();
    shownHead_ = model_->head();
    reset();
}

const InspectionRecord* AttentionMapView::record() const { return model_->current(); }

int AttentionMapView::firstQuery() const {
    const InspectionRecord* r = record();
    return r ? r->rowBase : 0;
}

int AttentionMapView::rowCount() const {
    const InspectionRecord* r = record();
    return r && r->matrix(model_->layer(), model_->head()) ? r->rowCount : 0;
}

int AttentionMapView::colCount() const {
    const InspectionRecord* r = record();
    return r && r->matrix(model_->layer(), model_->head()) ? r->rowBase + r->rowCount : 0;
}

QString AttentionMapView::rowLabel(int row) const {
    const InspectionRecord* r = record();
    return r ? r->label(r->rowBase + row) : QString();
}

QString AttentionMapView::colLabel(int col) const {
    const InspectionRecord* r = record();
    return r ? r->label(col) : QString();
}

float AttentionMapView::cellValue(int row, int col) const {
    const InspectionRecord* r = record();
    const int q = firstQuery() + row;
    if (!r || col > q) return std::nanf("");
    return r->attention(model_->layer(), model_->head(), q, col);
}

QString AttentionMapView::headName() const {
    const InspectionRecord* r = record();
    const int h = model_->head();
    const int heads = r ? r->shape.heads : 0;
    if (h == MeanHead) return tr("mean over its %1 heads").arg(heads);
    if (h == MaxHead) return tr("maximum over its %1 heads").arg(heads);
    if (r && r->shape.kvHeads < r->shape.heads) return tr("head %1 (KV head %2)").arg(h).arg(r->shape.kvHeadOf(h));
    return tr("head %1").arg(h);
}

QString AttentionMapView::cellToolTip(int row, int col) const {
    const InspectionRecord* r = record();
    if (!r) return {};
    const int q = firstQuery() + row;
    if (col > q) return tr("Position %1 cannot attend to the later position %2.").arg(q).arg(col);
    const float w = r->attention(model_->layer(), model_->head(), q, col);
    return tr("Layer %1, %2\nQuery %3 %4 → key %5 %6\nWeight %7 (%8)")
        .arg(model_->layer())
        .arg(headName())
        .arg(q)
        .arg(quoted(r->label(q)))
        .arg(col)
        .arg(quoted(r->label(col)))
        .arg(QString::number(double(w), 'f', 4))
        .arg(percent(w));
}

QString AttentionMapView::emptyText() const {
    const InspectionRecord* r = record();
    if (!r) return tr("Send a message: the attention of each layer and head appears here while the reply is written.");
    if (!r->hasAttention())
        return tr("Attention was not recorded for this reply: the inspector was closed while it was written. "
                  "Keep the inspector open and regenerate the reply to see it.");
    if (!r->matrix(model_->layer(), model_->head()))
        return tr("The heads of layer %1 were not kept for this reply (this model has %2 layers × %3 heads; only the "
                  "chosen layer keeps every head). Its mean and maximum were kept; choose layer %1 before the next "
                  "reply to keep its heads.")
            .arg(model_->layer())
            .arg(r->shape.layers)
            .arg(r->shape.heads);
    if (r->rowCount == 0) return tr("Waiting for the first evaluated token…");
    return {};
}

QString AttentionMapView::cornerText() const { return tr("Key →") + QLatin1Char('\n') + tr("Query ↓"); }

void AttentionMapView::cellClicked(int row, int) { model_->setSelectedPosition(firstQuery() + row); }

void AttentionMapView::rowLabelClicked(int row) { model_->setSelectedPosition(firstQuery() + row); }

bool AttentionMapView::rowSelected(int row) const { return firstQuery() + row == model_->selectedPosition(); }

bool AttentionMapView::colSelected(int col) const { return col == model_->selectedPosition(); }

// ---------------------------------------------------------------------------------- TokenLayersView

TokenLayersView::TokenLayersView(InspectionModel* model, QWidget* parent) : HeatmapView(parent), model_(model) {
    setObjectName(QStringLiteral("tokenLayers"));
    setCellSize(QSize(20, 22));  // wide enough for a CJK character with its byte index (爱¹) upright
    connect(model_, &InspectionModel::currentChanged, this, [this] {
        reset();
        scrollToEnd();
    });
    connect(model_, &InspectionModel::currentGrew, this, [this] { reset(); });
    connect(model_, &InspectionModel::selectionChanged, this, [this] {
        reset();
        scrollToEnd();
    });
    reset();
}

const InspectionRecord* TokenLayersView::record() const { return model_->current(); }

int TokenLayersView::headShown(int layer) const {
    const InspectionRecord* r = record();
    const int h = model_->head();
    return r && r->matrix(layer, h) ? h : MeanHead;
}

int TokenLayersView::rowCount() const {
    const InspectionRecord* r = record();
    return r && r->hasAttention() && r->hasRow(model_->selectedPosition()) ? r->shape.layers : 0;
}

int TokenLayersView::colCount() const { return rowCount() > 0 ? model_->selectedPosition() + 1 : 0; }

QString TokenLayersView::rowLabel(int row) const { return tr("Layer %1").arg(row); }

QString TokenLayersView::colLabel(int col) const {
    const InspectionRecord* r = record();
    return r ? r->label(col) : QString();
}

float TokenLayersView::cellValue(int row, int col) const {
    const InspectionRecord* r = record();
    return r ? r->attention(row, headShown(row), model_->selectedPosition(), col) : std::nanf("");
}

QString TokenLayersView::cellToolTip(int row, int col) const {
    const InspectionRecord* r = record();
    if (!r) return {};
    const int q = model_->selectedPosition(), h = headShown(row);
    const float w = r->attention(row, h, q, col);
    const QString head = h == MeanHead ? tr("mean over heads") : h == MaxHead ? tr("maximum over heads") : tr("head %1").arg(h);
    return tr("Layer %1, %2\n%3 (position %4) → %5 (position %6)\nWeight %7 (%8)")
        .arg(row)
        .arg(head)
        .arg(quoted(r->label(q)))
        .arg(q)
        .arg(quoted(r->label(col)))
        .arg(col)
        .arg(QString::number(double(w), 'f', 4))
        .arg(percent(w));
}

QString TokenLayersView::emptyText() const {
    const InspectionRecord* r = record();
    if (!r || !r->hasAttention()) return tr("No attention was recorded for this reply.");
    const int pos = model_->selectedPosition();
    if (pos < 0) return tr("Click a token to see what it attended to in every layer.");
    if (!r->hasRow(pos))
        return tr("Position %1 was not evaluated in this reply (it came from the cache of an earlier turn, or it is the "
                  "last token, which is never fed back).")
            .arg(pos);
    return {};
}

QString TokenLayersView::cornerText() const { return tr("Key →"); }

bool TokenLayersView::colSelected(int col) const { return col == model_->selectedPosition(); }

}  // namespace glassbox::ui::inspector
