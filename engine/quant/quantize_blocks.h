#pragma once
// One quantizer per block format; x holds nb * block-size floats.
#include <cstdint>

#include "quant/block_formats.h"

namespace gb {

void quantizeBlocks(const float* x, block_q4_0* y, int64_t nb);
void quantizeBlocks(const float* x, block_q4_1* y, int64_t nb);
void quantizeBlocks(const float* x, block_q5_0* y, int64_t nb);
void quantizeBlocks(const float* x, block_q5_1* y, int64_t nb);
void quantizeBlocks(const float* x, block_q8_0* y, int64_t nb);
void quantizeBlocks(const float* x, block_q2_K* y, int64_t nb);
void quantizeBlocks(const float* x, block_q3_K* y, int64_t nb);
void quantizeBlocks(const float* x, block_q4_K* y, int64_t nb);
void quantizeBlocks(const float* x, block_q5_K* y, int64_t nb);
void quantizeBlocks(const float* x, block_q6_K* y, int64_t nb);

}  // namespace gb
