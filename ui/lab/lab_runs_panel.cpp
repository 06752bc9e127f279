#include "lab_runs_panel.h"

#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace glassbox::ui {

LabRunsPanel::LabRunsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("labRunsPanel"));
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    table_ = new QTableWidget(0, 6, this);
    table_->setObjectName(QStringLiteral("labRunsTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    auto button = [this](const char* name) {
        auto* b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    open_ = button("labOpenRunButton");
    rerun_ = button("labRerunButton");
    delete_ = button("labDeleteRunButton");
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("labRunsStatus"));
    status_->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open_);
    buttons->addWidget(rerun_);
    buttons->addStretch(1);
    buttons->addWidget(delete_);
    auto* v = new QVBoxLayout(this);
    v->addWidget(title_);
    v->addWidget(table_, 1);
    v->addLayout(buttons);
    v->addWidget(status_);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &LabRunsPanel::updateButtons);
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this] { emit openRequested(currentRunId()); });
    connect(open_, &QPushButton::clicked, this, [this] { emit openRequested(currentRunId()); });
    connect(rerun_, &QPushButton::clicked, this, [this] { emit rerunRequested(currentRunId()); });
    connect(delete_, &QPushButton::clicked, this, [this] { emit deleteRequested(currentRunId()); });
    retranslate();
    updateButtons();
}

void LabRunsPanel::setRuns(const QList<gb::lab::RunSummary>& runs) {
    const qint64 keep = currentRunId();
    table_->setRowCount(0);
    for (const gb::lab::RunSummary& s : runs) {
        const int r = table_->rowCount();
        table_->insertRow(r);
        auto cell = [&](int c, const QString& text) {
            auto* i = new QTableWidgetItem(text);
            i->setData(Qt::UserRole, s.id);
            i->setToolTip(text);
            table_->setItem(r, c, i);
        };
        cell(0, QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.createdMs), QLocale::ShortFormat));
        cell(1, s.mode == gb::lab::RunSpec::Mode::Batch ? tr("batch") : tr("side by side"));
        cell(2, s.title.isEmpty() ? s.columns.join(QStringLiteral(", ")) : s.title + QStringLiteral(" — ") + s.columns.join(QStringLiteral(", ")));
        cell(3, QString::number(s.inputs));
        cell(4, QFileInfo(s.modelFile).fileName());
        cell(5, QString::number(s.seed));
        table_->item(r, 4)->setToolTip(s.modelFile + QStringLiteral("\n") + s.modelHash);
    }
    selectRun(keep);
    updateButtons();
}

qint64 LabRunsPanel::currentRunId() const {
    const int r = table_->currentRow();
    return r >= 0 && table_->item(r, 0) && table_->item(r, 0)->isSelected() ? table_->item(r, 0)->data(Qt::UserRole).toLongLong() : 0;
}

void LabRunsPanel::selectRun(qint64 id) {
    for (int r = 0; r < table_->rowCount(); ++r)
        if (table_->item(r, 0)->data(Qt::UserRole).toLongLong() == id && id) {
            table_->selectRow(r);
            return;
        }
}

void LabRunsPanel::setStatus(const QString& text) { status_->setText(text); }

void LabRunsPanel::setBusy(bool busy) {
    busy_ = busy;
    updateButtons();
}

void LabRunsPanel::updateButtons() {
    const bool any = currentRunId() != 0;
    open_->setEnabled(any);
    rerun_->setEnabled(any && !busy_);
    delete_->setEnabled(any && !busy_);
}

void LabRunsPanel::retranslate() {
    title_->setText(tr("Every run is saved with what reproduces it: the model file and its hash, the template texts, "
                       "the seed and the sampler settings."));
    table_->setHorizontalHeaderLabels({tr("When"), tr("Mode"), tr("Templates"), tr("Inputs"), tr("Model"), tr("Seed")});
    open_->setText(tr("Open"));
    rerun_->setText(tr("Re-run exactly"));
    delete_->setText(tr("Delete"));
}

void LabRunsPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
