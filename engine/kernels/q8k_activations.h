#pragma once
// Activation rows quantized to 8 bits in super-blocks of 256, as llama.cpp quantizes them before a
// product with K-quant weights (quantize_row_q8_K): per block, with `max` the value of largest
// magnitude, iscale = −127 / max, q = min(127, round-half-even(iscale · x)) and d = 1 / iscale
// (an f32, not rounded to fp16). Sums of q over each 16 values serve the kernels' offset and
// minimum corrections (kquant_vnni_kernels.h).
#include <cstdint>
#include <vector>

namespace gb {

struct Q8KRows {
    int64_t M = 0, K = 0;      // rows, columns (K a multiple of 256)
    std::vector<int8_t> q;     // [M][K]
    std::vector<float> d;      // [M][K/256]
    std::vector<int32_t> sum;  // [M][K/16] Σ q of each 16 values

    int64_t blocks() const { return K / 256; }
    const int8_t* row(int64_t m) const { return q.data() + m * K; }
    void resize(int64_t rows, int64_t cols);  // keeps the storage's capacity across calls
};

// Quantizes `count` rows of out.K floats from x into rows [first, first + count) of `out`
// (already sized). Disjoint row ranges may be quantized by different threads.
void quantizeRowsQ8K(const float* x, int64_t first, int64_t count, Q8KRows& out);

}  // namespace gb
