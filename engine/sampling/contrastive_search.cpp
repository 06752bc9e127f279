// Contrastive search (Su et al., 2022): among the top-k candidates v by model probability,
// pick argmax (1 - α) · p(v | x) − α · max_j cos(h_v, h_j), where h_v is the final hidden state
// after appending v and h_j are the hidden states of every earlier position (the degeneration
// penalty keeps the continuation from repeating itself).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "kernels/vector_ops.h"
#include "model/model.h"
#include "model/session.h"
#include "sampling/search_strategies.h"
#include "sampling/token_stats.h"
#include "tokenizer/tokenizer.h"

namespace gb {

double contrastiveScore(double prob, std::span<const float> h, std::span<const float> history, int dim, float alpha) {
    double maxSim = 0;  // with no context there is nothing to degenerate into
    const double hn = std::sqrt(dot(h.data(), h.data(), dim));
    bool any = false;
    for (size_t off = 0; off + dim <= history.size(); off += dim) {
        const float* o = history.data() + off;
        const double on = std::sqrt(dot(o, o, dim));
        const double sim = hn > 0 && on > 0 ? dot(h.data(), o, dim) / (hn * on) : 0.0;
        maxSim = any ? std::max(maxSim, sim) : sim;
        any = true;
    }
    return (1.0 - alpha) * prob - alpha * maxSim;
}

void contrastiveSearch(Session& session, std::span<const float> logits, const GenerationRequest& req,
                       const GenerationCallbacks& cb, GenerationResult& res) {
    const Tokenizer& tok = session.model().tokenizer();
    const int dim = session.model().config().nEmbd;
    const int k = std::max(1, req.sampling.contrastiveK);
    const float alpha = req.sampling.penaltyAlpha;
    std::vector<float> cur(logits.begin(), logits.end());
    StreamingDetokenizer detok(tok);
    res.stopReason = "length";
    for (int step = 0; step < req.maxTokens; ++step) {
        if (cb.stop && cb.stop->load()) {
            res.stopReason = "cancelled";
            break;
        }
        std::vector<double> probs(cur.size());
        const float mx = *std::max_element(cur.begin(), cur.end());
        double sum = 0;
        for (size_t i = 0; i < cur.size(); ++i) sum += probs[i] = std::exp(static_cast<double>(cur[i] - mx));
        for (auto& p : probs) p /= sum;
        std::vector<int32_t> idx(cur.size());
        std::iota(idx.begin(), idx.end(), 0);
        const int kk = std::min<int>(k, static_cast<int>(idx.size()));
        std::partial_sort(idx.begin(), idx.begin() + kk, idx.end(), [&](int32_t a, int32_t b) { return probs[a] > probs[b] || (probs[a] == probs[b] && a < b); });

        int32_t bestId = idx[0];
        double bestScore = -1e300;
        const bool last = step + 1 == req.maxTokens || session.position() + 1 >= session.contextSize();
        for (int c = 0; c < kk; ++c) {
            if (tok.vocab().isEog(idx[c])) {  // ending has no hidden state to compare: judged by probability alone
                const double s = (1.0 - alpha) * probs[idx[c]];
                if (s > bestScore) bestScore = s, bestId = idx[c];
                continue;
            }
            auto fork = session.fork();
            fork->evaluate(std::span(&idx[c], 1), nullptr);
            const double s = contrastiveScore(probs[idx[c]], fork->lastHidden(), session.hiddenHistory(), dim, alpha);
            if (s > bestScore) bestScore = s, bestId = idx[c];
        }
        GeneratedToken g;
        g.id = bestId;
        describeToken(cur, bestId, req.topAlternatives, tok, g);
        g.prob = g.rawProb;
        if (tok.vocab().isEog(bestId)) {
            res.stopReason = "eos";
            break;
        }
        g.piece = tok.piece(bestId);
        g.text = detok.push(bestId);
        res.text += g.text;
        res.logProb += std::log(std::max(g.rawProb, 1e-30f));
        res.tokens.push_back(g);
        if (cb.onToken && !cb.onToken(res.tokens.back())) {
            res.stopReason = "cancelled";
            break;
        }
        if (last) {
            break;
        }
        auto l = session.evaluate(std::span(&bestId, 1), nullptr);
        cur.assign(l.begin(), l.end());
    }
    res.text += detok.flush();
}

}  // namespace gb
