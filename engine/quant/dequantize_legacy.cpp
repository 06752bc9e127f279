// Dequantizers of the 32-weight formats Q4_0, Q4_1, Q5_0, Q5_1, Q8_0.
//
// Bit-exactness with ggml: every product here (an int of at most 8 bits times an fp16 scale
// of 11 significant bits) is exact in float, so the only rounding is the final add of the
// min, and it does not matter whether the compiler fuses it into an FMA.
#include <cstring>

#include "quant/dequantize_blocks.h"
#include "quant/fp16.h"

namespace gb {
namespace {

// The fifth bits of Q5_0 / Q5_1: bit j of the little-endian 32-bit qh belongs to weight j.
inline uint32_t loadHighBits(const uint8_t qh[4]) {
    uint32_t v;
    std::memcpy(&v, qh, 4);
    return v;
}

}  // namespace

void dequantizeBlocks(const block_q4_0* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, y += QK4_0) {
        const float d = fp16ToF32(x[b].d);
        for (int j = 0; j < QK4_0 / 2; ++j) {
            y[j] = static_cast<float>((x[b].qs[j] & 0x0f) - 8) * d;
            y[j + QK4_0 / 2] = static_cast<float>((x[b].qs[j] >> 4) - 8) * d;
        }
    }
}

void dequantizeBlocks(const block_q4_1* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, y += QK4_1) {
        const float d = fp16ToF32(x[b].d);
        const float m = fp16ToF32(x[b].m);
        for (int j = 0; j < QK4_1 / 2; ++j) {
            y[j] = static_cast<float>(x[b].qs[j] & 0x0f) * d + m;
            y[j + QK4_1 / 2] = static_cast<float>(x[b].qs[j] >> 4) * d + m;
        }
    }
}

void dequantizeBlocks(const block_q5_0* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, y += QK5_0) {
        const float d = fp16ToF32(x[b].d);
        const uint32_t qh = loadHighBits(x[b].qh);
        for (int j = 0; j < QK5_0 / 2; ++j) {
            const int hi0 = ((qh >> j) & 1) << 4;
            const int hi1 = ((qh >> (j + QK5_0 / 2)) & 1) << 4;
            y[j] = static_cast<float>(((x[b].qs[j] & 0x0f) | hi0) - 16) * d;
            y[j + QK5_0 / 2] = static_cast<float>(((x[b].qs[j] >> 4) | hi1) - 16) * d;
        }
    }
}

void dequantizeBlocks(const block_q5_1* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, y += QK5_1) {
        const float d = fp16ToF32(x[b].d);
        const float m = fp16ToF32(x[b].m);
        const uint32_t qh = loadHighBits(x[b].qh);
        for (int j = 0; j < QK5_1 / 2; ++j) {
            const int hi0 = ((qh >> j) & 1) << 4;
            const int hi1 = ((qh >> (j + QK5_1 / 2)) & 1) << 4;
            y[j] = static_cast<float>((x[b].qs[j] & 0x0f) | hi0) * d + m;
            y[j + QK5_1 / 2] = static_cast<float>((x[b].qs[j] >> 4) | hi1) * d + m;
        }
    }
}

void dequantizeBlocks(const block_q8_0* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, y += QK8_0) {
        const float d = fp16ToF32(x[b].d);
        for (int j = 0; j < QK8_0; ++j) y[j] = static_cast<float>(x[b].qs[j]) * d;
    }
}

}  // namespace gb
