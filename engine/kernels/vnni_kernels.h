#pragma once
// Integer matrix products of interleaved Q8_0 / Q4_0 weights with Q8 activation rows on
// AVX-512 VNNI (vpdpbusd: 64 byte products per instruction). Per 32-weight block the 32-bit
// integer dot is exact; it is scaled by the weight's and the activation's fp16 block scales and
// summed in f32 — the computation of llama.cpp's vec_dot_q8_0_q8_0 / vec_dot_q4_0_q8_0, with
// a different summation order.
#include <cstdint>

#include "kernels/interleaved_weights.h"
#include "kernels/q8_activations.h"

namespace gb {

// y[m·ldy + n] = Σ_k W[n][k] · x[m][k] for every activation row m and the rows n of weight
// groups [g0, g1) (rows past w.rows() are not written). x.K must equal w.cols().
void vnniProduct(const InterleavedWeights& w, const Q8Rows& x, float* y, int64_t ldy, int64_t g0, int64_t g1);

}  // namespace gb
