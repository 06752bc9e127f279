#pragma once
// Integer matrix products of interleaved Q4_K / Q5_K / Q6_K weights (kquant_weights.h) with Q8_K
// activation rows (q8k_activations.h) on AVX-512 VNNI — the computation of llama.cpp's
// ggml_vec_dot_q4_K_q8_K / _q5_K_q8_K / _q6_K_q8_K with a different summation order. Per
// sub-block the dot of the weights' unsigned quants with the activations is exact in 32-bit
// integers (vpdpbusd); the sub-block scales are applied in integers too, and per super-block:
//   Q4_K, Q5_K: d_x · (d · Σ_s sc_s · dot_s − dmin · Σ_s m_s · Σ_{32 in s} q_x)
//   Q6_K: d_x · d · Σ_s sc_s · (dot_s − 32 · Σ_{16 in s} q_x)
#include <cstdint>

#include "kernels/kquant_weights.h"
#include "kernels/q8k_activations.h"

namespace gb {

// y[m·ldy + n] = Σ_k W[n][k] · x[m][k] for every activation row m and the rows n of weight
// groups [g0, g1) (rows past w.rows() are not written). x.K must equal w.cols().
void kquantProduct(const KQuantWeights& w, const Q8KRows& x, float* y, int64_t ldy, int64_t g0, int64_t g1);

}  // namespace gb
