#pragma once
// A Q8_0, Q4_0, Q4_K, Q5_K or Q6_K weight matrix computed with 8-bit integer arithmetic, as llama.cpp
// computes it: weights re-laid out once (interleaved_weights.h, kquant_weights.h), activations
// quantized per product to Q8_0 blocks of 32 (q8_activations.h) or Q8_K blocks of 256
// (q8k_activations.h), VNNI dot products (vnni_kernels.h, kquant_vnni_kernels.h). The default for
// these types on CPUs with AVX-512 VNNI; QuantMatrix keeps activations in f32 (the exact mode).
#include <memory>

#include "kernels/interleaved_weights.h"
#include "kernels/kquant_weights.h"
#include "kernels/weight_matrix.h"

namespace gb {

class InterleavedMatrix : public WeightMatrix {
public:
    static bool available(TensorType t);  // the type is supported and the CPU has the instructions
    InterleavedMatrix(TensorType type, const uint8_t* data, int64_t N, int64_t K);

    void multiply(const float* x, float* y, int64_t M) const override;
    int64_t rows() const override { return N_; }
    int64_t cols() const override { return K_; }
    size_t bytes() const override { return legacy_ ? legacy_->bytes() : kquant_->bytes(); }

private:
    int64_t N_, K_;
    std::unique_ptr<InterleavedWeights> legacy_;  // Q8_0, Q4_0
    std::unique_ptr<KQuantWeights> kquant_;       // Q4_K, Q5_K, Q6_K
};

}  // namespace gb
