#include "model/logit_lens.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "inspect/observer.h"
#include "kernels/vector_ops.h"
#include "model/model.h"
#include "model/model_weights.h"

namespace gb {

void reportLogitLens(const Model& m, int layer, const float* x, int T, int64_t pos0, int topK, Observer& obs) {
    const ModelConfig& c = m.config();
    const ModelWeights& w = m.weights();
    const int d = c.nEmbd, V = c.nVocab;
    std::vector<float> xn(size_t(T) * d), logits(size_t(T) * V);
    for (int t = 0; t < T; ++t) rmsnorm(x + size_t(t) * d, w.outputNorm.data(), xn.data() + size_t(t) * d, d, c.normEps);
    w.output->multiply(xn.data(), logits.data(), T);
    const int k = std::min(topK, V);
    std::vector<int> idx(V);
    std::vector<TopToken> top(k);
    for (int t = 0; t < T; ++t) {
        float* p = logits.data() + size_t(t) * V;
        softmax(p, V);
        std::iota(idx.begin(), idx.end(), 0);
        std::partial_sort(idx.begin(), idx.begin() + k, idx.end(), [&](int a, int b) { return p[a] > p[b]; });
        for (int i = 0; i < k; ++i) top[i] = {idx[i], p[idx[i]]};
        obs.onLogitLens(layer, static_cast<int>(pos0 + t), top);
    }
}

}  // namespace gb
