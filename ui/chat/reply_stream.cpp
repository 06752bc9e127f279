#include "chat/reply_stream.h"

#include <QFileInfo>
#include <QJsonObject>

namespace glassbox::ui {

void ReplyStream::append(const StreamToken& t) {
    if (tokens.isEmpty()) live.firstTokenMs = double(clock.nsecsElapsed()) / 1e6;
    tokens.append({t.id, t.prob});
    text += t.text;
    dirty = dirty || !t.text.isEmpty();
    live.generatedTokens = int(tokens.size());
    const double genMs = double(clock.nsecsElapsed()) / 1e6 - live.firstTokenMs;
    if (tokens.size() > 1 && genMs > 0) live.genTokS = (tokens.size() - 1) * 1000.0 / genMs;
}

QJsonObject samplingToJson(const gb::SamplingParams& p) {
    QJsonObject o;
    o[QStringLiteral("temperature")] = p.temperature;
    o[QStringLiteral("top_k")] = p.topK;
    o[QStringLiteral("top_p")] = p.topP;
    o[QStringLiteral("min_p")] = p.minP;
    o[QStringLiteral("repeat_penalty")] = p.repeatPenalty;
    o[QStringLiteral("repeat_last_n")] = p.repeatLastN;
    o[QStringLiteral("presence_penalty")] = p.presencePenalty;
    o[QStringLiteral("frequency_penalty")] = p.frequencyPenalty;
    o[QStringLiteral("beams")] = p.beams;
    o[QStringLiteral("length_penalty")] = p.lengthPenalty;
    o[QStringLiteral("early_stopping")] = p.earlyStopping;
    o[QStringLiteral("contrastive_k")] = p.contrastiveK;
    o[QStringLiteral("penalty_alpha")] = p.penaltyAlpha;
    o[QStringLiteral("token_healing")] = p.tokenHealing;
    return o;
}

gb::history::GenerationInfo ReplyStream::generationInfo(const ModelInfo& model, const GenerationStats& s) const {
    gb::history::GenerationInfo g;
    g.modelFile = QFileInfo(model.path).fileName();
    g.architecture = model.architecture;
    g.sampler = samplingToJson(sampling);
    g.seed = sampling.seed;
    g.chatTemplate = model.chatFormat;
    g.promptTokens = s.promptTokens;
    g.genTokens = int(tokens.size());
    g.promptTokS = s.promptTokS;
    g.genTokS = s.genTokS;
    g.stopReason = s.stopReason;
    g.tokens = tokens;
    return g;
}

}  // namespace glassbox::ui
