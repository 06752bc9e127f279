#include "engine/engine_service.h"

#include "engine/engine_worker.h"

namespace glassbox {

EngineService::EngineService(QObject* parent) : QObject(parent) {
    registerEngineTypes();
    thread_.setObjectName(QStringLiteral("engine"));
    worker_ = new EngineWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &EngineWorker::modelLoaded, this, [this](quint64 id, const ModelInfo& info, int ctx) {
        model_ = info;
        contextSize_ = ctx;
        if (id == loading_) {
            loading_ = 0;
            emit loadingChanged(false);
        }
        emit modelChanged(model_, contextSize_);
    });
    connect(worker_, &EngineWorker::loadFailed, this, [this](quint64 id, const QString&, bool) {
        if (id == loading_) {
            loading_ = 0;
            emit loadingChanged(false);
        }
    });
    connect(worker_, &EngineWorker::modelUnloaded, this, [this] {
        model_ = {};
        contextSize_ = 0;
        emit modelChanged(model_, 0);
    });
    thread_.start();
}

EngineService::~EngineService() {
    worker_->requestStop();
    if (loading_) worker_->cancelLoad(loading_);
    thread_.quit();
    thread_.wait();
}

quint64 EngineService::loadModel(const QString& path, int contextSize, int threads) {
    if (loading_) worker_->cancelLoad(loading_);
    worker_->requestStop();
    const quint64 id = nextId_++;
    const bool was = loading_ != 0;
    loading_ = id;
    if (!was) emit loadingChanged(true);
    QMetaObject::invokeMethod(worker_, "loadModel", Qt::QueuedConnection, Q_ARG(quint64, id), Q_ARG(QString, path),
                              Q_ARG(int, contextSize), Q_ARG(int, threads));
    return id;
}

void EngineService::cancelLoad() {
    if (loading_) worker_->cancelLoad(loading_);
}

quint64 EngineService::generate(GenerateCommand cmd) {
    cmd.requestId = nextId_++;
    QMetaObject::invokeMethod(worker_, "generate", Qt::QueuedConnection, Q_ARG(glassbox::GenerateCommand, cmd));
    return cmd.requestId;
}

void EngineService::stop(quint64 requestId) { worker_->requestStop(requestId); }

void EngineService::measureContext(const GenerateCommand& cmd) {
    QMetaObject::invokeMethod(worker_, "measureContext", Qt::QueuedConnection, Q_ARG(glassbox::GenerateCommand, cmd));
}

void EngineService::forgetConversation(const QString& conversationId) {
    QMetaObject::invokeMethod(worker_, "forgetConversation", Qt::QueuedConnection, Q_ARG(QString, conversationId));
}

void EngineService::setMemoryLimit(quint64 bytes) { worker_->setMemoryLimit(bytes); }

void EngineService::setInspectionProvider(std::shared_ptr<InspectionProvider> p) {
    worker_->setInspectionProvider(std::move(p));
}

}  // namespace glassbox
