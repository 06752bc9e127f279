#pragma once
// FlashAttention-style tile kernel: a tile of query rows that share one KV head, folded one block
// of keys at a time into a running (online) softmax, so the score matrix never exists beyond
// rows × kAttnKeyBlock floats.
//
// For a block of n ≤ kAttnKeyBlock consecutive key positions j0 … j0+n-1 and every row r:
//   s[r][j] = q[r] · key[j]                       for j in the row's visible range first[r] … last[r]
//   m'      = max(m[r], max_j s[r][j])
//   o[r]    = o[r] · exp(m[r] - m') + Σ_j exp(s[r][j] - m') · value[j]
//   l[r]    = l[r] · exp(m[r] - m') + Σ_j exp(s[r][j] - m'),   m[r] = m'
// Keys outside a row's range (causal mask, sliding window) contribute nothing. After the last
// block the attention output of row r is o[r] / l[r].
//
// Layouts: q and o are [rows][d] row-major (q already multiplied by the softmax scale); key and
// value rows are given as pointers, one per position of the block (so a block may straddle the
// wrap of the KV cache's ring), each pointing at d contiguous floats.
// With AVX-512 and d a multiple of 16 the block is done by register-blocked micro-kernels: the key
// block is transposed once into an L1 buffer [d][64], S = Q·Kᵀ broadcasts q elements against 16
// keys per zmm, and O += P·V broadcasts p against value rows loaded as vectors. Otherwise a
// portable per-row loop computes the same thing.
#include <cstdint>

namespace gb {

constexpr int kAttnKeyBlock = 64;  // keys per block

struct AttentionTile {
    int rows = 0;                    // query rows
    int d = 0;                       // head dimension
    const float* q = nullptr;        // [rows][d], pre-scaled
    float* o = nullptr;              // [rows][d], unnormalised accumulator
    float* m = nullptr;              // [rows], running maximum (-inf before the first key)
    float* l = nullptr;              // [rows], running sum of exp(s - m)
    const int64_t* first = nullptr;  // [rows], first visible key position of the row
    const int64_t* last = nullptr;   // [rows], last visible key position of the row
};

// Resets o, m, l of the tile (no keys seen yet).
void attentionTileReset(const AttentionTile& t);

// Folds keys j0 … j0+n-1 (n ≤ kAttnKeyBlock) into the tile; keys[i], values[i] are the rows of
// position j0+i.
void attentionTileBlock(const AttentionTile& t, const float* const* keys, const float* const* values, int64_t j0,
                        int n);

// Merges the partial state (m2, l2, o2) of one row, computed over a disjoint key range, into
// (m, l, o): flash-decoding's combination step.
void attentionMergeRow(float& m, float& l, float* o, float m2, float l2, const float* o2, int d);

}  // namespace gb
