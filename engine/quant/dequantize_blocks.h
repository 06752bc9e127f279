#pragma once
// One dequantizer per block format; nb = number of blocks, y receives nb * block-size floats.
// dequantizeRow (dequantize.h) dispatches to these; kernels may call them directly.
#include <cstdint>

#include "quant/block_formats.h"

namespace gb {

void dequantizeBlocks(const block_q4_0* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q4_1* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q5_0* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q5_1* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q8_0* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q2_K* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q3_K* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q4_K* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q5_K* x, float* y, int64_t nb);
void dequantizeBlocks(const block_q6_K* x, float* y, int64_t nb);

}  // namespace gb
