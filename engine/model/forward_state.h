#pragma once
// Scratch buffers of one Session's forward pass, allocated once for the largest batch.
#include <vector>

#include "model/feed_forward.h"
#include "model/kv_cache.h"

namespace gb {

struct ModelConfig;

struct ForwardState {
    static constexpr int kMaxBatch = 256;  // prompt tokens per forward chunk

    ForwardState(const ModelConfig& c, int nCtx);

    KvCache cache;
    std::vector<float> x;       // [B][dim] residual stream
    std::vector<float> xn;      // [B][dim] normalised input of a sub-layer
    std::vector<float> q;       // [B][heads*headDim]
    std::vector<float> k, v;    // [B][kvHeads*headDim]
    std::vector<float> att;     // [B][heads*headDim]
    std::vector<float> y;       // [B][dim] sub-layer output
    std::vector<float> hidden;  // [dim] final-norm state of the last token
    std::vector<float> logits;  // [vocab]
    FfnScratch ffn;
};

}  // namespace gb
