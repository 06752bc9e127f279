#pragma once
// How often each expert was chosen, per layer: for the reply (solid bars) and for the whole
// conversation as far as the inspector saw it (outlined bars), against the balanced share 1/E.
#include <QWidget>
#include <memory>

namespace glassbox::inspection {
class InspectionModel;
struct InspectionRecord;
}

namespace glassbox::ui::inspector {

class ExpertLoadView : public QWidget {
    Q_OBJECT
public:
    explicit ExpertLoadView(inspection::InspectionModel* model, QWidget* parent = nullptr);

    // Earlier replies of the conversation (oldest first), counted into the conversation's bars.
    void setEarlier(const QList<std::shared_ptr<const inspection::InspectionRecord>>& earlier);

    QVector<double> replyLoad(int layer) const;
    QVector<double> conversationLoad(int layer) const;
    QRect barRect(int layer, int expert, bool conversation) const;
    QString toolTipAt(const QPoint& p) const;
    QString emptyText() const;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;
    void showEvent(QShowEvent* e) override;
    bool event(QEvent* e) override;

private:
    void invalidate();  // the data changed: recomputed now when visible, else when shown or asked
    void recompute();
    void fresh() const;
    QRect plotRect(int layer) const;
    double yMax() const;

    inspection::InspectionModel* model_;
    QList<std::shared_ptr<const inspection::InspectionRecord>> earlier_;
    QVector<QVector<double>> reply_, conversation_;  // [layer][expert] shares
    bool stale_ = false;
};

}  // namespace glassbox::ui::inspector
