#pragma once
// The one place that talks to oneDNN (2.6 API): a weight matrix packed once into the layout
// oneDNN's brgemm kernels want, multiplied by a batch of activation rows.
//   y[M][N] = x[M][K] · Wᵀ, with W stored [N][K] row-major as in GGUF.
// One primitive per batch size M is created on first use and cached: a fixed M keeps oneDNN on
// its fast brgemm path (runtime dimensions fall back to a slow reference kernel).
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include "kernels/weight_matrix.h"

namespace gb {

class PackedMatrix : public WeightMatrix {
public:
    enum class Precision { F32, BF16 };
    // w: N rows of K floats. The packed copy is owned; w may be freed afterwards.
    PackedMatrix(const float* w, int64_t N, int64_t K, Precision p = Precision::F32);
    ~PackedMatrix();
    PackedMatrix(const PackedMatrix&) = delete;
    PackedMatrix& operator=(const PackedMatrix&) = delete;

    void multiply(const float* x, float* y, int64_t M) const override;

    int64_t rows() const override { return N_; }
    int64_t cols() const override { return K_; }
    size_t bytes() const override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int64_t N_, K_;
};

// y[M][N] = x[M][K] · Wᵀ with W given plainly as [N][K] (no prepacking; for weights that are
// dequantized on the fly).
void matmulPlain(const float* x, const float* w, float* y, int64_t M, int64_t N, int64_t K);
// The same in bfloat16 (x and w already converted), f32 out: twice the arithmetic rate, with
// 8-bit mantissas in the products (an opt-in fast path for prompt batches).
void matmulPlainBf16(const uint16_t* x, const uint16_t* w, float* y, int64_t M, int64_t N, int64_t K);

// Threads for oneDNN and our own OpenMP loops.
void setComputeThreads(int n);
int computeThreads();

}  // namespace gb
