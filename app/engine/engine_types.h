#pragma once
// Plain data that crosses the engine thread boundary in queued signals. No engine internals:
// the UI may include this header.
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "sampling/sampling_params.h"

namespace glassbox {

// What the model panel shows about a GGUF file, read before (and after) loading it.
struct ModelInfo {
    QString path;
    QString name;            // general.name, or the file name
    QString architecture;    // general.architecture
    quint64 parameters = 0;
    QString quantization;    // dominant tensor type ("Q8_0", "F32", …)
    int contextLength = 0;   // training context
    int layers = 0;
    int embedding = 0;
    int heads = 0;
    int kvHeads = 0;
    int experts = 0;         // 0: dense
    int expertsUsed = 0;
    int vocabSize = 0;
    quint64 fileBytes = 0;
    quint64 weightBytes = 0;      // memory the weights need as the engine holds them
    quint64 kvBytesPerToken = 0;
    bool hasChatTemplate = false;
    QString chatFormat;           // the prompt format picked for it ("chatml", "plain", …)

    bool isValid() const { return !path.isEmpty(); }
    quint64 memoryNeeded(int nCtx) const { return weightBytes + kvBytesPerToken * quint64(qMax(nCtx, 0)); }
};

// One turn of a conversation as the prompt sees it.
struct ChatTurn {
    enum Role { System, User, Assistant };
    Role role = User;
    QString text;
};

// What to do when a conversation no longer fits in the context.
enum class ContextPolicy { Ask = 0, TruncateOldest = 1, NewChat = 2 };

struct GenerateCommand {
    quint64 requestId = 0;
    QString conversationId;  // selects the KV cache that is reused
    QString systemPrompt;
    QList<ChatTurn> turns;   // oldest first; the last is the user's (or, when continuing, the open reply)
    bool continueLast = false;
    gb::SamplingParams sampling;
    int maxTokens = 256;
    ContextPolicy policy = ContextPolicy::Ask;
    int topAlternatives = 5;
};

// One streamed token with what the engine knows of it (the inspector reads these).
struct StreamToken {
    int id = 0;
    QString text;          // visible text that completed with this token (may be empty)
    float prob = 0;        // after the sampler chain
    float rawProb = 0;
    float entropy = 0;
    int rank = 0;
    QStringList alternatives;  // top alternative pieces (raw probabilities below)
    QList<float> alternativeProbs;
};

// Kept with each reply: what the status bar shows while streaming and afterwards.
struct GenerationStats {
    double promptTokS = 0;
    double genTokS = 0;
    double firstTokenMs = 0;
    int promptTokens = 0;
    int generatedTokens = 0;
    int contextUsed = 0;
    int contextSize = 0;
    int droppedTurns = 0;  // turns left out to fit the context
    QString stopReason;    // "eos", "length", "stop", "cancelled", "context"
    quint64 seed = 0;

    bool cutOff() const { return stopReason == QLatin1String("length") || stopReason == QLatin1String("context") ||
                                 stopReason == QLatin1String("cancelled"); }
};

struct MemoryUsage {
    quint64 weights = 0;
    quint64 caches = 0;    // KV caches of all sessions
    quint64 resident = 0;  // the process
};

void registerEngineTypes();  // qRegisterMetaType for all of the above (idempotent)

}  // namespace glassbox

Q_DECLARE_METATYPE(glassbox::ModelInfo)
Q_DECLARE_METATYPE(glassbox::GenerateCommand)
Q_DECLARE_METATYPE(glassbox::StreamToken)
Q_DECLARE_METATYPE(glassbox::GenerationStats)
Q_DECLARE_METATYPE(glassbox::MemoryUsage)
