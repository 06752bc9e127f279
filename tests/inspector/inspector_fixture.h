#pragma once
// Known inspection data for the view tests: a 2-layer model with 4 heads sharing 2 KV heads and
// 4 experts (top 2), a prompt of 3 tokens and a reply of 5 (one character split over 3 byte
// tokens), with rows for positions 0…6 (the last token is never fed back).
#include <QString>
#include <cmath>
#include <memory>

#include "inspection/inspection_data.h"
#include "inspection/inspection_model.h"

namespace fixture {

using namespace glassbox::inspection;

constexpr int kLayers = 2, kHeads = 4, kKvHeads = 2, kExperts = 4, kUsed = 2, kLensK = 3;
constexpr int kPrompt = 3, kPositions = 8, kRows = 7;
constexpr quint64 kRequest = 7;
constexpr qint64 kMessage = 42;

inline ModelShape shape(bool moe = true) {
    ModelShape s;
    s.name = QStringLiteral("fixture");
    s.layers = kLayers;
    s.heads = kHeads;
    s.kvHeads = kKvHeads;
    s.headDim = 8;
    s.experts = moe ? kExperts : 0;
    s.expertsUsed = moe ? kUsed : 0;
    s.vocab = 64;
    s.contextSize = 128;
    return s;
}

// Token ids 1…8 at positions 0…7: "<s>", " The", " cat" | " sat", 0xE7, 0x88, 0xB1 (爱), "."
inline TokenEntry token(int pos) {
    static const QByteArray pieces[] = {"<s>", " The", " cat", " sat", "\xE7", "\x88", "\xB1", "."};
    static const char* spellings[] = {"<s>", "\u2581The", "\u2581cat", "\u2581sat", "<0xE7>", "<0x88>", "<0xB1>", "."};
    return TokenEntry{pos + 1, pieces[pos], QString::fromUtf8(spellings[pos])};
}

// Head h of layer l gives query q 0.75 on one key (0.25 shared by the others); q = 0 has only key 0.
inline int peak(int l, int h, int q) { return (q + l + h) % (q + 1); }
inline float weight(int l, int h, int q, int k) {
    if (k > q) return 0.f;
    if (q == 0) return 1.f;
    return k == peak(l, h, q) ? 0.75f : 0.25f / float(q);
}
inline float meanWeight(int l, int q, int k) {
    float s = 0;
    for (int h = 0; h < kHeads; ++h) s += weight(l, h, q, k);
    return s / kHeads;
}
inline float maxWeight(int l, int q, int k) {
    float m = 0;
    for (int h = 0; h < kHeads; ++h) m = std::max(m, weight(l, h, q, k));
    return m;
}

inline int top1(int pos, int l) { return (pos + l) % kExperts; }
inline int top2(int pos, int l) {
    const int e = (pos + 2 * l + 1) % kExperts;
    return e == top1(pos, l) ? (e + 1) % kExperts : e;
}
inline float routerProb(int pos, int l, int e) { return e == top1(pos, l) ? 0.5f : e == top2(pos, l) ? 0.3f : 0.1f; }

// The logit lens: the last layer names the true next token (id pos + 2) at 60 %; layer 0 names
// token 8 (".") at 30 %.
inline int lensToken(int pos, int l, int k) {
    if (k > 0) return 1 + (pos + k) % 8;
    return l == kLayers - 1 ? pos + 2 : 8;
}
inline float lensProb(int l, int k) { return (l == kLayers - 1 ? 0.6f : 0.3f) / float(k + 1); }

inline float rawProb(int i) { static const float p[] = {0.9f, 0.05f, 0.5f, 0.5f, 0.2f}; return p[i]; }
inline float entropy(int i) { static const float e[] = {0.3f, 3.0f, 1.0f, 1.0f, 2.0f}; return e[i]; }

inline glassbox::StreamToken stats(int i) {
    glassbox::StreamToken t;
    t.id = kPrompt + i + 1;
    const TokenEntry e = token(kPrompt + i);
    t.text = i == 3 ? QStringLiteral("爱") : (i == 1 || i == 2) ? QString() : QString::fromUtf8(e.piece);
    t.rawProb = rawProb(i);
    t.prob = std::min(1.f, rawProb(i) * 1.1f);
    t.entropy = entropy(i);
    t.rank = i == 4 ? 2 : 0;
    t.alternatives = {QString::fromUtf8(e.piece), QStringLiteral(" ran"), QStringLiteral(" is")};  // byte tokens: U+FFFD
    t.alternativeProbs = {rawProb(i), 0.04f, 0.02f};
    return t;
}

// Rows [rowFrom, rowTo) and tokens [tokFrom, tokTo); the header chunk carries the request's plan.
inline std::shared_ptr<InspectionChunk> chunk(int rowFrom, int rowTo, int tokFrom, int tokTo, bool header,
                                              bool moe = true, bool attention = true) {
    auto c = std::make_shared<InspectionChunk>();
    c->requestId = kRequest;
    c->header = header;
    c->shape = shape(moe);
    c->conversationId = QStringLiteral("1");
    c->promptLength = kPrompt;
    if (attention) {
        for (int i = 0; i < kLayers * kHeads; ++i) c->plan.detailHeads.append(i);
        c->plan.aggregates = true;
    }
    c->plan.routing = moe;
    c->plan.lensK = kLensK;
    c->tokenBase = tokFrom;
    for (int p = tokFrom; p < tokTo; ++p) c->tokens.append(token(p));
    c->rowBase = rowFrom;
    c->rowCount = rowTo - rowFrom;
    if (c->rowCount <= 0) {
        c->rowCount = 0;
        return c;
    }
    auto fill = [&](auto w) {
        Triangle t(rowFrom);
        t.resizeRows(c->rowCount);
        for (int r = 0; r < c->rowCount; ++r)
            for (int k = 0; k <= rowFrom + r; ++k) t.rowMut(r)[k] = Triangle::quantize(w(rowFrom + r, k));
        return t;
    };
    if (attention) {
        for (int l = 0; l < kLayers; ++l)
            for (int h = 0; h < kHeads; ++h) c->head.append(fill([=](int q, int k) { return weight(l, h, q, k); }));
        for (int l = 0; l < kLayers; ++l) {
            c->mean.append(fill([=](int q, int k) { return meanWeight(l, q, k); }));
            c->max.append(fill([=](int q, int k) { return maxWeight(l, q, k); }));
        }
    }
    for (int pos = rowFrom; pos < rowTo; ++pos)
        for (int l = 0; l < kLayers; ++l) {
            if (moe) {
                c->experts << qint16(top1(pos, l)) << qint16(top2(pos, l));
                c->weights << 0.7f << 0.3f;
                for (int e = 0; e < kExperts; ++e) c->router << routerProb(pos, l, e);
            }
            for (int k = 0; k < kLensK; ++k) {
                c->lensTokens << lensToken(pos, l, k);
                c->lensProbs << lensProb(l, k);
            }
        }
    for (int id = 1; id <= 8; ++id) c->lensVocab.insert(id, token(id - 1));
    return c;
}

// The whole reply, as the collector would post it over a run: the prompt, then token by token.
inline ChunkList stream(bool moe = true, bool attention = true) {
    ChunkList out;
    out << chunk(0, kPrompt, 0, kPrompt, true, moe, attention);
    // Generated token i (position 3 + i) arrives before its own row (evaluated after it is sampled).
    for (int i = 0; i < kPositions - kPrompt; ++i) {
        const int pos = kPrompt + i;
        out << chunk(pos, std::min(pos + 1, kRows), pos, pos + 1, false, moe, attention);
    }
    return out;
}

// A model holding the fixture's reply as message kMessage, finished and shown.
inline void feed(InspectionModel& m, bool moe = true, bool attention = true) {
    m.addChunks(kMessage, stream(moe, attention));
    for (int i = 0; i < kPositions - kPrompt; ++i) m.addToken(kRequest, stats(i));
    m.finishRequest(kRequest);
    m.show(kMessage);
}

}  // namespace fixture
