#include "inspector/head_grid_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include "inspection/inspection_model.h"
#include "inspector/colormap.h"

namespace glassbox::ui::inspector {

using inspection::InspectionModel;
using inspection::InspectionRecord;
using inspection::Triangle;

namespace {
constexpr int kGap = 10;
}

HeadGridView::HeadGridView(InspectionModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    setObjectName(QStringLiteral("headGrid"));
    QSizePolicy sp(QSizePolicy::Preferred, QSizePolicy::Preferred);
    sp.setHeightForWidth(true);
    setSizePolicy(sp);
    setMouseTracking(true);
    throttle_.setSingleShot(true);
    throttle_.setInterval(200);
    connect(&throttle_, &QTimer::timeout, this, &HeadGridView::render);
    connect(model_, &InspectionModel::currentChanged, this, &HeadGridView::render);
    connect(model_, &InspectionModel::currentGrew, this, [this] {
        if (!throttle_.isActive()) throttle_.start();
    });
    connect(model_, &InspectionModel::selectionChanged, this, [this] {
        if (thumbs_.size() != heads() || property("layer").toInt() != model_->layer())
            render();
        else
            update();
    });
    render();
}

int HeadGridView::heads() const {
    const InspectionRecord* r = model_->current();
    return r && r->hasAttention() ? r->shape.heads : 0;
}

void HeadGridView::render() {
    setProperty("layer", model_->layer());
    thumbs_.clear();
    const InspectionRecord* r = model_->current();
    const int H = heads();
    for (int h = 0; h < H; ++h) {
        const Triangle* t = r->matrix(model_->layer(), h);
        if (!t || t->rows() == 0) {
            thumbs_.append(QImage());
            continue;
        }
        // Rows: queries; columns: keys 0 … last query. Max-pooled down to at most kThumb pixels.
        const int rows = t->rows(), cols = t->base() + rows;
        const int w = std::min(cols, kThumb), h2 = std::min(rows, kThumb);
        QImage img(w, h2, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::transparent);
        for (int y = 0; y < h2; ++y) {
            const int r0 = int(qint64(y) * rows / h2), r1 = std::max(r0 + 1, int(qint64(y + 1) * rows / h2));
            QRgb* line = reinterpret_cast<QRgb*>(img.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const int c0 = int(qint64(x) * cols / w), c1 = std::max(c0 + 1, int(qint64(x + 1) * cols / w));
                quint16 best = 0;
                bool any = false;
                for (int rr = r0; rr < r1; ++rr) {
                    const int len = t->rowLength(rr);
                    const quint16* row = t->row(rr);
                    for (int cc = c0; cc < std::min(c1, len); ++cc) {
                        best = std::max(best, row[cc]);
                        any = true;
                    }
                }
                if (any) line[x] = viridisRgb(Triangle::dequantize(best));
            }
        }
        thumbs_.append(img);
    }
    updateGeometry();
    update();
}

int HeadGridView::thumbSize(int width) const {
    // A few heads share the width (up to 150 px each); many heads wrap at 88 px.
    const int H = std::max(1, heads());
    return std::clamp((width - kGap) / H - kGap, kThumb, 150);
}

int HeadGridView::columns(int width) const { return std::max(1, (width - kGap) / (thumbSize(width) + kGap)); }

QRect HeadGridView::tileRect(int head, int width) const {
    const QFontMetrics fm(font());
    const int cols = columns(width), t = thumbSize(width);
    const int tileH = t + fm.height() + 6;
    const int top = fm.height() + 8;  // room for the title
    return QRect(kGap + (head % cols) * (t + kGap), top + (head / cols) * (tileH + kGap), t, tileH);
}

QRect HeadGridView::thumbRect(int head) const {
    const QRect t = tileRect(head, width());
    return QRect(t.left(), t.top() + QFontMetrics(font()).height() + 4, t.width(), t.width());
}

int HeadGridView::heightForWidth(int w) const {
    const int H = heads();
    if (H == 0) return 60;
    return tileRect(H - 1, w).bottom() + kGap;
}

QSize HeadGridView::sizeHint() const { return {4 * (kThumb + kGap) + kGap, heightForWidth(4 * (kThumb + kGap) + kGap)}; }

int HeadGridView::headAt(const QPoint& p) const {
    for (int h = 0; h < heads(); ++h)
        if (tileRect(h, width()).contains(p)) return h;
    return -1;
}

QString HeadGridView::sharingText() const {
    const InspectionRecord* r = model_->current();
    if (!r || r->shape.kvHeads <= 0 || r->shape.kvHeads >= r->shape.heads) return {};
    const int g = r->shape.gqaGroup();
    QStringList parts;
    for (int kv = 0; kv < r->shape.kvHeads; ++kv)
        parts << tr("heads %1–%2 → KV head %3").arg(kv * g).arg(kv * g + g - 1).arg(kv);
    return tr("Grouped-query attention: %1 query heads share %2 KV heads (%3).")
        .arg(r->shape.heads)
        .arg(r->shape.kvHeads)
        .arg(parts.join(QStringLiteral("; ")));
}

QString HeadGridView::toolTipFor(int head) const {
    const InspectionRecord* r = model_->current();
    if (!r || head < 0) return {};
    QString t = tr("Layer %1, head %2").arg(model_->layer()).arg(head);
    if (r->shape.kvHeads < r->shape.heads) t += QLatin1Char('\n') + tr("Reads KV head %1").arg(r->shape.kvHeadOf(head));
    if (head < thumbs_.size() && thumbs_[head].isNull()) t += QLatin1Char('\n') + tr("Not kept for this reply");
    else t += QLatin1Char('\n') + tr("Click to show it in the attention map");
    return t;
}

void HeadGridView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    const InspectionRecord* r = model_->current();
    const int H = heads();
    if (H == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   r ? tr("No attention was recorded for this reply.") : tr("The heads of the chosen layer appear here."));
        return;
    }
    p.setPen(pal.color(QPalette::WindowText));
    QString note = tr("Layer %1, every head (click one to show it above):").arg(model_->layer());
    p.drawText(QRect(kGap, 2, width() - 2 * kGap, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(note, Qt::ElideRight, width() - 2 * kGap));
    for (int h = 0; h < H; ++h) {
        const QRect tile = tileRect(h, width());
        const QRect img = thumbRect(h);
        const bool current = h == model_->head();
        QString title = tr("H%1").arg(h);
        if (r->shape.kvHeads < r->shape.heads) title += QStringLiteral(" · ") + tr("KV%1").arg(r->shape.kvHeadOf(h));
        QFont f = font();
        f.setBold(current);
        p.setFont(f);
        p.setPen(pal.color(current ? QPalette::Highlight : QPalette::WindowText));
        p.drawText(QRect(tile.left(), tile.top(), tile.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(f).elidedText(title, Qt::ElideRight, tile.width()));
        // A KV group's heads share the colour of a thin bar under their titles.
        if (r->shape.kvHeads < r->shape.heads)
            p.fillRect(QRect(tile.left(), tile.top() + fm.height() + 1, tile.width(), 2), expertColor(r->shape.kvHeadOf(h)));
        p.fillRect(img, pal.color(QPalette::Base));
        if (h < thumbs_.size() && !thumbs_[h].isNull()) {
            p.setRenderHint(QPainter::SmoothPixmapTransform, false);
            p.drawImage(img, thumbs_[h]);
        } else {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(img.adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWordWrap, tr("not kept"));
        }
        p.setPen(QPen(pal.color(current ? QPalette::Highlight : QPalette::Mid), current ? 2 : 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(img.adjusted(0, 0, -1, -1));
    }
}

void HeadGridView::mousePressEvent(QMouseEvent* e) {
    const int h = headAt(e->position().toPoint());
    if (h < 0 || e->button() != Qt::LeftButton) return;
    model_->setHead(h);
    emit headActivated(h);
}

bool HeadGridView::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        const QString t = toolTipFor(headAt(he->pos()));
        if (t.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), t, this);
        return true;
    }
    return QWidget::event(e);
}

void HeadGridView::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    updateGeometry();
}

}  // namespace glassbox::ui::inspector
