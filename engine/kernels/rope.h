#pragma once
// Rotary position embedding in Meta's interleaved-pair layout (llama.cpp LLAMA_ROPE_TYPE_NORM):
// pairs (x[2i], x[2i+1]) of the first ropeDim dims of each head rotate by
// pos * freqScale * theta^(-2i/ropeDim).
#include <cstdint>

namespace gb {

void applyRope(float* x, int nHeads, int headDim, int ropeDim, int64_t pos, float theta, float freqScale);

}  // namespace gb
