#include "model/attention.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kernels/dnnl_matmul.h"
#include "kernels/vector_ops.h"
#include "model/kv_cache.h"
#include "model/model_config.h"

namespace gb {
namespace {

constexpr int kKeyBlock = 64;

// One query head over its visible keys: online softmax over blocks of kKeyBlock keys.
void attendRow(const KvCache& cache, int layer, const float* q, float* out, int kvOff, int d, int64_t pos, float scale) {
    float scores[kKeyBlock];
    float m = -std::numeric_limits<float>::infinity();
    double l = 0;
    std::fill(out, out + d, 0.f);
    for (int64_t j0 = cache.firstVisible(pos); j0 <= pos; j0 += kKeyBlock) {
        const int n = static_cast<int>(std::min<int64_t>(kKeyBlock, pos - j0 + 1));
        float bm = m;
        for (int j = 0; j < n; ++j) {
            scores[j] = dot(q, cache.key(layer, j0 + j) + kvOff, d) * scale;
            bm = std::max(bm, scores[j]);
        }
        if (bm > m) {  // rescale what was accumulated under the old maximum
            const float r = std::exp(m - bm);
            for (int i = 0; i < d; ++i) out[i] *= r;
            l *= r;
            m = bm;
        }
        for (int j = 0; j < n; ++j) {
            const float p = std::exp(scores[j] - m);
            l += p;
            axpy(p, cache.value(layer, j0 + j) + kvOff, out, d);
        }
    }
    const float inv = static_cast<float>(1.0 / l);
    for (int i = 0; i < d; ++i) out[i] *= inv;
}

}  // namespace

void attend(const ModelConfig& c, const KvCache& cache, int layer, const float* q, float* out, int T, int64_t pos0) {
    const int H = c.nHead, d = c.headDim, group = c.gqaGroup();
    const float scale = 1.0f / std::sqrt(static_cast<float>(d));
    const int64_t rows = static_cast<int64_t>(T) * H;
#pragma omp parallel for schedule(dynamic, 4) num_threads(computeThreads()) if (rows > 1)
    for (int64_t r = 0; r < rows; ++r) {
        const int t = static_cast<int>(r / H), h = static_cast<int>(r % H);
        const int64_t off = (static_cast<int64_t>(t) * H + h) * d;
        attendRow(cache, layer, q + off, out + off, (h / group) * d, d, pos0 + t, scale);
    }
}

std::vector<float> attentionWeights(const ModelConfig& c, const KvCache& cache, int layer, const float* qHead, int head,
                                    int64_t pos) {
    const int d = c.headDim, kvOff = (head / c.gqaGroup()) * d;
    const float scale = 1.0f / std::sqrt(static_cast<float>(d));
    std::vector<float> w(pos + 1, 0.f);
    const int64_t lo = cache.firstVisible(pos);
    for (int64_t j = lo; j <= pos; ++j) w[j] = dot(qHead, cache.key(layer, j) + kvOff, d) * scale;
    softmax(w.data() + lo, pos - lo + 1);
    return w;
}

}  // namespace gb
