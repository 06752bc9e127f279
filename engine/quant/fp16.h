#pragma once
// IEEE half (fp16) and bfloat16 <-> float conversions.
//
// The scalar functions are plain integer arithmetic so that this header can be included
// from code built without -mf16c (tests, tools); they are exact and round to nearest-even
// like the hardware. The row functions live in fp16.cpp, which is compiled with F16C.
#include <bit>
#include <cstdint>

namespace gb {

// fp16 -> f32 is exact: every half (normal, subnormal, ±0, ±inf) has a float.
inline float fp16ToF32(uint16_t h) {
    const uint32_t sign = uint32_t(h & 0x8000u) << 16;
    const uint32_t exp = (h >> 10) & 0x1fu;
    const uint32_t mant = h & 0x3ffu;
    if (exp == 0) {
        // Zero or subnormal: mant * 2^-24, exact in float since mant < 2^10.
        const float mag = static_cast<float>(mant) * 0x1p-24f;
        return std::bit_cast<float>(sign | std::bit_cast<uint32_t>(mag));
    }
    if (exp == 31) {
        // inf, or NaN: payload kept and made quiet, as F16C's vcvtph2ps does.
        const uint32_t quiet = mant ? 0x00400000u : 0u;
        return std::bit_cast<float>(sign | 0x7f800000u | quiet | (mant << 13));
    }
    return std::bit_cast<float>(sign | ((exp + 112u) << 23) | (mant << 13));        // rebias 15 -> 127
}

// f32 -> fp16 with round-to-nearest-even; overflow gives ±inf, NaN stays a (quiet) NaN.
inline uint16_t f32ToFp16(float f) {
    const uint32_t x = std::bit_cast<uint32_t>(f);
    const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
    const uint32_t a = x & 0x7fffffffu;
    if (a > 0x7f800000u) return sign | 0x7e00u | static_cast<uint16_t>((a >> 13) & 0x3ffu);  // NaN: force quiet
    if (a >= 0x477ff000u) return sign | 0x7c00u;  // >= 65520 rounds to inf (and inf itself)
    if (a < 0x38800000u) {
        // Below the smallest normal half (2^-14): let the FPU round. Adding 0.5 puts the value
        // in a binade whose ulp is 2^-24, the half subnormal step, so the sum is rounded to
        // nearest-even exactly as the half would be; the low bits then are the half's bits.
        const float sum = std::bit_cast<float>(a) + 0.5f;
        return sign | static_cast<uint16_t>(std::bit_cast<uint32_t>(sum) - 0x3f000000u);
    }
    // Normal: rebias 127 -> 15 and drop 13 mantissa bits, rounding half to even. A carry out
    // of the mantissa correctly bumps the exponent (up to inf for the top of the range).
    const uint32_t odd = (a >> 13) & 1u;
    return sign | static_cast<uint16_t>((a - 0x38000000u + 0xfffu + odd) >> 13);
}

inline float bf16ToF32(uint16_t h) { return std::bit_cast<float>(uint32_t(h) << 16); }

// f32 -> bf16 with round-to-nearest-even; NaN stays a quiet NaN (rounding could turn it into inf).
inline uint16_t f32ToBf16(float f) {
    const uint32_t x = std::bit_cast<uint32_t>(f);
    if ((x & 0x7fffffffu) > 0x7f800000u) return static_cast<uint16_t>((x >> 16) | 0x40u);
    return static_cast<uint16_t>((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}

// Whole rows; vectorised with F16C where the row is long enough. Same results as the scalars.
void fp16ToF32Row(const uint16_t* src, float* dst, int64_t n);
void f32ToFp16Row(const float* src, uint16_t* dst, int64_t n);
void bf16ToF32Row(const uint16_t* src, float* dst, int64_t n);
void f32ToBf16Row(const float* src, uint16_t* dst, int64_t n);

}  // namespace gb
