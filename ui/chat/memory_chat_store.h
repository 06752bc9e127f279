#pragma once
// A ChatStore kept in memory (answers are queued like the database's): for tests and for a
// session whose history file cannot be used.
#include <QHash>

#include "chat/chat_store.h"

namespace glassbox::ui {

class MemoryChatStore : public ChatStore {
    Q_OBJECT
public:
    using ChatStore::ChatStore;

    QString location() const override { return QStringLiteral("memory"); }
    bool isPersistent() const override { return false; }
    void listConversations(const QObject* context, Then<QList<Conversation>> done) override;
    void loadConversation(qint64 id, const QObject* context, Then<LoadedConversation> done) override;
    void createConversation(const QString& title, const QString& systemPrompt, const QObject* context,
                            Then<LoadedConversation> done) override;
    void renameConversation(qint64 id, const QString& title) override;
    void setPinned(qint64 id, bool pinned) override;
    void removeConversation(qint64 id) override;
    void duplicateConversation(qint64 id, const QString& title, const QObject* context, Then<qint64> done) override;
    void setCurrentLeaf(qint64 conversationId, qint64 messageId) override;
    void addMessage(qint64 conversationId, qint64 parentId, Role role, const QString& content, const QObject* context,
                    Then<Message> done) override;
    void beginReply(qint64 conversationId, qint64 parentId, const QObject* context, Then<Message> done) override;
    void setContent(qint64 messageId, const QString& text) override;
    void finishReply(qint64 messageId, const QString& text, const GenerationInfo& generation) override;
    void removeMessage(qint64 messageId) override;
    void search(const QString& query, const QObject* context, Then<QList<SearchHit>> done) override;

private:
    template <class T>
    void answer(const QObject* context, Then<T> done, T value);
    Message insert(qint64 conversationId, qint64 parentId, Role role, const QString& content, bool complete);
    void touch(qint64 conversationId);
    qint64 nextId_ = 1;
    QHash<qint64, Conversation> conversations_;
    QHash<qint64, Message> messages_;
};

}  // namespace glassbox::ui
