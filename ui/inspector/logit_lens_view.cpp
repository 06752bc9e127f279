#include "inspector/logit_lens_view.h"

#include <QPainter>

#include "inspection/inspection_model.h"

namespace glassbox::ui::inspector {

using inspection::InspectionModel;
using inspection::InspectionRecord;

LogitLensView::LogitLensView(InspectionModel* model, QWidget* parent) : HeatmapView(parent), model_(model) {
    setObjectName(QStringLiteral("logitLens"));
    const QFontMetrics fm(font());
    setCellSize(QSize(fm.horizontalAdvance(QStringLiteral("MMMMM")) + 10, fm.height() + 8));
    connect(model_, &InspectionModel::currentChanged, this, [this] {
        reset();
        scrollToEnd();
    });
    connect(model_, &InspectionModel::currentGrew, this, [this](int, int oldRows) { grew(oldRows == 0 ? 0 : rowCount(), oldRows); });
    connect(model_, &InspectionModel::selectionChanged, this, [this] { viewport()->update(); });
    reset();
}

const InspectionRecord* LogitLensView::record() const { return model_->current(); }

int LogitLensView::firstPosition() const {
    const InspectionRecord* r = record();
    return r ? r->rowBase : 0;
}

int LogitLensView::rowCount() const {
    const InspectionRecord* r = record();
    return r && r->plan.lensK > 0 && r->rowCount > 0 ? r->shape.layers : 0;
}

int LogitLensView::colCount() const {
    const InspectionRecord* r = record();
    return rowCount() > 0 ? r->rowCount : 0;
}

QString LogitLensView::rowLabel(int row) const {
    const InspectionRecord* r = record();
    return r && row == r->shape.layers - 1 ? tr("Layer %1 (output)").arg(row) : tr("Layer %1").arg(row);
}

QString LogitLensView::colLabel(int col) const {
    const InspectionRecord* r = record();
    return r ? r->label(firstPosition() + col) : QString();
}

QString LogitLensView::cornerText() const { return tr("Input token →") + QLatin1Char('\n') + tr("Layer ↓"); }

QString LogitLensView::piece(int id) const {
    const InspectionRecord* r = record();
    if (!r || id < 0) return QStringLiteral("–");
    const auto it = r->lensVocab.constFind(id);
    if (it == r->lensVocab.constEnd()) return QStringLiteral("#%1").arg(id);
    QString t = QString::fromUtf8(it->piece);
    if (t.isEmpty() || t.contains(QChar::ReplacementCharacter)) t = it->spelling;
    return inspection::visibleText(t, 10);
}

QString LogitLensView::cellText(int row, int col) const {
    const InspectionRecord* r = record();
    return r ? piece(r->lensToken(firstPosition() + col, row, 0)) : QString();
}

QColor LogitLensView::cellColor(int row, int col) const {
    const InspectionRecord* r = record();
    return viridis(r ? scaled(r->lensProb(firstPosition() + col, row, 0), scale()) : 0.f);
}

bool LogitLensView::matchesNext(int row, int col) const {
    const InspectionRecord* r = record();
    const int pos = firstPosition() + col;
    return r && pos + 1 < r->positions() && r->lensToken(pos, row, 0) == r->tokens[pos + 1].id;
}

void LogitLensView::paintCell(QPainter& p, const QRect& rect, int row, int col) const {
    const QColor bg = cellColor(row, col);
    const QRect inner = rect.adjusted(0, 0, -1, -1);
    p.fillRect(inner, bg);
    if (matchesNext(row, col)) {
        p.setPen(QPen(textOn(bg), 1, Qt::SolidLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(inner.adjusted(1, 1, -2, -2));
    }
    p.setPen(textOn(bg));
    const QFontMetrics fm(font());
    p.drawText(inner.adjusted(3, 0, -3, 0), Qt::AlignCenter, fm.elidedText(cellText(row, col), Qt::ElideRight, inner.width() - 6));
}

QString LogitLensView::cellToolTip(int row, int col) const {
    const InspectionRecord* r = record();
    if (!r) return {};
    const int pos = firstPosition() + col;
    QString s = tr("After layer %1 at position %2 (input %3):").arg(row).arg(pos).arg(QChar(0x201C) + r->label(pos) + QChar(0x201D));
    for (int k = 0; k < r->plan.lensK; ++k) {
        const int id = r->lensToken(pos, row, k);
        if (id < 0) break;
        s += QStringLiteral("\n%1. %2  %3 %").arg(k + 1).arg(QChar(0x201C) + piece(id) + QChar(0x201D)).arg(double(r->lensProb(pos, row, k)) * 100.0, 0, 'f', 1);
    }
    if (pos + 1 < r->positions()) s += QLatin1Char('\n') + tr("The text continues with %1").arg(QChar(0x201C) + r->label(pos + 1) + QChar(0x201D));
    return s;
}

QString LogitLensView::emptyText() const {
    const InspectionRecord* r = record();
    if (!r) return tr("Send a message: the top token after each layer appears here.");
    if (r->plan.lensK <= 0)
        return tr("The logit lens was not computed for this reply. It is computed while the inspector is open (for "
                  "large models only while this tab is shown, since it costs one output-head product per layer and "
                  "token). Regenerate the reply to see it.");
    if (r->rowCount == 0) return tr("Waiting for the first evaluated token…");
    return {};
}

void LogitLensView::cellClicked(int, int col) { model_->setSelectedPosition(firstPosition() + col); }

void LogitLensView::colLabelClicked(int col) { model_->setSelectedPosition(firstPosition() + col); }

bool LogitLensView::colSelected(int col) const { return firstPosition() + col == model_->selectedPosition(); }

}  // namespace glassbox::ui::inspector
