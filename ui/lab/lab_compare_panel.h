#pragma once
// Side by side: one input through 2–4 columns, each a template with its own sampler settings
// (the same seed for all), and their outputs next to each other with per-token probabilities,
// the point where they part, total log-probability and speed.
#include <QWidget>

#include "lab/lab_runner.h"

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace glassbox::ui {

class LabResultColumn;

class LabComparePanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxColumns = 4;
    explicit LabComparePanel(QWidget* parent = nullptr);

    void setTemplates(const QList<gb::lab::PromptTemplate>& templates);  // the choices of the template column
    void setColumnsFromTemplates(const QStringList& ids);  // one greedy column per template (at most 4)
    void addColumn(const QString& templateId, const gb::SamplingParams& sampling);
    int columnCount() const;
    QString input() const;
    void setInput(const QString& text);
    quint64 seed() const;
    void setSeed(quint64 seed);
    int maxTokens() const;

    // The columns as set up: template id, sampler settings (seed not set), token limit.
    struct ColumnSetting {
        QString templateId;
        gb::SamplingParams sampling;
        int maxTokens = 64;
    };
    QList<ColumnSetting> columnSettings() const;

    void setRunning(bool running);
    void beginRun(const gb::lab::RunSpec& spec);  // result columns titled and emptied
    void addToken(int column, const gb::lab::TokenInfo& t);
    void finishCell(int column, const gb::lab::CellResult& cell);
    void showResult(const gb::lab::RunSpec& spec, const gb::lab::RunResult& result);
    void setStatus(const QString& text);
    QList<LabResultColumn*> resultColumns() const { return columns_; }

signals:
    void runRequested();
    void stopRequested();
    void inputEdited(const QString& text);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void updateButtons();
    QList<gb::lab::PromptTemplate> templates_;
    QPlainTextEdit* input_;
    QLineEdit* seed_;
    QSpinBox* maxTokens_;
    QTableWidget* table_;
    QPushButton *add_, *remove_, *fromChecked_, *run_, *stop_;
    QLabel *inputLabel_, *seedLabel_, *maxLabel_, *status_, *divergence_;
    QHBoxLayout* resultsLayout_;
    QList<LabResultColumn*> columns_;
    bool running_ = false;

public:
    QPushButton* fromCheckedButton() const { return fromChecked_; }
};

}  // namespace glassbox::ui
