#pragma once
// The KV cache of the loaded model: bytes per token (2 × layers × KV heads × head dim × element
// size), what the conversation uses now, and what 8K / 32K / 100K tokens of context would need,
// for the model as it is (GQA when it has fewer KV heads than heads) and with multi-head attention.
#include <QWidget>

#include "inspection/inspection_data.h"

namespace glassbox::ui::inspector {

class KvCacheView : public QWidget {
    Q_OBJECT
public:
    explicit KvCacheView(QWidget* parent = nullptr);
    void setShape(const inspection::ModelShape& shape);
    void setUsage(int usedTokens, int contextSize);
    const inspection::ModelShape& shape() const { return shape_; }
    int usedTokens() const { return used_; }

    int rows() const;                       // table rows (per token, now, 8K, 32K, 100K)
    QString rowTitle(int row) const;
    QString cellText(int row, bool multiHead) const;
    QRect barRect(int row, bool multiHead) const;
    QString formula() const;
    QString noteText() const;
    QString emptyText() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;
    void changeEvent(QEvent* e) override;

private:
    struct Layout {
        QRect header, formula, note, table[6][3], usage;
        int bottom = 0;
    };
    Layout layout() const;
    inspection::ModelShape shape_;
    int used_ = 0, context_ = 0;
};

}  // namespace glassbox::ui::inspector
