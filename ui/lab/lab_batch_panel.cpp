#include "lab_batch_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "lab/builtin_templates.h"
#include "lab/lab_error.h"
#include "lab_ui_util.h"
#include "util/format.h"

namespace glassbox::ui {

namespace {
QTableWidgetItem* item(const QString& text, bool editable = false) {
    auto* i = new QTableWidgetItem(text);
    i->setToolTip(text);
    if (!editable) i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    return i;
}

QString percent(int k, int n) { return n ? QStringLiteral("%1 %  (%2/%3)").arg(100.0 * k / n, 0, 'f', 0).arg(k).arg(n) : QStringLiteral("–"); }
}  // namespace

LabBatchPanel::LabBatchPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("labBatchPanel"));
    inputsTitle_ = new QLabel(this);
    inputs_ = new QTableWidget(0, 2, this);
    inputs_->setObjectName(QStringLiteral("labBatchInputs"));
    inputs_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    inputs_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    inputs_->verticalHeader()->setDefaultSectionSize(inputs_->fontMetrics().lineSpacing() + 8);
    inputs_->setWordWrap(false);
    builtinSets_ = new QComboBox(this);
    builtinSets_->setObjectName(QStringLiteral("labBuiltinInputSets"));
    for (const gb::lab::BuiltinInputSet& s : gb::lab::builtinInputSets()) builtinSets_->addItem(s.id, s.id);
    auto button = [this](const char* name) {
        auto* b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    loadSet_ = button("labLoadInputSetButton");
    addRow_ = button("labAddInputButton");
    removeRow_ = button("labRemoveInputButton");
    import_ = button("labImportCsvButton");
    export_ = button("labExportCsvButton");
    run_ = button("labBatchRunButton");
    stop_ = button("labBatchStopButton");
    seedLabel_ = new QLabel(this);
    seed_ = new QLineEdit(QStringLiteral("42"), this);
    seed_->setObjectName(QStringLiteral("labBatchSeed"));
    seed_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,20}")), seed_));
    seed_->setMaximumWidth(160);
    maxLabel_ = new QLabel(this);
    maxTokens_ = new QSpinBox(this);
    maxTokens_->setObjectName(QStringLiteral("labBatchMaxTokens"));
    maxTokens_->setRange(1, 4096);
    maxTokens_->setValue(32);
    tempLabel_ = new QLabel(this);
    temperature_ = new QDoubleSpinBox(this);
    temperature_->setObjectName(QStringLiteral("labBatchTemperature"));
    temperature_->setRange(0, 5);
    temperature_->setSingleStep(0.1);
    temperature_->setValue(0);
    templates_ = new QLabel(this);
    templates_->setObjectName(QStringLiteral("labBatchTemplates"));
    templates_->setWordWrap(true);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("labBatchProgress"));
    progress_->setTextVisible(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("labBatchStatus"));
    status_->setWordWrap(true);
    scoresTitle_ = new QLabel(this);
    scores_ = new QTableWidget(0, 6, this);
    scores_->setObjectName(QStringLiteral("labScoreTable"));
    scores_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    scores_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    scores_->verticalHeader()->hide();
    scores_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_ = new QTableWidget(0, 2, this);
    results_->setObjectName(QStringLiteral("labBatchResults"));
    results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_->setWordWrap(false);
    results_->verticalHeader()->setDefaultSectionSize(results_->fontMetrics().lineSpacing() + 8);

    auto* setRow = new QHBoxLayout;
    setRow->addWidget(builtinSets_, 1);
    setRow->addWidget(loadSet_);
    setRow->addSpacing(12);
    setRow->addWidget(addRow_);
    setRow->addWidget(removeRow_);
    setRow->addWidget(import_);
    setRow->addWidget(export_);
    auto* settings = new QHBoxLayout;
    settings->addWidget(seedLabel_);
    settings->addWidget(seed_);
    settings->addSpacing(8);
    settings->addWidget(tempLabel_);
    settings->addWidget(temperature_);
    settings->addSpacing(8);
    settings->addWidget(maxLabel_);
    settings->addWidget(maxTokens_);
    settings->addStretch(1);
    settings->addWidget(stop_);
    settings->addWidget(run_);
    auto* top = new QWidget(this);
    auto* tv = new QVBoxLayout(top);
    tv->setContentsMargins(0, 0, 0, 0);
    tv->addWidget(inputsTitle_);
    tv->addWidget(inputs_, 1);
    tv->addLayout(setRow);
    tv->addWidget(templates_);
    tv->addLayout(settings);
    tv->addWidget(progress_);
    tv->addWidget(status_);
    auto* bottom = new QWidget(this);
    auto* bv = new QVBoxLayout(bottom);
    bv->setContentsMargins(0, 0, 0, 0);
    bv->addWidget(scoresTitle_);
    bv->addWidget(scores_);
    bv->addWidget(results_, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* v = new QVBoxLayout(this);
    v->addWidget(split);

    connect(loadSet_, &QPushButton::clicked, this, [this] {
        try {
            setInputs(gb::lab::builtinInputs(builtinSets_->currentData().toString()));
        } catch (const gb::lab::LabError& e) {
            setStatus(e.message());
        }
    });
    connect(addRow_, &QPushButton::clicked, this, [this] {
        inputs_->insertRow(inputs_->rowCount());
        for (int c = 0; c < inputs_->columnCount(); ++c) inputs_->setItem(inputs_->rowCount() - 1, c, item({}, true));
        inputs_->setCurrentCell(inputs_->rowCount() - 1, 0);
        inputs_->editItem(inputs_->item(inputs_->rowCount() - 1, 0));
        updateButtons();
    });
    connect(removeRow_, &QPushButton::clicked, this, [this] {
        if (inputs_->currentRow() >= 0) inputs_->removeRow(inputs_->currentRow());
        updateButtons();
    });
    connect(inputs_, &QTableWidget::itemChanged, this, &LabBatchPanel::updateButtons);
    connect(import_, &QPushButton::clicked, this, &LabBatchPanel::importRequested);
    connect(export_, &QPushButton::clicked, this, &LabBatchPanel::exportRequested);
    connect(run_, &QPushButton::clicked, this, &LabBatchPanel::runRequested);
    connect(stop_, &QPushButton::clicked, this, &LabBatchPanel::stopRequested);
    retranslate();
    updateButtons();
}

QList<gb::lab::LabInput> LabBatchPanel::inputs() const {
    QList<gb::lab::LabInput> out;
    for (int r = 0; r < inputs_->rowCount(); ++r) {
        auto text = [&](int c) { return inputs_->item(r, c) ? inputs_->item(r, c)->text() : QString(); };
        gb::lab::LabInput in;
        in.input = text(0);
        in.expected = text(1);
        for (int k = 0; k < variableColumns_.size(); ++k) in.variables.insert(variableColumns_[k], text(2 + k));
        if (!in.input.trimmed().isEmpty()) out << in;
    }
    return out;
}

void LabBatchPanel::setInputs(const QList<gb::lab::LabInput>& inputs) {
    variableColumns_.clear();
    for (const gb::lab::LabInput& in : inputs)
        for (auto it = in.variables.begin(); it != in.variables.end(); ++it)
            if (!variableColumns_.contains(it.key())) variableColumns_ << it.key();
    inputs_->blockSignals(true);
    inputs_->setRowCount(0);
    inputs_->setColumnCount(2 + static_cast<int>(variableColumns_.size()));
    for (const gb::lab::LabInput& in : inputs) {
        const int r = inputs_->rowCount();
        inputs_->insertRow(r);
        inputs_->setItem(r, 0, item(in.input, true));
        inputs_->setItem(r, 1, item(in.expected, true));
        for (int k = 0; k < variableColumns_.size(); ++k) inputs_->setItem(r, 2 + k, item(in.variables.value(variableColumns_[k]), true));
    }
    inputs_->blockSignals(false);
    retranslate();
    updateButtons();
}

void LabBatchPanel::setTemplateLabels(const QStringList& labels) {
    templateLabels_ = labels;
    retranslate();
    updateButtons();
}

quint64 LabBatchPanel::seed() const { return seed_->text().toULongLong(); }
int LabBatchPanel::maxTokens() const { return maxTokens_->value(); }
float LabBatchPanel::temperature() const { return static_cast<float>(temperature_->value()); }

void LabBatchPanel::setRunning(bool running) {
    running_ = running;
    updateButtons();
}

void LabBatchPanel::updateButtons() {
    const bool any = !inputs().isEmpty();
    run_->setEnabled(!running_ && any && !templateLabels_.isEmpty());
    stop_->setEnabled(running_);
    removeRow_->setEnabled(inputs_->rowCount() > 0);
    export_->setEnabled(any);
}

void LabBatchPanel::beginRun(const gb::lab::RunSpec& spec) {
    cellsDone_ = 0;
    progress_->setRange(0, static_cast<int>(spec.inputs.size() * spec.columns.size()));
    progress_->setValue(0);
    scores_->setRowCount(0);
    results_->setRowCount(0);
    results_->setColumnCount(2 + static_cast<int>(spec.columns.size()));
    QStringList headers{tr("Input"), tr("Expected")};
    for (const gb::lab::LabColumn& c : spec.columns) headers << c.label;
    results_->setHorizontalHeaderLabels(headers);
    for (const gb::lab::LabInput& in : spec.inputs) {
        const int r = results_->rowCount();
        results_->insertRow(r);
        results_->setItem(r, 0, item(in.input));
        results_->setItem(r, 1, item(in.expected));
    }
    results_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    results_->setColumnWidth(0, 280);
    results_->setColumnWidth(1, 70);
    for (int c = 0; c < spec.columns.size(); ++c) results_->setColumnWidth(2 + c, 200);
}

void LabBatchPanel::finishCell(int input, int column, const gb::lab::CellResult& cell) {
    progress_->setValue(++cellsDone_);
    if (input >= results_->rowCount()) return;
    QString shown = cell.error.isEmpty() ? cell.answer : cell.error;
    if (shown.isEmpty()) shown = cell.output.simplified();
    const bool empty = shown.isEmpty();
    if (empty) shown = tr("(nothing)");
    auto* i = item(shown);
    if (empty) i->setForeground(QColor(0x80, 0x80, 0x80));
    i->setToolTip(tr("Output:\n%1\n\nlog-prob %2 · %3 tokens · %4")
                      .arg(cell.output, formatLogProb(cell.logProb))
                      .arg(cell.tokens.size())
                      .arg(formatSpeed(cell.genTokS)));
    if (!cell.error.isEmpty())
        i->setForeground(QColor(0xb0, 0x00, 0x20));
    else if (cell.scored)
        i->setBackground(cell.exact ? QColor(0xd7, 0xf0, 0xd9) : cell.contains ? QColor(0xfd, 0xf1, 0xd6) : QColor(0xfb, 0xe0, 0xe0));
    results_->setItem(input, 2 + column, i);
}

void LabBatchPanel::fillScores(const gb::lab::RunSpec& spec, const gb::lab::RunResult& result) {
    scores_->setRowCount(0);
    for (int c = 0; c < spec.columns.size() && c < result.scores.size(); ++c) {
        const gb::lab::ColumnScore& s = result.scores[c];
        const int r = scores_->rowCount();
        scores_->insertRow(r);
        scores_->setItem(r, 0, item(spec.columns[c].label));
        scores_->setItem(r, 1, item(percent(s.exact, s.n)));
        scores_->setItem(r, 2, item(percent(s.contains, s.n)));
        scores_->setItem(r, 3, item(s.errors ? tr("%1 · %2 failed").arg(s.n).arg(s.errors) : QString::number(s.n)));
        if (s.errors) {
            for (const QList<gb::lab::CellResult>& row : result.cells)
                if (c < row.size() && !row[c].error.isEmpty()) {
                    scores_->item(r, 3)->setToolTip(row[c].error);
                    scores_->item(r, 3)->setForeground(QColor(0xb0, 0x00, 0x20));
                    break;
                }
        }
        scores_->setItem(r, 4, item(formatLogProb(s.meanLogProb)));
        scores_->setItem(r, 5, item(formatSpeed(s.genTokS)));
        for (int k = 1; k < 6; ++k) scores_->item(r, k)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    scores_->setFixedHeight(scores_->horizontalHeader()->height() + scores_->rowCount() * scores_->verticalHeader()->defaultSectionSize() + 4);
}

void LabBatchPanel::showResult(const gb::lab::RunSpec& spec, const gb::lab::RunResult& result) {
    if (results_->rowCount() != spec.inputs.size() || results_->columnCount() != 2 + spec.columns.size()) beginRun(spec);
    cellsDone_ = 0;
    for (int i = 0; i < result.cells.size(); ++i)
        for (int c = 0; c < result.cells[i].size(); ++c) finishCell(i, c, result.cells[i][c]);
    fillScores(spec, result);
    seed_->setText(QString::number(spec.seed));
}

void LabBatchPanel::setStatus(const QString& text) { status_->setText(text); }

void LabBatchPanel::retranslate() {
    inputsTitle_->setText(tr("Inputs and expected answers (type them in, import a CSV, or load a built-in set)"));
    QStringList headers{tr("Input"), tr("Expected")};
    for (const QString& v : variableColumns_) headers << QStringLiteral("{{%1}}").arg(v);
    inputs_->setHorizontalHeaderLabels(headers);
    loadSet_->setText(tr("Load"));
    builtinSets_->setToolTip(tr("Built-in word problems with hand-checked answers"));
    addRow_->setText(tr("Add row"));
    removeRow_->setText(tr("Remove row"));
    import_->setText(tr("Import CSV…"));
    export_->setText(tr("Export CSV…"));
    seedLabel_->setText(tr("Seed"));
    tempLabel_->setText(tr("Temperature"));
    temperature_->setSpecialValueText(tr("greedy"));
    maxLabel_->setText(tr("Max tokens"));
    run_->setText(tr("Run batch"));
    stop_->setText(tr("Stop"));
    templates_->setText(templateLabels_.isEmpty() ? tr("Check the templates to compare in the library on the left.")
                                                  : tr("Templates: %1").arg(templateLabels_.join(QStringLiteral(", "))));
    scoresTitle_->setText(tr("Scores (answers compared with case and spacing ignored)"));
    scores_->setHorizontalHeaderLabels({tr("Template"), tr("Exact"), tr("Contains"), tr("n"), tr("Mean log-prob"), tr("Speed")});
}

void LabBatchPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
