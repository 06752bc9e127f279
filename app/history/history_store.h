#pragma once
// The chat history: one SQLite database (WAL, foreign keys, versioned schema) on one connection.
// Synchronous and not thread-safe: use it from the thread that opened it (HistoryService runs
// one on its own thread for the GUI). Every method throws HistoryError on failure; a failed
// write changes nothing (each is one transaction).
#include <QSqlDatabase>
#include <QString>
#include <optional>
#include <utility>

#include "history_error.h"
#include "history_types.h"

namespace gb::history {

class HistoryStore {
public:
    struct Options {
        int busyTimeoutMs = 5000;  // how long a write waits for another program's lock
        bool quickCheck = true;    // PRAGMA quick_check before the first write
        bool createFolders = true; // create the database's folder when missing
    };

    // Opens (creating or upgrading) the database at `path`. A damaged, foreign or newer file is
    // never written: HistoryError(Corrupt / NotHistory / NewerVersion) names it.
    explicit HistoryStore(const QString& path);
    HistoryStore(const QString& path, const Options& options);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    const QString& path() const { return path_; }
    QSqlDatabase database() const;  // this store's connection (same thread only)
    QString integrityCheck();       // "ok", or SQLite's list of problems

    // --- conversations ---
    qint64 createConversation(const QString& title);
    Conversation conversation(qint64 id);            // NotFound when missing
    QList<Conversation> conversations();             // pinned first, then most recently updated
    void renameConversation(qint64 id, const QString& title);
    void setPinned(qint64 id, bool pinned);
    void setFolder(qint64 id, const QString& folder);
    void setTags(qint64 id, const QStringList& tags);
    void deleteConversation(qint64 id);
    // A new conversation holding copies of root..messageId (generation records included).
    qint64 duplicateFromMessage(qint64 messageId, const QString& title = {});

    // --- messages (a tree: edits and regenerations are siblings) ---
    // Appends under `parentId` (0: a new root); the message becomes the conversation's current leaf.
    qint64 addMessage(qint64 conversationId, qint64 parentId, Role role, const QString& content,
                      const std::optional<GenerationInfo>& generation = std::nullopt);
    // An edit: a sibling of `messageId` with the new text (the original stays). Returns its id.
    qint64 editMessage(qint64 messageId, const QString& content);
    Message message(qint64 id);                      // NotFound when missing
    QList<Message> messages(qint64 conversationId);  // the whole tree, parents before children
    QList<Message> children(qint64 parentId, qint64 conversationId = 0);  // parentId 0: the roots of conversationId
    QList<Message> siblings(qint64 messageId);       // same parent, itself included, oldest first
    QList<Message> pathTo(qint64 messageId);         // root .. messageId
    qint64 newestLeafBelow(qint64 messageId);        // follows the newest child down to a leaf
    QList<Message> currentBranch(qint64 conversationId);  // root .. the current leaf
    // Shows the branch through `messageId` (its newest leaf becomes the current one).
    void setCurrentLeaf(qint64 conversationId, qint64 messageId);
    void deleteMessage(qint64 messageId);            // with every reply below it

    // --- streaming replies (StreamingWriter drives these) ---
    // An empty assistant message marked incomplete, with what is known before generating.
    qint64 beginReply(qint64 conversationId, qint64 parentId, const GenerationInfo& start = {});
    void checkpointReply(qint64 messageId, const QString& text);  // one small transaction
    void finishReply(qint64 messageId, const QString& text, const GenerationInfo& generation);

    // --- per-message inspection snapshot (attention/routing; stored compressed) ---
    void setInspection(qint64 messageId, const QString& format, const QByteArray& data);
    std::optional<std::pair<QString, QByteArray>> inspection(qint64 messageId);

    // --- full-text search (FTS5 trigram: any script, substrings of 3+ characters; shorter
    // words are matched by a scan). Plain words, all required; ranked by bm25. ---
    QList<SearchHit> search(const QString& query, const SearchOptions& options = {});

private:
    void open(const Options& options);
    void touch(qint64 conversationId, qint64 leafId);
    void requireConversation(qint64 id);

    QString path_;
    QString connection_;
};

}  // namespace gb::history
