#include "kernels/quant_dot.h"

#include <immintrin.h>

#include "kernels/cpu_features.h"
#include "quant/block_formats.h"
#include "quant/fp16.h"
#include "quant/kquant_scales.h"

// AVX-512 kernels, compiled for that target and chosen at run time (kernels/cpu_features.h).

namespace gb {
namespace {

GB_AVX512 inline float hsum(__m512 v) { return _mm512_reduce_add_ps(v); }

// 16 signed bytes -> 16 floats.
GB_AVX512 inline __m512 s8ToF32(const void* p) {
    return _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(static_cast<const __m128i*>(p))));
}

// acc[m] += w · x[m][0..16)
template <int R>
GB_AVX512 inline void fma16(__m512 w, const float* x, size_t stride, __m512* acc) {
    for (int m = 0; m < R; ++m) acc[m] = _mm512_fmadd_ps(w, _mm512_loadu_ps(x + m * stride), acc[m]);
}

// Per block: t = Σ q·x over its 32 weights (in f32), then acc += d·t. Blocks are taken in
// pairs with one accumulator each, so the FMA latency chain does not bound the stream.
template <class Block, class Decode, int R>
GB_AVX512 inline void dotBlocks32(const Block* b, const float* x, size_t stride, int64_t nb, float* out, Decode decode) {
    __m512 acc0[R], acc1[R];
    for (int m = 0; m < R; ++m) acc0[m] = acc1[m] = _mm512_setzero_ps();
    auto step = [&](const Block& blk, const float* xb, __m512* acc) GB_AVX512 {
        __m512 q0, q1;
        decode(blk, q0, q1);
        const __m512 d = _mm512_set1_ps(_cvtsh_ss(blk.d));
        for (int m = 0; m < R; ++m) {
            const float* xm = xb + m * stride;
            const __m512 t = _mm512_fmadd_ps(q1, _mm512_loadu_ps(xm + 16), _mm512_mul_ps(q0, _mm512_loadu_ps(xm)));
            acc[m] = _mm512_fmadd_ps(d, t, acc[m]);
        }
    };
    int64_t i = 0;
    for (; i + 2 <= nb; i += 2, x += 64) {
        step(b[i], x, acc0);
        step(b[i + 1], x + 32, acc1);
    }
    if (i < nb) step(b[i], x, acc0);
    for (int m = 0; m < R; ++m) out[m] = hsum(_mm512_add_ps(acc0[m], acc1[m]));
}

struct DecodeQ8_0 {
    GB_AVX512 void operator()(const block_q8_0& b, __m512& q0, __m512& q1) const {
        q0 = s8ToF32(b.qs);
        q1 = s8ToF32(b.qs + 16);
    }
};

struct DecodeQ4_0 {
    GB_AVX512 void operator()(const block_q4_0& b, __m512& lo, __m512& hi) const {
        const __m512i q = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b.qs)));
        lo = _mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_and_si512(q, _mm512_set1_epi32(0x0f)), _mm512_set1_epi32(8)));
        hi = _mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_srli_epi32(q, 4), _mm512_set1_epi32(8)));
    }
};

template <int R>
GB_AVX512 void dotQ8_0(const block_q8_0* b, const float* x, size_t stride, int64_t nb, float* out) {
    dotBlocks32<block_q8_0, DecodeQ8_0, R>(b, x, stride, nb, out, DecodeQ8_0{});
}

template <int R>
GB_AVX512 void dotQ4_0(const block_q4_0* b, const float* x, size_t stride, int64_t nb, float* out) {
    dotBlocks32<block_q4_0, DecodeQ4_0, R>(b, x, stride, nb, out, DecodeQ4_0{});
}

// Q4_K: x = d·sc·q − dmin·m per 32-weight sub-block (d·sc and dmin·m formed first, as the
// dequantizer does; the final multiply-subtract is fused, a last-bit difference).
template <int R>
GB_AVX512 void dotQ4_K(const block_q4_K* b, const float* x, size_t stride, int64_t nb, float* out) {
    __m512 acc[R];
    for (int m = 0; m < R; ++m) acc[m] = _mm512_setzero_ps();
    const __m512i mask = _mm512_set1_epi32(0x0f);
    for (int64_t i = 0; i < nb; ++i) {
        const float d = _cvtsh_ss(b[i].d), dmin = _cvtsh_ss(b[i].dmin);
        const uint8_t* q = b[i].qs;
        for (int c = 0; c < 4; ++c, q += 32) {
            for (int half = 0; half < 2; ++half, x += 32) {
                uint8_t sc, mn;
                unpackScaleMinK4(2 * c + half, b[i].scales, sc, mn);
                const __m512 ds = _mm512_set1_ps(d * sc), dm = _mm512_set1_ps(dmin * mn);
                for (int g = 0; g < 2; ++g) {
                    __m512i v = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16 * g)));
                    v = half ? _mm512_srli_epi32(v, 4) : _mm512_and_si512(v, mask);
                    const __m512 w = _mm512_fmsub_ps(ds, _mm512_cvtepi32_ps(v), dm);
                    fma16<R>(w, x + 16 * g, stride, acc);
                }
            }
        }
    }
    for (int m = 0; m < R; ++m) out[m] = hsum(acc[m]);
}

// Q6_K: x = d·scale·(q − 32), q = 4 low bits from ql, 2 high bits from qh.
template <int R>
GB_AVX512 void dotQ6_K(const block_q6_K* b, const float* x, size_t stride, int64_t nb, float* out) {
    __m512 acc[R];
    for (int m = 0; m < R; ++m) acc[m] = _mm512_setzero_ps();
    const __m512i mask = _mm512_set1_epi32(0x0f), three = _mm512_set1_epi32(3), off = _mm512_set1_epi32(32);
    for (int64_t i = 0; i < nb; ++i) {
        const float d = _cvtsh_ss(b[i].d);
        for (int h = 0; h < 2; ++h, x += 128) {
            const uint8_t* ql = b[i].ql + 64 * h;
            const uint8_t* qh = b[i].qh + 32 * h;
            const int8_t* sc = b[i].scales + 8 * h;
            for (int g = 0; g < 2; ++g) {  // l = 16g … 16g+15
                const __m512i l0 = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ql + 16 * g)));
                const __m512i l1 = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ql + 32 + 16 * g)));
                const __m512i hb = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qh + 16 * g)));
                const __m512i q[4] = {
                    _mm512_or_si512(_mm512_and_si512(l0, mask), _mm512_slli_epi32(_mm512_and_si512(hb, three), 4)),
                    _mm512_or_si512(_mm512_and_si512(l1, mask), _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(hb, 2), three), 4)),
                    _mm512_or_si512(_mm512_srli_epi32(l0, 4), _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(hb, 4), three), 4)),
                    _mm512_or_si512(_mm512_srli_epi32(l1, 4), _mm512_slli_epi32(_mm512_srli_epi32(hb, 6), 4)),
                };
                for (int j = 0; j < 4; ++j) {
                    const __m512 ds = _mm512_set1_ps(d * sc[g + 2 * j]);
                    const __m512 w = _mm512_mul_ps(ds, _mm512_cvtepi32_ps(_mm512_sub_epi32(q[j], off)));
                    fma16<R>(w, x + 32 * j + 16 * g, stride, acc);
                }
            }
        }
    }
    for (int m = 0; m < R; ++m) out[m] = hsum(acc[m]);
}

// F16 / BF16 rows: 32 weights per step, widened to f32 in registers (exact), two accumulators
// per activation row; a masked tail for K not a multiple of 32.
struct LoadF16 {
    GB_AVX512 __m512 operator()(const uint16_t* p) const { return _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p))); }
    GB_AVX512 __m512 operator()(const uint16_t* p, __mmask16 m) const { return _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(m, p)); }
};

struct LoadBF16 {
    GB_AVX512 static __m512 widen(__m256i h) { return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(h), 16)); }
    GB_AVX512 __m512 operator()(const uint16_t* p) const { return widen(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p))); }
    GB_AVX512 __m512 operator()(const uint16_t* p, __mmask16 m) const { return widen(_mm256_maskz_loadu_epi16(m, p)); }
};

template <int R, class Load>
GB_AVX512 void dotHalf(const uint16_t* w, const float* x, size_t stride, int64_t K, float* out, Load load) {
    __m512 acc0[R], acc1[R];
    for (int m = 0; m < R; ++m) acc0[m] = acc1[m] = _mm512_setzero_ps();
    int64_t k = 0;
    for (; k + 32 <= K; k += 32) {
        const __m512 w0 = load(w + k), w1 = load(w + k + 16);
        for (int m = 0; m < R; ++m) {
            acc0[m] = _mm512_fmadd_ps(w0, _mm512_loadu_ps(x + m * stride + k), acc0[m]);
            acc1[m] = _mm512_fmadd_ps(w1, _mm512_loadu_ps(x + m * stride + k + 16), acc1[m]);
        }
    }
    for (; k < K; k += 16) {
        const __mmask16 mask = K - k >= 16 ? __mmask16(0xffff) : __mmask16((1u << (K - k)) - 1);
        const __m512 w0 = load(w + k, mask);
        for (int m = 0; m < R; ++m) acc0[m] = _mm512_fmadd_ps(w0, _mm512_maskz_loadu_ps(mask, x + m * stride + k), acc0[m]);
    }
    for (int m = 0; m < R; ++m) out[m] = hsum(_mm512_add_ps(acc0[m], acc1[m]));
}

// Four F16 / BF16 weight rows against one activation row (decode), each activation vector loaded
// once for all four. The rows may lie far apart: four streams in flight.
template <class Load>
GB_AVX512 void dotHalf4Rows(const uint16_t* const* w, const float* x, int64_t K, float* out, Load load) {
    __m512 acc0[4], acc1[4];
    for (int r = 0; r < 4; ++r) acc0[r] = acc1[r] = _mm512_setzero_ps();
    int64_t k = 0;
    for (; k + 32 <= K; k += 32) {
        const __m512 x0 = _mm512_loadu_ps(x + k), x1 = _mm512_loadu_ps(x + k + 16);
        for (int r = 0; r < 4; ++r) {
            acc0[r] = _mm512_fmadd_ps(load(w[r] + k), x0, acc0[r]);
            acc1[r] = _mm512_fmadd_ps(load(w[r] + k + 16), x1, acc1[r]);
        }
    }
    for (; k < K; k += 16) {
        const __mmask16 mask = K - k >= 16 ? __mmask16(0xffff) : __mmask16((1u << (K - k)) - 1);
        const __m512 x0 = _mm512_maskz_loadu_ps(mask, x + k);
        for (int r = 0; r < 4; ++r) acc0[r] = _mm512_fmadd_ps(load(w[r] + k, mask), x0, acc0[r]);
    }
    for (int r = 0; r < 4; ++r) out[r] = hsum(_mm512_add_ps(acc0[r], acc1[r]));
}

#define GB_DISPATCH(fn, B, QK)                                                                 \
    {                                                                                          \
        const auto* b = static_cast<const B*>(w);                                              \
        const int64_t nb = K / (QK);                                                           \
        switch (rows) {                                                                        \
            case 1: fn<1>(b, x, xStride, nb, out); return true;                                \
            case 2: fn<2>(b, x, xStride, nb, out); return true;                                \
            case 3: fn<3>(b, x, xStride, nb, out); return true;                                \
            default: fn<4>(b, x, xStride, nb, out); return true;                               \
        }                                                                                      \
    }

#define GB_DISPATCH_HALF(Load)                                                                 \
    {                                                                                          \
        const auto* h = static_cast<const uint16_t*>(w);                                       \
        switch (rows) {                                                                        \
            case 1: dotHalf<1>(h, x, xStride, K, out, Load{}); return true;                    \
            case 2: dotHalf<2>(h, x, xStride, K, out, Load{}); return true;                    \
            case 3: dotHalf<3>(h, x, xStride, K, out, Load{}); return true;                    \
            default: dotHalf<4>(h, x, xStride, K, out, Load{}); return true;                   \
        }                                                                                      \
    }

}  // namespace

bool quantDot(TensorType t, const void* w, const float* x, size_t xStride, int rows, int64_t K, float* out) {
    if (!hasAvx512() || rows < 1 || rows > kQuantDotMaxRows) return false;
    switch (t) {
        case TensorType::Q8_0: GB_DISPATCH(dotQ8_0, block_q8_0, QK8_0)
        case TensorType::Q4_0: GB_DISPATCH(dotQ4_0, block_q4_0, QK4_0)
        case TensorType::Q4_K: GB_DISPATCH(dotQ4_K, block_q4_K, QK_K)
        case TensorType::Q6_K: GB_DISPATCH(dotQ6_K, block_q6_K, QK_K)
        case TensorType::F16: GB_DISPATCH_HALF(LoadF16)
        case TensorType::BF16: GB_DISPATCH_HALF(LoadBF16)
        default: return false;
    }
}

bool halfDot4Rows(TensorType t, const uint8_t* const rows[4], const float* x, int64_t K, float out[4]) {
    if (!hasAvx512()) return false;
    const uint16_t* h[4];
    for (int r = 0; r < 4; ++r) h[r] = reinterpret_cast<const uint16_t*>(rows[r]);
    if (t == TensorType::F16) return dotHalf4Rows(h, x, K, out, LoadF16{}), true;
    if (t == TensorType::BF16) return dotHalf4Rows(h, x, K, out, LoadBF16{}), true;
    return false;
}

}  // namespace gb
