#include "kernels/attention_tile.h"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "kernels/cpu_features.h"
#include "kernels/vector_ops.h"

// GCC 12 reports its own _mm512_undefined_ps() inside the shuffle/unpack/reduce intrinsics as
// uninitialized once they are inlined here; the values are never read.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

// The micro-kernel loops are tiny and fixed: unrolled, their accumulators live in registers.
#define GB_UNROLL _Pragma("GCC unroll 16")

namespace gb {
namespace {

constexpr int kB = kAttnKeyBlock;
constexpr int kMicroRows = 6;  // query rows per micro-kernel call: 6 × 4 zmm accumulators
constexpr float kNegInf = -std::numeric_limits<float>::infinity();

static_assert(kB == 64, "the AVX-512 kernels hold a key block in 4 zmm of 16 keys");

// Visible keys of a row within the block j0 … j0+n-1, as a 64-bit lane mask (0: none).
inline uint64_t visibleMask(int64_t first, int64_t last, int64_t j0, int n) {
    const int64_t lo = std::max(first, j0) - j0, hi = std::min(last, j0 + n - 1) - j0;
    if (lo > hi) return 0;
    return (~0ull >> (63 - hi)) & (~0ull << lo);
}

// ---------------------------------------------------------------------------------------------
// Portable path: one row at a time, dot products and axpys over the visible keys.

void blockPortable(const AttentionTile& t, const float* const* keys, const float* const* values, int64_t j0, int n) {
    const int d = t.d;
    float s[kB];
    for (int r = 0; r < t.rows; ++r) {
        const int64_t lo64 = std::max(t.first[r], j0) - j0, hi64 = std::min(t.last[r], j0 + n - 1) - j0;
        if (lo64 > hi64) continue;
        const int lo = static_cast<int>(lo64), hi = static_cast<int>(hi64);
        const float* q = t.q + static_cast<size_t>(r) * d;
        float* o = t.o + static_cast<size_t>(r) * d;
        float bm = kNegInf;
        for (int j = lo; j <= hi; ++j) {
            s[j] = dot(q, keys[j], d);
            bm = std::max(bm, s[j]);
        }
        float& m = t.m[r];
        if (bm > m) {
            const float a = std::exp(m - bm);
            for (int i = 0; i < d; ++i) o[i] *= a;
            t.l[r] *= a;
            m = bm;
        }
        float l = 0;
        for (int j = lo; j <= hi; ++j) {
            const float p = std::exp(s[j] - m);
            l += p;
            axpy(p, values[j], o, d);
        }
        t.l[r] += l;
    }
}

// ---------------------------------------------------------------------------------------------
// AVX-512 path (d a multiple of 16).

// exp(x) for x ≤ 0 (larger x are not needed: arguments are s - max). Range reduction
// x = n·ln2 + r, |r| ≤ ln2/2, then a degree-7 Taylor polynomial (relative error < 1e-8 before
// rounding) scaled by 2^n. Inputs below -87 give about 1e-38, which callers mask to zero anyway.
GB_AVX512 inline __m512 exp512(__m512 x) {
    x = _mm512_max_ps(x, _mm512_set1_ps(-87.0f));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.f / 5040);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.f / 720));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.f / 120));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.f / 24));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.f / 6));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(0.5f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.f));
    return _mm512_scalef_ps(p, n);
}

// In-register transpose of 16 rows of 16 floats.
GB_AVX512 inline void transpose16(__m512* r) {
    __m512 t[16];
    GB_UNROLL
    for (int i = 0; i < 8; ++i) {
        t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
    GB_UNROLL
    for (int i = 0; i < 4; ++i) {
        const __m512d a = _mm512_castps_pd(t[4 * i]), b = _mm512_castps_pd(t[4 * i + 2]);
        const __m512d c = _mm512_castps_pd(t[4 * i + 1]), e = _mm512_castps_pd(t[4 * i + 3]);
        r[4 * i] = _mm512_castpd_ps(_mm512_unpacklo_pd(a, b));
        r[4 * i + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(a, b));
        r[4 * i + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(c, e));
        r[4 * i + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(c, e));
    }
    GB_UNROLL
    for (int i = 0; i < 4; ++i) {
        t[i] = _mm512_shuffle_f32x4(r[i], r[4 + i], 0x88);
        t[4 + i] = _mm512_shuffle_f32x4(r[i], r[4 + i], 0xdd);
        t[8 + i] = _mm512_shuffle_f32x4(r[8 + i], r[12 + i], 0x88);
        t[12 + i] = _mm512_shuffle_f32x4(r[8 + i], r[12 + i], 0xdd);
    }
    GB_UNROLL
    for (int i = 0; i < 8; ++i) {
        r[i] = _mm512_shuffle_f32x4(t[i], t[8 + i], 0x88);
        r[8 + i] = _mm512_shuffle_f32x4(t[i], t[8 + i], 0xdd);
    }
}

// kt[k][j] = keys[j][k] for k < d, j < 64; columns j ≥ n are zero.
GB_AVX512 void transposeKeys(const float* const* keys, int n, int d, float* kt) {
    for (int jg = 0; jg < kB; jg += 16) {
        const int rowsHere = std::clamp(n - jg, 0, 16);
        for (int k0 = 0; k0 < d; k0 += 16) {
            __m512 r[16];
            GB_UNROLL
            for (int i = 0; i < 16; ++i) r[i] = i < rowsHere ? _mm512_loadu_ps(keys[jg + i] + k0) : _mm512_setzero_ps();
            transpose16(r);
            GB_UNROLL
            for (int i = 0; i < 16; ++i) _mm512_storeu_ps(kt + static_cast<size_t>(k0 + i) * kB + jg, r[i]);
        }
    }
}

// s[r][0..63] = q[r] · kt[:, 0..63] for R rows: q elements broadcast, 16 keys per zmm.
template <int R>
GB_AVX512 void scoresKernel(const float* q, int d, const float* kt, float* s) {
    __m512 acc[R][4];
    GB_UNROLL
    for (int r = 0; r < R; ++r)
        GB_UNROLL
        for (int c = 0; c < 4; ++c) acc[r][c] = _mm512_setzero_ps();
    for (int k = 0; k < d; ++k) {
        const float* row = kt + static_cast<size_t>(k) * kB;
        const __m512 k0 = _mm512_loadu_ps(row), k1 = _mm512_loadu_ps(row + 16), k2 = _mm512_loadu_ps(row + 32),
                     k3 = _mm512_loadu_ps(row + 48);
        GB_UNROLL
        for (int r = 0; r < R; ++r) {
            const __m512 b = _mm512_set1_ps(q[static_cast<size_t>(r) * d + k]);
            acc[r][0] = _mm512_fmadd_ps(b, k0, acc[r][0]);
            acc[r][1] = _mm512_fmadd_ps(b, k1, acc[r][1]);
            acc[r][2] = _mm512_fmadd_ps(b, k2, acc[r][2]);
            acc[r][3] = _mm512_fmadd_ps(b, k3, acc[r][3]);
        }
    }
    GB_UNROLL
    for (int r = 0; r < R; ++r)
        GB_UNROLL
        for (int c = 0; c < 4; ++c) _mm512_storeu_ps(s + r * kB + 16 * c, acc[r][c]);
}

// o[r][c0 … c0+16·NC) += Σ_j p[r][j] · values[j][c0 …] for R rows: values loaded as vectors,
// p broadcast.
template <int R, int NC>
GB_AVX512 void pvKernel(const float* p, const float* const* values, int n, int c0, float* o, int d) {
    __m512 acc[R][NC];
    GB_UNROLL
    for (int r = 0; r < R; ++r)
        GB_UNROLL
        for (int c = 0; c < NC; ++c) acc[r][c] = _mm512_loadu_ps(o + static_cast<size_t>(r) * d + c0 + 16 * c);
    for (int j = 0; j < n; ++j) {
        const float* v = values[j] + c0;
        __m512 vv[NC];
        GB_UNROLL
        for (int c = 0; c < NC; ++c) vv[c] = _mm512_loadu_ps(v + 16 * c);
        GB_UNROLL
        for (int r = 0; r < R; ++r) {
            const __m512 b = _mm512_set1_ps(p[r * kB + j]);
            GB_UNROLL
            for (int c = 0; c < NC; ++c) acc[r][c] = _mm512_fmadd_ps(b, vv[c], acc[r][c]);
        }
    }
    GB_UNROLL
    for (int r = 0; r < R; ++r)
        GB_UNROLL
        for (int c = 0; c < NC; ++c) _mm512_storeu_ps(o + static_cast<size_t>(r) * d + c0 + 16 * c, acc[r][c]);
}

template <int R>
GB_AVX512 void pvRows(const float* p, const float* const* values, int n, float* o, int d) {
    int c0 = 0;
    for (; c0 + 64 <= d; c0 += 64) pvKernel<R, 4>(p, values, n, c0, o, d);
    switch ((d - c0) / 16) {
        case 3: pvKernel<R, 3>(p, values, n, c0, o, d); break;
        case 2: pvKernel<R, 2>(p, values, n, c0, o, d); break;
        case 1: pvKernel<R, 1>(p, values, n, c0, o, d); break;
        default: break;
    }
}

// Online-softmax step of one row: scores s[0..63] (lanes outside `vis` ignored) become
// probabilities p (zero outside `vis`), m/l/o rescaled when the maximum grows.
GB_AVX512 void softmaxRow(float* s, uint64_t vis, float& m, float& l, float* o, int d) {
    __m512 v[4];
    __mmask16 mk[4];
    __m512 mx = _mm512_set1_ps(kNegInf);
    GB_UNROLL
    for (int c = 0; c < 4; ++c) {
        mk[c] = static_cast<__mmask16>(vis >> (16 * c));
        v[c] = _mm512_loadu_ps(s + 16 * c);
        mx = _mm512_mask_max_ps(mx, mk[c], mx, v[c]);
    }
    const float bm = _mm512_reduce_max_ps(mx);
    if (bm > m) {
        const float a = std::exp(m - bm);  // 0 for the first keys (m = -inf), o and l are 0 then
        const __m512 av = _mm512_set1_ps(a);
        for (int i = 0; i < d; i += 16) _mm512_storeu_ps(o + i, _mm512_mul_ps(_mm512_loadu_ps(o + i), av));
        l *= a;
        m = bm;
    }
    const __m512 mv = _mm512_set1_ps(m);
    __m512 sum = _mm512_setzero_ps();
    GB_UNROLL
    for (int c = 0; c < 4; ++c) {
        const __m512 p = _mm512_maskz_mov_ps(mk[c], exp512(_mm512_sub_ps(v[c], mv)));
        sum = _mm512_add_ps(sum, p);
        _mm512_storeu_ps(s + 16 * c, p);
    }
    l += _mm512_reduce_add_ps(sum);
}

template <int R>
GB_AVX512 void microTile(const AttentionTile& t, int r0, const float* kt, const float* const* values, int n,
                         const uint64_t* vis) {
    alignas(64) float s[R * kB];
    const int d = t.d;
    scoresKernel<R>(t.q + static_cast<size_t>(r0) * d, d, kt, s);
    for (int r = 0; r < R; ++r) {
        if (vis[r])
            softmaxRow(s + r * kB, vis[r], t.m[r0 + r], t.l[r0 + r], t.o + static_cast<size_t>(r0 + r) * d, d);
        else
            std::fill(s + r * kB, s + (r + 1) * kB, 0.f);
    }
    pvRows<R>(s, values, n, t.o + static_cast<size_t>(r0) * d, d);
}

GB_AVX512 void blockAvx512(const AttentionTile& t, const float* const* keys, const float* const* values, int64_t j0,
                           int n) {
    thread_local std::vector<float> ktBuf;
    const size_t need = static_cast<size_t>(t.d) * kB + 16;
    if (ktBuf.size() < need) ktBuf.resize(need);
    // 64-byte aligned start inside the buffer.
    float* kt = ktBuf.data() + ((64 - reinterpret_cast<uintptr_t>(ktBuf.data()) % 64) % 64) / sizeof(float);
    transposeKeys(keys, n, t.d, kt);
    for (int r0 = 0; r0 < t.rows; r0 += kMicroRows) {
        const int R = std::min(kMicroRows, t.rows - r0);
        uint64_t vis[kMicroRows];
        uint64_t any = 0;
        for (int r = 0; r < R; ++r) any |= vis[r] = visibleMask(t.first[r0 + r], t.last[r0 + r], j0, n);
        if (!any) continue;  // no row of this micro-tile sees any key of the block
        switch (R) {
            case 6: microTile<6>(t, r0, kt, values, n, vis); break;
            case 5: microTile<5>(t, r0, kt, values, n, vis); break;
            case 4: microTile<4>(t, r0, kt, values, n, vis); break;
            case 3: microTile<3>(t, r0, kt, values, n, vis); break;
            case 2: microTile<2>(t, r0, kt, values, n, vis); break;
            default: microTile<1>(t, r0, kt, values, n, vis); break;
        }
    }
}

}  // namespace

void attentionTileReset(const AttentionTile& t) {
    std::fill(t.o, t.o + static_cast<size_t>(t.rows) * t.d, 0.f);
    std::fill(t.m, t.m + t.rows, kNegInf);
    std::fill(t.l, t.l + t.rows, 0.f);
}

void attentionTileBlock(const AttentionTile& t, const float* const* keys, const float* const* values, int64_t j0,
                        int n) {
    if (n <= 0) return;
    if (hasAvx512() && t.d % 16 == 0)
        blockAvx512(t, keys, values, j0, n);
    else
        blockPortable(t, keys, values, j0, n);
}

void attentionMergeRow(float& m, float& l, float* o, float m2, float l2, const float* o2, int d) {
    if (l2 == 0) return;  // the other part saw no key
    if (l == 0) {
        m = m2;
        l = l2;
        std::copy(o2, o2 + d, o);
        return;
    }
    const float mx = std::max(m, m2), a = std::exp(m - mx), b = std::exp(m2 - mx);
    for (int i = 0; i < d; ++i) o[i] = o[i] * a + o2[i] * b;
    l = l * a + l2 * b;
    m = mx;
}

}  // namespace gb
