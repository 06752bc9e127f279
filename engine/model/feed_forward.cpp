#include "model/feed_forward.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "inspect/observer.h"
#include "kernels/vector_ops.h"
#include "model/model_config.h"
#include "model/model_weights.h"

namespace gb {

void swiglu(const FeedForward& f, const float* x, float* y, int64_t M, FfnScratch& s) {
    const int64_t ff = f.gate->rows();
    s.gate.resize(M * ff);
    s.up.resize(M * ff);
    f.gate->multiply(x, s.gate.data(), M);
    f.up->multiply(x, s.up.data(), M);
    siluMul(s.gate.data(), s.up.data(), M * ff);
    f.down->multiply(s.gate.data(), y, M);
}

void mixtureOfExperts(const ModelConfig& c, const LayerWeights& ly, int layer, const float* x, float* y, int T,
                      int64_t pos0, Observer* obs, FfnScratch& s) {
    const int E = c.nExpert, K = c.nExpertUsed, d = c.nEmbd;
    std::vector<float>& router = s.router;  // scratch kept across calls: no allocation per layer
    router.resize(static_cast<size_t>(T) * E);
    ly.router->multiply(x, router.data(), T);

    // Route every token: softmax over all experts, top-k, renormalise the chosen weights.
    std::vector<std::vector<std::pair<int, float>>> byExpert(E);  // expert -> (token, weight)
    std::vector<int> order(E);
    const bool report = obs && obs->wantsRouting(layer);
    for (int t = 0; t < T; ++t) {
        float* p = router.data() + static_cast<size_t>(t) * E;
        softmax(p, E);
        std::iota(order.begin(), order.end(), 0);
        std::partial_sort(order.begin(), order.begin() + K, order.end(), [&](int a, int b) { return p[a] > p[b] || (p[a] == p[b] && a < b); });
        float sum = 0;
        for (int k = 0; k < K; ++k) sum += p[order[k]];
        std::vector<int32_t> chosen(K);
        std::vector<float> weights(K);
        for (int k = 0; k < K; ++k) {
            chosen[k] = order[k];
            weights[k] = p[order[k]] / sum;
            byExpert[order[k]].emplace_back(t, weights[k]);
        }
        if (report) obs->onRouting(layer, static_cast<int>(pos0 + t), {p, static_cast<size_t>(E)}, chosen, weights, ly.shared.gate ? 1 : 0);
    }

    std::fill(y, y + static_cast<size_t>(T) * d, 0.f);
    std::vector<float>& in = s.rows;
    std::vector<float>& out = s.out;
    for (int e = 0; e < E; ++e) {
        const auto& tokens = byExpert[e];
        if (tokens.empty()) continue;
        const int64_t n = static_cast<int64_t>(tokens.size());
        in.resize(n * d);
        out.resize(n * d);
        for (int64_t i = 0; i < n; ++i) std::memcpy(in.data() + i * d, x + static_cast<size_t>(tokens[i].first) * d, d * sizeof(float));
        swiglu(ly.experts[e], in.data(), out.data(), n, s);
        for (int64_t i = 0; i < n; ++i) axpy(tokens[i].second, out.data() + i * d, y + static_cast<size_t>(tokens[i].first) * d, d);
    }
    if (ly.shared.gate) {
        out.resize(static_cast<size_t>(T) * d);
        swiglu(ly.shared, x, out.data(), T, s);
        add(y, out.data(), static_cast<int64_t>(T) * d);
    }
}

}  // namespace gb
