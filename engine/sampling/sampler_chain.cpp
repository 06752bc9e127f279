#include "sampling/sampler_chain.h"

#include <algorithm>
#include <unordered_map>

namespace gb {

SamplerStage penaltiesStage(float repeat, float presence, float frequency, int lastN) {
    return {"penalties", [=](Candidates& c, std::span<const int32_t> history) {
                const size_t n = lastN < 0 ? history.size() : std::min<size_t>(history.size(), static_cast<size_t>(lastN));
                std::unordered_map<int32_t, int> counts;
                for (size_t i = history.size() - n; i < history.size(); ++i) counts[history[i]]++;
                if (counts.empty()) return;
                for (auto& cand : c.items) {
                    auto it = counts.find(cand.id);
                    if (it == counts.end()) continue;
                    cand.logit = cand.logit <= 0 ? cand.logit * repeat : cand.logit / repeat;
                    cand.logit -= static_cast<float>(it->second) * frequency + presence;
                }
                c.sorted = false;
            }};
}

SamplerStage topKStage(int k) {
    return {"top-k", [=](Candidates& c, std::span<const int32_t>) {
                if (k <= 0 || static_cast<size_t>(k) >= c.items.size()) return;
                std::partial_sort(c.items.begin(), c.items.begin() + k, c.items.end(),
                                  [](const Candidate& a, const Candidate& b) { return a.logit > b.logit || (a.logit == b.logit && a.id < b.id); });
                c.items.resize(k);
                c.sorted = true;
            }};
}

SamplerStage topPStage(float p) {
    return {"top-p", [=](Candidates& c, std::span<const int32_t>) {
                if (p >= 1.0f) return;
                c.sortByLogit();
                c.normalize();
                double cum = 0;
                size_t keep = c.items.size();
                for (size_t i = 0; i < c.items.size(); ++i) {
                    cum += c.items[i].p;
                    if (cum >= p) {
                        keep = i + 1;
                        break;
                    }
                }
                c.truncate(std::max<size_t>(keep, 1));
            }};
}

SamplerStage minPStage(float p) {
    return {"min-p", [=](Candidates& c, std::span<const int32_t>) {
                if (p <= 0.0f) return;
                c.sortByLogit();
                c.normalize();
                const float cut = c.items[0].p * p;
                size_t keep = 1;
                while (keep < c.items.size() && c.items[keep].p >= cut) ++keep;
                c.truncate(keep);
            }};
}

SamplerStage temperatureStage(float t) {
    return {"temperature", [=](Candidates& c, std::span<const int32_t>) {
                for (auto& cand : c.items) cand.logit /= t;
            }};
}

SamplerChain::SamplerChain(const SamplingParams& p) : params_(p), rng_(p.seed) {
    if (p.repeatPenalty != 1.0f || p.presencePenalty != 0.0f || p.frequencyPenalty != 0.0f)
        stages_.push_back(penaltiesStage(p.repeatPenalty, p.presencePenalty, p.frequencyPenalty, p.repeatLastN));
    if (p.greedy()) return;
    stages_.push_back(topKStage(p.topK));
    stages_.push_back(topPStage(p.topP));
    stages_.push_back(minPStage(p.minP));
    stages_.push_back(temperatureStage(p.temperature));
}

int32_t SamplerChain::sample(std::span<const float> logits, std::span<const int32_t> history,
                             const std::function<bool(int32_t)>& allowed) {
    last_ = Candidates::fromLogits(logits);
    if (allowed) {
        std::erase_if(last_.items, [&](const Candidate& c) { return !allowed(c.id); });
        if (last_.items.empty()) last_ = Candidates::fromLogits(logits);  // nothing fits: unconstrained
    }
    for (const auto& s : stages_) s.apply(last_, history);
    last_.sortByLogit();
    last_.normalize();
    if (params_.greedy()) return last_.items[0].id;
    std::uniform_real_distribution<double> u(0.0, 1.0);
    double r = u(rng_), cum = 0;
    for (const auto& c : last_.items) {
        cum += c.p;
        if (r < cum) return c.id;
    }
    return last_.items.back().id;
}

}  // namespace gb
