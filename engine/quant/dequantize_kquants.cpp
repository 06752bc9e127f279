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
        // Weight w: half w / 128, bit pair (w % 128) / 32 of byte 32 * half + w % 32.
        for (int half = 0; half < 2; ++half) {
            for (int pair = 0; pair < 4; ++pair) {
                const uint8_t* q = x[b].qs + 32 * half;
                float* out = y + 128 * half + 32 * pair;
                for (int part = 0; part < 2; ++part) {  // two sub-blocks of 16 per 32 weights
                    const uint8_t sc = x[b].scales[8 * half + 2 * pair + part];
                    const float dl = d * static_cast<float>(sc & 0x0f);
                    const float ml = dmin * static_cast<float>(sc >> 4);
                    for (int l = 16 * part; l < 16 * part + 16; ++l)
                        out[l] = dl * static_cast<float>((q[l] >> (2 * pair)) & 3) - ml;
                }
            }
        }
        y += QK_K;
    }
}

void dequantizeBlocks(const block_q3_K* x, float* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float d = fp16ToF32(x[b].d);
        for (int half = 0; half < 2; ++half) {
            for (int pair = 0; pair < 4; ++pair) {
                const uint8_t* q = x[b].qs + 32 * half;
                const int hbit = 4 * half + pair;  // = w / 32
                float* out = y + 128 * half + 32 * pair;
                for (int part = 0; part < 2; ++part) {
                    const float dl = d * static_cast<float>(unpackScaleQ3K(8 * half + 2 * pair + part, x[b].scales));
                    for (int l = 16 * part; l < 16 * part + 16; ++l) {
                        const int low = (q[l] >> (2 * pair)) & 3;
                        // A set hmask bit means "the third bit is 1"; stored values are q + 4, q in -4..3.
                        const int high = (x[b].hmask[l] >> hbit) & 1;
                        out[l] = dl * static_cast<float>(low - (high ? 0 : 4));
                    }
                }
            }
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
        for (int half = 0; half < 2; ++half) {
            const uint8_t* ql = x[b].ql + 64 * half;
            const uint8_t* qh = x[b].qh + 32 * half;
            // Quarter k of the half: low 4 bits from ql bytes 0..31 (k even) or 32..63 (k odd),
            // low nibble for k < 2, high for k >= 2; top 2 bits = bit pair k of qh.
            for (int k = 0; k < 4; ++k) {
                const uint8_t* lo = ql + 32 * (k % 2);
                const int shift = 4 * (k / 2);
                float* out = y + 128 * half + 32 * k;
                for (int part = 0; part < 2; ++part) {
                    const float ds = d * static_cast<float>(x[b].scales[8 * half + 2 * k + part]);
                    for (int l = 16 * part; l < 16 * part + 16; ++l) {
                        const int q = (((lo[l] >> shift) & 0x0f) | (((qh[l] >> (2 * k)) & 3) << 4)) - 32;
                        out[l] = ds * static_cast<float>(q);
                    }
                }
            }
        }
        y += QK_K;
    }
}

}  // namespace gb
