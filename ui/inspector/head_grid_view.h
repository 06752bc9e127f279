#pragma once
// Every head of the chosen layer as a thumbnail of its whole attention matrix (max-pooled to the
// thumbnail's size, so a sharp peak stays visible), grouped by the KV head they share (GQA).
// Clicking a thumbnail shows that head in the attention map.
#include <QImage>
#include <QTimer>
#include <QWidget>

namespace glassbox::inspection {
class InspectionModel;
}

namespace glassbox::ui::inspector {

class HeadGridView : public QWidget {
    Q_OBJECT
public:
    explicit HeadGridView(inspection::InspectionModel* model, QWidget* parent = nullptr);

    QRect thumbRect(int head) const;  // the image part of head's tile
    QString toolTipFor(int head) const;
    QString sharingText() const;      // "Query heads 0–1 share KV head 0; …" ("" without GQA)
    int headAt(const QPoint& p) const;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override;
    QSize sizeHint() const override;

signals:
    void headActivated(int head);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    bool event(QEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    int heads() const;
    int columns(int width) const;
    int thumbSize(int width) const;
    QRect tileRect(int head, int width) const;
    void render();

    inspection::InspectionModel* model_;
    QVector<QImage> thumbs_;
    QTimer throttle_;  // while streaming, thumbnails are re-rendered at most 5 times a second
    static constexpr int kThumb = 88;
};

}  // namespace glassbox::ui::inspector
