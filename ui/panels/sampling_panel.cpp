#include "panels/sampling_panel.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

#include "settings/app_settings.h"
#include "settings/sampling_presets.h"

namespace glassbox::ui {

SamplingPanel::SamplingPanel(AppSettings* settings, QWidget* parent) : QWidget(parent), settings_(settings) {
    setObjectName(QStringLiteral("samplingPanel"));
    auto* v = new QVBoxLayout(this);
    auto* top = new QFormLayout;
    presetTitle_ = new QLabel(this);
    preset_ = new QComboBox(this);
    preset_->setObjectName(QStringLiteral("presetCombo"));
    presetTitle_->setBuddy(preset_);
    top->addRow(presetTitle_, preset_);
    v->addLayout(top);
    auto group = [&](QGroupBox*& box, QFormLayout*& form) {
        box = new QGroupBox(this);
        form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        v->addWidget(box);
    };
    group(basic_, basicForm_);
    temperature_ = addDouble(basicForm_, "temperature", 0, 5, 0.05, 2);
    topK_ = addInt(basicForm_, "topK", 0, 1000);
    topP_ = addDouble(basicForm_, "topP", 0, 1, 0.01, 2);
    minP_ = addDouble(basicForm_, "minP", 0, 1, 0.01, 2);
    maxTokens_ = addInt(basicForm_, "maxTokens", 1, 32768);
    group(penalties_, penaltyForm_);
    repeat_ = addDouble(penaltyForm_, "repeatPenalty", 0.5, 3, 0.01, 2);
    repeatLastN_ = addInt(penaltyForm_, "repeatLastN", -1, 32768);
    presence_ = addDouble(penaltyForm_, "presencePenalty", -2, 2, 0.05, 2);
    frequency_ = addDouble(penaltyForm_, "frequencyPenalty", -2, 2, 0.05, 2);
    group(search_, searchForm_);
    beams_ = addInt(searchForm_, "beams", 1, 16);
    lengthPenalty_ = addDouble(searchForm_, "lengthPenalty", 0, 5, 0.1, 2);
    earlyStopping_ = new QCheckBox(this);
    earlyStopping_->setObjectName(QStringLiteral("earlyStopping"));
    searchForm_->addRow(earlyStopping_);
    contrastiveK_ = addInt(searchForm_, "contrastiveK", 0, 64);
    alpha_ = addDouble(searchForm_, "penaltyAlpha", 0, 1, 0.05, 2);
    tokenHealing_ = new QCheckBox(this);
    tokenHealing_->setObjectName(QStringLiteral("tokenHealing"));
    searchForm_->addRow(tokenHealing_);
    group(seedBox_, seedForm_);
    randomSeed_ = new QCheckBox(this);
    randomSeed_->setObjectName(QStringLiteral("randomSeed"));
    seedForm_->addRow(randomSeed_);
    seed_ = new QLineEdit(this);
    seed_->setObjectName(QStringLiteral("seedEdit"));
    seed_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), seed_));
    seedForm_->addRow(new QLabel(this), seed_);
    lastSeedLabel_ = new QLabel(this);
    lastSeedLabel_->setObjectName(QStringLiteral("lastSeedLabel"));
    lastSeedLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    seedForm_->addRow(lastSeedLabel_);
    v->addStretch();

    for (auto* s : findChildren<QDoubleSpinBox*>()) connect(s, &QDoubleSpinBox::valueChanged, this, &SamplingPanel::onEdited);
    for (auto* s : findChildren<QSpinBox*>()) connect(s, &QSpinBox::valueChanged, this, &SamplingPanel::onEdited);
    for (auto* c : {earlyStopping_, tokenHealing_, randomSeed_}) connect(c, &QCheckBox::toggled, this, &SamplingPanel::onEdited);
    connect(seed_, &QLineEdit::textEdited, this, &SamplingPanel::onEdited);
    connect(preset_, &QComboBox::activated, this, [this](int i) {
        const QString key = preset_->itemData(i).toString();
        if (!key.isEmpty()) applyPreset(key);
    });

    const gb::SamplingParams saved = settings_->sampling();
    updating_ = true;
    randomSeed_->setChecked(settings_->randomSeed());
    maxTokens_->setValue(settings_->maxTokens());
    updating_ = false;
    retranslate();
    setParams(saved);
}

QDoubleSpinBox* SamplingPanel::addDouble(QFormLayout* f, const char* name, double min, double max, double step, int decimals) {
    auto* s = new QDoubleSpinBox(this);
    s->setObjectName(QLatin1String(name));
    s->setRange(min, max);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    f->addRow(new QLabel(this), s);  // label text set in retranslate()
    return s;
}

QSpinBox* SamplingPanel::addInt(QFormLayout* f, const char* name, int min, int max) {
    auto* s = new QSpinBox(this);
    s->setObjectName(QLatin1String(name));
    s->setRange(min, max);
    f->addRow(new QLabel(this), s);
    return s;
}

gb::SamplingParams SamplingPanel::params() const {
    gb::SamplingParams p;
    p.temperature = float(temperature_->value());
    p.topK = topK_->value();
    p.topP = float(topP_->value());
    p.minP = float(minP_->value());
    p.repeatPenalty = float(repeat_->value());
    p.repeatLastN = repeatLastN_->value();
    p.presencePenalty = float(presence_->value());
    p.frequencyPenalty = float(frequency_->value());
    p.beams = beams_->value();
    p.lengthPenalty = float(lengthPenalty_->value());
    p.earlyStopping = earlyStopping_->isChecked();
    p.contrastiveK = contrastiveK_->value();
    p.penaltyAlpha = float(alpha_->value());
    p.tokenHealing = tokenHealing_->isChecked();
    p.seed = seed_->text().toULongLong();
    return p;
}

gb::SamplingParams SamplingPanel::paramsForRequest() {
    if (randomSeed_->isChecked()) {
        updating_ = true;
        seed_->setText(QString::number(QRandomGenerator::global()->bounded(quint64(1) << 53)));
        updating_ = false;
    }
    gb::SamplingParams p = params();
    lastSeed_ = p.seed;
    lastSeedLabel_->setText(tr("Last reply's seed: %1").arg(lastSeed_));
    settings_->setSampling(p);
    return p;
}

void SamplingPanel::setParams(const gb::SamplingParams& p) {
    updating_ = true;
    temperature_->setValue(p.temperature);
    topK_->setValue(p.topK);
    topP_->setValue(p.topP);
    minP_->setValue(p.minP);
    repeat_->setValue(p.repeatPenalty);
    repeatLastN_->setValue(p.repeatLastN);
    presence_->setValue(p.presencePenalty);
    frequency_->setValue(p.frequencyPenalty);
    beams_->setValue(p.beams);
    lengthPenalty_->setValue(p.lengthPenalty);
    earlyStopping_->setChecked(p.earlyStopping);
    contrastiveK_->setValue(p.contrastiveK);
    alpha_->setValue(p.penaltyAlpha);
    tokenHealing_->setChecked(p.tokenHealing);
    seed_->setText(QString::number(p.seed));
    updating_ = false;
    onEdited();
}

int SamplingPanel::maxTokens() const { return maxTokens_->value(); }

void SamplingPanel::applyPreset(const QString& key) {
    const SamplingPreset* pr = findPreset(key);
    if (!pr) return;
    gb::SamplingParams p = pr->params;
    p.seed = params().seed;  // a preset does not change the seed
    setParams(p);
}

void SamplingPanel::syncPreset() {
    preset_->setCurrentIndex(std::max(0, preset_->findData(presetMatching(params()))));
    seed_->setEnabled(!randomSeed_->isChecked());
}

void SamplingPanel::onEdited() {
    if (updating_) return;
    syncPreset();
    const gb::SamplingParams p = params();
    const QString key = presetMatching(p);
    settings_->setSampling(p);
    settings_->setSamplingPreset(key);
    settings_->setRandomSeed(randomSeed_->isChecked());
    settings_->setMaxTokens(maxTokens_->value());
    emit changed();
}

void SamplingPanel::retranslate() {
    presetTitle_->setText(tr("&Preset:"));
    preset_->setAccessibleName(tr("Sampling preset"));
    updating_ = true;
    preset_->clear();
    preset_->addItem(tr("Custom"), QString());
    for (const SamplingPreset& pr : samplingPresets()) preset_->addItem(QCoreApplication::translate("SamplingPreset", pr.title), pr.key);
    updating_ = false;
    basic_->setTitle(tr("Sampling"));
    penalties_->setTitle(tr("Repetition"));
    search_->setTitle(tr("Search strategies"));
    seedBox_->setTitle(tr("Seed"));
    struct Row {
        QWidget* w;
        const char* label;
        const char* tip;
    };
    const Row rows[] = {
        {temperature_, QT_TR_NOOP("Temperature:"), QT_TR_NOOP("0 picks the most likely token (greedy); higher is more varied")},
        {topK_, QT_TR_NOOP("Top-k:"), QT_TR_NOOP("Keep only the k most likely tokens (0: off)")},
        {topP_, QT_TR_NOOP("Top-p:"), QT_TR_NOOP("Keep the most likely tokens up to this total probability (1: off)")},
        {minP_, QT_TR_NOOP("Min-p:"), QT_TR_NOOP("Drop tokens less likely than this fraction of the best one (0: off)")},
        {maxTokens_, QT_TR_NOOP("Max tokens:"), QT_TR_NOOP("The longest reply, in tokens")},
        {repeat_, QT_TR_NOOP("Repeat penalty:"), QT_TR_NOOP("Make tokens seen recently less likely (1: off)")},
        {repeatLastN_, QT_TR_NOOP("Penalty window:"), QT_TR_NOOP("How many recent tokens the penalties look at (-1: all)")},
        {presence_, QT_TR_NOOP("Presence penalty:"), QT_TR_NOOP("Subtracted once from every token already present")},
        {frequency_, QT_TR_NOOP("Frequency penalty:"), QT_TR_NOOP("Subtracted per occurrence of a token")},
        {beams_, QT_TR_NOOP("Beams:"), QT_TR_NOOP("Beam search when more than 1")},
        {lengthPenalty_, QT_TR_NOOP("Length penalty:"), QT_TR_NOOP("Beam score = log-probability / length^penalty")},
        {contrastiveK_, QT_TR_NOOP("Contrastive k:"), QT_TR_NOOP("Contrastive search candidates (0: off)")},
        {alpha_, QT_TR_NOOP("Degeneration penalty α:"), QT_TR_NOOP("Contrastive search's weight against repeating itself")},
    };
    for (const Row& r : rows) {
        auto* form = qobject_cast<QFormLayout*>(r.w->parentWidget()->layout());
        if (!form) continue;
        if (auto* l = qobject_cast<QLabel*>(form->labelForField(r.w))) {
            l->setText(tr(r.label));
            l->setBuddy(r.w);
        }
        r.w->setToolTip(tr(r.tip));
        r.w->setAccessibleName(tr(r.label).remove(QLatin1Char(':')));
    }
    earlyStopping_->setText(tr("Stop beam search early"));
    tokenHealing_->setText(tr("Token healing"));
    tokenHealing_->setToolTip(tr("Re-generate the prompt's last token so a word split at the end can continue"));
    randomSeed_->setText(tr("New random seed for each reply"));
    seed_->setAccessibleName(tr("Seed"));
    seed_->setToolTip(tr("The random seed; the same seed and settings give the same reply"));
    if (auto* l = qobject_cast<QLabel*>(seedForm_->labelForField(seed_))) l->setText(tr("Seed:"));
    lastSeedLabel_->setText(lastSeed_ ? tr("Last reply's seed: %1").arg(lastSeed_) : QString());
    syncPreset();  // the combo was refilled; nothing changed, so nothing is saved
}

void SamplingPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
