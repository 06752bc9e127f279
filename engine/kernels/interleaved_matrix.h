#pragma once
// A Q8_0 or Q4_0 weight matrix computed with 8-bit integer arithmetic: weights re-laid out once
// (interleaved_weights.h), activations quantized to Q8 blocks per product as llama.cpp does
// (q8_activations.h), VNNI dot products (vnni_kernels.h). The default for these types on CPUs with
// AVX-512 VNNI; QuantMatrix keeps activations in f32 (the exact mode).
#include <memory>

#include "kernels/interleaved_weights.h"
#include "kernels/weight_matrix.h"

namespace gb {

class InterleavedMatrix : public WeightMatrix {
public:
    static bool available(TensorType t);  // the type is supported and the CPU has the instructions
    InterleavedMatrix(TensorType type, const uint8_t* data, int64_t N, int64_t K);

    void multiply(const float* x, float* y, int64_t M) const override;
    int64_t rows() const override { return w_.rows(); }
    int64_t cols() const override { return w_.cols(); }
    size_t bytes() const override { return w_.bytes(); }

private:
    InterleavedWeights w_;
};

}  // namespace gb
