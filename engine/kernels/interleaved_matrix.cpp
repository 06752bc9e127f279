#include "kernels/interleaved_matrix.h"

#include <omp.h>

#include <algorithm>

#include "kernels/dnnl_matmul.h"
#include "kernels/q8_activations.h"
#include "kernels/vnni_kernels.h"

namespace gb {

bool InterleavedMatrix::available(TensorType t) { return InterleavedWeights::supports(t) && hasVnni(); }

InterleavedMatrix::InterleavedMatrix(TensorType type, const uint8_t* data, int64_t N, int64_t K) : w_(type, data, N, K) {}

void InterleavedMatrix::multiply(const float* x, float* y, int64_t M) const {
    thread_local Q8Rows q;
    Q8Rows* const xq = &q;  // thread_local names another object on each OpenMP thread
    const int64_t K = w_.cols(), groups = w_.groups();
    xq->resize(M, K);
    // Groups are handed out in units of 4 (the decode kernel's tile) so threads split evenly.
    const int64_t unit = 4, units = (groups + unit - 1) / unit;
#pragma omp parallel num_threads(computeThreads())
    {
        const int nt = omp_get_num_threads(), id = omp_get_thread_num();
        const int64_t r0 = M * id / nt, r1 = M * (id + 1) / nt;
        quantizeRowsQ8(x + r0 * K, r0, r1 - r0, *xq);
#pragma omp barrier
        const int64_t u0 = units * id / nt, u1 = units * (id + 1) / nt;
        const int64_t g0 = std::min(groups, u0 * unit), g1 = std::min(groups, u1 * unit);
        if (g1 > g0) vnniProduct(w_, *xq, y, w_.rows(), g0, g1);
    }
}

}  // namespace gb
