#pragma once
// A weight matrix W [N rows][K cols] as the forward pass uses it: y[M][N] = x[M][K] · Wᵀ.
// Two implementations: PackedMatrix (f32 prepacked for oneDNN; f32 and types without a fused
// kernel) and QuantMatrix (weights stay quantized in the mapped file; fused dequantize-dot for
// small batches, dequantized tiles through oneDNN for prompt batches).
#include <cstddef>
#include <cstdint>

namespace gb {

class WeightMatrix {
public:
    virtual ~WeightMatrix() = default;
    virtual void multiply(const float* x, float* y, int64_t M) const = 0;
    virtual int64_t rows() const = 0;
    virtual int64_t cols() const = 0;
    virtual size_t bytes() const = 0;  // memory the engine holds for it (mapped file pages excluded)
};

}  // namespace gb
