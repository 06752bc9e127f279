#pragma once
// What the inspector keeps of a reply: compact, Qt-only values (no engine internals, no widgets).
//
//   InspectionChunk   what the engine thread saw since its last post (immutable once posted):
//                     new tokens, attention rows, routing and logit lens of new positions.
//   InspectionRecord  one assistant message's data on the GUI thread: chunks appended in order.
//
// Positions are the conversation's token positions (0 = the first prompt token). A request
// evaluates positions rowBase… (earlier ones may be cached from the previous turn): it has rows
// for those, over keys 0…pos. Attention weights are stored as 16-bit fractions (1/65535 steps).
#include <QByteArray>
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>
#include <optional>

#include "engine/engine_types.h"

namespace glassbox::inspection {

struct ModelShape {
    QString name;
    int layers = 0, heads = 0, kvHeads = 0, headDim = 0;
    int experts = 0, expertsUsed = 0, sharedExperts = 0;
    int vocab = 0, contextSize = 0;
    int kvElementBytes = 4;  // the engine keeps K and V in f32

    bool isValid() const { return layers > 0 && heads > 0; }
    bool isMoe() const { return experts > 0; }
    int gqaGroup() const { return kvHeads > 0 && heads >= kvHeads ? heads / kvHeads : 1; }
    int kvHeadOf(int head) const { return head / gqaGroup(); }
    // 2 (K and V) × layers × KV heads × head dim × element size
    quint64 kvBytesPerToken(bool multiHead = false) const {
        return 2ull * quint64(layers) * quint64(multiHead ? heads : kvHeads) * quint64(headDim) * quint64(kvElementBytes);
    }
    static ModelShape fromModelInfo(const ModelInfo& info, int contextSize);
    bool operator==(const ModelShape&) const = default;
};

struct TokenEntry {
    qint32 id = 0;
    QByteArray piece;   // the token's bytes (may be part of a UTF-8 character); "<s>" for control tokens
    QString spelling;   // the vocabulary's text ("▁the", "<0xE7>"), shown when the piece is not text
    bool operator==(const TokenEntry&) const = default;
};

// Rows of a causal attention matrix: row r is query position base+r over keys 0…base+r.
class Triangle {
public:
    explicit Triangle(int base = 0) : base_(base) {}
    int base() const { return base_; }
    int rows() const { return rows_; }
    static qint64 offset(int base, int r) { return qint64(r) * (base + 1) + qint64(r) * (r - 1) / 2; }
    int rowLength(int r) const { return base_ + r + 1; }
    const quint16* row(int r) const { return data_.constData() + offset(base_, r); }
    quint16* rowMut(int r) { return data_.data() + offset(base_, r); }
    float at(int query, int key) const;  // 0 outside
    void resizeRows(int n);               // new rows are zero
    void append(const Triangle& t);       // t.base() must be base() + rows()
    const QVector<quint16>& data() const { return data_; }
    bool operator==(const Triangle&) const = default;

    static quint16 quantize(float p) { return quint16(qBound(0.f, p, 1.f) * 65535.f + 0.5f); }
    static float dequantize(quint16 q) { return float(q) / 65535.f; }

private:
    int base_ = 0, rows_ = 0;
    QVector<quint16> data_;
    friend QDataStream& operator>>(QDataStream&, Triangle&);
    friend QDataStream& operator<<(QDataStream&, const Triangle&);
};

struct RecordingPlan {
    QVector<int> detailHeads;  // layer * heads + head, ascending: heads with their own rows
    bool aggregates = false;   // mean and max over the heads of every layer
    bool routing = false;
    int lensK = 0;             // 0: no logit lens
    bool operator==(const RecordingPlan&) const = default;
};

struct InspectionChunk {
    quint64 requestId = 0;
    bool header = false;       // the request's first chunk: the fields below up to `tokens` are set
    ModelShape shape;
    QString conversationId;
    int promptLength = 0;
    RecordingPlan plan;

    int tokenBase = 0;         // tokens[i] is position tokenBase + i
    QVector<TokenEntry> tokens;

    int rowBase = 0, rowCount = 0;  // positions with data: rowBase … rowBase + rowCount - 1
    QVector<Triangle> head;    // per plan.detailHeads entry
    QVector<Triangle> mean, max;  // per layer (plan.aggregates)
    QVector<qint16> experts;   // [row][layer][expertsUsed], -1: none
    QVector<float> weights;    // [row][layer][expertsUsed]
    QVector<float> router;     // [row][layer][experts]
    QVector<qint32> lensTokens;  // [row][layer][lensK]
    QVector<float> lensProbs;    // [row][layer][lensK]
    QHash<qint32, TokenEntry> lensVocab;  // pieces of tokens the logit lens names (first time only)
};
using ChunkPtr = std::shared_ptr<const InspectionChunk>;
using ChunkList = QVector<ChunkPtr>;

// Head index for the aggregate views.
enum AggregateHead { MeanHead = -1, MaxHead = -2 };

struct InspectionRecord {
    quint64 requestId = 0;
    qint64 messageId = 0;
    QString conversationId;
    ModelShape shape;
    int promptLength = 0;
    RecordingPlan plan;
    bool complete = false;     // the reply has ended

    QVector<TokenEntry> tokens;  // positions 0 … tokens.size() - 1
    QStringList labels;          // short display text per position (see labelFor)
    QVector<StreamToken> stats;  // per generated token (position promptLength + i)

    int rowBase = 0, rowCount = 0;
    QVector<Triangle> head, mean, max;
    QVector<qint16> experts;
    QVector<float> weights, router;
    QVector<qint32> lensTokens;
    QVector<float> lensProbs;
    QHash<qint32, TokenEntry> lensVocab;  // pieces of the tokens the logit lens names

    void append(const InspectionChunk& c);
    void addStats(const StreamToken& t) { stats.append(t); }

    int positions() const { return int(tokens.size()); }
    int generated() const { return qMax(0, positions() - promptLength); }
    bool hasRow(int pos) const { return pos >= rowBase && pos < rowBase + rowCount; }
    bool hasAttention() const { return plan.aggregates || !plan.detailHeads.isEmpty(); }
    bool hasHead(int layer, int head) const;   // head >= 0, or MeanHead / MaxHead
    const Triangle* matrix(int layer, int head) const;  // nullptr when not recorded
    float attention(int layer, int head, int query, int key) const;  // 0 when not recorded

    int expertsUsed() const { return shape.expertsUsed; }
    int chosenExpert(int pos, int layer, int k) const;   // -1: none
    float chosenWeight(int pos, int layer, int k) const;
    const float* routerRow(int pos, int layer) const;     // shape.experts floats, or nullptr
    int lensToken(int pos, int layer, int k) const;       // -1: none
    float lensProb(int pos, int layer, int k) const;

    QString label(int pos) const { return pos >= 0 && pos < labels.size() ? labels[pos] : QString(); }
    QString tokenText(int pos) const;  // the token as text ("" for an incomplete UTF-8 piece)
    QString replyText() const;         // the generated tokens' text

    // Persisted in the history's inspection table (format kFormat). A record bigger than maxBytes
    // drops per-head attention, then the maximum, then the mean over heads (the rest always stays).
    static constexpr const char* kFormat = "glassbox-inspection/1";
    QByteArray serialize(qint64 maxBytes = 24ll << 20) const;
    static std::optional<InspectionRecord> deserialize(const QByteArray& data);
    qint64 memoryBytes() const;

    // A short label for token `pos`: the piece as text (spaces shown as ␣, newlines as ↵), or for
    // a character split over byte tokens the character with the byte's index (爱¹ 爱² 爱³).
    void relabelFrom(int pos);
};

// A display form of raw token bytes: visible whitespace, at most `maxChars` characters.
QString visibleText(const QString& s, int maxChars = 12);

}  // namespace glassbox::inspection

Q_DECLARE_METATYPE(glassbox::inspection::ChunkList)
