#pragma once
// Tensor rows in any supported storage type -> float.
// Results are bit-identical to ggml's dequantize_row_* (see test_quant.cpp).
#include <cstdint>

#include "gguf/tensor_type.h"

namespace gb {

// True for F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K..Q6_K.
bool canDequantize(TensorType t);

// n elements from src (n a multiple of the type's block size) into dst.
// Throws gb::Error for an unsupported type or a bad n.
void dequantizeRow(TensorType t, const void* src, float* dst, int64_t n);

// `rows` consecutive rows of rowLen elements each (rows are packed, rowBytes apart).
void dequantizeRows(TensorType t, const void* src, float* dst, int64_t rows, int64_t rowLen);

}  // namespace gb
