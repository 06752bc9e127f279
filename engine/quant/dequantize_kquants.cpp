// Dequantizers of the 256-weight K-quant super-blocks Q2_K..Q6_K.
//
// Bit-exactness with ggml: the per-sub-block scale (fp16 d times a scale code of at most
// 8 bits) and its product with a quant of at most 6 bits need at most 24 significant bits,
// so they are exact in float; only the final subtraction of the min rounds. Evaluating in
// ggml's order (d * sc first, then times q) is therefore enough, with or without FMA.
#include "quant/dequantize_blocks.h"
#include "quant/fp16.h"
#include "quant/kquant_scales.h"

namespace gb {

void dequantizeBlocks(const block_q2_K* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float d = fp16ToF32(x[b].d);
        const float dmin = fp16ToF32(x[b].dmin);
        for (int w = 0; w < QK_K; ++w) {
            // Weight w: half w / 128, bit pair (w % 128) / 32 of byte 32 * half + w % 32.
            const int half = w / 128, pair = (w % 128) / 32, l = w % 32;
            const int q = (x[b].qs[32 * half + l] >> (2 * pair)) & 3;
            const uint8_t sc = x[b].scales[w / 16];
            const float dl = d * static_cast<float>(sc & 0x0f);
            const float ml = dmin * static_cast<float>(sc >> 4);
            y[w] = dl * static_cast<float>(q) - ml;
        }
        y += QK_K;
    }
}

void dequantizeBlocks(const block_q3_K* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float d = fp16ToF32(x[b].d);
        float dl[16];
        for (int s = 0; s < 16; ++s) dl[s] = d * static_cast<float>(unpackScaleQ3K(s, x[b].scales));
        for (int w = 0; w < QK_K; ++w) {
            const int half = w / 128, pair = (w % 128) / 32, l = w % 32;
            const int low = (x[b].qs[32 * half + l] >> (2 * pair)) & 3;
            // A set hmask bit means "the third bit is 1"; stored values are q + 4, q in -4..3.
            const bool high = (x[b].hmask[l] >> (w / 32)) & 1;
            y[w] = dl[w / 16] * static_cast<float>(low - (high ? 0 : 4));
        }
        y += QK_K;
    }
}

void dequantizeBlocks(const block_q4_K* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float d = fp16ToF32(x[b].d);
        const float dmin = fp16ToF32(x[b].dmin);
        for (int s = 0; s < 8; ++s) {
            uint8_t sc, m;
            unpackScaleMinK4(s, x[b].scales, sc, m);
            const float ds = d * static_cast<float>(sc);
            const float ms = dmin * static_cast<float>(m);
            // Sub-block s: bytes 32 * (s / 2).., low nibbles for even s, high for odd.
            const uint8_t* q = x[b].qs + 32 * (s / 2);
            const int shift = 4 * (s % 2);
            for (int l = 0; l < 32; ++l) y[32 * s + l] = ds * static_cast<float>((q[l] >> shift) & 0x0f) - ms;
        }
        y += QK_K;
    }
}

void dequantizeBlocks(const block_q5_K* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float d = fp16ToF32(x[b].d);
        const float dmin = fp16ToF32(x[b].dmin);
        for (int s = 0; s < 8; ++s) {
            uint8_t sc, m;
            unpackScaleMinK4(s, x[b].scales, sc, m);
            const float ds = d * static_cast<float>(sc);
            const float ms = dmin * static_cast<float>(m);
            const uint8_t* q = x[b].qs + 32 * (s / 2);
            const int shift = 4 * (s % 2);
            for (int l = 0; l < 32; ++l) {
                const int q5 = ((q[l] >> shift) & 0x0f) | (((x[b].qh[l] >> s) & 1) << 4);
                y[32 * s + l] = ds * static_cast<float>(q5) - ms;
            }
        }
        y += QK_K;
    }
}

void dequantizeBlocks(const block_q6_K* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float d = fp16ToF32(x[b].d);
        for (int w = 0; w < QK_K; ++w) {
            // Within a 128-weight half: quarter k = (w % 128) / 32 picks ql bytes 0..31 (k even)
            // or 32..63 (k odd), low nibble for k < 2, high for k >= 2; qh bit pair k.
            const int half = w / 128, k = (w % 128) / 32, l = w % 32;
            const uint8_t* ql = x[b].ql + 64 * half;
            const uint8_t* qh = x[b].qh + 32 * half;
            const int low = (ql[l + 32 * (k % 2)] >> (4 * (k / 2))) & 0x0f;
            const int high = (qh[l] >> (2 * k)) & 3;
            const int q = (low | (high << 4)) - 32;
            y[w] = d * static_cast<float>(x[b].scales[w / 16]) * static_cast<float>(q);
        }
        y += QK_K;
    }
}

}  // namespace gb
