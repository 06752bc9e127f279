#include "model/session.h"

#include <algorithm>
#include <cstring>

#include "gguf/gguf_file.h"
#include "inspect/observer.h"
#include "kernels/dnnl_matmul.h"
#include "kernels/rope.h"
#include "kernels/vector_ops.h"
#include "model/attention.h"
#include "model/forward_state.h"
#include "model/logit_lens.h"
#include "model/model.h"
#include "model/model_weights.h"
#include "quant/dequantize.h"
#include "util/error.h"

namespace gb {

ForwardState::ForwardState(const ModelConfig& c, int nCtx)
    : cache(c.nLayer, nCtx, c.nHeadKv * c.headDim, c.slidingWindow, kMaxBatch) {
    const size_t B = kMaxBatch;
    x.resize(B * c.nEmbd);
    xn.resize(B * c.nEmbd);
    q.resize(B * c.nHead * c.headDim);
    k.resize(B * c.nHeadKv * c.headDim);
    v.resize(B * c.nHeadKv * c.headDim);
    att.resize(B * c.nHead * c.headDim);
    y.resize(B * c.nEmbd);
    hidden.resize(c.nEmbd);
    logits.resize(c.nVocab);
}

Session::Session(std::shared_ptr<const Model> model, const SessionOptions& opt) : model_(std::move(model)) {
    if (!model_->hasWeights()) throw Error("this model file has no weights (vocabulary only)");
    const ModelConfig& c = model_->config();
    nCtx_ = opt.nCtx > 0 ? opt.nCtx : std::min(c.nCtxTrain, 4096);
    if (nCtx_ < 1 || nCtx_ > (1 << 22)) throw Error("invalid context size " + std::to_string(nCtx_));
    // A tiny model's matrices are too small to split: threads would only wait for each other.
    threads_ = opt.threads > 0 ? opt.threads : (model_->summary().weightBytes < (32u << 20) ? 1 : 0);
    try {
        state_ = std::make_unique<ForwardState>(c, nCtx_);
    } catch (const std::bad_alloc&) {
        throw Error("not enough memory for a context of " + std::to_string(nCtx_) + " tokens");
    }
}

Session::~Session() = default;

uint64_t Session::memoryBytes() const {
    const auto& s = *state_;
    return s.cache.bytes() + (s.x.size() * 5 + s.q.size() * 2 + s.k.size() * 2 + s.logits.size()) * sizeof(float);
}

std::span<const float> Session::lastHidden() const { return state_->hidden; }

void Session::truncate(int n) {
    if (n < 0 || n > position()) throw Error("cannot truncate the cache to " + std::to_string(n) + " tokens");
    const int w = state_->cache.window();
    // A ring cache no longer holds positions older than its size: replaying is needed then.
    if (w > 0 && n < position() && position() - n > state_->cache.slots() - w)
        throw Error("cannot rewind a sliding-window cache that far; evaluate again from the start");
    tokens_.resize(n);
    if (hiddenHistory_.size() > size_t(n) * model_->config().nEmbd) hiddenHistory_.resize(size_t(n) * model_->config().nEmbd);
}

std::unique_ptr<Session> Session::fork() const {
    auto s = std::unique_ptr<Session>(new Session(model_, SessionOptions{nCtx_, threads_}));
    *s->state_ = *state_;
    s->tokens_ = tokens_;
    s->stop_ = stop_;
    s->recordHidden_ = recordHidden_;
    s->hiddenHistory_ = hiddenHistory_;
    return s;
}

std::span<const float> Session::evaluate(std::span<const int32_t> tokens, Observer* obs) {
    const Model& m = *model_;
    const ModelConfig& c = m.config();
    const ModelWeights& w = m.weights();
    ForwardState& s = *state_;
    if (tokens.empty()) throw Error("nothing to evaluate");
    if (position() + static_cast<int64_t>(tokens.size()) > nCtx_)
        throw Error("the prompt needs " + std::to_string(position() + tokens.size()) + " tokens but the context holds " +
                    std::to_string(nCtx_));
    for (int32_t t : tokens)
        if (t < 0 || t >= c.nVocab) throw Error("token id " + std::to_string(t) + " is outside the vocabulary");
    setComputeThreads(threads_);

    const int d = c.nEmbd, qd = c.nHead * c.headDim, kvd = c.nHeadKv * c.headDim;
    const size_t embRowBytes = rowBytes(traitsOf(w.tokenEmbd->type), d);
    const int lensK = obs ? obs->logitLensTopK() : 0;

    for (size_t start = 0; start < tokens.size(); start += ForwardState::kMaxBatch) {
        const int T = static_cast<int>(std::min<size_t>(ForwardState::kMaxBatch, tokens.size() - start));
        const int64_t pos0 = position();
        for (int t = 0; t < T; ++t)
            dequantizeRow(w.tokenEmbd->type, w.tokenEmbd->data + static_cast<size_t>(tokens[start + t]) * embRowBytes,
                          s.x.data() + static_cast<size_t>(t) * d, d);

        for (int l = 0; l < c.nLayer; ++l) {
            if (stop_ && stop_->load(std::memory_order_relaxed)) throw Cancelled();
            const LayerWeights& ly = w.layers[l];
            // Attention sub-layer.
            for (int t = 0; t < T; ++t) rmsnorm(&s.x[size_t(t) * d], ly.attnNorm.data(), &s.xn[size_t(t) * d], d, c.normEps);
            ly.wq->multiply(s.xn.data(), s.q.data(), T);
            ly.wk->multiply(s.xn.data(), s.k.data(), T);
            ly.wv->multiply(s.xn.data(), s.v.data(), T);
            for (int t = 0; t < T; ++t) {
                applyRope(&s.q[size_t(t) * qd], c.nHead, c.headDim, c.ropeDim, pos0 + t, c.ropeTheta, c.ropeFreqScale);
                applyRope(&s.k[size_t(t) * kvd], c.nHeadKv, c.headDim, c.ropeDim, pos0 + t, c.ropeTheta, c.ropeFreqScale);
                std::memcpy(s.cache.key(l, pos0 + t), &s.k[size_t(t) * kvd], kvd * sizeof(float));
                std::memcpy(s.cache.value(l, pos0 + t), &s.v[size_t(t) * kvd], kvd * sizeof(float));
            }
            attend(c, s.cache, l, s.q.data(), s.att.data(), T, pos0);
            if (obs) {
                for (int h = 0; h < c.nHead; ++h) {
                    if (!obs->wantsAttention(l, h)) continue;
                    for (int t = 0; t < T; ++t) {
                        auto p = attentionWeights(c, s.cache, l, &s.q[size_t(t) * qd + size_t(h) * c.headDim], h, pos0 + t);
                        obs->onAttention(l, h, h / c.gqaGroup(), static_cast<int>(pos0 + t), p);
                    }
                }
            }
            ly.wo->multiply(s.att.data(), s.y.data(), T);
            add(s.x.data(), s.y.data(), int64_t(T) * d);

            // Feed-forward sub-layer.
            for (int t = 0; t < T; ++t) rmsnorm(&s.x[size_t(t) * d], ly.ffnNorm.data(), &s.xn[size_t(t) * d], d, c.normEps);
            if (c.isMoe())
                mixtureOfExperts(c, ly, l, s.xn.data(), s.y.data(), T, pos0, obs, s.ffn);
            else
                swiglu(ly.ffn, s.xn.data(), s.y.data(), T, s.ffn);
            add(s.x.data(), s.y.data(), int64_t(T) * d);

            if (lensK > 0) reportLogitLens(m, l, s.x.data(), T, pos0, lensK, *obs);
        }
        if (recordHidden_) {
            hiddenHistory_.resize(size_t(pos0 + T) * d);
            for (int t = 0; t < T; ++t)
                rmsnorm(&s.x[size_t(t) * d], w.outputNorm.data(), &hiddenHistory_[size_t(pos0 + t) * d], d, c.normEps);
        }
        tokens_.insert(tokens_.end(), tokens.begin() + start, tokens.begin() + start + T);
        if (start + T == tokens.size()) {
            rmsnorm(&s.x[size_t(T - 1) * d], w.outputNorm.data(), s.hidden.data(), d, c.normEps);
            w.output->multiply(s.hidden.data(), s.logits.data(), 1);
        }
    }
    return s.logits;
}

}  // namespace gb
