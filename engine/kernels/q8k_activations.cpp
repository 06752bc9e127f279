#include "kernels/q8k_activations.h"

#include <immintrin.h>

#include <cmath>

#include "kernels/cpu_features.h"

namespace gb {
namespace {

GB_AVX512 void quantizeBlock(const float* x, int8_t* q, float& d, int32_t* sum16) {
    __m512 amaxv = _mm512_setzero_ps();
    for (int i = 0; i < 256; i += 16) amaxv = _mm512_max_ps(amaxv, _mm512_abs_ps(_mm512_loadu_ps(x + i)));
    const float amax = _mm512_reduce_max_ps(amaxv);
    if (amax == 0.f) {
        d = 0.f;
        for (int i = 0; i < 256; ++i) q[i] = 0;
        for (int j = 0; j < 16; ++j) sum16[j] = 0;
        return;
    }
    float max = 0.f;  // the first value of largest magnitude, with its sign
    for (int i = 0; i < 256; ++i)
        if (std::fabs(x[i]) == amax) {
            max = x[i];
            break;
        }
    const float iscale = -127.f / max;
    const __m512 s = _mm512_set1_ps(iscale);
    const __m512i top = _mm512_set1_epi32(127);
    for (int j = 0; j < 16; ++j) {
        const __m512 v = _mm512_mul_ps(_mm512_loadu_ps(x + 16 * j), s);
        __m512i qi = _mm512_cvtps_epi32(_mm512_roundscale_ps(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
        qi = _mm512_min_epi32(qi, top);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(q + 16 * j), _mm512_cvtsepi32_epi8(qi));
        sum16[j] = _mm512_reduce_add_epi32(qi);
    }
    d = 1.f / iscale;
}

}  // namespace

void Q8KRows::resize(int64_t rows, int64_t cols) {
    M = rows;
    K = cols;
    q.resize(static_cast<size_t>(M * K));
    d.resize(static_cast<size_t>(M * K / 256));
    sum.resize(static_cast<size_t>(M * K / 16));
}

void quantizeRowsQ8K(const float* x, int64_t first, int64_t count, Q8KRows& out) {
    const int64_t b0 = first * out.blocks(), nb = count * out.blocks();
    for (int64_t i = 0; i < nb; ++i)
        quantizeBlock(x + i * 256, out.q.data() + (b0 + i) * 256, out.d[b0 + i], out.sum.data() + (b0 + i) * 16);
}

}  // namespace gb
