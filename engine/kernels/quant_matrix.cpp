#include "kernels/quant_matrix.h"

#include <omp.h>

#include <algorithm>
#include <vector>

#include "kernels/dnnl_matmul.h"
#include "kernels/quant_dot.h"
#include "quant/dequantize.h"
#include "quant/fp16.h"

namespace gb {

bool QuantMatrix::hasFusedKernel(TensorType t) {
    float out = 0;
    // Probe with a zero-length row: succeeds exactly when a kernel exists for this type and CPU.
    return quantDot(t, nullptr, nullptr, 0, 1, 0, &out);
}

QuantMatrix::QuantMatrix(TensorType type, const uint8_t* data, int64_t N, int64_t K, bool bf16Batches)
    : type_(type), data_(data), N_(N), K_(K), rowBytes_(rowBytes(traitsOf(type), K)), bf16_(bf16Batches) {}

void QuantMatrix::multiply(const float* x, float* y, int64_t M) const {
    if (M == 1 && (type_ == TensorType::F16 || type_ == TensorType::BF16)) {
        multiplyHalfRow(x, y);
        return;
    }
    if (M <= kFusedMaxM) {
#pragma omp parallel for schedule(static) num_threads(computeThreads())
        for (int64_t n = 0; n < N_; ++n) {
            float out[kQuantDotMaxRows];
            for (int64_t m0 = 0; m0 < M; m0 += kQuantDotMaxRows) {
                const int rows = static_cast<int>(std::min<int64_t>(kQuantDotMaxRows, M - m0));
                quantDot(type_, data_ + n * rowBytes_, x + m0 * K_, static_cast<size_t>(K_), rows, K_, out);
                for (int r = 0; r < rows; ++r) y[(m0 + r) * N_ + n] = out[r];
            }
        }
        return;
    }
    if (bf16_) return multiplyBf16(x, y, M);
    // Prompt batches: dequantize a tile of rows, multiply it with oneDNN, scatter the columns.
    const int64_t tile = std::min(N_, kTileRows);
    // Scratch reused across calls (a fresh 32 MB allocation per product costs page faults).
    thread_local std::vector<float> w, part;
    if (w.size() < static_cast<size_t>(tile * K_)) w.resize(static_cast<size_t>(tile * K_));
    if (part.size() < static_cast<size_t>(M * tile)) part.resize(static_cast<size_t>(M * tile));
    // thread_local names a different object on each OpenMP thread: hand the workers a pointer.
    float* const wp = w.data();
    for (int64_t n0 = 0; n0 < N_; n0 += tile) {
        const int64_t nt = std::min(tile, N_ - n0);
#pragma omp parallel for schedule(static) num_threads(computeThreads())
        for (int64_t r = 0; r < nt; ++r) dequantizeRow(type_, data_ + (n0 + r) * rowBytes_, wp + r * K_, K_);
        if (nt == N_) {
            matmulPlain(x, w.data(), y, M, N_, K_);
            return;
        }
        matmulPlain(x, w.data(), part.data(), M, nt, K_);
        for (int64_t m = 0; m < M; ++m) std::copy_n(part.data() + m * nt, nt, y + m * N_ + n0);
    }
}

// Decode with F16 / BF16 weights: every thread splits its rows into four quarters and walks them
// side by side, one row of each at a time, so that four weight streams far apart are in flight.
void QuantMatrix::multiplyHalfRow(const float* x, float* y) const {
#pragma omp parallel num_threads(computeThreads())
    {
        const int nt = omp_get_num_threads(), id = omp_get_thread_num();
        const int64_t n0 = N_ * id / nt, n1 = N_ * (id + 1) / nt, q = (n1 - n0) / 4;
        for (int64_t i = 0; i < q; ++i) {
            const uint8_t* rows[4];
            float out[4];
            for (int r = 0; r < 4; ++r) rows[r] = data_ + (n0 + r * q + i) * rowBytes_;
            halfDot4Rows(type_, rows, x, K_, out);
            for (int r = 0; r < 4; ++r) y[n0 + r * q + i] = out[r];
        }
        for (int64_t n = n0 + 4 * q; n < n1; ++n) quantDot(type_, data_ + n * rowBytes_, x, static_cast<size_t>(K_), 1, K_, y + n);
    }
}

void QuantMatrix::multiplyBf16(const float* x, float* y, int64_t M) const {
    const int64_t tile = std::min(N_, kTileRows);
    thread_local std::vector<uint16_t> w, xb;
    thread_local std::vector<float> part;
    if (w.size() < static_cast<size_t>(tile * K_)) w.resize(static_cast<size_t>(tile * K_));
    if (xb.size() < static_cast<size_t>(M * K_)) xb.resize(static_cast<size_t>(M * K_));
    if (part.size() < static_cast<size_t>(M * tile)) part.resize(static_cast<size_t>(M * tile));
    f32ToBf16Row(x, xb.data(), M * K_);
    uint16_t* const wp = w.data();  // thread_local differs per OpenMP thread: pass the pointer
    for (int64_t n0 = 0; n0 < N_; n0 += tile) {
        const int64_t nt = std::min(tile, N_ - n0);
#pragma omp parallel num_threads(computeThreads())
        {
            std::vector<float> row(static_cast<size_t>(K_));
#pragma omp for schedule(static)
            for (int64_t r = 0; r < nt; ++r) {
                dequantizeRow(type_, data_ + (n0 + r) * rowBytes_, row.data(), K_);
                f32ToBf16Row(row.data(), wp + r * K_, K_);
            }
        }
        float* out = nt == N_ ? y : part.data();
        matmulPlainBf16(xb.data(), w.data(), out, M, nt, K_);
        if (nt != N_)
            for (int64_t m = 0; m < M; ++m) std::copy_n(part.data() + m * nt, nt, y + m * N_ + n0);
    }
}

}  // namespace gb
