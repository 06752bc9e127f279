#include "quant/fp16.h"

#include <immintrin.h>

namespace gb {

// The engine is built for x86-64-v3 (AVX2 + F16C); the vector loops convert 8 values at a
// time and the scalar tails use the exact integer versions from the header.

void fp16ToF32Row(const uint16_t* src, float* dst, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
        _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(h));
    }
    for (; i < n; ++i) dst[i] = fp16ToF32(src[i]);
}

void f32ToFp16Row(const float* src, uint16_t* dst, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128i h = _mm256_cvtps_ph(_mm256_loadu_ps(src + i), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i), h);
    }
    for (; i < n; ++i) dst[i] = f32ToFp16(src[i]);
}

void bf16ToF32Row(const uint16_t* src, float* dst, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256i w = _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i)));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + i), _mm256_slli_epi32(w, 16));
    }
    for (; i < n; ++i) dst[i] = bf16ToF32(src[i]);
}

void f32ToBf16Row(const float* src, uint16_t* dst, int64_t n) {
    // Rare enough (writing files) that the scalar version is fast enough.
    for (int64_t i = 0; i < n; ++i) dst[i] = f32ToBf16(src[i]);
}

}  // namespace gb
