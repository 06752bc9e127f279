#include "model/attention.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "kernels/attention_tile.h"
#include "kernels/dnnl_matmul.h"
#include "kernels/vector_ops.h"
#include "model/kv_cache.h"
#include "model/model_config.h"

namespace gb {
namespace {

constexpr int kTargetRows = 48;  // query rows per tile: each key block is transposed once for them

// How the T × nHead query rows are cut into work items. A tile is `heads` heads of one KV head's
// group × `positions` consecutive positions; an item is the tiles of the same heads and positions
// for `kvPer` KV heads (all of them normally, so it reads whole cache rows block by block) over
// all the visible keys. When that leaves too few items to keep the threads busy (decode, short
// batches), the keys are split into `splits` parts whose partial softmax states are merged at the
// end (flash-decoding), and if still too few, the KV heads are shared out between items.
struct Plan {
    int heads, headChunks;    // heads per tile (≤ group), tiles per group
    int positions, posTiles;  // positions per tile, tiles over T
    int kvPer, kvChunks;      // KV heads per item, items over the KV heads
    int splits;               // key-range parts per tile
    int64_t items() const { return int64_t(posTiles) * headChunks * kvChunks * splits; }
    int maxRows() const { return heads * positions; }
};

struct ItemShape {
    int t0, np;    // positions pos0+t0 … pos0+t0+np-1
    int hc, nh;    // head chunk within the group and its heads
    int kv0, nkv;  // KV heads kv0 … kv0+nkv-1
    int part;      // key-range part
};

ItemShape shapeOf(const Plan& p, int64_t it, int T, int group, int kvHeads) {
    ItemShape s;
    s.part = static_cast<int>(it % p.splits);
    int64_t rest = it / p.splits;
    const int kc = static_cast<int>(rest % p.kvChunks);
    rest /= p.kvChunks;
    s.hc = static_cast<int>(rest % p.headChunks);
    // Later position tiles first: the causal triangle's longest items start early.
    const int pt = p.posTiles - 1 - static_cast<int>(rest / p.headChunks);
    s.t0 = pt * p.positions;
    s.np = std::min(p.positions, T - s.t0);
    s.nh = std::min(p.heads, group - s.hc * p.heads);
    s.kv0 = kc * p.kvPer;
    s.nkv = std::min(p.kvPer, kvHeads - s.kv0);
    return s;
}

// Per-thread tile states of one item: kvHeads tiles of up to maxRows rows.
struct Scratch {
    std::vector<float> q, o, m, l;
    std::vector<int64_t> first, last;
    void reserve(int tiles, int rows, int d) {
        const size_t n = size_t(tiles) * rows * d, r = size_t(tiles) * rows;
        if (q.size() < n) q.resize(n), o.resize(n);
        if (m.size() < r) m.resize(r), l.resize(r), first.resize(r), last.resize(r);
    }
    AttentionTile tile(int i, int rows, int d) {
        AttentionTile t;
        t.rows = rows;
        t.d = d;
        const size_t off = size_t(i) * rows;
        t.q = q.data() + off * d;
        t.o = o.data() + off * d;
        t.m = m.data() + off;
        t.l = l.data() + off;
        t.first = first.data() + off;
        t.last = last.data() + off;
        return t;
    }
};

// Cache rows (all KV heads) of positions j0 … j0+n-1, split where the ring wraps.
void blockRows(const KvCache& cache, int layer, int kvDim, int64_t j0, int n, const float** k, const float** v) {
    const int64_t slots = cache.slots();
    for (int i = 0; i < n;) {
        const int64_t j = j0 + i;
        const int run = static_cast<int>(std::min<int64_t>(n - i, slots - j % slots));
        const float* kb = cache.key(layer, j);
        const float* vb = cache.value(layer, j);
        for (int e = 0; e < run; ++e, ++i) {
            k[i] = kb + size_t(e) * kvDim;
            v[i] = vb + size_t(e) * kvDim;
        }
    }
}

}  // namespace

void attend(const ModelConfig& c, const KvCache& cache, int layer, const float* q, float* out, int T, int64_t pos0) {
    const int H = c.nHead, d = c.headDim, group = c.gqaGroup(), kvHeads = H / group, kvDim = kvHeads * d;
    const float scale = 1.0f / std::sqrt(static_cast<float>(d));
    const int threads = computeThreads();

    Plan plan;
    plan.heads = std::min(group, kTargetRows);
    plan.headChunks = (group + plan.heads - 1) / plan.heads;
    plan.positions = std::clamp(kTargetRows / plan.heads, 1, T);
    plan.posTiles = (T + plan.positions - 1) / plan.positions;
    plan.kvPer = kvHeads;
    plan.kvChunks = 1;
    plan.splits = 1;
    // Too few items for the threads: split the keys, keeping at least two key blocks per part,
    // then share out the KV heads.
    const int64_t span = pos0 + T - cache.firstVisible(pos0);
    const int64_t blocks = (span + kAttnKeyBlock - 1) / kAttnKeyBlock;
    if (threads > 1 && plan.items() < 2 * threads) {
        const int64_t want = (2 * threads + plan.items() - 1) / plan.items();
        plan.splits = static_cast<int>(std::max<int64_t>(1, std::min(want, blocks / 2)));
    }
    if (threads > 1 && plan.items() < 2 * threads) {
        const int64_t want = std::min<int64_t>(kvHeads, (2 * threads + plan.items() - 1) / plan.items());
        plan.kvPer = static_cast<int>((kvHeads + want - 1) / want);
        plan.kvChunks = (kvHeads + plan.kvPer - 1) / plan.kvPer;
    }
    const int64_t items = plan.items();
    const int maxRows = plan.maxRows(), itemRows = plan.kvPer * maxRows;
    // Partial states of split items: [item][KV head][row] × (m, l, o[d]).
    std::vector<float> partial(plan.splits > 1 ? size_t(items) * itemRows * (d + 2) : 0);

#pragma omp parallel num_threads(threads) if (items > 1)
    {
        thread_local Scratch scratch;
        thread_local std::vector<AttentionTile> tiles;
        const float* kBase[kAttnKeyBlock];
        const float* vBase[kAttnKeyBlock];
        const float* kRows[kAttnKeyBlock];
        const float* vRows[kAttnKeyBlock];
#pragma omp for schedule(dynamic, 1)
        for (int64_t it = 0; it < items; ++it) {
            const ItemShape s = shapeOf(plan, it, T, group, kvHeads);
            const int rows = s.np * s.nh;
            scratch.reserve(s.nkv, rows, d);
            tiles.resize(s.nkv);
            for (int e = 0; e < s.nkv; ++e) {
                const int kvh = s.kv0 + e;
                const int h0 = kvh * group + s.hc * plan.heads;
                const size_t off = size_t(e) * rows;
                for (int r = 0; r < rows; ++r) {
                    const int p = r / s.nh, h = h0 + r % s.nh;
                    const int64_t pos = pos0 + s.t0 + p;
                    const float* src = q + (size_t(s.t0 + p) * H + h) * d;
                    float* dst = scratch.q.data() + (off + r) * d;
                    for (int i = 0; i < d; ++i) dst[i] = src[i] * scale;
                    scratch.first[off + r] = cache.firstVisible(pos);
                    scratch.last[off + r] = pos;
                }
                tiles[e] = scratch.tile(e, rows, d);
                attentionTileReset(tiles[e]);
            }
            // Keys visible to some row: firstVisible(first position) … last position.
            int64_t lo = cache.firstVisible(pos0 + s.t0), hi = pos0 + s.t0 + s.np - 1;
            if (plan.splits > 1) {
                const int64_t nb = (hi - lo + kAttnKeyBlock) / kAttnKeyBlock;
                const int64_t b0 = nb * s.part / plan.splits, b1 = nb * (s.part + 1) / plan.splits;
                hi = std::min(hi, lo + b1 * kAttnKeyBlock - 1);
                lo += b0 * kAttnKeyBlock;
            }
            // Block by block, every KV head in turn: the cache rows are read once, front to back.
            for (int64_t j0 = lo; j0 <= hi; j0 += kAttnKeyBlock) {
                const int n = static_cast<int>(std::min<int64_t>(kAttnKeyBlock, hi - j0 + 1));
                blockRows(cache, layer, kvDim, j0, n, kBase, vBase);
                for (int e = 0; e < s.nkv; ++e) {
                    const int kvOff = (s.kv0 + e) * d;
                    for (int i = 0; i < n; ++i) {
                        kRows[i] = kBase[i] + kvOff;
                        vRows[i] = vBase[i] + kvOff;
                    }
                    attentionTileBlock(tiles[e], kRows, vRows, j0, n);
                }
            }
            for (int e = 0; e < s.nkv; ++e) {
                const AttentionTile& t = tiles[e];
                if (plan.splits == 1) {
                    const int h0 = (s.kv0 + e) * group + s.hc * plan.heads;
                    for (int r = 0; r < rows; ++r) {
                        float* dst = out + (size_t(s.t0 + r / s.nh) * H + h0 + r % s.nh) * d;
                        const float inv = 1.0f / t.l[r];
                        const float* o = t.o + size_t(r) * d;
                        for (int i = 0; i < d; ++i) dst[i] = o[i] * inv;
                    }
                } else {
                    float* dst = partial.data() + (size_t(it) * itemRows + size_t(e) * maxRows) * (d + 2);
                    for (int r = 0; r < rows; ++r, dst += d + 2) {
                        dst[0] = t.m[r];
                        dst[1] = t.l[r];
                        std::copy(t.o + size_t(r) * d, t.o + size_t(r + 1) * d, dst + 2);
                    }
                }
            }
        }
    }
    if (plan.splits == 1) return;
    // Flash-decoding merge: combine the parts of each row, then normalise.
    std::vector<float> o(d);
    for (int64_t it = 0; it < items; it += plan.splits) {
        const ItemShape s = shapeOf(plan, it, T, group, kvHeads);
        for (int e = 0; e < s.nkv; ++e) {
            const int h0 = (s.kv0 + e) * group + s.hc * plan.heads;
            for (int r = 0; r < s.np * s.nh; ++r) {
                float m = -std::numeric_limits<float>::infinity(), l = 0;
                std::fill(o.begin(), o.end(), 0.f);
                for (int part = 0; part < plan.splits; ++part) {
                    const float* src =
                        partial.data() + (size_t(it + part) * itemRows + size_t(e) * maxRows + r) * (d + 2);
                    attentionMergeRow(m, l, o.data(), src[0], src[1], src + 2, d);
                }
                float* dst = out + (size_t(s.t0 + r / s.nh) * H + h0 + r % s.nh) * d;
                const float inv = 1.0f / l;
                for (int i = 0; i < d; ++i) dst[i] = o[i] * inv;
            }
        }
    }
}

std::vector<float> attentionWeights(const ModelConfig& c, const KvCache& cache, int layer, const float* qHead, int head,
                                    int64_t pos) {
    const int d = c.headDim, kvOff = (head / c.gqaGroup()) * d;
    const float scale = 1.0f / std::sqrt(static_cast<float>(d));
    std::vector<float> w(pos + 1, 0.f);
    const int64_t lo = cache.firstVisible(pos);
    for (int64_t j = lo; j <= pos; ++j) w[j] = dot(qHead, cache.key(layer, j) + kvOff, d) * scale;
    softmax(w.data() + lo, pos - lo + 1);
    return w;
}

}  // namespace gb
