#include "panels/model_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "util/format.h"

namespace glassbox::ui {

namespace {
enum Row { Name, Arch, Params, Quant, Context, Layers, Experts, File, Memory, Format, RowCount };
const char* const kRowNames[RowCount] = {"modelName", "modelArch", "modelParams", "modelQuant", "modelContext",
                                         "modelLayers", "modelExperts", "modelFile", "modelMemory", "modelFormat"};
}  // namespace

ModelPanel::ModelPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("modelPanel"));
    auto* v = new QVBoxLayout(this);
    modelBox_ = new QGroupBox(this);
    auto* mv = new QVBoxLayout(modelBox_);
    open_ = new QPushButton(modelBox_);
    open_->setObjectName(QStringLiteral("openModelButton"));
    mv->addWidget(open_);
    loadingLabel_ = new QLabel(modelBox_);
    loadingLabel_->setWordWrap(true);
    progress_ = new QProgressBar(modelBox_);
    progress_->setObjectName(QStringLiteral("loadProgress"));
    progress_->setRange(0, 1000);
    cancel_ = new QPushButton(modelBox_);
    cancel_->setObjectName(QStringLiteral("cancelLoadButton"));
    auto* ph = new QHBoxLayout;
    ph->addWidget(progress_, 1);
    ph->addWidget(cancel_);
    mv->addWidget(loadingLabel_);
    mv->addLayout(ph);
    error_ = new QLabel(modelBox_);
    error_->setObjectName(QStringLiteral("modelError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->hide();
    mv->addWidget(error_);
    form_ = new QFormLayout;
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form_->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    for (const char* n : kRowNames) values_.append(addRow(n));
    mv->addLayout(form_);
    recentTitle_ = new QLabel(modelBox_);
    recent_ = new QListWidget(modelBox_);
    recent_->setObjectName(QStringLiteral("recentModels"));
    recent_->setMaximumHeight(recent_->fontMetrics().lineSpacing() * 6);
    mv->addWidget(recentTitle_);
    mv->addWidget(recent_);
    v->addWidget(modelBox_);

    chatBox_ = new QGroupBox(this);
    auto* cv = new QVBoxLayout(chatBox_);
    systemTitle_ = new QLabel(chatBox_);
    system_ = new QPlainTextEdit(chatBox_);
    system_->setObjectName(QStringLiteral("systemPrompt"));
    system_->setMaximumHeight(system_->fontMetrics().lineSpacing() * 6);
    systemTitle_->setBuddy(system_);
    policyTitle_ = new QLabel(chatBox_);
    policy_ = new QComboBox(chatBox_);
    policy_->setObjectName(QStringLiteral("contextPolicy"));
    policyTitle_->setBuddy(policy_);
    cv->addWidget(systemTitle_);
    cv->addWidget(system_);
    cv->addWidget(policyTitle_);
    cv->addWidget(policy_);
    v->addWidget(chatBox_);
    v->addStretch();

    connect(open_, &QPushButton::clicked, this, &ModelPanel::browseRequested);
    connect(cancel_, &QPushButton::clicked, this, &ModelPanel::cancelRequested);
    connect(recent_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* it) { emit openRequested(it->data(Qt::UserRole).toString()); });
    connect(system_, &QPlainTextEdit::textChanged, this, [this] {
        if (!settingPrompt_) emit systemPromptEdited(system_->toPlainText());
    });
    connect(policy_, &QComboBox::activated, this, [this](int i) { emit contextPolicyChanged(ContextPolicy(i)); });
    retranslate();
    setLoading(false);
    fillDetails();
}

QLabel* ModelPanel::addRow(const char* objectName) {
    auto* l = new QLabel(modelBox_);
    l->setObjectName(QLatin1String(objectName));
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* label = new QLabel(modelBox_);  // text set in retranslate()
    label->setBuddy(l);
    form_->addRow(label, l);
    return l;
}

void ModelPanel::setRecentModels(const QStringList& paths) {
    recent_->clear();
    for (const QString& p : paths) {
        auto* it = new QListWidgetItem(QFileInfo(p).fileName(), recent_);
        it->setData(Qt::UserRole, p);
        it->setToolTip(p);
    }
    recentTitle_->setVisible(!paths.isEmpty());
    recent_->setVisible(!paths.isEmpty());
}

void ModelPanel::setLoading(bool loading, const QString& path) {
    if (loading) loadingPath_ = path;
    loadingLabel_->setVisible(loading);
    progress_->setVisible(loading);
    cancel_->setVisible(loading);
    open_->setEnabled(!loading);
    recent_->setEnabled(!loading);
    if (loading) {
        progress_->setValue(0);
        setError({});
    }
    retranslate();
}

void ModelPanel::setProgress(float f) { progress_->setValue(int(f * 1000)); }

void ModelPanel::setModel(const ModelInfo& info, int contextSize) {
    info_ = info;
    contextSize_ = contextSize;
    fillDetails();
}

void ModelPanel::setError(const QString& message) {
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
}

void ModelPanel::setSystemPrompt(const QString& text) {
    if (system_->toPlainText() == text) return;
    settingPrompt_ = true;
    system_->setPlainText(text);
    settingPrompt_ = false;
}

QString ModelPanel::systemPrompt() const { return system_->toPlainText(); }

void ModelPanel::setContextPolicy(ContextPolicy p) { policy_->setCurrentIndex(int(p)); }

void ModelPanel::fillDetails() {
    const bool have = info_.isValid();
    for (int r = 0; r < RowCount; ++r) {
        values_[r]->setVisible(have);
        if (QWidget* label = form_->labelForField(values_[r])) label->setVisible(have);
    }
    if (!have) return;
    const QLocale loc;
    values_[Name]->setText(info_.name);
    values_[Arch]->setText(info_.architecture);
    values_[Params]->setText(formatCount(info_.parameters));
    values_[Quant]->setText(info_.quantization);
    values_[Context]->setText(tr("%1 tokens (trained with %2)").arg(loc.toString(contextSize_), loc.toString(info_.contextLength)));
    values_[Layers]->setText(tr("%1 layers, width %2, %3 heads (%4 KV)")
                                 .arg(info_.layers).arg(info_.embedding).arg(info_.heads).arg(info_.kvHeads));
    values_[Experts]->setText(info_.experts > 0 ? tr("%1 experts, %2 per token").arg(info_.experts).arg(info_.expertsUsed)
                                                : tr("none (dense)"));
    values_[File]->setText(QStringLiteral("%1 (%2)").arg(QFileInfo(info_.path).fileName(), formatBytes(info_.fileBytes)));
    values_[File]->setToolTip(info_.path);
    values_[Memory]->setText(tr("%1 (weights %2 + context %3)")
                                 .arg(formatBytes(info_.memoryNeeded(contextSize_)), formatBytes(info_.weightBytes),
                                      formatBytes(info_.kvBytesPerToken * quint64(contextSize_))));
    values_[Format]->setText(info_.hasChatTemplate ? tr("chat template (%1)").arg(info_.chatFormat)
                                                   : tr("plain text: the model continues what you write"));
}

void ModelPanel::retranslate() {
    modelBox_->setTitle(tr("Loaded model"));
    open_->setText(tr("Open model…"));
    open_->setToolTip(tr("Open a GGUF model file (or drop one on the window)"));
    open_->setAccessibleName(tr("Open model"));
    loadingLabel_->setText(tr("Loading %1…").arg(QFileInfo(loadingPath_).fileName()));
    progress_->setAccessibleName(tr("Loading progress"));
    cancel_->setText(tr("Cancel"));
    cancel_->setAccessibleName(tr("Cancel loading"));
    const char* labels[RowCount] = {QT_TR_NOOP("Name:"),    QT_TR_NOOP("Architecture:"), QT_TR_NOOP("Parameters:"),
                                    QT_TR_NOOP("Quantization:"), QT_TR_NOOP("Context:"), QT_TR_NOOP("Shape:"),
                                    QT_TR_NOOP("Experts:"), QT_TR_NOOP("File:"),         QT_TR_NOOP("Memory needed:"),
                                    QT_TR_NOOP("Prompt format:")};
    for (int r = 0; r < RowCount; ++r) {
        if (auto* l = qobject_cast<QLabel*>(form_->labelForField(values_[r]))) l->setText(tr(labels[r]));
        values_[r]->setAccessibleName(tr(labels[r]).remove(QLatin1Char(':')));
    }
    recentTitle_->setText(tr("Recent models (double-click to open):"));
    recent_->setAccessibleName(tr("Recent models"));
    chatBox_->setTitle(tr("This conversation"));
    systemTitle_->setText(tr("&System prompt:"));
    system_->setPlaceholderText(tr("Instructions the model sees before the conversation (optional)"));
    system_->setAccessibleName(tr("System prompt"));
    policyTitle_->setText(tr("When the conversation outgrows the &context:"));
    const int cur = std::max(0, policy_->currentIndex());
    policy_->clear();
    policy_->addItems({tr("Ask me"), tr("Drop the oldest turns (keep the system prompt)"), tr("Start a new chat")});
    policy_->setCurrentIndex(cur);
    policy_->setAccessibleName(tr("Context policy"));
    fillDetails();
}

void ModelPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
