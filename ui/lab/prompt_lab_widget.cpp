// PromptLabWidget: layout, the model, and the template library (runs: prompt_lab_runs.cpp).
#include "prompt_lab_widget.h"

#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "history/database_file.h"
#include "lab/builtin_templates.h"
#include "lab/lab_csv.h"
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
#include "lab_ui_util.h"
#include "model/model.h"
#include "util/banner.h"
#include "util/dialogs.h"

namespace glassbox::ui {

using gb::lab::PromptTemplate;

PromptLabWidget::PromptLabWidget(const QString& databasePath, QWidget* parent)
    : QWidget(parent), service_(std::make_unique<gb::lab::LabService>()) {
    setObjectName(QStringLiteral("promptLab"));
    buildLayout();
    const QString db = databasePath.isEmpty() ? gb::history::defaultDatabasePath() : databasePath;
    try {
        store_ = std::make_unique<gb::lab::LabStore>(db);
    } catch (const std::exception& e) {
        showError(tr("Your own templates and saved runs are not available: %1").arg(QString::fromUtf8(e.what())));
    }
    library_ = std::make_unique<gb::lab::TemplateLibrary>(store_.get());
    connectParts();
    connectService();
    retranslate();
    refreshTemplates(QStringLiteral("few-shot-en"));
    list_->setChecked({QStringLiteral("zero-shot-en"), QStringLiteral("few-shot-en"), QStringLiteral("cot-en")});
    compare_->setColumnsFromTemplates(list_->checkedIds());
    try {
        batch_->setInputs(gb::lab::builtinInputs(QStringLiteral("word-problems-en")));
    } catch (const gb::lab::LabError& e) {
        showError(e.message());
    }
    preview_->setQuestion(batch_->inputs().value(0).input);
    refreshRuns();
    updateModelLabel();
}

PromptLabWidget::~PromptLabWidget() {
    disconnect(service_->worker(), nullptr, this, nullptr);
    service_.reset();  // stops a run and joins the lab thread
}

void PromptLabWidget::buildLayout() {
    modelLabel_ = new QLabel(this);
    modelLabel_->setObjectName(QStringLiteral("labModelLabel"));
    modelLabel_->setTextFormat(Qt::RichText);
    openModel_ = new QPushButton(this);
    openModel_->setObjectName(QStringLiteral("labOpenModelButton"));
    contextLabel_ = new QLabel(this);
    context_ = new QSpinBox(this);
    context_->setObjectName(QStringLiteral("labContextSize"));
    context_->setRange(0, 65536);
    context_->setSingleStep(256);
    banner_ = new Banner(QStringLiteral("labBanner"), this);
    list_ = new LabTemplateList(this);
    editor_ = new LabTemplateEditor(this);
    preview_ = new LabPromptPreview(this);
    compare_ = new LabComparePanel(this);
    batch_ = new LabBatchPanel(this);
    runs_ = new LabRunsPanel(this);
    previewTitle_ = new QLabel(this);
    QFont bold = previewTitle_->font();
    bold.setBold(true);
    previewTitle_->setFont(bold);

    auto* previewBox = new QWidget(this);
    auto* pv = new QVBoxLayout(previewBox);
    pv->setContentsMargins(0, 0, 0, 0);
    pv->addWidget(previewTitle_);
    pv->addWidget(preview_, 1);
    auto* templateTab = new QSplitter(Qt::Horizontal, this);
    templateTab->setObjectName(QStringLiteral("labTemplateTab"));
    templateTab->addWidget(editor_);
    templateTab->addWidget(previewBox);
    templateTab->setStretchFactor(0, 1);
    templateTab->setStretchFactor(1, 1);
    templateTab->setChildrenCollapsible(false);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("labTabs"));
    tabs_->addTab(templateTab, QString());
    tabs_->addTab(compare_, QString());
    tabs_->addTab(batch_, QString());
    tabs_->addTab(runs_, QString());
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("labSplitter"));
    split->addWidget(list_);
    split->addWidget(tabs_);
    split->setStretchFactor(1, 1);
    split->setSizes({280, 1000});
    split->setChildrenCollapsible(false);

    auto* top = new QHBoxLayout;
    top->addWidget(modelLabel_, 1);
    top->addWidget(contextLabel_);
    top->addWidget(context_);
    top->addSpacing(8);
    top->addWidget(openModel_);
    auto* v = new QVBoxLayout(this);
    v->addLayout(top);
    v->addWidget(banner_);
    v->addWidget(split, 1);
}

void PromptLabWidget::connectParts() {
    connect(openModel_, &QPushButton::clicked, this, [this] {
        const QString path = dialogs::openModelFile(this, QFileInfo(modelPath_).absolutePath());
        if (!path.isEmpty()) openModel(path);
    });
    connect(list_, &LabTemplateList::currentChanged, this, [this](const QString& id) {
        if (auto t = library_->find(id)) {
            editor_->setTemplate(*t);
            preview_->setTemplate(*t);
        }
    });
    connect(editor_, &LabTemplateEditor::edited, this, [this] { preview_->setTemplate(editor_->currentTemplate()); });
    connect(editor_, &LabTemplateEditor::saveRequested, this, [this](const PromptTemplate& t) {
        try {
            const PromptTemplate saved = library_->save(t);
            refreshTemplates(saved.id);
            showInfo(tr("Saved “%1”.").arg(saved.name));
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
    });
    connect(list_, &LabTemplateList::newRequested, this, [this] {
        PromptTemplate t;
        t.name = tr("New template");
        t.body = tr("Answer the question.\n\nQuestion: {{question}}\nAnswer:");
        t.stopStrings = {QStringLiteral("\n\n")};
        try {
            refreshTemplates(library_->save(t).id);
            tabs_->setCurrentIndex(0);
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
    });
    connect(list_, &LabTemplateList::duplicateRequested, this, [this](const QString& id) {
        PromptTemplate t = id == editor_->currentTemplate().id ? editor_->currentTemplate() : library_->find(id).value_or(PromptTemplate{});
        t.id.clear();
        t.name = tr("%1 (copy)").arg(t.name);
        try {
            refreshTemplates(library_->save(t).id);
            tabs_->setCurrentIndex(0);
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
    });
    connect(list_, &LabTemplateList::deleteRequested, this, [this](const QString& id) {
        const auto t = library_->find(id);
        if (!t || !dialogs::confirm(this, tr("Delete template"), tr("Delete the template “%1”?").arg(t->name))) return;
        try {
            library_->remove(id);
            refreshTemplates();
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
    });
    connect(list_, &LabTemplateList::importRequested, this, [this] {
        const QString path = labdialogs::openFile(this, tr("Import prompt templates"), tr("Prompt templates (*.json);;All files (*)"));
        if (path.isEmpty()) return;
        try {
            const QList<PromptTemplate> added = library_->importFile(path);
            refreshTemplates(added.value(0).id);
            showInfo(tr("Imported %n template(s) from %1.", "", static_cast<int>(added.size())).arg(QFileInfo(path).fileName()));
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
    });
    connect(list_, &LabTemplateList::exportRequested, this, [this](const QStringList& ids) {
        QList<PromptTemplate> chosen;
        for (const QString& id : ids)
            if (auto t = library_->find(id)) chosen << *t;
        if (chosen.isEmpty()) return;
        const QString path = labdialogs::saveFile(this, tr("Export prompt templates"), QStringLiteral("prompt-templates.json"),
                                                  tr("Prompt templates (*.json)"));
        if (path.isEmpty()) return;
        try {
            library_->exportFile(chosen, path);
            showInfo(tr("Exported %n template(s) to %1.", "", static_cast<int>(chosen.size())).arg(QFileInfo(path).fileName()));
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
    });
    connect(list_, &LabTemplateList::checkedChanged, this, [this](const QStringList& ids) {
        QStringList labels;
        for (const QString& id : ids) labels << id;
        batch_->setTemplateLabels(labels);
        if (compare_->columnCount() == 0) compare_->setColumnsFromTemplates(ids);
    });
    connect(compare_->fromCheckedButton(), &QPushButton::clicked, this, [this] { compare_->setColumnsFromTemplates(list_->checkedIds()); });
    // One input for the preview and the side-by-side run.
    connect(preview_, &LabPromptPreview::inputChanged, this, [this] { compare_->setInput(preview_->question()); });
    connect(compare_, &LabComparePanel::inputEdited, this, [this](const QString& text) { preview_->setQuestion(text); });
    connect(compare_, &LabComparePanel::runRequested, this, &PromptLabWidget::runCompare);
    connect(batch_, &LabBatchPanel::runRequested, this, &PromptLabWidget::runBatch);
    connect(compare_, &LabComparePanel::stopRequested, service_.get(), &gb::lab::LabService::stop);
    connect(batch_, &LabBatchPanel::stopRequested, service_.get(), &gb::lab::LabService::stop);
    connect(batch_, &LabBatchPanel::importRequested, this, [this] {
        const QString path = labdialogs::openFile(this, tr("Import inputs"), tr("CSV files (*.csv);;All files (*)"));
        if (path.isEmpty()) return;
        try {
            batch_->setInputs(gb::lab::readInputsCsv(path));
            batch_->setStatus(tr("Read %n input(s) from %1.", "", static_cast<int>(batch_->inputs().size())).arg(QFileInfo(path).fileName()));
        } catch (const gb::lab::LabError& e) {
            showError(e.message());
        }
    });
    connect(batch_, &LabBatchPanel::exportRequested, this, [this] {
        const QString path = labdialogs::saveFile(this, tr("Export inputs"), QStringLiteral("inputs.csv"), tr("CSV files (*.csv)"));
        if (path.isEmpty()) return;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(gb::lab::inputsToCsv(batch_->inputs()).toUtf8()) < 0)
            showError(tr("Cannot write %1: %2").arg(path, f.errorString()));
    });
    connect(runs_, &LabRunsPanel::openRequested, this, &PromptLabWidget::showSaved);
    connect(runs_, &LabRunsPanel::rerunRequested, this, &PromptLabWidget::rerun);
    connect(runs_, &LabRunsPanel::deleteRequested, this, [this](qint64 id) {
        if (!store_ || !id) return;
        try {
            store_->deleteRun(id);
            refreshRuns();
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
    });
}

void PromptLabWidget::refreshTemplates(const QString& select) {
    const QList<PromptTemplate> all = library_->all();
    list_->setTemplates(all);
    compare_->setTemplates(all);
    if (!select.isEmpty()) list_->setCurrentId(select);
    if (list_->currentId().isEmpty() && !all.isEmpty()) list_->setCurrentId(all.first().id);
    // setCurrentId does not report a template that stayed current but changed.
    if (auto t = library_->find(list_->currentId())) {
        editor_->setTemplate(*t);
        preview_->setTemplate(*t);
    }
}

void PromptLabWidget::selectTemplate(const QString& id) { list_->setCurrentId(id); }

void PromptLabWidget::openModel(const QString& path) {
    modelChosenHere_ = true;
    modelPath_ = path;
    modelLoading_ = true;
    modelError_.clear();
    service_->loadModel(path);
    updateModelLabel();
}

void PromptLabWidget::followModel(const QString& path) {
    if (modelChosenHere_ || path.isEmpty() || path == modelPath_) return;
    modelPath_ = path;
    modelLoading_ = true;
    modelError_.clear();
    service_->loadModel(path);
    updateModelLabel();
}

bool PromptLabWidget::hasModel() const { return !modelLoading_ && service_->model() && service_->modelPath() == modelPath_; }

void PromptLabWidget::updateModelLabel() {
    QString text;
    if (modelPath_.isEmpty())
        text = tr("No model: open one, or load one in the chat window.");
    else if (modelLoading_)
        text = tr("Loading <b>%1</b>…").arg(QFileInfo(modelPath_).fileName().toHtmlEscaped());
    else if (!modelError_.isEmpty())
        text = tr("<b>%1</b> could not be loaded: %2").arg(QFileInfo(modelPath_).fileName().toHtmlEscaped(), modelError_.toHtmlEscaped());
    else {
        const auto m = service_->model();
        const bool chat = m && !m->chatTemplate().empty();
        text = tr("Model: <b>%1</b> · %2").arg(QFileInfo(modelPath_).fileName().toHtmlEscaped(),
                                               chat ? tr("has a chat template") : tr("no chat template (plain prompts)"));
        if (m && !m->hasWeights()) text += tr(" · <i>vocabulary only: previews, no runs</i>");
    }
    modelLabel_->setText(text);
    modelLabel_->setToolTip(modelPath_);
}

void PromptLabWidget::showError(const QString& text) { banner_->showMessage(Banner::Error, text); }
void PromptLabWidget::showInfo(const QString& text) { banner_->showMessage(Banner::Info, text); }

void PromptLabWidget::retranslate() {
    openModel_->setText(tr("Open model…"));
    contextLabel_->setText(tr("Context"));
    context_->setSpecialValueText(tr("model's"));
    context_->setSuffix(tr(" tokens"));
    context_->setToolTip(tr("Tokens of context for the lab's runs (the model's own by default). Long few-shot and "
                            "chain-of-thought prompts may need more than a small model was trained on."));
    tabs_->setTabText(0, tr("Template"));
    tabs_->setTabText(1, tr("Side by side"));
    tabs_->setTabText(2, tr("Batch"));
    tabs_->setTabText(3, tr("Saved runs"));
    previewTitle_->setText(tr("Preview: the exact prompt, tokens by part"));
    updateModelLabel();
}

void PromptLabWidget::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
