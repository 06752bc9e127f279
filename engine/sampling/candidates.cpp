#include "sampling/candidates.h"

#include <algorithm>
#include <cmath>

namespace gb {

Candidates Candidates::fromLogits(std::span<const float> logits) {
    Candidates c;
    c.items.resize(logits.size());
    for (size_t i = 0; i < logits.size(); ++i) c.items[i] = {static_cast<int32_t>(i), logits[i], 0.f};
    return c;
}

void Candidates::sortByLogit() {
    if (sorted) return;
    std::stable_sort(items.begin(), items.end(), [](const Candidate& a, const Candidate& b) { return a.logit > b.logit; });
    sorted = true;
}

void Candidates::normalize() {
    if (items.empty()) return;
    float mx = items[0].logit;
    for (const auto& c : items) mx = std::max(mx, c.logit);
    double sum = 0;
    for (auto& c : items) {
        c.p = std::exp(c.logit - mx);
        sum += c.p;
    }
    for (auto& c : items) c.p = static_cast<float>(c.p / sum);
}

void Candidates::truncate(size_t n) {
    if (n < items.size()) items.resize(n);
}

}  // namespace gb
