// Quantizers of the K-quant super-blocks Q2_K..Q6_K. Our own, simpler than ggml's: fit each
// sub-block (least squares on a few candidate grids), quantize the sub-block scales to
// their 4/6/8-bit codes against one fp16 super-scale, then requantize the weights with the
// scales the dequantizer will actually see. Valid blocks, comparable accuracy; not
// byte-identical with llama-quantize (which would need ggml's exact search heuristics).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "quant/fp16.h"
#include "quant/kquant_scales.h"
#include "quant/quantize_blocks.h"

namespace gb {
namespace {

inline int roundInt(float v) { return static_cast<int>(std::nearbyint(v)); }
inline float fp16Round(float v) { return fp16ToF32(f32ToFp16(v)); }

// x ~ scale * L - offset with L in 0..nmax and offset >= 0 (the K-quants subtract a
// non-negative min). Returns scale, writes offset.
float fitAsymmetric(const float* x, int n, int nmax, float& offset) {
    float lo = x[0], hi = x[0];
    for (int i = 1; i < n; ++i) lo = std::min(lo, x[i]), hi = std::max(hi, x[i]);
    lo = std::min(lo, 0.0f);  // the min must be <= 0: blocks of positives start at zero
    offset = -lo;
    if (hi <= lo) return 0.0f;
    auto error = [&](float scale, float off) {
        const float inv = 1.0f / scale;
        float err = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::clamp(roundInt((x[i] + off) * inv), 0, nmax);
            const float e = scale * l - off - x[i];
            err += e * e;
        }
        return err;
    };
    float bestScale = (hi - lo) / nmax, bestOffset = -lo;
    float bestErr = error(bestScale, bestOffset);
    // Grids slightly coarser and finer than min..max, each refit by least squares: the
    // extremes rarely deserve exact levels when that costs every other weight precision.
    for (int step = 0; step <= 4; ++step) {
        const float scale = (hi - lo) / (nmax - 0.5f + 0.25f * step), inv = 1.0f / scale;
        double sl = 0, sll = 0, sx = 0, slx = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::clamp(roundInt((x[i] - lo) * inv), 0, nmax);
            sl += l, sll += double(l) * l, sx += x[i], slx += double(l) * x[i];
        }
        // Least squares for x = s * l - o.
        const double det = n * sll - sl * sl;
        if (det <= 0) continue;
        double s = (n * slx - sl * sx) / det;
        double o = (sl * slx - sll * sx) / det;
        if (o < 0) o = 0, s = slx / sll;  // keep the min non-positive
        if (!(s > 0)) continue;
        const float err = error(static_cast<float>(s), static_cast<float>(o));
        if (err < bestErr) bestErr = err, bestScale = static_cast<float>(s), bestOffset = static_cast<float>(o);
    }
    offset = bestOffset;
    return bestScale;
}

// x ~ scale * L with L in -nmax..nmax-1. The scale is signed: the value of largest
// magnitude goes to -nmax, the side of the range with the extra step.
float fitSymmetric(const float* x, int n, int nmax) {
    float amax = 0, max = 0;
    for (int i = 0; i < n; ++i)
        if (std::fabs(x[i]) > amax) amax = std::fabs(x[i]), max = x[i];
    if (amax == 0) return 0.0f;
    float best = max / -nmax, bestErr = INFINITY;
    for (int step = -2; step <= 2; ++step) {
        const float scale0 = max / -(nmax + 0.2f * step);
        // One least-squares refinement of the scale for the levels it picks.
        const float inv0 = 1.0f / scale0;
        double slx = 0, sll = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::clamp(roundInt(x[i] * inv0), -nmax, nmax - 1);
            slx += double(l) * x[i], sll += double(l) * l;
        }
        const float scale = sll > 0 ? static_cast<float>(slx / sll) : scale0, inv = 1.0f / scale;
        float err = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::clamp(roundInt(x[i] * inv), -nmax, nmax - 1);
            const float e = scale * l - x[i];
            err += e * e;
        }
        if (err < bestErr) bestErr = err, best = scale;
    }
    return best;
}

// Codes for non-negative sub-block values v[0..n) on a grid of step d = max / maxCode,
// rounded through fp16 as the file stores it. Returns the fp16 bits of d.
uint16_t quantizeScaleCodes(const float* v, int n, int maxCode, uint8_t* codes) {
    float mx = 0;
    for (int j = 0; j < n; ++j) mx = std::max(mx, v[j]);
    const float d = fp16Round(mx / maxCode);
    for (int j = 0; j < n; ++j) codes[j] = d > 0 ? static_cast<uint8_t>(std::clamp(roundInt(v[j] / d), 0, maxCode)) : 0;
    return f32ToFp16(d);
}

// Quantize one asymmetric super-block: nsub sub-blocks of `sub` weights, levels 0..nmax,
// scale/min codes 0..maxCode. Writes the per-weight levels L and the codes.
void quantizeAsymmetric(const float* x, int nsub, int sub, int nmax, int maxCode, uint8_t* L, uint8_t* scCodes,
                        uint8_t* mCodes, uint16_t& d16, uint16_t& dmin16) {
    float scales[16], offsets[16];
    for (int s = 0; s < nsub; ++s) scales[s] = fitAsymmetric(x + s * sub, sub, nmax, offsets[s]);
    d16 = quantizeScaleCodes(scales, nsub, maxCode, scCodes);
    dmin16 = quantizeScaleCodes(offsets, nsub, maxCode, mCodes);
    const float d = fp16ToF32(d16), dmin = fp16ToF32(dmin16);
    for (int s = 0; s < nsub; ++s) {
        const float ds = d * scCodes[s], ms = dmin * mCodes[s];
        for (int i = 0; i < sub; ++i)
            L[s * sub + i] = ds > 0 ? static_cast<uint8_t>(std::clamp(roundInt((x[s * sub + i] + ms) / ds), 0, nmax)) : 0;
    }
}

// Symmetric super-block of 16 sub-blocks of 16, levels -nmax..nmax-1 stored as L + nmax,
// signed scale codes in -codeMax..codeMax-1 (d = the extreme scale / -codeMax).
void quantizeSymmetric(const float* x, int nmax, int codeMax, int* codes, uint16_t& d16, uint8_t* L) {
    float scales[16], amax = 0, max = 0;
    for (int s = 0; s < 16; ++s) {
        scales[s] = fitSymmetric(x + 16 * s, 16, nmax);
        if (std::fabs(scales[s]) > amax) amax = std::fabs(scales[s]), max = scales[s];
    }
    const float d = fp16Round(max / -codeMax);
    d16 = f32ToFp16(d);
    for (int s = 0; s < 16; ++s) {
        codes[s] = d != 0 ? std::clamp(roundInt(scales[s] / d), -codeMax, codeMax - 1) : 0;
        const float ds = d * codes[s];
        for (int i = 0; i < 16; ++i) {
            const int l = ds != 0 ? std::clamp(roundInt(x[16 * s + i] / ds), -nmax, nmax - 1) : 0;
            L[16 * s + i] = static_cast<uint8_t>(l + nmax);
        }
    }
}

// The 2-bit planes of Q2_K / Q3_K: weight w's two low bits go to byte 32 * (w / 128) + w % 32,
// bit pair (w % 128) / 32.
void packTwoBitPlanes(const uint8_t* L, uint8_t* qs) {
    std::memset(qs, 0, QK_K / 4);
    for (int w = 0; w < QK_K; ++w) qs[32 * (w / 128) + w % 32] |= static_cast<uint8_t>((L[w] & 3) << (2 * ((w % 128) / 32)));
}

// Q4_K / Q5_K nibbles: sub-block s in bytes 32 * (s / 2).., low nibble for even s.
void packNibbles(const uint8_t* L, uint8_t* qs) {
    std::memset(qs, 0, QK_K / 2);
    for (int w = 0; w < QK_K; ++w) {
        const int s = w / 32;
        qs[32 * (s / 2) + w % 32] |= static_cast<uint8_t>((L[w] & 0x0f) << (4 * (s % 2)));
    }
}

}  // namespace

void quantizeBlocks(const float* x, block_q2_K* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK_K) {
        uint8_t L[QK_K], sc[16], m[16];
        quantizeAsymmetric(x, 16, 16, 3, 15, L, sc, m, y[b].d, y[b].dmin);
        for (int s = 0; s < 16; ++s) y[b].scales[s] = static_cast<uint8_t>(sc[s] | (m[s] << 4));
        packTwoBitPlanes(L, y[b].qs);
    }
}

void quantizeBlocks(const float* x, block_q3_K* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK_K) {
        uint8_t L[QK_K], biased[16];
        int codes[16];
        quantizeSymmetric(x, 4, 32, codes, y[b].d, L);
        for (int s = 0; s < 16; ++s) biased[s] = static_cast<uint8_t>(codes[s] + 32);
        packScalesQ3K(biased, y[b].scales);
        packTwoBitPlanes(L, y[b].qs);
        std::memset(y[b].hmask, 0, sizeof y[b].hmask);
        for (int w = 0; w < QK_K; ++w)
            if (L[w] & 4) y[b].hmask[w % 32] |= static_cast<uint8_t>(1u << (w / 32));
    }
}

void quantizeBlocks(const float* x, block_q4_K* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK_K) {
        uint8_t L[QK_K], sc[8], m[8];
        quantizeAsymmetric(x, 8, 32, 15, 63, L, sc, m, y[b].d, y[b].dmin);
        packScalesMinsK4(sc, m, y[b].scales);
        packNibbles(L, y[b].qs);
    }
}

void quantizeBlocks(const float* x, block_q5_K* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK_K) {
        uint8_t L[QK_K], sc[8], m[8];
        quantizeAsymmetric(x, 8, 32, 31, 63, L, sc, m, y[b].d, y[b].dmin);
        packScalesMinsK4(sc, m, y[b].scales);
        packNibbles(L, y[b].qs);
        std::memset(y[b].qh, 0, sizeof y[b].qh);
        for (int w = 0; w < QK_K; ++w)
            if (L[w] & 16) y[b].qh[w % 32] |= static_cast<uint8_t>(1u << (w / 32));
    }
}

void quantizeBlocks(const float* x, block_q6_K* y, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b, x += QK_K) {
        uint8_t L[QK_K];
        int codes[16];
        quantizeSymmetric(x, 32, 128, codes, y[b].d, L);
        for (int s = 0; s < 16; ++s) y[b].scales[s] = static_cast<int8_t>(codes[s]);
        std::memset(y[b].ql, 0, sizeof y[b].ql);
        std::memset(y[b].qh, 0, sizeof y[b].qh);
        for (int w = 0; w < QK_K; ++w) {
            const int half = w / 128, k = (w % 128) / 32, l = w % 32;
            y[b].ql[64 * half + 32 * (k % 2) + l] |= static_cast<uint8_t>((L[w] & 0x0f) << (4 * (k / 2)));
            y[b].qh[32 * half + l] |= static_cast<uint8_t>((L[w] >> 4) << (2 * k));
        }
    }
}

}  // namespace gb
