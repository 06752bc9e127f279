#pragma once
// Dot products of one quantized (or F16 / BF16) weight row with up to kMaxRows activation rows,
// reading every weight block once and dequantizing it in registers (exact: the same floats as dequantizeRow,
// times f32 activations). This is the decode path: at batch 1 a matrix product is a stream over
// the weights, so bytes per weight — not arithmetic — decide the speed.
#include <cstddef>
#include <cstdint>

#include "gguf/tensor_type.h"

namespace gb {

inline constexpr int kQuantDotMaxRows = 4;

// out[m] = Σ_k w[k] · x[m·xStride + k] for m < rows (rows ≤ kQuantDotMaxRows), K elements.
// Returns false when the type has no fused kernel on this CPU (the caller dequantizes instead).
bool quantDot(TensorType t, const void* w, const float* x, size_t xStride, int rows, int64_t K, float* out);

// out[r] = Σ_k rows[r][k] · x[k] for four F16 / BF16 weight rows (decode). Returns false for
// other types or without AVX-512.
bool halfDot4Rows(TensorType t, const uint8_t* const rows[4], const float* x, int64_t K, float out[4]);

}  // namespace gb
