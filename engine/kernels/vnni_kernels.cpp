#include "kernels/vnni_kernels.h"

#include <immintrin.h>

#include <algorithm>

#include "kernels/cpu_features.h"

// The tile loops are tiny and fixed: unrolled, their accumulators live in registers.
#define GB_UNROLL _Pragma("GCC unroll 16")

namespace gb {
namespace {

// The 16 rows × 4 weights of K-quad j (0..7) of one (group, block), as unsigned bytes, and the
// offset those bytes carry (the kernels subtract offset · Σ activations per block).
struct Q8_0Quads {
    static constexpr int kOffset = 128;
    GB_VNNI static __m512i quad(const uint8_t* q, int j) { return _mm512_load_si512(q + 64 * j); }
};

struct Q4_0Quads {
    static constexpr int kOffset = 8;
    GB_VNNI static __m512i quad(const uint8_t* q, int j) {
        const __m512i v = _mm512_load_si512(q + 64 * (j & 3));
        const __m512i lowNibbles = _mm512_set1_epi8(0x0f);
        return j < 4 ? _mm512_and_si512(v, lowNibbles) : _mm512_and_si512(_mm512_srli_epi16(v, 4), lowNibbles);
    }
};

// G weight groups (16 rows each) × T activation rows, accumulated over all blocks in registers.
template <class Fmt, int G, int T>
GB_VNNI void tile(const InterleavedWeights& w, const Q8Rows& x, int64_t g, int64_t m0, float* y, int64_t ldy) {
    const int64_t nb = w.blocks(), K = x.K;
    __m512 acc[G][T];
    GB_UNROLL
    for (int i = 0; i < G; ++i)
        GB_UNROLL
        for (int t = 0; t < T; ++t) acc[i][t] = _mm512_setzero_ps();
    const int8_t* xq = x.row(m0);
    const float* xd = x.d.data() + m0 * nb;
    const int32_t* xs = x.sum.data() + m0 * nb;
    for (int64_t b = 0; b < nb; ++b) {
        __m512i dot[G][T];
        GB_UNROLL
        for (int t = 0; t < T; ++t) {
            const __m512i init = _mm512_set1_epi32(-Fmt::kOffset * xs[t * nb + b]);
            GB_UNROLL
            for (int i = 0; i < G; ++i) dot[i][t] = init;
        }
        const uint8_t* q[G];
        GB_UNROLL
        for (int i = 0; i < G; ++i) q[i] = w.quants(g + i, b);
        GB_UNROLL
        for (int j = 0; j < 8; ++j) {
            __m512i wq[G];
            GB_UNROLL
            for (int i = 0; i < G; ++i) wq[i] = Fmt::quad(q[i], j);
            GB_UNROLL
            for (int t = 0; t < T; ++t) {
                int32_t a4;
                __builtin_memcpy(&a4, xq + t * K + b * 32 + 4 * j, 4);
                const __m512i a = _mm512_set1_epi32(a4);
                GB_UNROLL
                for (int i = 0; i < G; ++i) dot[i][t] = _mm512_dpbusd_epi32(dot[i][t], wq[i], a);
            }
        }
        GB_UNROLL
        for (int i = 0; i < G; ++i) {
            const __m512 sw = _mm512_cvtph_ps(_mm256_load_si256(reinterpret_cast<const __m256i*>(w.scales(g + i, b))));
            GB_UNROLL
            for (int t = 0; t < T; ++t)
                acc[i][t] = _mm512_fmadd_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(dot[i][t]), _mm512_set1_ps(xd[t * nb + b])), sw, acc[i][t]);
        }
    }
    GB_UNROLL
    for (int i = 0; i < G; ++i) {
        const int64_t n0 = (g + i) * 16;
        const int64_t valid = std::min<int64_t>(16, w.rows() - n0);
        const __mmask16 mask = valid >= 16 ? __mmask16(0xffff) : __mmask16((1u << valid) - 1);
        GB_UNROLL
        for (int t = 0; t < T; ++t) _mm512_mask_storeu_ps(y + (m0 + t) * ldy + n0, mask, acc[i][t]);
    }
}

// Rows of activations in tiles of T (the last one narrower), for G groups from g.
template <class Fmt, int G, int T>
GB_VNNI void rowsTiled(const InterleavedWeights& w, const Q8Rows& x, int64_t g, float* y, int64_t ldy) {
    static_assert(T <= 6, "the remainder switch below covers up to 5 rows");
    int64_t m = 0;
    for (; m + T <= x.M; m += T) tile<Fmt, G, T>(w, x, g, m, y, ldy);
    switch (x.M - m) {
        case 0: return;
        case 1: tile<Fmt, G, 1>(w, x, g, m, y, ldy); return;
        case 2: tile<Fmt, G, 2>(w, x, g, m, y, ldy); return;
        case 3: tile<Fmt, G, 3>(w, x, g, m, y, ldy); return;
        case 4: tile<Fmt, G, 4>(w, x, g, m, y, ldy); return;
        default: tile<Fmt, G, 5>(w, x, g, m, y, ldy); return;
    }
}

template <class Fmt>
void product(const InterleavedWeights& w, const Q8Rows& x, float* y, int64_t ldy, int64_t g0, int64_t g1) {
    int64_t g = g0;
    if (x.M == 1) {  // decode: four groups at once keep four independent vpdpbusd chains in flight
        for (; g + 4 <= g1; g += 4) tile<Fmt, 4, 1>(w, x, g, 0, y, ldy);
        for (; g < g1; ++g) tile<Fmt, 1, 1>(w, x, g, 0, y, ldy);
        return;
    }
    for (; g + 2 <= g1; g += 2) rowsTiled<Fmt, 2, 6>(w, x, g, y, ldy);
    for (; g < g1; ++g) rowsTiled<Fmt, 1, 6>(w, x, g, y, ldy);
}

}  // namespace


void vnniProduct(const InterleavedWeights& w, const Q8Rows& x, float* y, int64_t ldy, int64_t g0, int64_t g1) {
    if (w.type() == TensorType::Q8_0)
        product<Q8_0Quads>(w, x, y, ldy, g0, g1);
    else
        product<Q4_0Quads>(w, x, y, ldy, g0, g1);
}

}  // namespace gb
