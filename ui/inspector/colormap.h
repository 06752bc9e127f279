#pragma once
// The inspector's colours: a perceptually ordered colormap for weights and probabilities (viridis,
// from a hand-written table of 11 stops, interpolated to 256 entries), a fixed qualitative palette
// for experts, and small legend widgets (a colour bar, expert swatches).
#include <QColor>
#include <QWidget>

namespace glassbox::ui::inspector {

QColor viridis(float t);           // t in [0, 1], clamped
QRgb viridisRgb(float t);
QColor expertColor(int expert);    // 12 distinguishable colours, then darker repeats
QColor textOn(const QColor& background);  // black or white, whichever reads better

enum class Scale { Linear, Sqrt };
float scaled(float v, Scale s);

// A horizontal colour bar with its two end labels and a title.
class ColorBarLegend : public QWidget {
    Q_OBJECT
public:
    explicit ColorBarLegend(QWidget* parent = nullptr);
    void setLabels(const QString& title, const QString& low, const QString& high);
    void setScale(Scale s);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QString title_, low_, high_;
    Scale scale_ = Scale::Linear;
};

// One swatch per expert ("E0" … "E7"), wrapped over as many lines as the width needs.
class ExpertLegend : public QWidget {
    Q_OBJECT
public:
    explicit ExpertLegend(QWidget* parent = nullptr);
    void setExperts(int count, const QString& title);
    int experts() const { return count_; }
    QRect swatchRect(int expert) const;  // for tests
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;

private:
    int layout(int width, QVector<QRect>* rects, QRect* titleRect) const;
    int count_ = 0;
    QString title_;
};

}  // namespace glassbox::ui::inspector
