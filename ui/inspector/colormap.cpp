#include "inspector/colormap.h"

#include <QPainter>
#include <array>
#include <cmath>

namespace glassbox::ui::inspector {

namespace {

// matplotlib's viridis at t = 0, 0.1, …, 1 (perceptually uniform, ordered, readable in grey).
constexpr std::array<QRgb, 11> kViridisStops = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
                                                0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};

const std::array<QRgb, 256>& viridisTable() {
    static const std::array<QRgb, 256> table = [] {
        std::array<QRgb, 256> t{};
        for (int i = 0; i < 256; ++i) {
            const double x = i / 255.0 * 10.0;
            const int a = std::min(9, int(x));
            const double f = x - a;
            const QColor c0(kViridisStops[a]), c1(kViridisStops[a + 1]);
            auto mix = [f](int u, int v) { return int(std::lround(u + (v - u) * f)); };
            t[i] = qRgb(mix(c0.red(), c1.red()), mix(c0.green(), c1.green()), mix(c0.blue(), c1.blue()));
        }
        return t;
    }();
    return table;
}

// Tableau 10 and two more: distinguishable, and none too close to the others in hue and lightness.
constexpr std::array<QRgb, 12> kExperts = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948,
                                           0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac, 0x17becf, 0x8c564b};

}  // namespace

QRgb viridisRgb(float t) {
    if (!(t >= 0.f)) t = 0.f;  // NaN too
    if (t > 1.f) t = 1.f;
    return viridisTable()[size_t(std::lround(t * 255.f))];
}

QColor viridis(float t) { return QColor(viridisRgb(t)); }

QColor expertColor(int expert) {
    if (expert < 0) return QColor(0xd0, 0xd0, 0xd0);
    const QColor c(kExperts[size_t(expert) % kExperts.size()]);
    const int round = expert / int(kExperts.size());
    return round == 0 ? c : c.darker(100 + 35 * round);
}

QColor textOn(const QColor& bg) {
    const double l = 0.2126 * bg.redF() + 0.7152 * bg.greenF() + 0.0722 * bg.blueF();
    return l > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}

float scaled(float v, Scale s) { return s == Scale::Sqrt ? std::sqrt(std::max(0.f, v)) : v; }

// ---------------------------------------------------------------------------------- ColorBarLegend

ColorBarLegend::ColorBarLegend(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("colorBarLegend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ColorBarLegend::setLabels(const QString& title, const QString& low, const QString& high) {
    title_ = title;
    low_ = low;
    high_ = high;
    updateGeometry();
    update();
}

void ColorBarLegend::setScale(Scale s) {
    scale_ = s;
    update();
}

QSize ColorBarLegend::sizeHint() const {
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(title_) + fm.horizontalAdvance(low_) + fm.horizontalAdvance(high_) + 140, fm.height() + 8};
}

void ColorBarLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QFontMetrics fm(font());
    const int h = fm.height();
    int x = 0;
    p.setPen(palette().color(QPalette::WindowText));
    if (!title_.isEmpty()) {
        p.drawText(QRect(0, 0, fm.horizontalAdvance(title_), height()), Qt::AlignVCenter, title_);
        x += fm.horizontalAdvance(title_) + 8;
    }
    p.drawText(QRect(x, 0, fm.horizontalAdvance(low_), height()), Qt::AlignVCenter, low_);
    x += fm.horizontalAdvance(low_) + 4;
    const int barW = std::max(40, width() - x - fm.horizontalAdvance(high_) - 4);
    const QRect bar(x, (height() - h / 2 - 4) / 2, barW, h / 2 + 4);
    for (int i = 0; i < bar.width(); ++i) {
        // The bar shows the colour of each value: with a √ scale, value v has colour viridis(√v).
        const float v = float(i) / float(std::max(1, bar.width() - 1));
        p.fillRect(QRect(bar.left() + i, bar.top(), 1, bar.height()), viridis(scaled(v, scale_)));
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(bar.right() + 4, 0, fm.horizontalAdvance(high_) + 2, height()), Qt::AlignVCenter, high_);
}

// ---------------------------------------------------------------------------------- ExpertLegend

ExpertLegend::ExpertLegend(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("expertLegend"));
    QSizePolicy sp(QSizePolicy::Preferred, QSizePolicy::Preferred);
    sp.setHeightForWidth(true);
    setSizePolicy(sp);
}

void ExpertLegend::setExperts(int count, const QString& title) {
    count_ = std::max(0, count);
    title_ = title;
    updateGeometry();
    update();
}

int ExpertLegend::layout(int width, QVector<QRect>* rects, QRect* titleRect) const {
    const QFontMetrics fm(font());
    const int h = fm.height() + 4, sw = h - 4;
    int x = 0, y = 0;
    if (!title_.isEmpty()) {
        const int tw = fm.horizontalAdvance(title_) + 10;
        if (titleRect) *titleRect = QRect(0, 0, tw, h);
        x = tw;
    }
    for (int e = 0; e < count_; ++e) {
        const int w = sw + 4 + fm.horizontalAdvance(QStringLiteral("E%1").arg(e)) + 12;
        if (x > 0 && x + w > width) {
            x = 0;
            y += h;
        }
        if (rects) rects->append(QRect(x, y, w, h));
        x += w;
    }
    return y + h;
}

QRect ExpertLegend::swatchRect(int expert) const {
    QVector<QRect> rects;
    layout(width(), &rects, nullptr);
    if (expert < 0 || expert >= rects.size()) return {};
    const QRect r = rects[expert];
    return QRect(r.left(), r.top() + 2, r.height() - 4, r.height() - 4);
}

int ExpertLegend::heightForWidth(int w) const { return count_ > 0 ? layout(w, nullptr, nullptr) : 0; }

QSize ExpertLegend::sizeHint() const { return {320, heightForWidth(320)}; }

void ExpertLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    QVector<QRect> rects;
    QRect title;
    layout(width(), &rects, &title);
    p.setPen(palette().color(QPalette::WindowText));
    if (!title_.isEmpty()) p.drawText(title, Qt::AlignVCenter | Qt::AlignLeft, title_);
    for (int e = 0; e < rects.size(); ++e) {
        const QRect r = rects[e];
        const QRect sw(r.left(), r.top() + 2, r.height() - 4, r.height() - 4);
        p.fillRect(sw, expertColor(e));
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(sw.adjusted(0, 0, -1, -1));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(sw.right() + 4, r.top(), r.width() - sw.width() - 4, r.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   QStringLiteral("E%1").arg(e));
    }
}

}  // namespace glassbox::ui::inspector
