#pragma once
// Plain values the history store reads and writes: conversations, messages (a tree), what
// reproduces an assistant message, search hits. IDs are SQLite rowids (int64, 0 = none).
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>
#include <optional>

namespace gb::history {

enum class Role { System, User, Assistant };
QString roleName(Role r);                    // "system", "user", "assistant"
std::optional<Role> roleFromName(const QString& s);

struct Conversation {
    qint64 id = 0;
    QString title;
    qint64 createdMs = 0;  // milliseconds since the epoch, UTC
    qint64 updatedMs = 0;
    bool pinned = false;
    QString folder;        // "" = no folder
    QStringList tags;      // sorted
    qint64 currentLeafId = 0;  // the branch the UI last showed (0 = newest)
    int messageCount = 0;
};

struct TokenProb {
    int32_t id = 0;
    float prob = 0;
    bool operator==(const TokenProb&) const = default;
};

// Everything that reproduces one assistant message.
struct GenerationInfo {
    QString modelFile;       // file name of the GGUF
    QString modelHash;       // "sha256:<hex>" (see generation_capture.h)
    QString architecture;    // general.architecture
    QJsonObject sampler;     // sampler settings (temperature, top_k, …)
    quint64 seed = 0;
    QString chatTemplate;    // template text or name used to build the prompt
    int promptTokens = 0;
    int genTokens = 0;
    double promptTokS = 0;
    double genTokS = 0;
    QString stopReason;      // "eos", "length", "stop", "cancelled", "error"
    QVector<TokenProb> tokens;
    bool operator==(const GenerationInfo&) const = default;
};

struct Message {
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 parentId = 0;  // 0 = a root
    Role role = Role::User;
    QString content;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    bool complete = true;  // false: a reply that was still streaming when the app stopped
    std::optional<GenerationInfo> generation;
    bool hasInspection = false;
};

struct SearchHit {
    qint64 messageId = 0;
    qint64 conversationId = 0;
    QString conversationTitle;
    Role role = Role::User;
    QString snippet;  // matches wrapped in SearchOptions::open/close
    double rank = 0;  // lower is better (bm25)
};

struct SearchOptions {
    int limit = 50;
    qint64 conversationId = 0;  // 0: all conversations
    QString open = QStringLiteral("[");
    QString close = QStringLiteral("]");
    QString ellipsis = QStringLiteral("…");
    int snippetChars = 48;
};

}  // namespace gb::history

Q_DECLARE_METATYPE(gb::history::Conversation)
Q_DECLARE_METATYPE(gb::history::Message)
Q_DECLARE_METATYPE(gb::history::SearchHit)
Q_DECLARE_METATYPE(gb::history::GenerationInfo)
