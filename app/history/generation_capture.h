#pragma once
// GenerationInfo from the engine's objects: what is known before generating (model, sampler
// settings, seed, template) and what the result adds (timings, stop reason, token ids and
// probabilities under the raw logits).
#include <QJsonObject>
#include <QString>

#include "history_types.h"
#include "sampling/generation.h"

namespace gb {
class Model;
}

namespace gb::history {

QJsonObject samplerJson(const gb::SamplingParams& s, int maxTokens);
GenerationInfo startInfo(const gb::Model& model, const gb::SamplingParams& sampling, int maxTokens,
                         const QString& chatTemplate);
void addResult(GenerationInfo& info, const gb::GenerationResult& result);

}  // namespace gb::history
