#include "inspection/inspection_data.h"

#include <QDataStream>
#include <QIODevice>
#include <QStringDecoder>

namespace glassbox::inspection {

ModelShape ModelShape::fromModelInfo(const ModelInfo& info, int contextSize) {
    ModelShape s;
    s.name = info.name;
    s.layers = info.layers;
    s.heads = info.heads;
    s.kvHeads = info.kvHeads > 0 ? info.kvHeads : info.heads;
    s.experts = info.experts;
    s.expertsUsed = info.expertsUsed;
    s.vocab = info.vocabSize;
    s.contextSize = contextSize;
    // The engine's own figure is 2 × layers × KV heads × head dim × 4 B: the head dim follows from it.
    const quint64 perDim = 2ull * quint64(qMax(1, s.layers)) * quint64(qMax(1, s.kvHeads)) * quint64(s.kvElementBytes);
    s.headDim = info.kvBytesPerToken > 0 ? int(info.kvBytesPerToken / perDim) : (s.heads > 0 ? info.embedding / s.heads : 0);
    return s;
}

// ---------------------------------------------------------------------------------- Triangle

float Triangle::at(int query, int key) const {
    const int r = query - base_;
    if (r < 0 || r >= rows_ || key < 0 || key > query) return 0.f;
    return dequantize(row(r)[key]);
}

void Triangle::resizeRows(int n) {
    n = qMax(0, n);
    data_.resize(offset(base_, n));  // QVector value-initialises: new rows are zero
    rows_ = n;
}

void Triangle::append(const Triangle& t) {
    if (t.rows_ == 0) return;
    if (rows_ == 0 && data_.isEmpty()) base_ = t.base_;
    Q_ASSERT(t.base_ == base_ + rows_);
    data_.append(t.data_);
    rows_ += t.rows_;
}

QDataStream& operator<<(QDataStream& s, const Triangle& t) { return s << qint32(t.base_) << qint32(t.rows_) << t.data_; }

QDataStream& operator>>(QDataStream& s, Triangle& t) {
    qint32 base = 0, rows = 0;
    s >> base >> rows >> t.data_;
    t.base_ = base;
    t.rows_ = rows;
    if (base < 0 || rows < 0 || t.data_.size() != Triangle::offset(base, rows)) s.setStatus(QDataStream::ReadCorruptData);
    return s;
}

// ---------------------------------------------------------------------------------- labels

namespace {

bool isText(const QByteArray& bytes) {
    if (bytes.isEmpty()) return false;
    QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = d.decode(bytes);
    return !d.hasError() && !s.contains(QChar::ReplacementCharacter);
}

int utf8Length(uchar lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 0;  // a continuation byte
}

const QChar kSuperscripts[] = {QChar(0x00B9), QChar(0x00B2), QChar(0x00B3), QChar(0x2074)};

}  // namespace

QString visibleText(const QString& s, int maxChars) {
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (c == QLatin1Char(' '))
            out += QChar(0x2423);  // ␣
        else if (c == QLatin1Char('\n'))
            out += QChar(0x21B5);  // ↵
        else if (c == QLatin1Char('\t'))
            out += QChar(0x21E5);  // ⇥
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    // A leading ␣ before a word reads as a marker; keep it, but trim runs of trailing ones.
    if (maxChars > 0 && out.size() > maxChars) out = out.left(maxChars - 1) + QChar(0x2026);
    return out;
}

void InspectionRecord::relabelFrom(int pos) {
    pos = qMax(0, pos - 3);  // a character split over byte tokens may start up to 3 positions back
    labels.resize(tokens.size());
    for (int i = pos; i < tokens.size(); ++i) {
        const TokenEntry& t = tokens[i];
        if (isText(t.piece)) {
            labels[i] = visibleText(QString::fromUtf8(t.piece));
            continue;
        }
        labels[i] = t.spelling.isEmpty() ? QStringLiteral("?") : visibleText(t.spelling, 10);
        if (t.piece.isEmpty()) continue;
        // Part of a character: find the run it belongs to and label it with that character.
        for (int s = i; s >= qMax(0, i - 3); --s) {
            const QByteArray& lead = tokens[s].piece;
            if (lead.isEmpty() || isText(lead)) break;
            const int need = utf8Length(uchar(lead[0]));
            if (need < 2) continue;
            QByteArray bytes;
            int e = s;
            while (e < tokens.size() && bytes.size() < need && !isText(tokens[e].piece) && !tokens[e].piece.isEmpty())
                bytes += tokens[e++].piece;
            if (bytes.size() == need && e > i && isText(bytes))
                labels[i] = QString::fromUtf8(bytes) + kSuperscripts[qMin(i - s, 3)];
            break;
        }
    }
}

QString InspectionRecord::tokenText(int pos) const {
    if (pos < 0 || pos >= tokens.size()) return {};
    return isText(tokens[pos].piece) ? QString::fromUtf8(tokens[pos].piece) : QString();
}

QString InspectionRecord::replyText() const {
    QByteArray bytes;
    for (int i = promptLength; i < tokens.size(); ++i) bytes += tokens[i].piece;
    return QString::fromUtf8(bytes);
}

// ---------------------------------------------------------------------------------- records

void InspectionRecord::append(const InspectionChunk& c) {
    if (c.header) {
        requestId = c.requestId;
        shape = c.shape;
        conversationId = c.conversationId;
        promptLength = c.promptLength;
        plan = c.plan;
        rowBase = rowCount = 0;
        head = QVector<Triangle>(plan.detailHeads.size());
        mean = max = QVector<Triangle>(plan.aggregates ? shape.layers : 0);
        experts.clear();
        weights.clear();
        router.clear();
        lensTokens.clear();
        lensProbs.clear();
        tokens.clear();
    }
    if (!c.tokens.isEmpty()) {
        if (c.tokenBase > tokens.size()) tokens.resize(c.tokenBase);
        tokens.resize(c.tokenBase);
        tokens += c.tokens;
        relabelFrom(c.tokenBase);
    }
    for (auto it = c.lensVocab.begin(); it != c.lensVocab.end(); ++it) lensVocab.insert(it.key(), it.value());
    if (c.rowCount <= 0) return;
    const int L = shape.layers, K = shape.expertsUsed, E = shape.experts, LK = plan.lensK;
    // Rows normally continue where the last chunk ended; re-evaluated positions replace the old rows.
    if (rowCount == 0 || c.rowBase < rowBase) {
        rowBase = c.rowBase;
        rowCount = 0;
        for (auto* v : {&head, &mean, &max})
            for (Triangle& t : *v) t = Triangle(rowBase);
    }
    for (auto* v : {&head, &mean, &max})
        for (Triangle& t : *v) t.resizeRows(c.rowBase - rowBase);
    rowCount = c.rowBase - rowBase;
    auto fit = [&](auto& vec, qsizetype perRow) { vec.resize(qsizetype(rowCount) * perRow); };
    auto appendRows = [&](auto& vec, const auto& add, qsizetype perRow) {
        fit(vec, perRow);
        if (add.size() == qsizetype(c.rowCount) * perRow)
            vec += add;
        else
            vec.resize(qsizetype(rowCount + c.rowCount) * perRow);
    };
    for (int s = 0; s < head.size(); ++s) {
        if (s < c.head.size() && c.head[s].rows() == c.rowCount) head[s].append(c.head[s]);
        else head[s].resizeRows(rowCount + c.rowCount);
    }
    for (int l = 0; l < mean.size(); ++l) {
        if (l < c.mean.size() && c.mean[l].rows() == c.rowCount) mean[l].append(c.mean[l]);
        else mean[l].resizeRows(rowCount + c.rowCount);
        if (l < c.max.size() && c.max[l].rows() == c.rowCount) max[l].append(c.max[l]);
        else max[l].resizeRows(rowCount + c.rowCount);
    }
    if (plan.routing && K > 0) {
        const qsizetype before = experts.size();
        appendRows(experts, c.experts, qsizetype(L) * K);
        if (c.experts.size() != qsizetype(c.rowCount) * L * K)  // missing: no expert
            std::fill(experts.begin() + qMin(before, experts.size()), experts.end(), qint16(-1));
        appendRows(weights, c.weights, qsizetype(L) * K);
        appendRows(router, c.router, qsizetype(L) * E);
    }
    if (LK > 0) {
        const qsizetype before = lensTokens.size();
        appendRows(lensTokens, c.lensTokens, qsizetype(L) * LK);
        if (c.lensTokens.size() != qsizetype(c.rowCount) * L * LK)
            std::fill(lensTokens.begin() + qMin(before, lensTokens.size()), lensTokens.end(), -1);
        appendRows(lensProbs, c.lensProbs, qsizetype(L) * LK);
    }
    rowCount += c.rowCount;
}

bool InspectionRecord::hasHead(int layer, int h) const { return matrix(layer, h) != nullptr; }

const Triangle* InspectionRecord::matrix(int layer, int h) const {
    if (layer < 0 || layer >= shape.layers) return nullptr;
    if (h == MeanHead) return layer < mean.size() ? &mean[layer] : nullptr;
    if (h == MaxHead) return layer < max.size() ? &max[layer] : nullptr;
    const auto it = std::lower_bound(plan.detailHeads.begin(), plan.detailHeads.end(), layer * shape.heads + h);
    if (h < 0 || h >= shape.heads || it == plan.detailHeads.end() || *it != layer * shape.heads + h) return nullptr;
    const auto slot = it - plan.detailHeads.begin();
    return slot < head.size() ? &head[slot] : nullptr;
}

float InspectionRecord::attention(int layer, int h, int query, int key) const {
    const Triangle* t = matrix(layer, h);
    return t ? t->at(query, key) : 0.f;
}

int InspectionRecord::chosenExpert(int pos, int layer, int k) const {
    const int K = shape.expertsUsed, L = shape.layers;
    if (!hasRow(pos) || k < 0 || k >= K || layer < 0 || layer >= L) return -1;
    const qsizetype i = (qsizetype(pos - rowBase) * L + layer) * K + k;
    return i < experts.size() ? experts[i] : -1;
}

float InspectionRecord::chosenWeight(int pos, int layer, int k) const {
    const int K = shape.expertsUsed, L = shape.layers;
    if (!hasRow(pos) || k < 0 || k >= K || layer < 0 || layer >= L) return 0.f;
    const qsizetype i = (qsizetype(pos - rowBase) * L + layer) * K + k;
    return i < weights.size() ? weights[i] : 0.f;
}

const float* InspectionRecord::routerRow(int pos, int layer) const {
    const int E = shape.experts, L = shape.layers;
    if (!hasRow(pos) || E <= 0 || layer < 0 || layer >= L) return nullptr;
    const qsizetype i = (qsizetype(pos - rowBase) * L + layer) * E;
    return i + E <= router.size() ? router.constData() + i : nullptr;
}

int InspectionRecord::lensToken(int pos, int layer, int k) const {
    const int K = plan.lensK, L = shape.layers;
    if (!hasRow(pos) || k < 0 || k >= K || layer < 0 || layer >= L) return -1;
    const qsizetype i = (qsizetype(pos - rowBase) * L + layer) * K + k;
    return i < lensTokens.size() ? lensTokens[i] : -1;
}

float InspectionRecord::lensProb(int pos, int layer, int k) const {
    const int K = plan.lensK, L = shape.layers;
    if (!hasRow(pos) || k < 0 || k >= K || layer < 0 || layer >= L) return 0.f;
    const qsizetype i = (qsizetype(pos - rowBase) * L + layer) * K + k;
    return i < lensProbs.size() ? lensProbs[i] : 0.f;
}

qint64 InspectionRecord::memoryBytes() const {
    qint64 n = 0;
    for (const auto* v : {&head, &mean, &max})
        for (const Triangle& t : *v) n += t.data().size() * 2;
    n += experts.size() * 2 + (weights.size() + router.size() + lensProbs.size() + lensTokens.size()) * 4;
    n += tokens.size() * 32 + stats.size() * 96;
    return n;
}

// ---------------------------------------------------------------------------------- persistence

namespace {
constexpr quint32 kMagic = 0x47424931;  // "GBI1"
}  // namespace

// Stream operators where argument-dependent lookup finds them (QVector<T>'s operators call them).
static QDataStream& operator<<(QDataStream& s, const TokenEntry& t) { return s << t.id << t.piece << t.spelling; }
static QDataStream& operator>>(QDataStream& s, TokenEntry& t) { return s >> t.id >> t.piece >> t.spelling; }

}  // namespace glassbox::inspection

namespace glassbox {

static QDataStream& operator<<(QDataStream& s, const StreamToken& t) {
    return s << qint32(t.id) << t.text << t.prob << t.rawProb << t.entropy << qint32(t.rank) << t.alternatives
             << t.alternativeProbs;
}
static QDataStream& operator>>(QDataStream& s, StreamToken& t) {
    qint32 id = 0, rank = 0;
    s >> id >> t.text >> t.prob >> t.rawProb >> t.entropy >> rank >> t.alternatives >> t.alternativeProbs;
    t.id = id;
    t.rank = rank;
    return s;
}

}  // namespace glassbox

namespace glassbox::inspection {
namespace {

void writeShape(QDataStream& s, const ModelShape& m) {
    s << m.name << qint32(m.layers) << qint32(m.heads) << qint32(m.kvHeads) << qint32(m.headDim) << qint32(m.experts)
      << qint32(m.expertsUsed) << qint32(m.sharedExperts) << qint32(m.vocab) << qint32(m.contextSize)
      << qint32(m.kvElementBytes);
}

void readShape(QDataStream& s, ModelShape& m) {
    qint32 v[10] = {};
    s >> m.name;
    for (qint32& x : v) s >> x;
    m.layers = v[0], m.heads = v[1], m.kvHeads = v[2], m.headDim = v[3], m.experts = v[4], m.expertsUsed = v[5];
    m.sharedExperts = v[6], m.vocab = v[7], m.contextSize = v[8], m.kvElementBytes = v[9];
}

}  // namespace

QByteArray InspectionRecord::serialize(qint64 maxBytes) const {
    // Over the budget, attention goes first per head, then the maximum, then the mean; tokens,
    // statistics, routing and the logit lens always stay.
    auto bytesOf = [](const QVector<Triangle>& v) {
        qint64 n = 0;
        for (const Triangle& t : v) n += t.data().size() * 2;
        return n;
    };
    qint64 size = memoryBytes();
    const bool dropHeads = size > maxBytes;
    if (dropHeads) size -= bytesOf(head);
    const bool dropMax = size > maxBytes;
    if (dropMax) size -= bytesOf(max);
    const bool dropMean = size > maxBytes;
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << quint64(requestId) << qint64(messageId) << conversationId;
    writeShape(s, shape);
    s << qint32(promptLength) << (dropHeads ? QVector<int>() : plan.detailHeads) << (plan.aggregates && !dropMean) << plan.routing
      << qint32(plan.lensK) << complete;
    s << tokens << stats << qint32(rowBase) << qint32(rowCount);
    s << (dropHeads ? QVector<Triangle>() : head) << (dropMean ? QVector<Triangle>() : mean)
      << (dropMax ? QVector<Triangle>() : max);
    s << experts << weights << router << lensTokens << lensProbs << lensVocab;
    return out;
}

std::optional<InspectionRecord> InspectionRecord::deserialize(const QByteArray& data) {
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    s >> magic;
    if (magic != kMagic) return std::nullopt;
    InspectionRecord r;
    quint64 request = 0;
    qint64 message = 0;
    qint32 prompt = 0, lensK = 0, rowBase = 0, rowCount = 0;
    s >> request >> message >> r.conversationId;
    readShape(s, r.shape);
    s >> prompt >> r.plan.detailHeads >> r.plan.aggregates >> r.plan.routing >> lensK >> r.complete;
    s >> r.tokens >> r.stats >> rowBase >> rowCount;
    s >> r.head >> r.mean >> r.max;
    s >> r.experts >> r.weights >> r.router >> r.lensTokens >> r.lensProbs >> r.lensVocab;
    if (s.status() != QDataStream::Ok) return std::nullopt;
    r.requestId = request;
    r.messageId = message;
    r.promptLength = prompt;
    r.plan.lensK = lensK;
    r.rowBase = rowBase;
    r.rowCount = rowCount;
    const int L = r.shape.layers;
    const bool sane = L >= 0 && L < 4096 && r.shape.heads >= 0 && prompt >= 0 && rowBase >= 0 && rowCount >= 0 &&
                      r.head.size() == r.plan.detailHeads.size() &&
                      (r.mean.isEmpty() || r.mean.size() == L) && (r.max.isEmpty() || r.max.size() == L) &&
                      (!r.plan.routing || r.experts.size() == qsizetype(rowCount) * L * r.shape.expertsUsed) &&
                      r.lensTokens.size() == qsizetype(rowCount) * L * r.plan.lensK;
    if (!sane) return std::nullopt;
    for (const auto* v : {&r.head, &r.mean, &r.max})
        for (const Triangle& t : *v)
            if (t.base() != rowBase || t.rows() != rowCount) return std::nullopt;
    r.relabelFrom(0);
    return r;
}

}  // namespace glassbox::inspection
