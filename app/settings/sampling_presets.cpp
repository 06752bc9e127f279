#include "settings/sampling_presets.h"

#include <QtGlobal>

namespace glassbox {
namespace {

gb::SamplingParams make(float temp, int topK, float topP, float minP, float repeat) {
    gb::SamplingParams p;
    p.temperature = temp;
    p.topK = topK;
    p.topP = topP;
    p.minP = minP;
    p.repeatPenalty = repeat;
    return p;
}

bool same(const gb::SamplingParams& a, const gb::SamplingParams& b) {
    return qFuzzyCompare(a.temperature + 1, b.temperature + 1) && a.topK == b.topK && qFuzzyCompare(a.topP, b.topP) &&
           qFuzzyCompare(a.minP + 1, b.minP + 1) && qFuzzyCompare(a.repeatPenalty, b.repeatPenalty) &&
           a.repeatLastN == b.repeatLastN && qFuzzyCompare(a.presencePenalty + 1, b.presencePenalty + 1) &&
           qFuzzyCompare(a.frequencyPenalty + 1, b.frequencyPenalty + 1) && a.beams == b.beams &&
           qFuzzyCompare(a.lengthPenalty, b.lengthPenalty) && a.earlyStopping == b.earlyStopping &&
           a.contrastiveK == b.contrastiveK && qFuzzyCompare(a.penaltyAlpha + 1, b.penaltyAlpha + 1) &&
           a.tokenHealing == b.tokenHealing;
}

}  // namespace

const QList<SamplingPreset>& samplingPresets() {
    static const QList<SamplingPreset> presets = [] {
        QList<SamplingPreset> l;
        l.append({QStringLiteral("balanced"), QT_TRANSLATE_NOOP("SamplingPreset", "Balanced"), make(0.8f, 40, 0.95f, 0.05f, 1.0f)});
        l.append({QStringLiteral("precise"), QT_TRANSLATE_NOOP("SamplingPreset", "Precise"), make(0.3f, 20, 0.9f, 0.1f, 1.05f)});
        l.append({QStringLiteral("creative"), QT_TRANSLATE_NOOP("SamplingPreset", "Creative"), make(1.1f, 100, 0.98f, 0.02f, 1.1f)});
        l.append({QStringLiteral("deterministic"), QT_TRANSLATE_NOOP("SamplingPreset", "Deterministic (greedy)"),
                  make(0.f, 0, 1.f, 0.f, 1.f)});
        gb::SamplingParams beam = make(0.f, 0, 1.f, 0.f, 1.f);
        beam.beams = 4;
        l.append({QStringLiteral("beam"), QT_TRANSLATE_NOOP("SamplingPreset", "Beam search (4 beams)"), beam});
        gb::SamplingParams contrastive = make(0.f, 0, 1.f, 0.f, 1.f);
        contrastive.contrastiveK = 4;
        contrastive.penaltyAlpha = 0.6f;
        l.append({QStringLiteral("contrastive"), QT_TRANSLATE_NOOP("SamplingPreset", "Contrastive search"), contrastive});
        return l;
    }();
    return presets;
}

const SamplingPreset* findPreset(const QString& key) {
    for (const auto& p : samplingPresets())
        if (p.key == key) return &p;
    return nullptr;
}

QString presetMatching(const gb::SamplingParams& p) {
    for (const auto& pr : samplingPresets())
        if (same(pr.params, p)) return pr.key;
    return {};
}

}  // namespace glassbox
