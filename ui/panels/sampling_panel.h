#pragma once
// Every decoding setting the engine offers (gb::SamplingParams), with presets, and the seed: a
// fixed one, or a new random one for each reply, shown so a reply can be reproduced.
#include <QWidget>

#include "sampling/sampling_params.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace glassbox {
class AppSettings;
}

namespace glassbox::ui {

class SamplingPanel : public QWidget {
    Q_OBJECT
public:
    explicit SamplingPanel(AppSettings* settings, QWidget* parent = nullptr);

    gb::SamplingParams params() const;  // as shown (seed as typed)
    gb::SamplingParams paramsForRequest();  // draws a new seed first when "random" is on
    void setParams(const gb::SamplingParams& p);
    int maxTokens() const;
    void applyPreset(const QString& key);
    quint64 lastSeed() const { return lastSeed_; }

signals:
    void changed();

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void onEdited();
    void syncPreset();
    QDoubleSpinBox* addDouble(QFormLayout* f, const char* name, double min, double max, double step, int decimals);
    QSpinBox* addInt(QFormLayout* f, const char* name, int min, int max);

    AppSettings* settings_;
    bool updating_ = false;
    quint64 lastSeed_ = 0;
    QLabel* presetTitle_;
    QComboBox* preset_;
    QGroupBox *basic_, *penalties_, *search_, *seedBox_;
    QFormLayout *basicForm_, *penaltyForm_, *searchForm_, *seedForm_;
    QDoubleSpinBox *temperature_, *topP_, *minP_, *repeat_, *presence_, *frequency_, *lengthPenalty_, *alpha_;
    QSpinBox *topK_, *repeatLastN_, *maxTokens_, *beams_, *contrastiveK_;
    QCheckBox *earlyStopping_, *tokenHealing_, *randomSeed_;
    QLineEdit* seed_;
    QLabel* lastSeedLabel_;
};

}  // namespace glassbox::ui
