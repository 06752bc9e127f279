#include "chat/history_chat_store.h"

#include <QPointer>

#include "chat/memory_chat_store.h"
#include "history/history_service.h"
#include "history/history_store.h"

namespace glassbox::ui {

using gb::history::HistoryService;

HistoryChatStore::HistoryChatStore(const QString& path, QObject* parent)
    : ChatStore(parent), path_(path), service_(std::make_unique<HistoryService>()) {
    connect(service_.get(), &HistoryService::failed, this, [this](quint64 request, int, const QString& message) {
        if (request == openRequest_) {
            if (!memory_) {
                memory_ = std::make_unique<MemoryChatStore>();
                connect(memory_.get(), &ChatStore::conversationsChanged, this, &ChatStore::conversationsChanged);
                connect(memory_.get(), &ChatStore::failed, this, &ChatStore::failed);
            }
            emit openFailed(message);
            emit conversationsChanged();
            return;
        }
        // Requests queued behind a failed open fail as well ("no history database is open"):
        // the open failure has said it already, and new requests go to memory.
        if (!memory_) emit failed(message);
    });
    connect(service_.get(), &HistoryService::opened, this, [this](quint64 request, const QString&) {
        if (request != openRequest_ || !memory_) return;
        // Later: answers it has queued still arrive (DeferredDelete comes after them).
        memory_->disconnect(this);
        memory_.release()->deleteLater();
        emit reopened();
        emit conversationsChanged();
    });
    openRequest_ = service_->open(path_);
}

HistoryChatStore::~HistoryChatStore() {
    service_.reset();  // finishes what is queued and joins the history thread
}

void HistoryChatStore::recover() { openRequest_ = service_->moveAsideAndOpen(path_); }

template <class T>
void HistoryChatStore::call(std::function<T(Store&)> work, const QObject* context, Then<T> done, bool listChanged) {
    // The callback and its guard are only touched on this (the GUI) thread.
    struct Reply {
        QPointer<const QObject> guard;
        Then<T> done;
    };
    auto reply = std::make_shared<Reply>(Reply{QPointer<const QObject>(context), std::move(done)});
    service_->run([this, work = std::move(work), reply, listChanged](Store& s) {
        T value = work(s);
        QMetaObject::invokeMethod(
            this, [this, reply, value = std::move(value), listChanged] {
                if (reply->guard && reply->done) reply->done(value);
                if (listChanged) emit conversationsChanged();
            },
            Qt::QueuedConnection);
    });
}

void HistoryChatStore::post(std::function<void(Store&)> work, bool listChanged) {
    service_->run([this, work = std::move(work), listChanged](Store& s) {
        work(s);
        if (listChanged) QMetaObject::invokeMethod(this, [this] { emit conversationsChanged(); }, Qt::QueuedConnection);
    });
}

void HistoryChatStore::listConversations(const QObject* context, Then<QList<Conversation>> done) {
    if (memory_) return memory_->listConversations(context, std::move(done));
    call<QList<Conversation>>([](Store& s) { return s.conversations(); }, context, std::move(done));
}

void HistoryChatStore::loadConversation(qint64 id, const QObject* context, Then<LoadedConversation> done) {
    if (memory_) return memory_->loadConversation(id, context, std::move(done));
    call<LoadedConversation>([id](Store& s) { return LoadedConversation{s.conversation(id), s.messages(id)}; }, context,
                             std::move(done));
}

void HistoryChatStore::createConversation(const QString& title, const QString& systemPrompt, const QObject* context,
                                          Then<LoadedConversation> done) {
    if (memory_) return memory_->createConversation(title, systemPrompt, context, std::move(done));
    call<LoadedConversation>(
        [title, systemPrompt](Store& s) {
            const qint64 c = s.createConversation(title);
            const qint64 m = s.addMessage(c, 0, Role::System, systemPrompt);
            return LoadedConversation{s.conversation(c), {s.message(m)}};
        },
        context, std::move(done), true);
}

void HistoryChatStore::renameConversation(qint64 id, const QString& title) {
    if (memory_) return memory_->renameConversation(id, title);
    post([id, title](Store& s) { s.renameConversation(id, title); }, true);
}

void HistoryChatStore::setPinned(qint64 id, bool pinned) {
    if (memory_) return memory_->setPinned(id, pinned);
    post([id, pinned](Store& s) { s.setPinned(id, pinned); }, true);
}

void HistoryChatStore::removeConversation(qint64 id) {
    if (memory_) return memory_->removeConversation(id);
    post([id](Store& s) { s.deleteConversation(id); }, true);
}

void HistoryChatStore::duplicateConversation(qint64 id, const QString& title, const QObject* context, Then<qint64> done) {
    if (memory_) return memory_->duplicateConversation(id, title, context, std::move(done));
    call<qint64>(
        [id, title](Store& s) {
            const QList<Message> branch = s.currentBranch(id);
            return branch.isEmpty() ? s.createConversation(title) : s.duplicateFromMessage(branch.last().id, title);
        },
        context, std::move(done), true);
}

void HistoryChatStore::setCurrentLeaf(qint64 conversationId, qint64 messageId) {
    if (memory_) return memory_->setCurrentLeaf(conversationId, messageId);
    if (messageId) post([conversationId, messageId](Store& s) { s.setCurrentLeaf(conversationId, messageId); });
}

void HistoryChatStore::addMessage(qint64 conversationId, qint64 parentId, Role role, const QString& content,
                                  const QObject* context, Then<Message> done) {
    if (memory_) return memory_->addMessage(conversationId, parentId, role, content, context, std::move(done));
    call<Message>([=](Store& s) { return s.message(s.addMessage(conversationId, parentId, role, content)); }, context,
                  std::move(done), true);
}

void HistoryChatStore::beginReply(qint64 conversationId, qint64 parentId, const QObject* context, Then<Message> done) {
    if (memory_) return memory_->beginReply(conversationId, parentId, context, std::move(done));
    call<Message>([=](Store& s) { return s.message(s.beginReply(conversationId, parentId)); }, context, std::move(done));
}

void HistoryChatStore::setContent(qint64 messageId, const QString& text) {
    if (memory_) return memory_->setContent(messageId, text);
    post([=](Store& s) { s.checkpointReply(messageId, text); });
}

void HistoryChatStore::finishReply(qint64 messageId, const QString& text, const GenerationInfo& generation) {
    if (memory_) return memory_->finishReply(messageId, text, generation);
    post([=](Store& s) { s.finishReply(messageId, text, generation); }, true);
}

void HistoryChatStore::removeMessage(qint64 messageId) {
    if (memory_) return memory_->removeMessage(messageId);
    post([=](Store& s) { s.deleteMessage(messageId); });
}

void HistoryChatStore::search(const QString& query, const QObject* context, Then<QList<SearchHit>> done) {
    if (memory_) return memory_->search(query, context, std::move(done));
    gb::history::SearchOptions o;
    o.open = QString(QChar(1));
    o.close = QString(QChar(2));
    o.snippetChars = 60;
    call<QList<SearchHit>>([query, o](Store& s) { return s.search(query, o); }, context, std::move(done));
}

}  // namespace glassbox::ui
