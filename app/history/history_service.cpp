#include "history_service.h"

#include <QFile>
#include <QThread>
#include <QTimer>
#include <map>

#include "database_file.h"
#include "history_import.h"
#include "streaming_writer.h"

namespace gb::history {

using K = HistoryError::Kind;

struct HistoryService::Worker {
    std::unique_ptr<HistoryStore> store;
    std::map<quint64, std::unique_ptr<StreamingWriter>> writers;  // by reply handle
    QTimer* flushTimer = nullptr;

    HistoryStore& requireStore() {
        if (!store) throw HistoryError(K::Io, QStringLiteral("no history database is open"));
        return *store;
    }
    StreamingWriter& writer(quint64 reply) {
        auto it = writers.find(reply);
        if (it == writers.end()) throw HistoryError(K::NotFound, QStringLiteral("no reply %1 is being written").arg(reply));
        return *it->second;
    }
    void closeStore() {
        writers.clear();  // unfinished replies keep their text, marked incomplete
        store.reset();
    }
};

HistoryService::HistoryService(QObject* parent, int checkpointIntervalMs)
    : QObject(parent), worker_(std::make_unique<Worker>()), checkpointIntervalMs_(checkpointIntervalMs) {
    qRegisterMetaType<Conversation>();
    qRegisterMetaType<Message>();
    qRegisterMetaType<SearchHit>();
    qRegisterMetaType<QList<Conversation>>();
    qRegisterMetaType<QList<Message>>();
    qRegisterMetaType<QList<SearchHit>>();
    qRegisterMetaType<QList<qint64>>();
    thread_ = new QThread;
    thread_->setObjectName(QStringLiteral("history"));
    context_ = new QObject;
    context_->moveToThread(thread_);
    thread_->start();
    QMetaObject::invokeMethod(context_, [this] {
        worker_->flushTimer = new QTimer(context_);
        worker_->flushTimer->setInterval(qMax(50, checkpointIntervalMs_ / 4));
        QObject::connect(worker_->flushTimer, &QTimer::timeout, context_, [this] {
            for (auto& [reply, writer] : worker_->writers)
                if (!writer->flushIfDue() && writer->lastError())
                    emit replyCheckpointFailed(reply, static_cast<int>(writer->lastError()->kind()), writer->lastError()->message());
            if (worker_->writers.empty()) worker_->flushTimer->stop();  // idle: no wake-ups
        });
    }, Qt::QueuedConnection);
}

HistoryService::~HistoryService() {
    QMetaObject::invokeMethod(context_, [this] {
        worker_->closeStore();
        delete worker_->flushTimer;
        worker_->flushTimer = nullptr;
    }, Qt::BlockingQueuedConnection);
    thread_->quit();
    thread_->wait();
    delete context_;
    delete thread_;
}

HistoryService::RequestId HistoryService::post(std::function<void(RequestId, Worker&)> work, bool needsStore) {
    const RequestId id = nextId();
    QMetaObject::invokeMethod(context_, [this, id, needsStore, work = std::move(work)] {
        try {
            if (needsStore) worker_->requireStore();
            work(id, *worker_);
        } catch (const HistoryError& e) {
            emit failed(id, static_cast<int>(e.kind()), e.message());
        } catch (const std::exception& e) {
            emit failed(id, static_cast<int>(K::Io), QString::fromUtf8(e.what()));
        }
    }, Qt::QueuedConnection);
    return id;
}

HistoryService::RequestId HistoryService::open(const QString& path, const HistoryStore::Options& options) {
    return post([this, path, options](RequestId id, Worker& w) {
        w.closeStore();
        w.store = std::make_unique<HistoryStore>(path, options);
        emit opened(id, path);
    }, false);
}

HistoryService::RequestId HistoryService::moveAsideAndOpen(const QString& path) {
    return post([this, path](RequestId id, Worker& w) {
        w.closeStore();
        emit movedAside(id, moveAside(path));
        w.store = std::make_unique<HistoryStore>(path);
        emit opened(id, path);
    }, false);
}

HistoryService::RequestId HistoryService::close() {
    return post([this](RequestId id, Worker& w) {
        w.closeStore();
        emit closed(id);
    }, false);
}

HistoryService::RequestId HistoryService::listConversations() {
    return post([this](RequestId id, Worker& w) { emit conversationsListed(id, w.store->conversations()); });
}

HistoryService::RequestId HistoryService::loadConversation(qint64 conversationId) {
    return post([this, conversationId](RequestId id, Worker& w) {
        HistoryStore& s = *w.store;
        emit conversationLoaded(id, s.conversation(conversationId), s.messages(conversationId), s.currentBranch(conversationId));
    });
}

HistoryService::RequestId HistoryService::createConversation(const QString& title) {
    return post([this, title](RequestId id, Worker& w) {
        emit conversationChanged(id, w.store->conversation(w.store->createConversation(title)));
    });
}

HistoryService::RequestId HistoryService::renameConversation(qint64 conversationId, const QString& title) {
    return post([this, conversationId, title](RequestId id, Worker& w) {
        w.store->renameConversation(conversationId, title);
        emit conversationChanged(id, w.store->conversation(conversationId));
    });
}

HistoryService::RequestId HistoryService::setPinned(qint64 conversationId, bool pinned) {
    return post([this, conversationId, pinned](RequestId id, Worker& w) {
        w.store->setPinned(conversationId, pinned);
        emit conversationChanged(id, w.store->conversation(conversationId));
    });
}

HistoryService::RequestId HistoryService::setFolder(qint64 conversationId, const QString& folder) {
    return post([this, conversationId, folder](RequestId id, Worker& w) {
        w.store->setFolder(conversationId, folder);
        emit conversationChanged(id, w.store->conversation(conversationId));
    });
}

HistoryService::RequestId HistoryService::setTags(qint64 conversationId, const QStringList& tags) {
    return post([this, conversationId, tags](RequestId id, Worker& w) {
        w.store->setTags(conversationId, tags);
        emit conversationChanged(id, w.store->conversation(conversationId));
    });
}

HistoryService::RequestId HistoryService::deleteConversation(qint64 conversationId) {
    return post([this, conversationId](RequestId id, Worker& w) {
        w.store->deleteConversation(conversationId);
        emit conversationDeleted(id, conversationId);
    });
}

HistoryService::RequestId HistoryService::duplicateFromMessage(qint64 messageId) {
    return post([this, messageId](RequestId id, Worker& w) {
        emit conversationChanged(id, w.store->conversation(w.store->duplicateFromMessage(messageId)));
    });
}

HistoryService::RequestId HistoryService::setCurrentLeaf(qint64 conversationId, qint64 messageId) {
    return post([this, conversationId, messageId](RequestId id, Worker& w) {
        w.store->setCurrentLeaf(conversationId, messageId);
        emit branchLoaded(id, conversationId, w.store->currentBranch(conversationId));
    });
}

HistoryService::RequestId HistoryService::addMessage(qint64 conversationId, qint64 parentId, Role role, const QString& content) {
    return post([this, conversationId, parentId, role, content](RequestId id, Worker& w) {
        emit messageSaved(id, w.store->message(w.store->addMessage(conversationId, parentId, role, content)));
    });
}

HistoryService::RequestId HistoryService::editMessage(qint64 messageId, const QString& content) {
    return post([this, messageId, content](RequestId id, Worker& w) {
        emit messageSaved(id, w.store->message(w.store->editMessage(messageId, content)));
    });
}

HistoryService::RequestId HistoryService::deleteMessage(qint64 messageId) {
    return post([this, messageId](RequestId id, Worker& w) {
        w.store->deleteMessage(messageId);
        emit messageDeleted(id, messageId);
    });
}

HistoryService::RequestId HistoryService::search(const QString& query, const SearchOptions& options) {
    return post([this, query, options](RequestId id, Worker& w) { emit searchFinished(id, query, w.store->search(query, options)); });
}

HistoryService::RequestId HistoryService::exportToFile(const QList<qint64>& ids, ExportFormat format, const QString& filePath) {
    return post([this, ids, format, filePath](RequestId id, Worker& w) {
        const QByteArray bytes = exportBytes(*w.store, ids, format);
        QFile f(filePath);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size() || !f.flush())
            throw HistoryError(K::Io, QStringLiteral("cannot write %1: %2").arg(filePath, f.errorString()));
        emit exported(id, filePath);
    });
}

HistoryService::RequestId HistoryService::importFile(const QString& filePath) {
    return post([this, filePath](RequestId id, Worker& w) {
        QFile f(filePath);
        if (!f.open(QIODevice::ReadOnly))
            throw HistoryError(K::BadInput, QStringLiteral("cannot read %1: %2").arg(filePath, f.errorString()));
        emit imported(id, importJson(*w.store, f.readAll()));
    });
}

HistoryService::RequestId HistoryService::beginReply(qint64 conversationId, qint64 parentId, const GenerationInfo& start) {
    return post([this, conversationId, parentId, start](RequestId id, Worker& w) {
        auto writer = std::make_unique<StreamingWriter>(*w.store, conversationId, parentId, start, checkpointIntervalMs_);
        const qint64 messageId = writer->ensureRow();
        w.writers[id] = std::move(writer);
        if (!w.flushTimer->isActive()) w.flushTimer->start();
        emit replyStarted(id, w.store->message(messageId));
    });
}

void HistoryService::appendReply(RequestId reply, const QString& text) {
    QMetaObject::invokeMethod(context_, [this, reply, text] {
        auto it = worker_->writers.find(reply);
        if (it == worker_->writers.end()) return;  // failed to start: reported by beginReply
        StreamingWriter& writer = *it->second;
        const bool hadError = writer.lastError().has_value();
        writer.append(text);
        if (writer.lastError() && !hadError)
            emit replyCheckpointFailed(reply, static_cast<int>(writer.lastError()->kind()), writer.lastError()->message());
    }, Qt::QueuedConnection);
}

HistoryService::RequestId HistoryService::finishReply(RequestId reply, const GenerationInfo& generation) {
    const RequestId handle = reply;
    QMetaObject::invokeMethod(context_, [this, handle, generation] {
        try {
            StreamingWriter& writer = worker_->writer(handle);
            writer.finish(generation);
            const qint64 messageId = writer.messageId();
            worker_->writers.erase(handle);
            emit replyFinished(handle, worker_->requireStore().message(messageId));
        } catch (const HistoryError& e) {
            emit failed(handle, static_cast<int>(e.kind()), e.message());  // the writer stays: finish can be retried
        }
    }, Qt::QueuedConnection);
    return handle;
}

HistoryService::RequestId HistoryService::run(std::function<void(HistoryStore&)> work) {
    return post([this, work = std::move(work)](RequestId id, Worker& w) {
        work(*w.store);
        emit done(id);
    });
}

}  // namespace gb::history
