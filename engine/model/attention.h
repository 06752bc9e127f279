#pragma once
// Causal self-attention of a batch of queries over the KV cache (scaled dot product, softmax,
// weighted sum of values), with grouped-query heads and the cache's sliding window.
// Computed FlashAttention-style (kernels/attention_tile.h): tiles of query rows that share a KV
// head go through blocks of 64 keys with an online softmax, so no T×T matrix is ever
// materialised; key blocks no row of a tile can see are skipped. Tiles run in parallel, longest
// (latest positions) first; with few query rows (decode) the keys of long contexts are split
// between threads and the partial softmax states merged.
#include <cstdint>
#include <vector>

namespace gb {

class KvCache;
struct ModelConfig;

// q: [T][nHead*headDim] for positions pos0 … pos0+T-1 (already in the cache); out: same shape.
void attend(const ModelConfig& c, const KvCache& cache, int layer, const float* q, float* out, int T, int64_t pos0);

// Softmax weights of one query head over positions 0 … pos (zeros outside the window).
std::vector<float> attentionWeights(const ModelConfig& c, const KvCache& cache, int layer, const float* qHead,
                                    int head, int64_t pos);

}  // namespace gb
