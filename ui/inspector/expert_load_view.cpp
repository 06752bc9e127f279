#include "inspector/expert_load_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include "inspection/inspection_export.h"
#include "inspection/inspection_model.h"
#include "inspector/colormap.h"

namespace glassbox::ui::inspector {

using inspection::InspectionModel;
using inspection::InspectionRecord;

namespace {
constexpr int kPlotH = 52, kGap = 8, kLeft = 70;
}

ExpertLoadView::ExpertLoadView(InspectionModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    setObjectName(QStringLiteral("expertLoad"));
    QSizePolicy sp(QSizePolicy::Preferred, QSizePolicy::Preferred);
    sp.setHeightForWidth(true);
    setSizePolicy(sp);
    setMouseTracking(true);
    connect(model_, &InspectionModel::currentChanged, this, &ExpertLoadView::invalidate);
    connect(model_, &InspectionModel::currentGrew, this, &ExpertLoadView::invalidate);
    recompute();
}

void ExpertLoadView::setEarlier(const QList<std::shared_ptr<const InspectionRecord>>& earlier) {
    earlier_ = earlier;
    invalidate();
}

void ExpertLoadView::invalidate() {
    stale_ = true;
    if (isVisible()) recompute();
}

void ExpertLoadView::fresh() const {
    if (stale_) const_cast<ExpertLoadView*>(this)->recompute();
}

void ExpertLoadView::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    fresh();
}

void ExpertLoadView::recompute() {
    stale_ = false;
    reply_.clear();
    conversation_.clear();
    const InspectionRecord* r = model_->current();
    if (r && r->plan.routing && r->shape.isMoe()) {
        const int L = r->shape.layers, E = r->shape.experts;
        const int end = r->rowBase + r->rowCount;
        for (int l = 0; l < L; ++l) {
            reply_.append(inspection::expertLoad(*r, l, r->promptLength, end));
            // The conversation: this record's evaluated positions, then what earlier replies evaluated
            // before them (newest first, each position counted once).
            QVector<double> counts(E, 0.0);
            auto add = [&](const InspectionRecord& rec, int from, int to) {
                const QVector<double> share = inspection::expertLoad(rec, l, from, to);
                const int n = std::max(0, std::min(to, rec.rowBase + rec.rowCount) - std::max(from, rec.rowBase));
                if (rec.shape.experts != E) return;
                for (int e = 0; e < E; ++e) counts[e] += share[e] * n;
            };
            add(*r, r->rowBase, end);
            int coveredFrom = r->rowBase;
            for (auto it = earlier_.crbegin(); it != earlier_.crend(); ++it) {
                const InspectionRecord& rec = **it;
                if (!rec.plan.routing || rec.conversationId != r->conversationId) continue;
                add(rec, rec.rowBase, coveredFrom);
                coveredFrom = std::min(coveredFrom, rec.rowBase);
            }
            double total = 0;
            for (double c : counts) total += c;
            if (total > 0)
                for (double& c : counts) c /= total;
            conversation_.append(counts);
        }
    }
    updateGeometry();
    update();
}

QVector<double> ExpertLoadView::replyLoad(int layer) const {
    fresh();
    return reply_.value(layer);
}

QVector<double> ExpertLoadView::conversationLoad(int layer) const {
    fresh();
    return conversation_.value(layer);
}

QString ExpertLoadView::emptyText() const {
    const InspectionRecord* r = model_->current();
    if (!r) return tr("The experts' load per layer appears here.");
    if (!r->shape.isMoe()) return tr("This model is dense: it has no experts, so there is no expert load to show.");
    if (!r->plan.routing) return tr("Routing was not recorded for this reply.");
    return {};
}

QRect ExpertLoadView::plotRect(int layer) const {
    const QFontMetrics fm(font());
    const int top = fm.height() * 2 + 10;  // the legend line
    return QRect(kLeft, top + layer * (kPlotH + fm.height() + kGap), std::max(40, width() - kLeft - kGap), kPlotH);
}

double ExpertLoadView::yMax() const {
    double m = 0;
    for (const auto& v : reply_)
        for (double x : v) m = std::max(m, x);
    for (const auto& v : conversation_)
        for (double x : v) m = std::max(m, x);
    return std::max(m, 0.05);
}

QRect ExpertLoadView::barRect(int layer, int expert, bool conversation) const {
    fresh();
    if (layer < 0 || layer >= reply_.size() || expert < 0 || expert >= reply_[layer].size()) return {};
    const QRect plot = plotRect(layer);
    const int E = int(reply_[layer].size());
    const double slot = double(plot.width()) / E;
    const int barW = std::max(2, int(slot / 2) - 2);
    const double v = conversation ? conversation_[layer][expert] : reply_[layer][expert];
    const int h = int(std::lround(v / yMax() * plot.height()));
    const int x = plot.left() + int(expert * slot) + 2 + (conversation ? barW + 1 : 0);
    return QRect(x, plot.bottom() + 1 - h, barW, h);
}

int ExpertLoadView::heightForWidth(int) const {
    const QFontMetrics fm(font());
    const int L = std::max(1, int(reply_.size()));
    return reply_.isEmpty() ? 60 : plotRect(L - 1).bottom() + fm.height() + kGap;
}

QSize ExpertLoadView::sizeHint() const { return {360, heightForWidth(360)}; }

void ExpertLoadView::paintEvent(QPaintEvent*) {
    fresh();
    QPainter p(this);
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    const QString empty = emptyText();
    if (!empty.isEmpty() || reply_.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, empty);
        return;
    }
    const int E = int(reply_[0].size());
    // Legend: solid = this reply, outlined = the conversation, dashed line = balanced.
    int x = kGap;
    const int y = 4, sw = fm.height() - 4;
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(x, y, width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("Share of top-%1 choices per layer:").arg(model_->current()->shape.expertsUsed));
    const int y2 = y + fm.height() + 2;
    p.fillRect(QRect(x, y2 + 2, sw, sw), pal.color(QPalette::WindowText));
    x += sw + 4;
    const QString replyText = tr("this reply");
    p.drawText(QRect(x, y2, fm.horizontalAdvance(replyText) + 2, fm.height()), Qt::AlignVCenter, replyText);
    x += fm.horizontalAdvance(replyText) + 14;
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRect(x, y2 + 2, sw - 1, sw - 1));
    x += sw + 4;
    const QString convText = tr("conversation");
    p.drawText(QRect(x, y2, fm.horizontalAdvance(convText) + 2, fm.height()), Qt::AlignVCenter, convText);
    x += fm.horizontalAdvance(convText) + 14;
    p.setPen(QPen(pal.color(QPalette::WindowText), 1, Qt::DashLine));
    p.drawLine(x, y2 + fm.height() / 2, x + 16, y2 + fm.height() / 2);
    x += 20;
    p.setPen(pal.color(QPalette::WindowText));
    const QString balanced = tr("balanced (1/%1)").arg(E);
    p.drawText(QRect(x, y2, fm.horizontalAdvance(balanced) + 2, fm.height()), Qt::AlignVCenter, balanced);

    const double ymax = yMax();
    for (int l = 0; l < reply_.size(); ++l) {
        const QRect plot = plotRect(l);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(0, plot.center().y() - fm.height() / 2, kLeft - 8, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   tr("Layer %1").arg(l));
        // The scale: the top of the plot is the largest share shown anywhere.
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(plot.right() - 60, plot.top() - 2, 60, fm.height()), Qt::AlignRight | Qt::AlignTop,
                   QStringLiteral("%1 %").arg(int(std::lround(ymax * 100))));
        p.setPen(QPen(pal.color(QPalette::Midlight), 1, Qt::DotLine));
        p.drawLine(plot.left(), plot.top(), plot.right() - 64, plot.top());
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(plot.left(), plot.bottom() + 1, plot.right(), plot.bottom() + 1);
        for (int e = 0; e < E; ++e) {
            const QColor c = expertColor(e);
            p.fillRect(barRect(l, e, false), c);
            p.setPen(QPen(c.darker(130), 1));
            p.setBrush(c.lighter(160));
            const QRect cr = barRect(l, e, true);
            if (cr.height() > 0) p.drawRect(cr.adjusted(0, 0, -1, -1));
            p.setBrush(Qt::NoBrush);
            p.setPen(pal.color(QPalette::WindowText));
            const double slot = double(plot.width()) / E;
            const QString label = QString::number(e);
            if (fm.horizontalAdvance(label) < slot)
                p.drawText(QRect(plot.left() + int(e * slot), plot.bottom() + 2, int(slot), fm.height()), Qt::AlignCenter, label);
        }
        const int yb = plot.bottom() + 1 - int(std::lround(1.0 / E / ymax * plot.height()));
        p.setPen(QPen(pal.color(QPalette::WindowText), 1, Qt::DashLine));
        p.drawLine(plot.left(), yb, plot.right(), yb);
    }
}

QString ExpertLoadView::toolTipAt(const QPoint& pt) const {
    fresh();
    for (int l = 0; l < reply_.size(); ++l) {
        const QRect plot = plotRect(l);
        if (pt.y() < plot.top() || pt.y() > plot.bottom() + 1 || pt.x() < plot.left() || pt.x() > plot.right()) continue;
        const int E = int(reply_[l].size());
        const int e = std::clamp(int((pt.x() - plot.left()) * E / std::max(1, plot.width())), 0, E - 1);
        return tr("Layer %1, expert %2\nThis reply: %3 % of the choices\nConversation: %4 %")
            .arg(l)
            .arg(e)
            .arg(reply_[l][e] * 100, 0, 'f', 1)
            .arg(conversation_[l][e] * 100, 0, 'f', 1);
    }
    return {};
}

bool ExpertLoadView::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        const QString t = toolTipAt(he->pos());
        if (t.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), t, this);
        return true;
    }
    return QWidget::event(e);
}

}  // namespace glassbox::ui::inspector
