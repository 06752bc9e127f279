#include "kernels/interleaved_matrix.h"

#include <omp.h>

#include <algorithm>

#include "kernels/cpu_features.h"
#include "kernels/dnnl_matmul.h"
#include "kernels/kquant_vnni_kernels.h"
#include "kernels/q8_activations.h"
#include "kernels/q8k_activations.h"
#include "kernels/vnni_kernels.h"

namespace gb {
namespace {

// Every thread quantizes its share of the activation rows, then (after a barrier) computes its
// share of the weight groups. Groups are handed out in units of 4 (the decode kernel's tile) so
// the threads split evenly.
template <class Rows, class Quantize, class Product>
void multiplyIn(Rows& xq, const float* x, int64_t M, int64_t K, int64_t groups, Quantize quantize, Product product) {
    xq.resize(M, K);
    const int64_t unit = 4, units = (groups + unit - 1) / unit;
#pragma omp parallel num_threads(computeThreads())
    {
        const int nt = omp_get_num_threads(), id = omp_get_thread_num();
        const int64_t r0 = M * id / nt, r1 = M * (id + 1) / nt;
        quantize(x + r0 * K, r0, r1 - r0, xq);
#pragma omp barrier
        const int64_t u0 = units * id / nt, u1 = units * (id + 1) / nt;
        const int64_t g0 = std::min(groups, u0 * unit), g1 = std::min(groups, u1 * unit);
        if (g1 > g0) product(g0, g1);
    }
}

}  // namespace

bool InterleavedMatrix::available(TensorType t) {
    return (InterleavedWeights::supports(t) || KQuantWeights::supports(t)) && hasVnni();
}

InterleavedMatrix::InterleavedMatrix(TensorType type, const uint8_t* data, int64_t N, int64_t K) : N_(N), K_(K) {
    if (KQuantWeights::supports(type))
        kquant_ = std::make_unique<KQuantWeights>(type, data, N, K);
    else
        legacy_ = std::make_unique<InterleavedWeights>(type, data, N, K);
}

void InterleavedMatrix::multiply(const float* x, float* y, int64_t M) const {
    if (legacy_) {
        thread_local Q8Rows q;
        Q8Rows* const xq = &q;  // thread_local names another object on each OpenMP thread
        multiplyIn(*xq, x, M, K_, legacy_->groups(), quantizeRowsQ8,
                   [&](int64_t g0, int64_t g1) { vnniProduct(*legacy_, *xq, y, N_, g0, g1); });
    } else {
        thread_local Q8KRows q;
        Q8KRows* const xq = &q;
        multiplyIn(*xq, x, M, K_, kquant_->groups(), quantizeRowsQ8K,
                   [&](int64_t g0, int64_t g1) { kquantProduct(*kquant_, *xq, y, N_, g0, g1); });
    }
}

}  // namespace gb
