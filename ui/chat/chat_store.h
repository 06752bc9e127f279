#pragma once
// What the chat UI needs from the history, asynchronously: every call returns at once and its
// answer comes later on the GUI thread, through the callback (not called when `context` is gone or
// the call failed; a failure emits failed() with a message for the window instead).
// Implementations: HistoryChatStore (the SQLite history on its own thread, app/history) and
// MemoryChatStore (tests, and the fallback when the history file cannot be used).
#include <QObject>
#include <functional>

#include "history/history_types.h"

namespace glassbox::ui {

using gb::history::Conversation;
using gb::history::GenerationInfo;
using gb::history::Message;
using gb::history::Role;
using gb::history::SearchHit;

struct LoadedConversation {
    Conversation conversation;
    QList<Message> messages;  // the whole tree
};

class ChatStore : public QObject {
    Q_OBJECT
public:
    template <class T>
    using Then = std::function<void(const T&)>;
    using QObject::QObject;

    virtual QString location() const = 0;  // the database file, or "memory"
    virtual bool isPersistent() const = 0;

    virtual void listConversations(const QObject* context, Then<QList<Conversation>> done) = 0;
    virtual void loadConversation(qint64 id, const QObject* context, Then<LoadedConversation> done) = 0;
    // A new conversation with its system message (the root every turn hangs under).
    virtual void createConversation(const QString& title, const QString& systemPrompt, const QObject* context,
                                    Then<LoadedConversation> done) = 0;
    virtual void renameConversation(qint64 id, const QString& title) = 0;
    virtual void setPinned(qint64 id, bool pinned) = 0;
    virtual void removeConversation(qint64 id) = 0;
    // A copy of the conversation's current branch.
    virtual void duplicateConversation(qint64 id, const QString& title, const QObject* context, Then<qint64> done) = 0;
    virtual void setCurrentLeaf(qint64 conversationId, qint64 messageId) = 0;

    virtual void addMessage(qint64 conversationId, qint64 parentId, Role role, const QString& content,
                            const QObject* context, Then<Message> done) = 0;
    // An empty assistant message marked incomplete, to stream into.
    virtual void beginReply(qint64 conversationId, qint64 parentId, const QObject* context, Then<Message> done) = 0;
    virtual void setContent(qint64 messageId, const QString& text) = 0;  // checkpoints, system prompt edits
    virtual void finishReply(qint64 messageId, const QString& text, const GenerationInfo& generation) = 0;
    virtual void removeMessage(qint64 messageId) = 0;  // with its replies

    // Matches in the snippets are wrapped in U+0001 … U+0002.
    virtual void search(const QString& query, const QObject* context, Then<QList<SearchHit>> done) = 0;

signals:
    void conversationsChanged();  // the list (titles, order, pins) may have changed
    void failed(const QString& message);
    // The history file could not be opened (damaged, foreign, newer): chats stay in memory.
    void openFailed(const QString& message);
    void reopened();  // after a successful recoverHistory(): everything must be reloaded
};

}  // namespace glassbox::ui
