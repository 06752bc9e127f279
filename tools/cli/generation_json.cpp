#include "generation_json.h"

namespace cli {

nlohmann::json generationJson(const gb::GenerationResult& r, int topAlternatives) {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& t : r.tokens) ids.push_back(t.id);
    nlohmann::json j = {{"prompt_tokens", r.promptTokens}, {"tokens", ids}, {"text", r.text}, {"stop_reason", r.stopReason}};
    j["timings"] = {{"prompt_ms", r.timings.promptMs}, {"gen_ms", r.timings.genMs}, {"prompt_tok_s", r.timings.promptTokS()},
                    {"gen_tok_s", r.timings.genTokS()}};
    j["log_prob"] = r.logProb;
    if (topAlternatives > 0) {
        nlohmann::json alts = nlohmann::json::array(), probs = nlohmann::json::array();
        for (const auto& t : r.tokens) {
            nlohmann::json a = nlohmann::json::array();
            for (const auto& alt : t.alternatives) a.push_back({{"token", alt.token}, {"piece", alt.piece}, {"prob", alt.prob}});
            alts.push_back(a);
            probs.push_back(t.rawProb);
        }
        j["alternatives"] = alts;
        j["probs"] = probs;
    }
    return j;
}

}  // namespace cli
