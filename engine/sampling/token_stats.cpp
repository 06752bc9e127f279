#include "sampling/token_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "sampling/candidates.h"
#include "tokenizer/tokenizer.h"

namespace gb {

void describeToken(std::span<const float> logits, int32_t chosen, int topAlternatives, const Tokenizer& tok,
                   GeneratedToken& out) {
    const size_t V = logits.size();
    float mx = *std::max_element(logits.begin(), logits.end());
    double sum = 0;
    for (float l : logits) sum += std::exp(static_cast<double>(l - mx));
    const double logZ = std::log(sum) + mx;
    double entropy = 0;
    int rank = 0;
    for (size_t i = 0; i < V; ++i) {
        const double lp = logits[i] - logZ;
        entropy -= std::exp(lp) * lp;
        if (logits[i] > logits[chosen] || (logits[i] == logits[chosen] && static_cast<int32_t>(i) < chosen)) ++rank;
    }
    out.rawProb = static_cast<float>(std::exp(logits[chosen] - logZ));
    out.entropy = static_cast<float>(entropy);
    out.rank = rank;
    const size_t k = std::min<size_t>(std::max(topAlternatives, 0), V);
    if (k == 0) return;
    std::vector<int32_t> idx(V);
    std::iota(idx.begin(), idx.end(), 0);
    std::partial_sort(idx.begin(), idx.begin() + k, idx.end(), [&](int32_t a, int32_t b) { return logits[a] > logits[b] || (logits[a] == logits[b] && a < b); });
    out.alternatives.clear();
    for (size_t i = 0; i < k; ++i)
        out.alternatives.push_back({idx[i], tok.piece(idx[i], true), static_cast<float>(std::exp(logits[idx[i]] - logZ))});
}

void describeSampled(const Candidates& after, int32_t chosen, int topAlternatives, const Tokenizer& tok, GeneratedToken& out) {
    out.prob = 0;
    for (const auto& c : after.items)
        if (c.id == chosen) out.prob = c.p;
    out.sampledAlternatives.clear();
    const size_t k = std::min<size_t>(std::max(topAlternatives, 0), after.items.size());
    for (size_t i = 0; i < k; ++i) out.sampledAlternatives.push_back({after.items[i].id, tok.piece(after.items[i].id, true), after.items[i].p});
}

}  // namespace gb
