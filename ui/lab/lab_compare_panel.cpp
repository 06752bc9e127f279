#include "lab_compare_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "lab_result_column.h"

namespace glassbox::ui {

namespace {
enum Col { kTemplate, kTemperature, kTopK, kTopP, kColumns };

QString settingsText(const gb::lab::LabColumn& c) {
    const gb::SamplingParams& s = c.sampling;
    if (s.greedy()) return QStringLiteral("greedy · ≤%1 tokens").arg(c.maxTokens);
    return QStringLiteral("T %1 · top-k %2 · top-p %3 · ≤%4 tokens")
        .arg(s.temperature, 0, 'f', 2)
        .arg(s.topK)
        .arg(s.topP, 0, 'f', 2)
        .arg(c.maxTokens);
}
}  // namespace

LabComparePanel::LabComparePanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("labComparePanel"));
    inputLabel_ = new QLabel(this);
    input_ = new QPlainTextEdit(this);
    input_->setObjectName(QStringLiteral("labCompareInput"));
    input_->setTabChangesFocus(true);
    input_->setFixedHeight(input_->fontMetrics().lineSpacing() * 3 + 12);
    seedLabel_ = new QLabel(this);
    seed_ = new QLineEdit(QStringLiteral("42"), this);
    seed_->setObjectName(QStringLiteral("labSeed"));
    seed_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,20}")), seed_));
    seed_->setMaximumWidth(180);
    maxLabel_ = new QLabel(this);
    maxTokens_ = new QSpinBox(this);
    maxTokens_->setObjectName(QStringLiteral("labMaxTokens"));
    maxTokens_->setRange(1, 4096);
    maxTokens_->setValue(48);
    table_ = new QTableWidget(0, kColumns, this);
    table_->setObjectName(QStringLiteral("labColumnsTable"));
    table_->horizontalHeader()->setSectionResizeMode(kTemplate, QHeaderView::Stretch);
    for (int c = kTemperature; c < kColumns; ++c) table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().lineSpacing() + 14);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setMaximumHeight(table_->verticalHeader()->defaultSectionSize() * 4 + table_->horizontalHeader()->sizeHint().height() + 6);
    auto button = [this](const char* name) {
        auto* b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    add_ = button("labAddColumnButton");
    remove_ = button("labRemoveColumnButton");
    fromChecked_ = button("labColumnsFromCheckedButton");
    run_ = button("labCompareRunButton");
    stop_ = button("labCompareStopButton");
    run_->setDefault(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("labCompareStatus"));
    status_->setWordWrap(true);
    divergence_ = new QLabel(this);
    divergence_->setObjectName(QStringLiteral("labDivergenceSummary"));
    divergence_->setWordWrap(true);

    auto* settings = new QHBoxLayout;
    settings->addWidget(seedLabel_);
    settings->addWidget(seed_);
    settings->addSpacing(12);
    settings->addWidget(maxLabel_);
    settings->addWidget(maxTokens_);
    settings->addStretch(1);
    auto* columnButtons = new QHBoxLayout;
    columnButtons->addWidget(fromChecked_);
    columnButtons->addWidget(add_);
    columnButtons->addWidget(remove_);
    columnButtons->addStretch(1);
    columnButtons->addWidget(stop_);
    columnButtons->addWidget(run_);
    auto* results = new QWidget(this);
    resultsLayout_ = new QHBoxLayout(results);
    resultsLayout_->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("labResultsArea"));
    scroll->setWidget(results);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* v = new QVBoxLayout(this);
    v->addWidget(inputLabel_);
    v->addWidget(input_);
    v->addLayout(settings);
    v->addWidget(table_);
    v->addLayout(columnButtons);
    v->addWidget(status_);
    v->addWidget(divergence_);
    v->addWidget(scroll, 1);

    connect(input_, &QPlainTextEdit::textChanged, this, [this] { emit inputEdited(input()); });
    connect(add_, &QPushButton::clicked, this, [this] {
        // A new column repeats the last one's template, slightly hotter: the usual experiment.
        gb::SamplingParams s;
        QString id = templates_.isEmpty() ? QString() : templates_.first().id;
        const QList<ColumnSetting> cur = columnSettings();
        if (!cur.isEmpty()) {
            id = cur.back().templateId;
            s = cur.back().sampling;
            s.temperature = std::min(2.0f, s.temperature + 0.5f);
        } else {
            s.temperature = 0;
        }
        addColumn(id, s);
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        const int row = table_->currentRow() >= 0 ? table_->currentRow() : table_->rowCount() - 1;
        if (row >= 0) table_->removeRow(row);
        updateButtons();
    });
    connect(run_, &QPushButton::clicked, this, &LabComparePanel::runRequested);
    connect(stop_, &QPushButton::clicked, this, &LabComparePanel::stopRequested);
    retranslate();
    updateButtons();
}

void LabComparePanel::setTemplates(const QList<gb::lab::PromptTemplate>& templates) {
    templates_ = templates;
    for (int r = 0; r < table_->rowCount(); ++r) {
        auto* combo = qobject_cast<QComboBox*>(table_->cellWidget(r, kTemplate));
        const QString id = combo->currentData().toString();
        combo->clear();
        for (const auto& t : templates_) combo->addItem(t.name.isEmpty() ? t.id : t.name, t.id);
        combo->setCurrentIndex(std::max(0, combo->findData(id)));
    }
}

void LabComparePanel::addColumn(const QString& templateId, const gb::SamplingParams& s) {
    if (table_->rowCount() >= kMaxColumns) return;
    const int r = table_->rowCount();
    table_->insertRow(r);
    auto* combo = new QComboBox(table_);
    combo->setObjectName(QStringLiteral("labColumnTemplate%1").arg(r));
    for (const auto& t : templates_) combo->addItem(t.name.isEmpty() ? t.id : t.name, t.id);
    combo->setCurrentIndex(std::max(0, combo->findData(templateId)));
    auto* temp = new QDoubleSpinBox(table_);
    temp->setRange(0, 5);
    temp->setSingleStep(0.1);
    temp->setDecimals(2);
    temp->setValue(s.temperature);
    temp->setSpecialValueText(tr("greedy"));
    auto* topK = new QSpinBox(table_);
    topK->setRange(0, 1000);
    topK->setValue(s.topK);
    topK->setSpecialValueText(tr("off"));
    auto* topP = new QDoubleSpinBox(table_);
    topP->setRange(0.01, 1);
    topP->setSingleStep(0.05);
    topP->setValue(s.topP);
    table_->setCellWidget(r, kTemplate, combo);
    table_->setCellWidget(r, kTemperature, temp);
    table_->setCellWidget(r, kTopK, topK);
    table_->setCellWidget(r, kTopP, topP);
    updateButtons();
}

void LabComparePanel::setColumnsFromTemplates(const QStringList& ids) {
    table_->setRowCount(0);
    gb::SamplingParams greedy;
    greedy.temperature = 0;
    for (const QString& id : ids.mid(0, kMaxColumns)) addColumn(id, greedy);
    updateButtons();
}

int LabComparePanel::columnCount() const { return table_->rowCount(); }

QList<LabComparePanel::ColumnSetting> LabComparePanel::columnSettings() const {
    QList<ColumnSetting> out;
    for (int r = 0; r < table_->rowCount(); ++r) {
        ColumnSetting c;
        c.templateId = qobject_cast<QComboBox*>(table_->cellWidget(r, kTemplate))->currentData().toString();
        c.sampling.temperature = static_cast<float>(qobject_cast<QDoubleSpinBox*>(table_->cellWidget(r, kTemperature))->value());
        c.sampling.topK = qobject_cast<QSpinBox*>(table_->cellWidget(r, kTopK))->value();
        c.sampling.topP = static_cast<float>(qobject_cast<QDoubleSpinBox*>(table_->cellWidget(r, kTopP))->value());
        c.maxTokens = maxTokens();
        out << c;
    }
    return out;
}

QString LabComparePanel::input() const { return input_->toPlainText(); }

void LabComparePanel::setInput(const QString& text) {
    if (text != input()) input_->setPlainText(text);
}

quint64 LabComparePanel::seed() const { return seed_->text().toULongLong(); }
void LabComparePanel::setSeed(quint64 seed) { seed_->setText(QString::number(seed)); }
int LabComparePanel::maxTokens() const { return maxTokens_->value(); }

void LabComparePanel::setRunning(bool running) {
    running_ = running;
    updateButtons();
}

void LabComparePanel::updateButtons() {
    run_->setEnabled(!running_ && table_->rowCount() > 0);
    stop_->setEnabled(running_);
    add_->setEnabled(table_->rowCount() < kMaxColumns);
    remove_->setEnabled(table_->rowCount() > 0);
}

void LabComparePanel::beginRun(const gb::lab::RunSpec& spec) {
    qDeleteAll(columns_);
    columns_.clear();
    for (const gb::lab::LabColumn& c : spec.columns) {
        auto* col = new LabResultColumn(this);
        col->setTitle(c.tmpl.name.isEmpty() ? c.label : c.tmpl.name, settingsText(c));
        resultsLayout_->addWidget(col, 1);
        columns_ << col;
    }
    divergence_->clear();
}

void LabComparePanel::addToken(int column, const gb::lab::TokenInfo& t) {
    if (column < columns_.size()) columns_[column]->appendToken(t);
}

void LabComparePanel::finishCell(int column, const gb::lab::CellResult& cell) {
    if (column < columns_.size()) columns_[column]->setCell(cell, -1);
}

void LabComparePanel::showResult(const gb::lab::RunSpec& spec, const gb::lab::RunResult& result) {
    if (columns_.size() != spec.columns.size()) beginRun(spec);
    if (result.cells.isEmpty()) return;
    const int div = result.divergence.value(0, -1);
    for (int c = 0; c < columns_.size() && c < result.cells[0].size(); ++c) columns_[c]->setCell(result.cells[0][c], div);
    if (spec.columns.size() < 2)
        divergence_->clear();
    else if (div < 0)
        divergence_->setText(tr("All columns produced the same tokens."));
    else
        divergence_->setText(tr("The columns part at token %1 (marked ▌ in each column).").arg(div + 1));
    setInput(spec.inputs.value(0).input);
    setSeed(spec.seed);
}

void LabComparePanel::setStatus(const QString& text) { status_->setText(text); }

void LabComparePanel::retranslate() {
    inputLabel_->setText(tr("Input"));
    input_->setPlaceholderText(tr("One input, run through every column"));
    seedLabel_->setText(tr("Seed (same for every column)"));
    maxLabel_->setText(tr("Max tokens"));
    table_->setHorizontalHeaderLabels({tr("Template"), tr("Temperature"), tr("Top-k"), tr("Top-p")});
    add_->setText(tr("Add column"));
    remove_->setText(tr("Remove column"));
    fromChecked_->setText(tr("Use checked templates"));
    fromChecked_->setToolTip(tr("One greedy column for each template checked in the library (up to four)"));
    run_->setText(tr("Run side by side"));
    stop_->setText(tr("Stop"));
}

void LabComparePanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
