#pragma once
// Named decoding settings the sampling panel offers. Names are stable keys; the UI translates titles.
#include <QString>
#include <QStringList>

#include "sampling/sampling_params.h"

namespace glassbox {

struct SamplingPreset {
    QString key;           // "balanced", "precise", "creative", "deterministic", "beam", "contrastive"
    const char* title;     // for tr() in the UI (QT_TRANSLATE_NOOP context "SamplingPreset")
    gb::SamplingParams params;
};

const QList<SamplingPreset>& samplingPresets();
const SamplingPreset* findPreset(const QString& key);
// The preset whose settings equal p (seed ignored), or "" for custom settings.
QString presetMatching(const gb::SamplingParams& p);

}  // namespace glassbox
