#include "inspector/routing_grid_view.h"

#include <QPainter>
#include <QResizeEvent>

#include "inspection/inspection_model.h"

namespace glassbox::ui::inspector {

using inspection::InspectionModel;
using inspection::InspectionRecord;

RoutingGridView::RoutingGridView(InspectionModel* model, QWidget* parent) : HeatmapView(parent), model_(model) {
    setObjectName(QStringLiteral("routingGrid"));
    const QFontMetrics fm(font());
    setCellSize(QSize(std::max(64, fm.horizontalAdvance(QStringLiteral("E00 E00")) + 12), fm.height() + 6));
    connect(model_, &InspectionModel::currentChanged, this, [this] {
        reset();
        QResizeEvent e(viewport()->size(), viewport()->size());
        resizeEvent(&e);
        scrollToEnd();
    });
    connect(model_, &InspectionModel::currentGrew, this, [this](int, int oldRows) {
        grew(oldRows, oldRows == 0 ? 0 : colCount());
        if (oldRows == 0) {
            QResizeEvent e(viewport()->size(), viewport()->size());
            resizeEvent(&e);
        }
    });
    connect(model_, &InspectionModel::selectionChanged, this, [this] { viewport()->update(); });
    reset();
}

const InspectionRecord* RoutingGridView::record() const { return model_->current(); }

void RoutingGridView::resizeEvent(QResizeEvent* e) {
    // Layers share the width (a few layers get wide cells, many layers scroll at the minimum).
    const QFontMetrics fm(font());
    const int minW = std::max(64, fm.horizontalAdvance(QStringLiteral("E00 E00")) + 12);
    const int cols = std::max(1, colCount());
    const int w = std::clamp((viewport()->width() - gridArea().left() - 2) / cols, minW, 160);
    if (w != cellSize().width()) setCellSize(QSize(w, cellSize().height()));
    HeatmapView::resizeEvent(e);
}

int RoutingGridView::firstPosition() const {
    const InspectionRecord* r = record();
    return r ? r->rowBase : 0;
}

int RoutingGridView::rowCount() const {
    const InspectionRecord* r = record();
    return r && r->plan.routing ? r->rowCount : 0;
}

int RoutingGridView::colCount() const {
    const InspectionRecord* r = record();
    return r && r->plan.routing ? r->shape.layers : 0;
}

QString RoutingGridView::rowLabel(int row) const {
    const InspectionRecord* r = record();
    if (!r) return {};
    const int pos = firstPosition() + row;
    return QStringLiteral("%1  %2").arg(r->label(pos)).arg(pos);
}

QString RoutingGridView::colLabel(int col) const { return tr("L%1").arg(col); }

QString RoutingGridView::cornerText() const { return tr("Layer →") + QLatin1Char('\n') + tr("Token ↓"); }

QVector<QRect> RoutingGridView::segments(const QRect& cell, int row, int col) const {
    QVector<QRect> out;
    const InspectionRecord* r = record();
    if (!r) return out;
    const int pos = firstPosition() + row, K = r->expertsUsed();
    const QRect inner = cell.adjusted(1, 1, -1, -1);
    double total = 0;
    for (int k = 0; k < K; ++k) total += std::max(0.f, r->chosenWeight(pos, col, k));
    int x = inner.left();
    for (int k = 0; k < K; ++k) {
        const double share = total > 0 ? std::max(0.f, r->chosenWeight(pos, col, k)) / total : 1.0 / K;
        const int w = k == K - 1 ? inner.right() + 1 - x : int(std::lround(share * inner.width()));
        out.append(QRect(x, inner.top(), std::max(0, w), inner.height()));
        x += w;
    }
    return out;
}

QRect RoutingGridView::segmentRect(int row, int col, int k) const {
    const QVector<QRect> s = segments(cellRect(row, col), row, col);
    return k >= 0 && k < s.size() ? s[k] : QRect();
}

void RoutingGridView::paintCell(QPainter& p, const QRect& rect, int row, int col) const {
    const InspectionRecord* r = record();
    const int pos = firstPosition() + row;
    const QVector<QRect> segs = segments(rect, row, col);
    const QFontMetrics fm(font());
    for (int k = 0; k < segs.size(); ++k) {
        const int e = r->chosenExpert(pos, col, k);
        const QColor c = expertColor(e);
        p.fillRect(segs[k], c);
        const QString text = e < 0 ? QStringLiteral("–") : QString::number(e);
        if (fm.horizontalAdvance(text) + 2 <= segs[k].width()) {
            p.setPen(textOn(c));
            QFont f = font();
            f.setBold(k == 0);
            p.setFont(f);
            p.drawText(segs[k], Qt::AlignCenter, text);
        }
    }
    p.setFont(font());
    if (rowSelected(row)) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect.adjusted(1, 1, -1, -1));
    }
}

QString RoutingGridView::cellToolTip(int row, int col) const {
    const InspectionRecord* r = record();
    if (!r) return {};
    const int pos = firstPosition() + row, K = r->expertsUsed(), E = r->shape.experts;
    QString html = QStringLiteral("<b>%1</b><br>").arg(
        tr("Layer %1, token %2 (position %3)").arg(col).arg((QChar(0x201C) + r->label(pos) + QChar(0x201D)).toHtmlEscaped()).arg(pos));
    QStringList chosen;
    for (int k = 0; k < K; ++k)
        chosen << tr("E%1 %2 %").arg(r->chosenExpert(pos, col, k)).arg(double(r->chosenWeight(pos, col, k)) * 100.0, 0, 'f', 1);
    html += tr("Chosen: %1").arg(chosen.join(QStringLiteral(", "))) + QStringLiteral("<br>");
    if (r->shape.sharedExperts > 0) html += tr("Shared experts (always on): %1").arg(r->shape.sharedExperts) + QStringLiteral("<br>");
    const float* router = r->routerRow(pos, col);
    if (router) {
        html += tr("Router (softmax over all %1 experts):").arg(E);
        html += QStringLiteral("<table cellspacing=0 cellpadding=1>");
        for (int e = 0; e < E; ++e) {
            const int w = std::max(1, int(std::lround(router[e] * 120)));
            bool isChosen = false;
            for (int k = 0; k < K; ++k) isChosen = isChosen || r->chosenExpert(pos, col, k) == e;
            html += QStringLiteral("<tr><td>%1E%2%3</td><td align=right>&nbsp;%4&nbsp;%&nbsp;</td>"
                                   "<td><table cellspacing=0 cellpadding=0><tr><td width=%5 height=8 bgcolor=%6></td></tr></table></td></tr>")
                        .arg(isChosen ? QStringLiteral("<b>") : QString())
                        .arg(e)
                        .arg(isChosen ? QStringLiteral("</b>") : QString())
                        .arg(double(router[e]) * 100.0, 0, 'f', 1)
                        .arg(w)
                        .arg(expertColor(e).name());
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

QString RoutingGridView::emptyText() const {
    const InspectionRecord* r = record();
    if (!r) return tr("Send a message: the experts each token is routed to appear here while the reply is written.");
    if (!r->shape.isMoe())
        return tr("This model is dense: every token goes through the same feed-forward network in every layer. "
                  "It has no experts, so there is no routing to show.");
    if (!r->plan.routing) return tr("Routing was not recorded for this reply.");
    if (r->rowCount == 0) return tr("Waiting for the first evaluated token…");
    return {};
}

void RoutingGridView::cellClicked(int row, int) { model_->setSelectedPosition(firstPosition() + row); }

void RoutingGridView::rowLabelClicked(int row) { model_->setSelectedPosition(firstPosition() + row); }

bool RoutingGridView::rowSelected(int row) const { return firstPosition() + row == model_->selectedPosition(); }

}  // namespace glassbox::ui::inspector
