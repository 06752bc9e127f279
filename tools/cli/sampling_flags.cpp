#include "sampling_flags.h"

namespace cli {

std::set<std::string> runFlagNames() { return {"--json", "--token-healing", "--ignore-eos", "--bf16-prefill", "--f32-activations"}; }

gb::GenerationRequest RunFlags::request(const std::string& prompt) const {
    gb::GenerationRequest req;
    req.prompt = prompt;
    req.maxTokens = maxTokens;
    req.sampling = sampling;
    req.stopStrings = stops;
    req.topAlternatives = topAlternatives;
    req.ignoreEos = ignoreEos;
    return req;
}

RunFlags parseRunFlags(Args& a) {
    RunFlags f;
    gb::SamplingParams& s = f.sampling;
    f.maxTokens = static_cast<int>(a.getInt("-n", a.getInt("--max-tokens", f.maxTokens)));
    s.temperature = static_cast<float>(a.getDouble("--temp", s.temperature));
    s.topK = static_cast<int>(a.getInt("--top-k", s.topK));
    s.topP = static_cast<float>(a.getDouble("--top-p", s.topP));
    s.minP = static_cast<float>(a.getDouble("--min-p", s.minP));
    s.seed = static_cast<uint64_t>(a.getInt("--seed", static_cast<long long>(s.seed)));
    s.repeatPenalty = static_cast<float>(a.getDouble("--repeat-penalty", s.repeatPenalty));
    s.repeatLastN = static_cast<int>(a.getInt("--repeat-last-n", s.repeatLastN));
    s.presencePenalty = static_cast<float>(a.getDouble("--presence-penalty", s.presencePenalty));
    s.frequencyPenalty = static_cast<float>(a.getDouble("--frequency-penalty", s.frequencyPenalty));
    s.beams = static_cast<int>(a.getInt("--beams", s.beams));
    s.lengthPenalty = static_cast<float>(a.getDouble("--length-penalty", s.lengthPenalty));
    s.contrastiveK = static_cast<int>(a.getInt("--contrastive-k", s.contrastiveK));
    s.penaltyAlpha = static_cast<float>(a.getDouble("--penalty-alpha", s.penaltyAlpha));
    s.tokenHealing = a.flag("--token-healing");
    f.threads = static_cast<int>(a.getInt("--threads", 0));
    f.ctx = static_cast<int>(a.getInt("--ctx", 0));
    f.stops = a.all("--stop");
    f.topAlternatives = static_cast<int>(a.getInt("--top-alternatives", 0));
    f.ignoreEos = a.flag("--ignore-eos");
    f.bf16Prefill = a.flag("--bf16-prefill");
    f.f32Activations = a.flag("--f32-activations");
    if (f.maxTokens < 0) throw UsageError("-n must not be negative");
    if (s.beams < 1 || s.beams > 64) throw UsageError("--beams must be between 1 and 64");
    if (s.topP <= 0 || s.topP > 1) throw UsageError("--top-p must be in (0, 1]");
    if (s.minP < 0 || s.minP > 1) throw UsageError("--min-p must be in [0, 1]");
    if (s.penaltyAlpha < 0 || s.penaltyAlpha > 1) throw UsageError("--penalty-alpha must be in [0, 1]");
    if (f.threads < 0 || f.threads > 256) throw UsageError("--threads must be between 0 and 256");
    if (f.topAlternatives < 0 || f.topAlternatives > 100) throw UsageError("--top-alternatives must be between 0 and 100");
    return f;
}

}  // namespace cli
