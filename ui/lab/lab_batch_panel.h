#pragma once
// Batch mode: a small table of inputs with expected answers (typed in, imported from CSV, or a
// built-in set of word problems) run through every checked template, with the score table
// (exact match, contains, n, mean log-probability, speed) and every output per input.
#include <QWidget>

#include "lab/lab_runner.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace glassbox::ui {

class LabBatchPanel : public QWidget {
    Q_OBJECT
public:
    explicit LabBatchPanel(QWidget* parent = nullptr);

    QList<gb::lab::LabInput> inputs() const;  // rows with an input
    void setInputs(const QList<gb::lab::LabInput>& inputs);
    void setTemplateLabels(const QStringList& labels);  // the checked templates (shown above Run)
    quint64 seed() const;
    int maxTokens() const;
    float temperature() const;

    void setRunning(bool running);
    void beginRun(const gb::lab::RunSpec& spec);
    void finishCell(int input, int column, const gb::lab::CellResult& cell);
    void showResult(const gb::lab::RunSpec& spec, const gb::lab::RunResult& result);
    void setStatus(const QString& text);

    QTableWidget* inputsTable() const { return inputs_; }
    QTableWidget* scoreTable() const { return scores_; }
    QTableWidget* resultsTable() const { return results_; }

signals:
    void runRequested();
    void stopRequested();
    void importRequested();
    void exportRequested();

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void updateButtons();
    void fillScores(const gb::lab::RunSpec& spec, const gb::lab::RunResult& result);
    QStringList variableColumns_;
    QTableWidget *inputs_, *scores_, *results_;
    QComboBox* builtinSets_;
    QPushButton *loadSet_, *addRow_, *removeRow_, *import_, *export_, *run_, *stop_;
    QLineEdit* seed_;
    QSpinBox* maxTokens_;
    QDoubleSpinBox* temperature_;
    QProgressBar* progress_;
    QLabel *inputsTitle_, *templates_, *status_, *seedLabel_, *maxLabel_, *tempLabel_, *scoresTitle_;
    QStringList templateLabels_;
    bool running_ = false;
    int cellsDone_ = 0;
};

}  // namespace glassbox::ui
