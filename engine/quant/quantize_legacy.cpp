// Quantizers of the 32-weight formats, following ggml's quantize_row_*_ref step by step
// (same scale choice, same float operations in the same order, same rounding and clamping)
// so that the blocks equal llama-quantize's.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#include "quant/fp16.h"
#include "quant/quantize_blocks.h"
#include "quant/no_fp_contract.h"

namespace gb {
namespace {

// The value of largest magnitude, with its sign (the first one on ties).
float signedAbsMax(const float* x, int n) {
    float amax = 0, max = 0;
    for (int j = 0; j < n; ++j) {
        if (amax < std::fabs(x[j])) {
            amax = std::fabs(x[j]);
            max = x[j];
        }
    }
    return max;
}

void minMax(const float* x, int n, float& mn, float& mx) {
    mn = FLT_MAX;
    mx = -FLT_MAX;
    for (int j = 0; j < n; ++j) {
        if (x[j] < mn) mn = x[j];
        if (x[j] > mx) mx = x[j];
    }
}

// ggml converts with a C cast to int8_t, i.e. truncation; the +0.5 / +8.5 before it rounds.
inline int truncToInt(float v) { return static_cast<int8_t>(v); }

}  // namespace

void quantizeBlocks(const float* x, block_q4_0* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK4_0) {
        // The extreme value maps to -8, the end of the range with one more step.
        const float d = signedAbsMax(x, QK4_0) / -8;
        const float id = d != 0 ? 1.0f / d : 0.0f;
        y[b].d = f32ToFp16(d);
        for (int j = 0; j < QK4_0 / 2; ++j) {
            const int q0 = std::min(15, truncToInt(x[j] * id + 8.5f));
            const int q1 = std::min(15, truncToInt(x[j + QK4_0 / 2] * id + 8.5f));
            y[b].qs[j] = static_cast<uint8_t>(q0 | (q1 << 4));
        }
    }
}

void quantizeBlocks(const float* x, block_q4_1* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK4_1) {
        float mn, mx;
        minMax(x, QK4_1, mn, mx);
        const float d = (mx - mn) / 15;
        const float id = d != 0 ? 1.0f / d : 0.0f;
        y[b].d = f32ToFp16(d);
        y[b].m = f32ToFp16(mn);
        for (int j = 0; j < QK4_1 / 2; ++j) {
            const int q0 = std::min(15, truncToInt((x[j] - mn) * id + 0.5f));
            const int q1 = std::min(15, truncToInt((x[j + QK4_1 / 2] - mn) * id + 0.5f));
            y[b].qs[j] = static_cast<uint8_t>(q0 | (q1 << 4));
        }
    }
}

void quantizeBlocks(const float* x, block_q5_0* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK5_0) {
        const float d = signedAbsMax(x, QK5_0) / -16;
        const float id = d != 0 ? 1.0f / d : 0.0f;
        y[b].d = f32ToFp16(d);
        uint32_t qh = 0;
        for (int j = 0; j < QK5_0 / 2; ++j) {
            const int q0 = std::min(31, truncToInt(x[j] * id + 16.5f));
            const int q1 = std::min(31, truncToInt(x[j + QK5_0 / 2] * id + 16.5f));
            y[b].qs[j] = static_cast<uint8_t>((q0 & 0x0f) | ((q1 & 0x0f) << 4));
            qh |= uint32_t((q0 >> 4) & 1) << j;
            qh |= uint32_t((q1 >> 4) & 1) << (j + QK5_0 / 2);
        }
        std::memcpy(y[b].qh, &qh, 4);
    }
}

void quantizeBlocks(const float* x, block_q5_1* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK5_1) {
        float mn, mx;
        minMax(x, QK5_1, mn, mx);
        const float d = (mx - mn) / 31;
        const float id = d != 0 ? 1.0f / d : 0.0f;
        y[b].d = f32ToFp16(d);
        y[b].m = f32ToFp16(mn);
        uint32_t qh = 0;
        for (int j = 0; j < QK5_1 / 2; ++j) {
            // ggml does not clamp here: (x - min) * id stays within 0..31 up to rounding.
            const int q0 = static_cast<uint8_t>((x[j] - mn) * id + 0.5f);
            const int q1 = static_cast<uint8_t>((x[j + QK5_1 / 2] - mn) * id + 0.5f);
            y[b].qs[j] = static_cast<uint8_t>((q0 & 0x0f) | ((q1 & 0x0f) << 4));
            qh |= uint32_t((q0 >> 4) & 1) << j;
            qh |= uint32_t((q1 >> 4) & 1) << (j + QK5_1 / 2);
        }
        std::memcpy(y[b].qh, &qh, 4);
    }
}

void quantizeBlocks(const float* x, block_q8_0* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK8_0) {
        float amax = 0;
        for (int j = 0; j < QK8_0; ++j) amax = std::max(amax, std::fabs(x[j]));
        const float d = amax / 127;
        const float id = d != 0 ? 1.0f / d : 0.0f;
        y[b].d = f32ToFp16(d);
        // roundf: halves away from zero, as ggml.
        for (int j = 0; j < QK8_0; ++j) y[b].qs[j] = static_cast<int8_t>(std::round(x[j] * id));
    }
}

}  // namespace gb
