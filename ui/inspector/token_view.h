#pragma once
// The reply as its tokens, each on a background coloured by its probability under the model (or
// by the entropy of the distribution it was drawn from). A character split over byte tokens is
// drawn once, in one stripe per token. Clicking a token selects it (its alternatives and what it
// attended to are shown beside). Layout is incremental: a new token is placed after the last one;
// only a width change lays everything out again.
#include <QAbstractScrollArea>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace glassbox::inspection {
class InspectionModel;
struct InspectionRecord;
}

namespace glassbox::ui::inspector {

class TokenView : public QAbstractScrollArea {
    Q_OBJECT
public:
    enum class ColorBy { Probability, Entropy };
    explicit TokenView(inspection::InspectionModel* model, QWidget* parent = nullptr);

    void setColorBy(ColorBy c);
    ColorBy colorBy() const { return colorBy_; }
    float entropyMax() const;          // the scale's top in entropy mode (nats)
    int tokenCount() const;            // generated tokens laid out
    QRect tokenRect(int index) const;  // viewport coordinates of generated token `index`
    int tokenAt(const QPoint& viewportPos) const;
    QColor colorFor(int index) const;
    QString toolTipFor(int index) const;
    QString emptyText() const;

signals:
    void tokenClicked(int index);

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    bool viewportEvent(QEvent* e) override;
    void scrollContentsBy(int, int) override { viewport()->update(); }

private:
    struct Item {
        int first = 0, count = 1;  // generated token indices
        QString text;
        QRect rect;                // content coordinates
        bool breakAfter = false;
    };
    const inspection::InspectionRecord* record() const;
    void relayout();
    void layoutMore();
    void updateBar();

    inspection::InspectionModel* model_;
    ColorBy colorBy_ = ColorBy::Probability;
    QVector<Item> items_;
    int laidOut_ = 0;  // tokens placed
    QPoint cursor_;
    int contentHeight_ = 0;
    int hover_ = -1;
};

// The selected token: its probability, the alternatives the model weighed, and "branch from here".
class TokenDetails : public QWidget {
    Q_OBJECT
public:
    explicit TokenDetails(inspection::InspectionModel* model, QWidget* parent = nullptr);
    void setBranchingAllowed(bool allowed);  // false while a reply streams
    QTreeWidget* alternatives() const { return list_; }
    QPushButton* branchButton() const { return branch_; }
    // The reply's text before generated token `index`, then `alternative` ("" when not text).
    static QString branchPrefix(const inspection::InspectionRecord& r, int index, const QString& alternative);

signals:
    void branchRequested(int tokenIndex, const QString& prefix);

private:
    void refresh();
    void updateButton();
    inspection::InspectionModel* model_;
    QLabel* title_;
    QTreeWidget* list_;
    QPushButton* branch_;
    bool allowed_ = true;
};

}  // namespace glassbox::ui::inspector
