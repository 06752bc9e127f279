#pragma once
// The ChatStore of the real app: the SQLite history (gb::history::HistoryService, a HistoryStore
// on a thread of its own). Every call runs there in order; answers are queued back to the GUI
// thread. When the file cannot be used (damaged, another program's, newer) openFailed() says why
// and the session's chats are kept in memory until recover() moves the bad file aside.
#include <memory>

#include "chat/chat_store.h"

namespace gb::history {
class HistoryService;
class HistoryStore;
}

namespace glassbox::ui {

class MemoryChatStore;

class HistoryChatStore : public ChatStore {
    Q_OBJECT
public:
    explicit HistoryChatStore(const QString& path, QObject* parent = nullptr);
    ~HistoryChatStore() override;

    QString location() const override { return path_; }
    bool isPersistent() const override { return !memory_; }
    void recover();  // moves the unusable file aside and starts a fresh history there

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
    using Store = gb::history::HistoryStore;
    // Runs `work` on the history thread; its result goes to `done` on this thread.
    template <class T>
    void call(std::function<T(Store&)> work, const QObject* context, Then<T> done, bool listChanged = false);
    void post(std::function<void(Store&)> work, bool listChanged = false);

    QString path_;
    std::unique_ptr<gb::history::HistoryService> service_;
    std::unique_ptr<MemoryChatStore> memory_;  // while the file cannot be used
    quint64 openRequest_ = 0;
};

}  // namespace glassbox::ui
