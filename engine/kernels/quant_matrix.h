#pragma once
// A quantized weight matrix read in place from the memory-mapped GGUF file (no copy).
// Batches up to kFusedMaxM rows use the fused dequantize-dot kernels (quant_dot.h), in parallel
// over weight rows; larger batches dequantize tiles of rows to f32 and hand them to oneDNN.
#include "gguf/tensor_type.h"
#include "kernels/weight_matrix.h"

namespace gb {

class QuantMatrix : public WeightMatrix {
public:
    static constexpr int64_t kFusedMaxM = 16;
    static constexpr int64_t kTileRows = 4096;

    // data: N rows of K elements of `type`, rowBytes apart. bf16Batches: prompt batches run in
    // bfloat16 (faster, lossy: an option, never the default).
    QuantMatrix(TensorType type, const uint8_t* data, int64_t N, int64_t K, bool bf16Batches = false);

    void multiply(const float* x, float* y, int64_t M) const override;
    int64_t rows() const override { return N_; }
    int64_t cols() const override { return K_; }
    size_t bytes() const override { return 0; }

    static bool hasFusedKernel(TensorType t);

private:
    void multiplyBf16(const float* x, float* y, int64_t M) const;
    void multiplyHalfRow(const float* x, float* y) const;

    TensorType type_;
    const uint8_t* data_;
    int64_t N_, K_;
    size_t rowBytes_;
    bool bf16_;
};

}  // namespace gb
