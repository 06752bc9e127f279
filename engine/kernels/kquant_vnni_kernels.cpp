#include "kernels/kquant_vnni_kernels.h"

#include <immintrin.h>

#include <algorithm>

#include "kernels/cpu_features.h"

// The tile loops are tiny and fixed: unrolled, their accumulators live in registers.
#define GB_UNROLL _Pragma("GCC unroll 16")

namespace gb {
namespace {

GB_VNNI inline __m512i broadcast4(const int8_t* p) {
    int32_t v;
    __builtin_memcpy(&v, p, 4);
    return _mm512_set1_epi32(v);
}

GB_VNNI inline void store(const KQuantWeights& w, int64_t g, float* y, __m512 v) {
    const int64_t valid = std::min<int64_t>(16, w.rows() - g * 16);
    _mm512_mask_storeu_ps(y + g * 16, valid >= 16 ? __mmask16(0xffff) : __mmask16((1u << valid) - 1), v);
}


template <class V, int G, int T>
GB_VNNI inline void fill(V (&a)[G][T], V v) {
    GB_UNROLL
    for (int i = 0; i < G; ++i)
        GB_UNROLL
        for (int t = 0; t < T; ++t) a[i][t] = v;
}

// dot[i][t] += the quad wq[i] (16 rows × 4 unsigned bytes) · the 4 activations xq[t][k … k+3].
template <int G, int T>
GB_VNNI inline void dotQuad(__m512i (&dot)[G][T], const __m512i (&wq)[G], const int8_t* const (&xq)[T], int k) {
    GB_UNROLL
    for (int t = 0; t < T; ++t) {
        const __m512i a = broadcast4(xq[t] + k);
        GB_UNROLL
        for (int i = 0; i < G; ++i) dot[i][t] = _mm512_dpbusd_epi32(dot[i][t], wq[i], a);
    }
}

// isum[i][t] += dot[i][t] · the sub-block's scale for each of group i's 16 rows (the bytes at
// rec[i] + at, read as signed: Q6_K's scales are int8; Q4_K's 6-bit ones read the same either way).
template <int G, int T>
GB_VNNI inline void addScaled(__m512i (&isum)[G][T], const __m512i (&dot)[G][T], const uint8_t* const (&rec)[G], int at) {
    GB_UNROLL
    for (int i = 0; i < G; ++i) {
        const __m512i sc = _mm512_cvtepi8_epi32(_mm_load_si128(reinterpret_cast<const __m128i*>(rec[i] + at)));
        GB_UNROLL
        for (int t = 0; t < T; ++t) isum[i][t] = _mm512_add_epi32(isum[i][t], _mm512_mullo_epi32(dot[i][t], sc));
    }
}

template <int G, int T>
GB_VNNI inline void storeTile(const KQuantWeights& w, int64_t g, int64_t m0, float* y, int64_t ldy, const __m512 (&acc)[G][T]) {
    GB_UNROLL
    for (int i = 0; i < G; ++i)
        GB_UNROLL
        for (int t = 0; t < T; ++t) store(w, g + i, y + (m0 + t) * ldy, acc[i][t]);
}

// G weight groups (16 rows each) × T activation rows of Q4_K, or of Q5_K (Fifth: each weight's
// fifth bit, from the record's bit planes, joins its low four as bit 4).
template <int G, int T, bool Fifth>
GB_VNNI void tileQ4K(const KQuantWeights& w, const Q8KRows& x, int64_t g, int64_t m0, float* y, int64_t ldy) {
    using L = KQuantWeights::Q4K;
    const int64_t nb = w.blocks();
    const __m512i nib = _mm512_set1_epi8(0x0f);
    __m512 acc[G][T];
    fill(acc, _mm512_setzero_ps());
    for (int64_t b = 0; b < nb; ++b) {
        const uint8_t* rec[G];
        GB_UNROLL
        for (int i = 0; i < G; ++i) rec[i] = w.record(g + i, b);
        const int8_t* xq[T];
        GB_UNROLL
        for (int t = 0; t < T; ++t) xq[t] = x.row(m0 + t) + b * 256;
        __m512i isum[G][T];
        fill(isum, _mm512_setzero_si512());
        GB_UNROLL
        for (int s = 0; s < 8; ++s) {  // sub-blocks of 32: pair p = s / 2, nibble s % 2
            const int p = s / 2, h = s % 2;
            __m512i dot[G][T];
            fill(dot, _mm512_setzero_si512());
            GB_UNROLL
            for (int j = 0; j < 8; ++j) {
                __m512i wq[G];
                GB_UNROLL
                for (int i = 0; i < G; ++i) {
                    const __m512i v = _mm512_load_si512(rec[i] + (p * 8 + j) * 64);
                    wq[i] = _mm512_and_si512(h ? _mm512_srli_epi16(v, 4) : v, nib);
                    if constexpr (Fifth) {  // bit s of the plane byte to bit 4
                        const __m512i hv = _mm512_load_si512(rec[i] + L::kFifth + j * 64);
                        const __m512i hb = s >= 4 ? _mm512_srli_epi16(hv, s - 4) : _mm512_slli_epi16(hv, 4 - s);
                        wq[i] = _mm512_or_si512(wq[i], _mm512_and_si512(hb, _mm512_set1_epi8(0x10)));
                    }
                }
                dotQuad(dot, wq, xq, 32 * s + 4 * j);
            }
            addScaled(isum, dot, rec, L::kScales + s * 16);
        }
        // The minimums: Σ_s m_s · (sum of the activations over sub-block s), in pairs of sub-blocks.
        __m512i pairs[T][4];
        GB_UNROLL
        for (int t = 0; t < T; ++t) {
            const int32_t* s16 = x.sum.data() + (m0 + t) * (x.K / 16) + b * 16;
            GB_UNROLL
            for (int p = 0; p < 4; ++p) {
                const int32_t lo = s16[4 * p] + s16[4 * p + 1], hi = s16[4 * p + 2] + s16[4 * p + 3];
                pairs[t][p] = _mm512_set1_epi32(static_cast<int32_t>((static_cast<uint32_t>(lo) & 0xffffu) | (static_cast<uint32_t>(hi) << 16)));
            }
        }
        GB_UNROLL
        for (int i = 0; i < G; ++i) {
            __m512i msum[T];
            GB_UNROLL
            for (int t = 0; t < T; ++t) msum[t] = _mm512_setzero_si512();
            GB_UNROLL
            for (int p = 0; p < 4; ++p) {
                const __m512i m = _mm512_cvtepu8_epi16(_mm256_load_si256(reinterpret_cast<const __m256i*>(rec[i] + L::kMins + p * 32)));
                GB_UNROLL
                for (int t = 0; t < T; ++t) msum[t] = _mm512_dpwssd_epi32(msum[t], m, pairs[t][p]);
            }
            const __m512 d = _mm512_cvtph_ps(_mm256_load_si256(reinterpret_cast<const __m256i*>(rec[i] + L::kD)));
            const __m512 dmin = _mm512_cvtph_ps(_mm256_load_si256(reinterpret_cast<const __m256i*>(rec[i] + L::kDmin)));
            GB_UNROLL
            for (int t = 0; t < T; ++t) {
                const __m512 dx = _mm512_set1_ps(x.d[(m0 + t) * nb + b]);
                const __m512 v = _mm512_fmsub_ps(_mm512_cvtepi32_ps(isum[i][t]), d, _mm512_mul_ps(_mm512_cvtepi32_ps(msum[t]), dmin));
                acc[i][t] = _mm512_fmadd_ps(v, dx, acc[i][t]);
            }
        }
    }
    storeTile(w, g, m0, y, ldy, acc);
}

// G weight groups × T activation rows of Q6_K.
template <int G, int T>
GB_VNNI void tileQ6K(const KQuantWeights& w, const Q8KRows& x, int64_t g, int64_t m0, float* y, int64_t ldy) {
    using L = KQuantWeights::Q6K;
    const int64_t nb = w.blocks();
    const __m512i nib = _mm512_set1_epi8(0x0f), top = _mm512_set1_epi8(0x30);
    __m512 acc[G][T];
    fill(acc, _mm512_setzero_ps());
    for (int64_t b = 0; b < nb; ++b) {
        const uint8_t* rec[G];
        GB_UNROLL
        for (int i = 0; i < G; ++i) rec[i] = w.record(g + i, b);
        const int8_t* xq[T];
        const int32_t* xs[T];
        GB_UNROLL
        for (int t = 0; t < T; ++t) {
            xq[t] = x.row(m0 + t) + b * 256;
            xs[t] = x.sum.data() + (m0 + t) * (x.K / 16) + b * 16;
        }
        __m512i isum[G][T];
        fill(isum, _mm512_setzero_si512());
        for (int c = 0; c < 4; ++c) {  // chunks of 64 weights
            GB_UNROLL
            for (int s = 0; s < 4; ++s) {  // sub-blocks of 16: quads 4s … 4s + 3 of the chunk
                const int sub = 4 * c + s;
                __m512i dot[G][T];
                GB_UNROLL
                for (int t = 0; t < T; ++t) {
                    const __m512i offset = _mm512_set1_epi32(-32 * xs[t][sub]);  // the quants are q + 32
                    GB_UNROLL
                    for (int i = 0; i < G; ++i) dot[i][t] = offset;
                }
                GB_UNROLL
                for (int u = 0; u < 4; ++u) {
                    const int qd = 4 * s + u;
                    __m512i wq[G];
                    GB_UNROLL
                    for (int i = 0; i < G; ++i) {
                        const uint8_t* base = rec[i] + c * L::kChunk;
                        const __m512i lv = _mm512_load_si512(base + (qd & 7) * 64);
                        const __m512i lo = _mm512_and_si512(qd < 8 ? lv : _mm512_srli_epi16(lv, 4), nib);
                        const __m512i hv = _mm512_load_si512(base + L::kHigh + u * 64);
                        const __m512i hi = _mm512_and_si512(s >= 2 ? _mm512_srli_epi16(hv, 2 * s - 4) : _mm512_slli_epi16(hv, 4 - 2 * s), top);
                        wq[i] = _mm512_or_si512(lo, hi);
                    }
                    dotQuad(dot, wq, xq, 64 * c + 4 * qd);
                }
                addScaled(isum, dot, rec, L::kScales + sub * 16);
            }
        }
        GB_UNROLL
        for (int i = 0; i < G; ++i) {
            const __m512 d = _mm512_cvtph_ps(_mm256_load_si256(reinterpret_cast<const __m256i*>(rec[i] + L::kD)));
            GB_UNROLL
            for (int t = 0; t < T; ++t)
                acc[i][t] = _mm512_fmadd_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(isum[i][t]), d), _mm512_set1_ps(x.d[(m0 + t) * nb + b]), acc[i][t]);
        }
    }
    storeTile(w, g, m0, y, ldy, acc);
}

template <int G, int T>
GB_VNNI void tile(const KQuantWeights& w, const Q8KRows& x, int64_t g, int64_t m0, float* y, int64_t ldy) {
    if (w.type() == TensorType::Q4_K)
        tileQ4K<G, T, false>(w, x, g, m0, y, ldy);
    else if (w.type() == TensorType::Q5_K)
        tileQ4K<G, T, true>(w, x, g, m0, y, ldy);
    else
        tileQ6K<G, T>(w, x, g, m0, y, ldy);
}

// Rows of activations in tiles of T (the last one narrower), for G groups from g.
template <int G, int T>
void rowsTiled(const KQuantWeights& w, const Q8KRows& x, int64_t g, float* y, int64_t ldy) {
    static_assert(T <= 5, "the remainder switch below covers up to 4 rows");
    int64_t m = 0;
    for (; m + T <= x.M; m += T) tile<G, T>(w, x, g, m, y, ldy);
    switch (x.M - m) {
        case 0: return;
        case 1: tile<G, 1>(w, x, g, m, y, ldy); return;
        case 2: tile<G, 2>(w, x, g, m, y, ldy); return;
        case 3: tile<G, 3>(w, x, g, m, y, ldy); return;
        default: tile<G, 4>(w, x, g, m, y, ldy); return;
    }
}

// Batches: G groups × T rows per tile, chosen per format by measurement (glassbox-bench-kernels,
// M = 128): the largest tiles whose integer and float accumulators still fit the 32 registers.
template <int G, int T>
void batches(const KQuantWeights& w, const Q8KRows& x, float* y, int64_t ldy, int64_t g0, int64_t g1) {
    int64_t g = g0;
    for (; g + G <= g1; g += G) rowsTiled<G, T>(w, x, g, y, ldy);
    for (; g < g1; ++g) rowsTiled<1, T>(w, x, g, y, ldy);
}

}  // namespace

void kquantProduct(const KQuantWeights& w, const Q8KRows& x, float* y, int64_t ldy, int64_t g0, int64_t g1) {
    int64_t g = g0;
    if (x.M == 1) {  // decode: four groups at once keep four independent vpdpbusd chains in flight
        for (; g + 4 <= g1; g += 4) tile<4, 1>(w, x, g, 0, y, ldy);
        for (; g < g1; ++g) tile<1, 1>(w, x, g, 0, y, ldy);
        return;
    }
    if (w.type() == TensorType::Q4_K || w.type() == TensorType::Q5_K)
        batches<3, 3>(w, x, y, ldy, g0, g1);
    else
        batches<2, 5>(w, x, y, ldy, g0, g1);
}

}  // namespace gb
