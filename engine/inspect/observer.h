#pragma once
// What the engine can show of its work, asked for per request. With no observer (or one that
// wants nothing) the forward pass does no extra work at all.
#include <cstdint>
#include <span>

namespace gb {

struct TopToken {
    int32_t token;
    float prob;
};

class Observer {
public:
    virtual ~Observer() = default;

    // Asked once per evaluate() call, before any work.
    virtual bool wantsAttention(int layer, int head) const { return false; }
    virtual bool wantsRouting(int layer) const { return false; }
    virtual int logitLensTopK() const { return 0; }  // 0: no logit lens

    // Softmax weights of query position `pos` over key positions 0..pos (zeros outside a sliding
    // window), for query head `head`, which read KV head `kvHead`. Sums to 1.
    virtual void onAttention(int layer, int head, int kvHead, int pos, std::span<const float> probs) {}

    // Router softmax over all experts, the chosen experts and their final (renormalised) weights.
    // Shared experts (DeepSeek-style) are always on and reported by sharedExperts > 0.
    virtual void onRouting(int layer, int pos, std::span<const float> router, std::span<const int32_t> experts,
                           std::span<const float> weights, int sharedExperts) {}

    // Final norm + output head applied to the residual stream after `layer`.
    virtual void onLogitLens(int layer, int pos, std::span<const TopToken> top) {}
};

}  // namespace gb
