#include "generation_capture.h"

#include <QFileInfo>

#include "model/model.h"
#include "model_fingerprint.h"

namespace gb::history {

QJsonObject samplerJson(const gb::SamplingParams& s, int maxTokens) {
    return QJsonObject{
        {QStringLiteral("max_tokens"), maxTokens},
        {QStringLiteral("temperature"), static_cast<double>(s.temperature)},
        {QStringLiteral("top_k"), s.topK},
        {QStringLiteral("top_p"), static_cast<double>(s.topP)},
        {QStringLiteral("min_p"), static_cast<double>(s.minP)},
        {QStringLiteral("repeat_penalty"), static_cast<double>(s.repeatPenalty)},
        {QStringLiteral("repeat_last_n"), s.repeatLastN},
        {QStringLiteral("presence_penalty"), static_cast<double>(s.presencePenalty)},
        {QStringLiteral("frequency_penalty"), static_cast<double>(s.frequencyPenalty)},
        {QStringLiteral("beams"), s.beams},
        {QStringLiteral("length_penalty"), static_cast<double>(s.lengthPenalty)},
        {QStringLiteral("early_stopping"), s.earlyStopping},
        {QStringLiteral("contrastive_k"), s.contrastiveK},
        {QStringLiteral("penalty_alpha"), static_cast<double>(s.penaltyAlpha)},
        {QStringLiteral("token_healing"), s.tokenHealing},
    };
}

GenerationInfo startInfo(const gb::Model& model, const gb::SamplingParams& sampling, int maxTokens,
                         const QString& chatTemplate) {
    GenerationInfo g;
    const QString path = QString::fromStdString(model.path());
    g.modelFile = QFileInfo(path).fileName();
    g.modelHash = modelFingerprint(path);
    g.architecture = QString::fromStdString(model.config().arch);
    g.sampler = samplerJson(sampling, maxTokens);
    g.seed = sampling.seed;
    g.chatTemplate = chatTemplate;
    return g;
}

void addResult(GenerationInfo& info, const gb::GenerationResult& r) {
    info.promptTokens = r.timings.nPrompt;
    info.genTokens = r.timings.nGen;
    info.promptTokS = r.timings.promptTokS();
    info.genTokS = r.timings.genTokS();
    info.stopReason = QString::fromStdString(r.stopReason);
    info.tokens.clear();
    info.tokens.reserve(static_cast<qsizetype>(r.tokens.size()));
    for (const gb::GeneratedToken& t : r.tokens) info.tokens.push_back({t.id, t.rawProb});
}

}  // namespace gb::history
