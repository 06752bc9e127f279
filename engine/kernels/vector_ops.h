#pragma once
// Small dense kernels of the forward pass. All f32; n need not be a multiple of the SIMD width.
#include <cstdint>

namespace gb {

float dot(const float* a, const float* b, int64_t n);
void axpy(float a, const float* x, float* y, int64_t n);  // y += a * x
void add(float* y, const float* x, int64_t n);             // y += x
// y = x / rms(x) * w, as llama.cpp: rms over n, eps inside the square root.
void rmsnorm(const float* x, const float* w, float* y, int64_t n, float eps);
// g = silu(g) * u (SwiGLU's gate, in place).
void siluMul(float* g, const float* u, int64_t n);
// In-place softmax; returns nothing, the maximum is subtracted for stability.
void softmax(float* x, int64_t n);

}  // namespace gb
