#include "kernels/q8_activations.h"

#include <immintrin.h>

#include <cmath>

#include "kernels/cpu_features.h"
#include "quant/fp16.h"

namespace gb {
namespace {

GB_AVX512 void quantizeBlock(const float* x, int8_t* q, float& d, int32_t& sum) {
    const __m512 a = _mm512_loadu_ps(x), b = _mm512_loadu_ps(x + 16);
    const float amax = _mm512_reduce_max_ps(_mm512_max_ps(_mm512_abs_ps(a), _mm512_abs_ps(b)));
    d = fp16ToF32(f32ToFp16(amax / 127.f));
    const __m512 id = _mm512_set1_ps(amax != 0.f ? 127.f / amax : 0.f);
    const __m512i qa = _mm512_cvtps_epi32(_mm512_roundscale_ps(_mm512_mul_ps(a, id), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    const __m512i qb = _mm512_cvtps_epi32(_mm512_roundscale_ps(_mm512_mul_ps(b, id), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(q), _mm512_cvtsepi32_epi8(qa));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(q + 16), _mm512_cvtsepi32_epi8(qb));
    sum = _mm512_reduce_add_epi32(_mm512_add_epi32(qa, qb));
}

}  // namespace

void Q8Rows::resize(int64_t rows, int64_t cols) {
    M = rows;
    K = cols;
    q.resize(static_cast<size_t>(M * K));
    d.resize(static_cast<size_t>(M * K / 32));
    sum.resize(static_cast<size_t>(M * K / 32));
}

void quantizeRowsQ8(const float* x, int64_t first, int64_t count, Q8Rows& out) {
    const int64_t b0 = first * out.blocks(), nb = count * out.blocks();
    for (int64_t i = 0; i < nb; ++i) quantizeBlock(x + i * 32, out.q.data() + (b0 + i) * 32, out.d[b0 + i], out.sum[b0 + i]);
}

}  // namespace gb
