#pragma once
// The feed-forward half of a block: dense SwiGLU, or a Mixture of Experts (router softmax →
// top-k → weights renormalised → weighted sum of the chosen experts' SwiGLU, plus shared
// experts that every token uses).
#include <cstdint>
#include <vector>

namespace gb {

struct ModelConfig;
struct FeedForward;
struct LayerWeights;
class Observer;

struct FfnScratch {
    std::vector<float> gate, up, rows, out, router;
};

// y[M][dim] = down(silu(gate x) * up x) for x[M][dim].
void swiglu(const FeedForward& f, const float* x, float* y, int64_t M, FfnScratch& s);

// y[T][dim] = MoE(x) (overwrites y). Reports routing to the observer when it asks for this layer.
void mixtureOfExperts(const ModelConfig& c, const LayerWeights& ly, int layer, const float* x, float* y, int T,
                      int64_t pos0, Observer* obs, FfnScratch& s);

}  // namespace gb
