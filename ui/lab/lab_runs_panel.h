#pragma once
// Saved runs (newest first): open one to see its results again, re-run it exactly (same model
// file, template texts, seed and settings) and see whether the tokens match, or delete it.
#include <QWidget>

#include "lab/lab_store.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace glassbox::ui {

class LabRunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LabRunsPanel(QWidget* parent = nullptr);

    void setRuns(const QList<gb::lab::RunSummary>& runs);
    qint64 currentRunId() const;
    void selectRun(qint64 id);
    void setStatus(const QString& text);
    void setBusy(bool busy);
    QTableWidget* table() const { return table_; }

signals:
    void openRequested(qint64 id);
    void rerunRequested(qint64 id);
    void deleteRequested(qint64 id);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void updateButtons();
    QTableWidget* table_;
    QPushButton *open_, *rerun_, *delete_;
    QLabel *status_, *title_;
    bool busy_ = false;
};

}  // namespace glassbox::ui
