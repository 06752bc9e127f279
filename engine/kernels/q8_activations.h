#pragma once
// Activation rows quantized to 8 bits in blocks of 32, as llama.cpp quantizes them before a
// product with Q8_0 or Q4_0 weights (quantize_row_q8_0): per block d = fp16(amax / 127) and
// q = round-to-nearest-even(x · 127 / amax). The integer kernels (vnni_kernels.h) multiply these
// with the weights' integers and apply both scales per block.
#include <cstdint>
#include <vector>

namespace gb {

struct Q8Rows {
    int64_t M = 0, K = 0;     // rows, columns (K a multiple of 32)
    std::vector<int8_t> q;    // [M][K]
    std::vector<float> d;     // [M][K/32] block scales (values of fp16 numbers, as llama.cpp stores them)
    std::vector<int32_t> sum; // [M][K/32] Σ q of each block (the kernels' offset correction)

    int64_t blocks() const { return K / 32; }
    const int8_t* row(int64_t m) const { return q.data() + m * K; }
    void resize(int64_t rows, int64_t cols);  // keeps the storage's capacity across calls
};

// Quantizes `count` rows of out.K floats from x into rows [first, first + count) of `out`
// (already sized; K % 32 == 0). Disjoint row ranges may be quantized by different threads.
void quantizeRowsQ8(const float* x, int64_t first, int64_t count, Q8Rows& out);

}  // namespace gb
