#pragma once
// The chat's presenter: turns the user's commands (send, stop, regenerate, edit, continue, switch
// branch or conversation) into history writes and engine requests, and the engine's queued signals
// into updates of the shown conversation, batched to one per frame. A reply keeps streaming into
// its own conversation when the user switches to another one.
#include <QHash>
#include <QSet>
#include <QObject>
#include <QTimer>
#include <functional>

#include "engine/engine_types.h"
#include "chat/chat_store.h"
#include "chat/conversation_tree.h"
#include "chat/reply_stream.h"

namespace glassbox {
class EngineService;
class AppSettings;
}

namespace glassbox::ui {

class ChatController : public QObject {
    Q_OBJECT
public:
    ChatController(EngineService* engine, ChatStore* store, AppSettings* settings, QObject* parent = nullptr);

    ChatStore* store() const { return store_; }
    qint64 currentConversation() const { return current_; }
    const ConversationTree& tree() const { return tree_; }
    QList<qint64> shownPath() const;  // the branch shown, without the system message
    bool isStreaming() const { return streamFor(current_) != nullptr; }
    bool isBusy() const { return pending_ || isStreaming(); }  // a reply is being prepared or streams here
    bool isStreaming(qint64 messageId) const;
    GenerationStats statsFor(qint64 messageId) const;  // live while it streams, final afterwards (this run)

    QString systemPrompt() const;
    void setSystemPrompt(const QString& text);
    ContextPolicy contextPolicy() const;
    void setContextPolicy(ContextPolicy p);

    // Where each request's decoding settings come from (the sampling panel).
    void setSamplingSource(std::function<gb::SamplingParams()> params, std::function<int()> maxTokens);
    static constexpr int kFrameMs = 16;

public slots:
    void newConversation();
    void openConversation(qint64 id);
    void send(const QString& text);
    void regenerate(qint64 assistantId);
    void editMessage(qint64 userId, const QString& text);
    void continueReply(qint64 assistantId);
    // A new sibling of the reply that starts with `prefix` (its text up to a token, then an
    // alternative the inspector offered) and is continued by the model from there.
    void branchReply(qint64 assistantId, const QString& prefix);
    void showSibling(qint64 messageId, int delta);
    void stop();
    void removeConversation(qint64 id);  // stops its reply first
    void duplicateConversation(qint64 id, const QString& title);
    void resolveContextFull(glassbox::ContextPolicy choice);
    void refreshContextUsage();

signals:
    void conversationOpened(qint64 id);
    void pathChanged();
    void messageAdded(qint64 id);
    void messageUpdated(qint64 id);
    void streamingChanged(bool streaming);
    void promptProgress(int done, int total);
    void liveStats(const glassbox::GenerationStats& stats);
    void contextUsageChanged(int used, int size);
    void contextFull(int needed, int size);
    void notice(const QString& text);
    void errorOccurred(const QString& text);
    void replyFinished(qint64 messageId);
    void inspectionReady(qint64 messageId, int tokenIndex, const QVariant& data);

private:
    void connectEngine();
    void addUserMessage(qint64 parentId, const QString& text, bool asSibling);
    void startReply(qint64 parentId, qint64 continueId = 0);
    void startStream(const Message& reply, bool continuing);
    void endPending();
    void saveSystemPrompt();
    GenerateCommand buildCommand(qint64 upToId, bool continueLast) const;
    ReplyStream* streamFor(qint64 conversationId) const;
    void flushFrame();
    void finalize(ReplyStream& s, const GenerationStats& final);
    void finish(quint64 requestId, const GenerationStats& stats, const QString& error);
    void onContextFull(quint64 requestId, int needed, int size);
    QString policyKey(qint64 conversationId) const;

    EngineService* engine_;
    ChatStore* store_;
    AppSettings* settings_;
    qint64 current_ = 0;
    qint64 loading_ = 0;       // a conversation being read from the store
    bool pending_ = false;     // waiting for the store before a reply can start
    bool cancelPending_ = false;
    QTimer systemPromptSave_;
    ConversationTree tree_;
    QString draftSystemPrompt_;
    ContextPolicy draftPolicy_ = ContextPolicy::Ask;
    QHash<quint64, ReplyStream> streams_;  // by request id
    QSet<qint64> removed_;                 // conversations deleted while a reply streamed into them
    QHash<qint64, GenerationStats> stats_; // by message id, this run
    QTimer frame_;
    std::function<gb::SamplingParams()> sampling_;
    std::function<int()> maxTokens_;
    struct Overflow {
        qint64 conversationId = 0, parentId = 0, continueId = 0;
    } overflow_;
};

}  // namespace glassbox::ui
