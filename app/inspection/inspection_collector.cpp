#include "inspection/inspection_collector.h"

#include <algorithm>

#include "model/model.h"
#include "tokenizer/tokenizer.h"

namespace glassbox::inspection {

InspectionCollector::InspectionCollector() { qRegisterMetaType<ChunkList>(); }

void InspectionCollector::setSettings(const Settings& s) {
    std::lock_guard lock(settingsMutex_);
    settings_ = s;
}

InspectionCollector::Settings InspectionCollector::settings() const {
    std::lock_guard lock(settingsMutex_);
    return settings_;
}

RecordingPlan InspectionCollector::planFor(const ModelShape& shape, const Settings& s) {
    RecordingPlan p;
    if (s.attention && shape.isValid()) {
        p.aggregates = true;
        const int L = shape.layers, H = shape.heads;
        if (L * H <= s.detailBudget) {
            for (int i = 0; i < L * H; ++i) p.detailHeads.append(i);
        } else {
            const int layer = s.detailLayer >= 0 && s.detailLayer < L ? s.detailLayer : L - 1;
            for (int h = 0; h < std::min(H, std::max(1, s.detailBudget)); ++h) p.detailHeads.append(layer * H + h);
        }
    }
    p.routing = s.routing && shape.isMoe();
    p.lensK = std::clamp(s.lensK, 0, 20);
    return p;
}

TokenEntry InspectionCollector::entry(int32_t id) const {
    TokenEntry e;
    e.id = id;
    if (!tok_) return e;
    const std::string piece = tok_->piece(id, true);
    e.piece = QByteArray(piece.data(), qsizetype(piece.size()));
    const gb::Vocab& v = tok_->vocab();
    if (v.valid(id)) e.spelling = QString::fromStdString(v.tokens[size_t(id)]);
    return e;
}

gb::Observer* InspectionCollector::begin(const GenerateCommand& cmd, const gb::Model& model,
                                         const std::vector<int32_t>& prompt) {
    const Settings s = settings();
    const gb::ModelConfig& c = model.config();
    tok_ = &model.tokenizer();
    shape_ = {};
    shape_.name = QString::fromStdString(c.name);
    shape_.layers = c.nLayer;
    shape_.heads = c.nHead;
    shape_.kvHeads = c.nHeadKv > 0 ? c.nHeadKv : c.nHead;
    shape_.headDim = c.headDim;
    shape_.experts = c.nExpert;
    shape_.expertsUsed = c.nExpertUsed;
    shape_.sharedExperts = c.nExpertShared;
    shape_.vocab = c.nVocab;
    plan_ = planFor(shape_, s);
    attention_ = plan_.aggregates;
    routing_ = plan_.routing;
    lensK_ = plan_.lensK;
    intervalMs_ = std::max(0, s.minIntervalMs);
    slotOf_.assign(size_t(shape_.layers) * size_t(shape_.heads), -1);
    for (int i = 0; i < plan_.detailHeads.size(); ++i) slotOf_[size_t(plan_.detailHeads[i])] = i;
    lensSent_.clear();
    posted_ = false;
    posts_ = 0;

    resetPending(true);
    pending_->requestId = cmd.requestId;
    pending_->conversationId = cmd.conversationId;
    pending_->promptLength = int(prompt.size());
    pending_->tokens.reserve(qsizetype(prompt.size()));
    for (int32_t id : prompt) pending_->tokens.append(entry(id));
    return this;
}

void InspectionCollector::resetPending(bool header) {
    auto c = std::make_unique<InspectionChunk>();
    c->header = header;
    if (pending_) c->requestId = pending_->requestId;
    if (header) {
        c->shape = shape_;
        c->plan = plan_;
    }
    pending_ = std::move(c);
    sum_.assign(plan_.aggregates ? size_t(shape_.layers) : 0, {});
    max_.assign(sum_.size(), {});
}

int InspectionCollector::rowFor(int pos) {
    InspectionChunk& c = *pending_;
    if (c.rowCount == 0) {
        c.rowBase = pos;
        c.head = QVector<Triangle>(plan_.detailHeads.size(), Triangle(pos));
    }
    const int r = pos - c.rowBase;
    if (r < 0) return -1;  // an earlier position again (beam search): not shown
    if (r < c.rowCount) return r;
    const int rows = r + 1, L = shape_.layers;
    for (Triangle& t : c.head) t.resizeRows(rows);
    const size_t tri = size_t(Triangle::offset(c.rowBase, rows));
    for (auto& v : sum_) v.resize(tri, 0.f);
    for (auto& v : max_) v.resize(tri, 0.f);
    if (plan_.routing) {
        const int K = shape_.expertsUsed, E = shape_.experts;
        c.experts.resize(qsizetype(rows) * L * K, qint16(-1));
        c.weights.resize(qsizetype(rows) * L * K);
        c.router.resize(qsizetype(rows) * L * E);
    }
    if (plan_.lensK > 0) {
        c.lensTokens.resize(qsizetype(rows) * L * plan_.lensK, -1);
        c.lensProbs.resize(qsizetype(rows) * L * plan_.lensK);
    }
    c.rowCount = rows;
    return r;
}

void InspectionCollector::onAttention(int layer, int head, int, int pos, std::span<const float> probs) {
    if (layer < 0 || layer >= shape_.layers || head < 0 || head >= shape_.heads) return;
    const int r = rowFor(pos);
    if (r < 0) return;
    const size_t n = std::min(probs.size(), size_t(pos) + 1);
    const int slot = slotOf_[size_t(layer) * size_t(shape_.heads) + size_t(head)];
    if (slot >= 0) {
        quint16* dst = pending_->head[slot].rowMut(r);
        for (size_t i = 0; i < n; ++i) dst[i] = Triangle::quantize(probs[i]);
    }
    if (plan_.aggregates) {
        const size_t off = size_t(Triangle::offset(pending_->rowBase, r));
        float* s = sum_[size_t(layer)].data() + off;
        float* m = max_[size_t(layer)].data() + off;
        for (size_t i = 0; i < n; ++i) {
            s[i] += probs[i];
            m[i] = std::max(m[i], probs[i]);
        }
    }
}

void InspectionCollector::onRouting(int layer, int pos, std::span<const float> router, std::span<const int32_t> experts,
                                    std::span<const float> weights, int) {
    if (!plan_.routing || layer < 0 || layer >= shape_.layers) return;
    const int r = rowFor(pos);
    if (r < 0) return;
    const int L = shape_.layers, K = shape_.expertsUsed, E = shape_.experts;
    InspectionChunk& c = *pending_;
    const qsizetype base = (qsizetype(r) * L + layer) * K;
    for (int k = 0; k < K; ++k) {
        c.experts[base + k] = k < int(experts.size()) ? qint16(experts[size_t(k)]) : qint16(-1);
        c.weights[base + k] = k < int(weights.size()) ? weights[size_t(k)] : 0.f;
    }
    std::copy_n(router.begin(), std::min<size_t>(router.size(), size_t(E)), c.router.begin() + (qsizetype(r) * L + layer) * E);
}

void InspectionCollector::onLogitLens(int layer, int pos, std::span<const gb::TopToken> top) {
    if (plan_.lensK <= 0 || layer < 0 || layer >= shape_.layers) return;
    const int r = rowFor(pos);
    if (r < 0) return;
    const int K = plan_.lensK;
    InspectionChunk& c = *pending_;
    const qsizetype base = (qsizetype(r) * shape_.layers + layer) * K;
    for (int k = 0; k < K && k < int(top.size()); ++k) {
        c.lensTokens[base + k] = top[size_t(k)].token;
        c.lensProbs[base + k] = top[size_t(k)].prob;
        if (lensSent_.insert(top[size_t(k)].token).second) c.lensVocab.insert(top[size_t(k)].token, entry(top[size_t(k)].token));
    }
}

QVariant InspectionCollector::collect(int tokenIndex, int32_t token) {
    if (!pending_) return {};
    if (tokenIndex >= 0) {
        if (pending_->tokens.isEmpty()) pending_->tokenBase = pending_->promptLength + tokenIndex;
        pending_->tokens.append(entry(token));
    }
    if (posted_ && std::chrono::steady_clock::now() - lastPost_ < std::chrono::milliseconds(intervalMs_)) return {};
    return post();
}

QVariant InspectionCollector::flush() { return post(); }

QVariant InspectionCollector::post() {
    if (!pending_) return {};
    InspectionChunk& c = *pending_;
    if (!c.header && c.tokens.isEmpty() && c.rowCount == 0) return {};
    if (plan_.aggregates && c.rowCount > 0) {
        const float inv = 1.f / float(std::max(1, shape_.heads));
        c.mean = c.max = QVector<Triangle>(shape_.layers, Triangle(c.rowBase));
        for (int l = 0; l < shape_.layers; ++l) {
            c.mean[l].resizeRows(c.rowCount);
            c.max[l].resizeRows(c.rowCount);
            quint16* mean = c.mean[l].rowMut(0);
            quint16* max = c.max[l].rowMut(0);
            const std::vector<float>& s = sum_[size_t(l)];
            const std::vector<float>& m = max_[size_t(l)];
            for (size_t i = 0; i < s.size(); ++i) {
                mean[i] = Triangle::quantize(s[i] * inv);
                max[i] = Triangle::quantize(m[i]);
            }
        }
    }
    const int promptLength = c.promptLength;
    ChunkPtr done(pending_.release());
    resetPending(false);
    pending_->requestId = done->requestId;
    pending_->promptLength = promptLength;  // where generated tokens start (not part of a non-header chunk's meaning)
    lastPost_ = std::chrono::steady_clock::now();
    posted_ = true;
    ++posts_;
    return QVariant::fromValue(ChunkList{done});
}

void InspectionCollector::end() {
    pending_.reset();
    sum_.clear();
    max_.clear();
    tok_ = nullptr;
    attention_ = routing_ = false;
    lensK_ = 0;
}

}  // namespace glassbox::inspection
