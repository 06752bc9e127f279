#include "lab_service.h"

#include <QFileInfo>
#include <QMetaObject>

#include "history/model_fingerprint.h"
#include "lab_error.h"
#include "gguf/gguf_file.h"
#include "model/model.h"
#include "util/error.h"

namespace gb::lab {

void registerLabTypes() {
    qRegisterMetaType<gb::lab::RunSpec>();
    qRegisterMetaType<gb::lab::RunResult>();
    qRegisterMetaType<gb::lab::CellResult>();
    qRegisterMetaType<gb::lab::TokenInfo>();
}

LabWorker::LabWorker(QObject* parent) : QObject(parent) {}
LabWorker::~LabWorker() = default;

std::shared_ptr<const gb::Model> LabWorker::model() const {
    QMutexLocker lock(&mutex_);
    return model_;
}

QString LabWorker::modelPath() const {
    QMutexLocker lock(&mutex_);
    return path_;
}

bool LabWorker::ensureModel(const QString& path, QString* error) {
    if (model() && path == modelPath()) return true;
    try {
        // A vocabulary-only file (no tensors) still previews prompts and chat templates.
        gb::LoadOptions opt;
        opt.vocabOnly = gb::GgufFile::open(path.toStdString())->tensors().empty();
        std::shared_ptr<const gb::Model> m = gb::Model::load(path.toStdString(), opt);
        const QString hash = gb::history::modelFingerprint(path);
        runner_.reset();
        {
            QMutexLocker lock(&mutex_);
            model_ = m;
            path_ = path;
            hash_ = hash;
        }
        if (m->hasWeights()) runner_ = std::make_unique<LabRunner>(m);
        emit modelLoaded(path, hash);
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        emit modelFailed(path, *error);
        return false;
    }
}

void LabWorker::loadModel(const QString& path) {
    QString error;
    ensureModel(path, &error);
}

void LabWorker::run(quint64 runId, const gb::lab::RunSpec& specIn) {
    stop_ = false;
    RunSpec spec = specIn;
    QString error;
    if (spec.modelPath.isEmpty()) spec.modelPath = modelPath();
    if (spec.modelPath.isEmpty()) {
        emit runFailed(runId, QStringLiteral("no model is loaded"));
        return;
    }
    if (!ensureModel(spec.modelPath, &error)) {
        emit runFailed(runId, error);
        return;
    }
    if (!runner_) {
        emit runFailed(runId, QStringLiteral("%1 holds only a vocabulary, no weights: the lab previews prompts with it "
                                             "but cannot run them")
                                  .arg(QFileInfo(spec.modelPath).fileName()));
        return;
    }
    try {
        QString hash;
        {
            QMutexLocker lock(&mutex_);
            hash = hash_;
        }
        checkSpec(spec, hash);
        if (spec.modelHash.isEmpty()) spec.modelHash = hash;
        RunResult r = runner_->run(
            spec, [&](int i, int c, const CellResult& cell) { emit cellFinished(runId, i, c, cell); }, &stop_,
            [&](int i, int c, const TokenInfo& t) { emit tokenReady(runId, i, c, t); });
        emit runFinished(runId, spec, r);
    } catch (const std::exception& e) {
        emit runFailed(runId, QString::fromUtf8(e.what()));
    }
}

LabService::LabService(QObject* parent) : QObject(parent) {
    registerLabTypes();
    thread_.setObjectName(QStringLiteral("prompt-lab"));
    worker_ = new LabWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
}

LabService::~LabService() {
    worker_->requestStop();
    thread_.quit();
    thread_.wait();
}

void LabService::loadModel(const QString& path) {
    QMetaObject::invokeMethod(worker_, "loadModel", Qt::QueuedConnection, Q_ARG(QString, path));
}

quint64 LabService::run(const RunSpec& spec) {
    const quint64 id = nextId_++;
    QMetaObject::invokeMethod(worker_, "run", Qt::QueuedConnection, Q_ARG(quint64, id), Q_ARG(gb::lab::RunSpec, spec));
    return id;
}

void LabService::stop() { worker_->requestStop(); }

}  // namespace gb::lab
