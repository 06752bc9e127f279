#pragma once
// float rows -> any supported storage type, for tests and for tools that write models.
//
// Q4_0, Q4_1, Q5_0, Q5_1 and Q8_0 follow ggml's reference quantizers (quantize_row_*_ref)
// value for value, so a file written here holds the blocks llama-quantize would write for
// the same floats (without an importance matrix). The K-quants use our own simpler
// quantizer (quantize_kquants.cpp): valid blocks of comparable, not identical, accuracy.
#include <cstdint>

#include "gguf/tensor_type.h"

namespace gb {

// Same set as canDequantize: F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K..Q6_K.
bool canQuantize(TensorType t);

// n floats (a multiple of the type's block size) into rowBytes(traitsOf(t), n) bytes at dst.
// Throws gb::Error for an unsupported type or a bad n.
void quantizeRow(TensorType t, const float* src, void* dst, int64_t n);

// `rows` rows of rowLen floats into packed rows.
void quantizeRows(TensorType t, const float* src, void* dst, int64_t rows, int64_t rowLen);

}  // namespace gb
