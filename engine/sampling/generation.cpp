#include "sampling/generation.h"

#include <chrono>
#include <cmath>

#include "model/model.h"
#include "model/session.h"
#include "sampling/sampler_chain.h"
#include "sampling/search_strategies.h"
#include "sampling/stop_matcher.h"
#include "sampling/token_stats.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

namespace gb {
namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Token healing: drop the prompt's last token; the first generated token must then start with
// its text (so "http:" can continue as "://" instead of a token boundary after ':').
std::string healPrompt(std::vector<int32_t>& prompt, const Tokenizer& tok) {
    if (prompt.size() < 2) return {};
    const int32_t last = prompt.back();
    const TokenType t = tok.vocab().type(last);
    if (t == TokenType::Control || t == TokenType::UserDefined) return {};
    std::string text = tok.piece(last);
    if (text.empty()) return {};
    prompt.pop_back();
    return text;
}

}  // namespace

std::vector<int32_t> preparePrompt(Session& session, const GenerationRequest& req, std::string* healPrefix) {
    const Tokenizer& tok = session.model().tokenizer();
    std::vector<int32_t> prompt = req.promptTokens.empty() ? tok.encode(req.prompt, true, true) : req.promptTokens;
    if (prompt.empty()) throw Error("the prompt is empty");
    if (req.sampling.tokenHealing && healPrefix) *healPrefix = healPrompt(prompt, tok);
    if (static_cast<int>(prompt.size()) >= session.contextSize())
        throw Error("the prompt is " + std::to_string(prompt.size()) + " tokens long but the context holds only " +
                    std::to_string(session.contextSize()));
    return prompt;
}

std::span<const float> evaluatePrompt(Session& session, const std::vector<int32_t>& prompt, bool keepCache,
                                      const GenerationCallbacks& cb) {
    size_t start = 0;
    if (keepCache) {
        const auto& have = session.tokens();
        while (start < have.size() && start < prompt.size() && have[start] == prompt[start]) ++start;
        if (start == prompt.size()) --start;  // evaluate at least the last token for fresh logits
        try {
            session.truncate(static_cast<int>(start));
        } catch (const Error&) {
            start = 0;
            session.reset();
        }
    } else {
        session.reset();
    }
    std::span<const float> logits;
    constexpr size_t kChunk = 256;
    for (size_t i = start; i < prompt.size(); i += kChunk) {
        const size_t n = std::min(kChunk, prompt.size() - i);
        logits = session.evaluate(std::span(prompt).subspan(i, n), cb.observer);
        if (cb.onPromptProgress) cb.onPromptProgress(static_cast<int>(i + n), static_cast<int>(prompt.size()));
    }
    return logits;
}

GenerationResult generate(Session& session, const GenerationRequest& req, const GenerationCallbacks& cb) {
    const Tokenizer& tok = session.model().tokenizer();
    GenerationResult res;
    std::string healPrefix;
    res.promptTokens = preparePrompt(session, req, &healPrefix);
    session.setStopFlag(cb.stop);
    const bool contrastive = req.sampling.contrastiveK > 0 && req.sampling.penaltyAlpha > 0 && req.sampling.beams <= 1;
    session.setRecordHidden(contrastive);
    const auto t0 = Clock::now();
    std::span<const float> logits;
    try {
        logits = evaluatePrompt(session, res.promptTokens, req.keepCache && !contrastive, cb);
    } catch (const Cancelled&) {
        res.stopReason = "cancelled";
        res.timings.promptMs = msSince(t0);
        session.setStopFlag(nullptr);
        return res;
    }
    res.timings.promptMs = msSince(t0);
    res.timings.nPrompt = static_cast<int>(res.promptTokens.size());

    if (req.sampling.beams > 1 || (req.sampling.contrastiveK > 0 && req.sampling.penaltyAlpha > 0)) {
        const auto t1 = Clock::now();
        if (req.sampling.beams > 1)
            beamSearch(session, logits, req, cb, res);
        else
            contrastiveSearch(session, logits, req, cb, res);
        res.timings.genMs = msSince(t1);
        res.timings.nGen = static_cast<int>(res.tokens.size());
        session.setStopFlag(nullptr);
        return res;
    }

    SamplerChain chain(req.sampling);
    StreamingDetokenizer detok(tok);
    StopMatcher stops(req.stopStrings);
    size_t skip = healPrefix.size();  // the healed text is already in the prompt: don't show it twice
    const auto t1 = Clock::now();
    std::vector<int32_t> history = res.promptTokens;
    res.stopReason = "length";
    for (int i = 0; i < req.maxTokens; ++i) {
        std::function<bool(int32_t)> allowed;
        if (i == 0 && !healPrefix.empty())
            allowed = [&](int32_t id) { return tok.piece(id).rfind(healPrefix, 0) == 0; };
        GeneratedToken g;
        g.id = chain.sample(logits, history, allowed);
        describeToken(logits, g.id, req.topAlternatives, tok, g);
        describeSampled(chain.lastCandidates(), g.id, req.topAlternatives, tok, g);
        if (i == 0) res.timings.firstTokenMs = res.timings.promptMs + msSince(t1);
        if (!req.ignoreEos && tok.vocab().isEog(g.id)) {
            res.stopReason = "eos";
            break;
        }
        g.piece = tok.piece(g.id);
        std::string text = detok.push(g.id);
        if (skip > 0) {
            const size_t n = std::min(skip, text.size());
            text.erase(0, n);
            skip -= n;
        }
        g.text = stops.push(text);
        res.text += g.text;
        res.logProb += std::log(std::max(g.rawProb, 1e-30f));
        history.push_back(g.id);
        res.tokens.push_back(g);
        if (cb.onToken && !cb.onToken(res.tokens.back())) {
            res.stopReason = "cancelled";
            break;
        }
        if (stops.stopped()) {
            res.stopReason = "stop";
            break;
        }
        if (cb.stop && cb.stop->load()) {
            res.stopReason = "cancelled";
            break;
        }
        if (i + 1 == req.maxTokens) break;
        if (session.position() + 1 >= session.contextSize()) {
            res.stopReason = "length";  // the context is full: cut off like a length limit
            break;
        }
        try {
            logits = session.evaluate(std::span(&g.id, 1), cb.observer);
        } catch (const Cancelled&) {
            res.stopReason = "cancelled";
            break;
        }
    }
    std::string tail = detok.flush();
    res.text += stops.push(tail) + stops.flush();
    res.timings.genMs = msSince(t1);
    res.timings.nGen = static_cast<int>(res.tokens.size());
    session.setStopFlag(nullptr);
    return res;
}

}  // namespace gb
