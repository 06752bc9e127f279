#pragma once
// The history for the GUI: a HistoryStore on a thread of its own, so neither the GUI thread nor
// the engine thread ever waits on the disk. Every request returns at once with a request id; the
// answer comes later as a signal carrying that id (queued to the receiver's thread), or as
// failed(id, kind, message) where kind is an int of HistoryError::Kind. Requests run in the
// order they were made. Every method is safe to call from any thread.
//
// Opening: open() fails with kind Corrupt (not SQLite, damaged) or NotHistory when the file
// must not be used; the file is untouched. Offer the user moveAsideAndOpen(), which renames it
// to <path>.corrupt-<time> and starts a fresh history there.
//
// Streaming: beginReply() returns the reply's handle; the engine thread calls appendReply(handle,
// text) per token; the reply is checkpointed at most once per checkpoint interval (and from a
// timer when tokens are slow); finishReply() saves it complete.
#include <QAtomicInteger>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "history_export.h"
#include "history_store.h"

class QThread;

namespace gb::history {

class HistoryService : public QObject {
    Q_OBJECT
public:
    using RequestId = quint64;

    explicit HistoryService(QObject* parent = nullptr, int checkpointIntervalMs = 1000);
    // Waits for the queued requests, saves unfinished replies (incomplete), closes the database.
    // Destroy it on the thread that created it.
    ~HistoryService() override;

    RequestId open(const QString& path, const HistoryStore::Options& options = {});  // opened
    RequestId moveAsideAndOpen(const QString& path);  // movedAside, then opened (a fresh database)
    RequestId close();                                 // closed

    RequestId listConversations();                         // conversationsListed
    RequestId loadConversation(qint64 conversationId);     // conversationLoaded
    RequestId createConversation(const QString& title);    // conversationChanged
    RequestId renameConversation(qint64 conversationId, const QString& title);  // conversationChanged
    RequestId setPinned(qint64 conversationId, bool pinned);                    // conversationChanged
    RequestId setFolder(qint64 conversationId, const QString& folder);          // conversationChanged
    RequestId setTags(qint64 conversationId, const QStringList& tags);          // conversationChanged
    RequestId deleteConversation(qint64 conversationId);                        // conversationDeleted
    RequestId duplicateFromMessage(qint64 messageId);                           // conversationChanged (the copy)
    RequestId setCurrentLeaf(qint64 conversationId, qint64 messageId);          // branchLoaded

    RequestId addMessage(qint64 conversationId, qint64 parentId, Role role, const QString& content);  // messageSaved
    RequestId editMessage(qint64 messageId, const QString& content);  // messageSaved (the new sibling)
    RequestId deleteMessage(qint64 messageId);                        // messageDeleted

    RequestId search(const QString& query, const SearchOptions& options = {});  // searchFinished
    RequestId exportToFile(const QList<qint64>& ids, ExportFormat format, const QString& filePath);  // exported
    RequestId importFile(const QString& filePath);                                                    // imported

    RequestId beginReply(qint64 conversationId, qint64 parentId, const GenerationInfo& start = {});  // replyStarted
    void appendReply(RequestId reply, const QString& text);
    RequestId finishReply(RequestId reply, const GenerationInfo& generation);  // replyFinished

    // Anything else, on the store's thread: done(id) after `work` returns.
    RequestId run(std::function<void(HistoryStore&)> work);

signals:
    void opened(quint64 request, const QString& path);
    void movedAside(quint64 request, const QString& newPath);
    void closed(quint64 request);
    void failed(quint64 request, int kind, const QString& message);

    void conversationsListed(quint64 request, const QList<gb::history::Conversation>& conversations);
    void conversationLoaded(quint64 request, const gb::history::Conversation& conversation,
                            const QList<gb::history::Message>& messages, const QList<gb::history::Message>& currentBranch);
    void conversationChanged(quint64 request, const gb::history::Conversation& conversation);
    void conversationDeleted(quint64 request, qint64 conversationId);
    void branchLoaded(quint64 request, qint64 conversationId, const QList<gb::history::Message>& branch);
    void messageSaved(quint64 request, const gb::history::Message& message);
    void messageDeleted(quint64 request, qint64 messageId);
    void searchFinished(quint64 request, const QString& query, const QList<gb::history::SearchHit>& hits);
    void exported(quint64 request, const QString& filePath);
    void imported(quint64 request, const QList<qint64>& conversationIds);

    void replyStarted(quint64 reply, const gb::history::Message& message);
    void replyCheckpointFailed(quint64 reply, int kind, const QString& message);  // the stream goes on
    void replyFinished(quint64 reply, const gb::history::Message& message);
    void done(quint64 request);

private:
    struct Worker;
    RequestId post(std::function<void(RequestId, Worker&)> work, bool needsStore = true);
    RequestId nextId() { return nextId_.fetchAndAddRelaxed(1) + 1; }

    QThread* thread_ = nullptr;
    QObject* context_ = nullptr;    // lives on thread_; requests are queued to it
    std::unique_ptr<Worker> worker_;  // touched only on thread_
    QAtomicInteger<quint64> nextId_;
    int checkpointIntervalMs_;
};

}  // namespace gb::history
