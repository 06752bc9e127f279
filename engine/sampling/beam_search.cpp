// Beam search: keep the `beams` best partial sequences by total log-probability; a hypothesis
// that ends (EOS) is scored logp / length^lengthPenalty; with early stopping the search ends as
// soon as `beams` hypotheses have finished.
#include <algorithm>
#include <cmath>
#include <memory>

#include "model/model.h"
#include "model/session.h"
#include "sampling/search_strategies.h"
#include "sampling/token_stats.h"
#include "tokenizer/tokenizer.h"

namespace gb {
namespace {

struct Beam {
    std::unique_ptr<Session> session;
    std::vector<float> logits;  // next-token logits
    std::vector<GeneratedToken> tokens;
    double logp = 0;
    bool finished = false;
};

double score(const Beam& b, float lengthPenalty) {
    const double len = std::max<size_t>(b.tokens.size(), 1);
    return b.logp / std::pow(len, lengthPenalty);
}

std::vector<float> logSoftmax(const std::vector<float>& l) {
    const float mx = *std::max_element(l.begin(), l.end());
    double sum = 0;
    for (float x : l) sum += std::exp(static_cast<double>(x - mx));
    const float lz = static_cast<float>(std::log(sum)) + mx;
    std::vector<float> out(l.size());
    for (size_t i = 0; i < l.size(); ++i) out[i] = l[i] - lz;
    return out;
}

}  // namespace

void beamSearch(Session& session, std::span<const float> logits, const GenerationRequest& req, const GenerationCallbacks& cb, GenerationResult& res) {
    const Tokenizer& tok = session.model().tokenizer();
    const int N = req.sampling.beams;
    const float lp = req.sampling.lengthPenalty;
    std::vector<Beam> live(1);
    live[0].session = session.fork();
    live[0].logits.assign(logits.begin(), logits.end());
    std::vector<Beam> done;
    res.stopReason = "length";
    for (int step = 0; step < req.maxTokens && !live.empty(); ++step) {
        if (cb.stop && cb.stop->load()) {
            res.stopReason = "cancelled";
            break;
        }
        struct Cand { size_t beam; int32_t id; double logp; };
        std::vector<Cand> cands;
        for (size_t b = 0; b < live.size(); ++b) {
            auto ls = logSoftmax(live[b].logits);
            std::vector<int32_t> idx(ls.size());
            for (size_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<int32_t>(i);
            const size_t k = std::min<size_t>(N * 2, idx.size());
            std::partial_sort(idx.begin(), idx.begin() + k, idx.end(), [&](int32_t a, int32_t c) { return ls[a] > ls[c] || (ls[a] == ls[c] && a < c); });
            for (size_t i = 0; i < k; ++i) cands.push_back({b, idx[i], live[b].logp + ls[idx[i]]});
        }
        std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& c) { return a.logp > c.logp; });
        std::vector<Beam> next;
        for (const Cand& c : cands) {
            if (static_cast<int>(next.size()) >= N) break;
            Beam nb;
            nb.tokens = live[c.beam].tokens;
            GeneratedToken g;
            g.id = c.id;
            g.piece = tok.piece(c.id);
            describeToken(live[c.beam].logits, c.id, req.topAlternatives, tok, g);
            g.prob = g.rawProb;
            nb.logp = c.logp;
            if (tok.vocab().isEog(c.id)) {
                nb.finished = true;
                done.push_back(std::move(nb));
                continue;
            }
            nb.tokens.push_back(std::move(g));
            if (step + 1 < req.maxTokens && live[c.beam].session->position() + 1 < live[c.beam].session->contextSize()) {
                nb.session = live[c.beam].session->fork();
                auto l = nb.session->evaluate(std::span(&c.id, 1), nullptr);
                nb.logits.assign(l.begin(), l.end());
            }
            next.push_back(std::move(nb));
        }
        live = std::move(next);
        if (req.sampling.earlyStopping && static_cast<int>(done.size()) >= N) {
            res.stopReason = "eos";
            break;
        }
        if (std::all_of(live.begin(), live.end(), [](const Beam& b) { return !b.session; })) break;
    }
    const Beam* best = nullptr;
    for (const auto* pool : {&done, &live})
        for (const auto& b : *pool)
            if (!best || score(b, lp) > score(*best, lp)) best = &b;
    if (!best) return;
    if (best->finished) res.stopReason = "eos";
    StreamingDetokenizer detok(tok);
    for (const auto& g : best->tokens) {
        GeneratedToken out = g;
        out.text = detok.push(g.id);
        res.text += out.text;
        res.logProb += std::log(std::max(g.rawProb, 1e-30f));
        res.tokens.push_back(out);
        if (cb.onToken) cb.onToken(res.tokens.back());
    }
    res.text += detok.flush();
}

}  // namespace gb
