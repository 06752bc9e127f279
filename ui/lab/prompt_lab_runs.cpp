// PromptLabWidget: starting runs, showing what they stream, saving them, and re-running saved ones.
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QSpinBox>
#include <QTabWidget>

#include "history/model_fingerprint.h"
#include "lab/lab_error.h"
#include "lab/lab_service.h"
#include "lab/lab_store.h"
#include "lab/template_library.h"
#include "lab_batch_panel.h"
#include "lab_compare_panel.h"
#include "lab_prompt_preview.h"
#include "lab_runs_panel.h"
#include "lab_template_editor.h"
#include "lab_template_list.h"
#include "prompt_lab_widget.h"
#include "util/banner.h"

namespace glassbox::ui {

using gb::lab::LabColumn;
using gb::lab::RunSpec;

namespace {
enum Tab { kTemplateTab, kCompareTab, kBatchTab, kRunsTab };

QString shortSettings(const gb::SamplingParams& s) {
    return s.greedy() ? QStringLiteral("greedy") : QStringLiteral("T %1").arg(s.temperature, 0, 'f', 2);
}
}  // namespace

void PromptLabWidget::connectService() {
    gb::lab::LabWorker* w = service_->worker();
    connect(w, &gb::lab::LabWorker::modelLoaded, this, [this](const QString& path, const QString&) {
        if (path != modelPath_) return;
        modelLoading_ = false;
        preview_->setModel(service_->model());
        updateModelLabel();
        emit modelReady(path);
    });
    connect(w, &gb::lab::LabWorker::modelFailed, this, [this](const QString& path, const QString& message) {
        if (path != modelPath_) return;
        modelLoading_ = false;
        modelError_ = message;
        preview_->setModel(nullptr);
        updateModelLabel();
    });
    connect(w, &gb::lab::LabWorker::tokenReady, this, [this](quint64 id, int, int column, const gb::lab::TokenInfo& t) {
        if (id == runId_ && runKind_ == RunKind::Compare) compare_->addToken(column, t);
    });
    connect(w, &gb::lab::LabWorker::cellFinished, this, [this](quint64 id, int input, int column, const gb::lab::CellResult& cell) {
        if (id != runId_) return;
        if (runKind_ == RunKind::Compare) compare_->finishCell(column, cell);
        if (runKind_ == RunKind::Batch) batch_->finishCell(input, column, cell);
    });
    connect(w, &gb::lab::LabWorker::runFinished, this, [this](quint64 id, const RunSpec& spec, const gb::lab::RunResult& r) {
        if (id == runId_) finish(spec, r);
    });
    connect(w, &gb::lab::LabWorker::runFailed, this, [this](quint64 id, const QString& message) {
        if (id != runId_) return;
        runId_ = 0;
        runKind_ = RunKind::None;
        compare_->setRunning(false);
        batch_->setRunning(false);
        runs_->setBusy(false);
        compare_->setStatus(QString());
        batch_->setStatus(QString());
        showError(message);
        emit runFailed(message);
    });
}

std::optional<gb::lab::PromptTemplate> PromptLabWidget::templateForRun(const QString& id) const {
    // What you see is what runs: the template open in the editor, with unsaved changes.
    const gb::lab::PromptTemplate edited = editor_->currentTemplate();
    if (edited.id == id && editor_->isModified()) return edited;
    return library_->find(id);
}

void PromptLabWidget::runCompare() {
    if (isRunning()) return;
    RunSpec spec;
    spec.mode = RunSpec::Mode::Compare;
    spec.seed = compare_->seed();
    spec.contextSize = context_->value();
    const QList<LabComparePanel::ColumnSetting> settings = compare_->columnSettings();
    QStringList ids;
    for (const auto& c : settings) ids << c.templateId;
    for (const auto& c : settings) {
        const auto t = templateForRun(c.templateId);
        if (!t) continue;
        LabColumn col;
        col.tmpl = *t;
        col.sampling = c.sampling;
        col.maxTokens = c.maxTokens;
        col.wrap = preview_->wrap();
        col.label = ids.count(c.templateId) > 1 ? t->id + QStringLiteral(" · ") + shortSettings(c.sampling) : t->id;
        spec.columns << col;
    }
    spec.inputs = {{compare_->input(), QString(), preview_->variables()}};
    if (compare_->input().trimmed().isEmpty()) {
        showError(tr("Type an input to run the templates on."));
        return;
    }
    start(RunKind::Compare, spec);
}

void PromptLabWidget::runBatch() {
    if (isRunning()) return;
    RunSpec spec;
    spec.mode = RunSpec::Mode::Batch;
    spec.seed = batch_->seed();
    spec.contextSize = context_->value();
    for (const QString& id : list_->checkedIds()) {
        const auto t = templateForRun(id);
        if (!t) continue;
        LabColumn col;
        col.label = t->id;
        col.tmpl = *t;
        col.sampling.temperature = batch_->temperature();
        col.maxTokens = batch_->maxTokens();
        col.wrap = preview_->wrap();
        spec.columns << col;
    }
    const QMap<QString, QString> defaults = preview_->variables();
    for (gb::lab::LabInput in : batch_->inputs()) {
        for (auto it = defaults.begin(); it != defaults.end(); ++it)
            if (!in.variables.contains(it.key())) in.variables.insert(it.key(), it.value());
        spec.inputs << in;
    }
    start(RunKind::Batch, spec);
}

void PromptLabWidget::rerun(qint64 savedRunId) {
    if (isRunning() || !store_ || !savedRunId) return;
    try {
        const gb::lab::SavedRun saved = store_->run(savedRunId);
        RunSpec spec = saved.spec;
        spec.title = tr("re-run of #%1").arg(savedRunId);
        // The model file must still be the one the run used.
        const QString hash = gb::history::modelFingerprint(spec.modelPath);
        if (hash.isEmpty()) throw gb::lab::LabError(tr("the model file %1 is gone").arg(spec.modelPath));
        gb::lab::checkSpec(spec, hash);
        start(RunKind::Rerun, spec, savedRunId);
    } catch (const std::exception& e) {
        runs_->setStatus(QString::fromUtf8(e.what()));
        showError(QString::fromUtf8(e.what()));
    }
}

void PromptLabWidget::start(RunKind kind, const RunSpec& specIn, qint64 rerunOf) {
    RunSpec spec = specIn;
    if (spec.modelPath.isEmpty()) spec.modelPath = modelPath_;
    if (spec.modelPath.isEmpty()) {
        showError(tr("Open a model first."));
        return;
    }
    try {
        gb::lab::checkSpec(spec, {});
    } catch (const std::exception& e) {
        showError(QString::fromUtf8(e.what()));
        return;
    }
    banner_->hide();
    runKind_ = kind;
    rerunOf_ = rerunOf;
    const bool batch = spec.mode == RunSpec::Mode::Batch;
    if (batch) {
        batch_->beginRun(spec);
        batch_->setRunning(true);
        batch_->setStatus(tr("Running %n cell(s)…", "", static_cast<int>(spec.inputs.size() * spec.columns.size())));
        if (kind == RunKind::Rerun) tabs_->setCurrentIndex(kBatchTab);
        if (kind == RunKind::Rerun) runKind_ = RunKind::Batch;
    } else {
        compare_->beginRun(spec);
        compare_->setRunning(true);
        compare_->setStatus(tr("Running…"));
        if (kind == RunKind::Rerun) tabs_->setCurrentIndex(kCompareTab);
        if (kind == RunKind::Rerun) runKind_ = RunKind::Compare;
    }
    runs_->setBusy(true);
    runId_ = service_->run(spec);
}

void PromptLabWidget::finish(const RunSpec& spec, const gb::lab::RunResult& result) {
    runId_ = 0;
    const RunKind kind = runKind_;
    runKind_ = RunKind::None;
    compare_->setRunning(false);
    batch_->setRunning(false);
    runs_->setBusy(false);
    qint64 saved = 0;
    if (store_) {
        try {
            saved = store_->saveRun(spec, result);
        } catch (const std::exception& e) {
            showError(tr("The run could not be saved: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    const QString savedText = saved ? tr("Saved as run #%1.").arg(saved) : QString();
    const QString stopped = result.complete ? QString() : tr("Stopped before the end. ");
    if (kind == RunKind::Batch) {
        batch_->showResult(spec, result);
        batch_->setStatus(stopped + savedText);
    } else {
        compare_->showResult(spec, result);
        compare_->setStatus(stopped + savedText);
    }

    if (rerunOf_) {
        // Compare the tokens with the saved run's.
        try {
            const gb::lab::SavedRun before = store_->run(rerunOf_);
            int cells = 0, same = 0;
            for (int i = 0; i < result.cells.size() && i < before.result.cells.size(); ++i)
                for (int c = 0; c < result.cells[i].size() && c < before.result.cells[i].size(); ++c, ++cells)
                    same += result.cells[i][c].tokenIds() == before.result.cells[i][c].tokenIds();
            runs_->setStatus(same == cells ? tr("Re-run of #%1: identical tokens in all %n cell(s).", "", cells).arg(rerunOf_)
                                           : tr("Re-run of #%1: %2 of %n cell(s) differ.", "", cells).arg(rerunOf_).arg(cells - same));
        } catch (const std::exception& e) {
            runs_->setStatus(QString::fromUtf8(e.what()));
        }
        rerunOf_ = 0;
    }
    refreshRuns();
    emit runFinished(saved);
}

void PromptLabWidget::showSaved(qint64 id) {
    if (!store_ || !id) return;
    try {
        const gb::lab::SavedRun run = store_->run(id);
        if (run.spec.mode == RunSpec::Mode::Batch) {
            batch_->setInputs(run.spec.inputs);
            batch_->beginRun(run.spec);
            batch_->showResult(run.spec, run.result);
            batch_->setStatus(tr("Run #%1 of %2, model %3.")
                                  .arg(id)
                                  .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(run.createdMs), QLocale::ShortFormat),
                                       QFileInfo(run.spec.modelPath).fileName()));
            tabs_->setCurrentIndex(kBatchTab);
        } else {
            compare_->beginRun(run.spec);
            compare_->showResult(run.spec, run.result);
            compare_->setStatus(tr("Run #%1 of %2, model %3.")
                                    .arg(id)
                                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(run.createdMs), QLocale::ShortFormat),
                                         QFileInfo(run.spec.modelPath).fileName()));
            tabs_->setCurrentIndex(kCompareTab);
        }
    } catch (const std::exception& e) {
        showError(QString::fromUtf8(e.what()));
    }
}

void PromptLabWidget::refreshRuns() {
    if (!store_) return;
    try {
        runs_->setRuns(store_->runs());
    } catch (const std::exception& e) {
        showError(QString::fromUtf8(e.what()));
    }
}

}  // namespace glassbox::ui
