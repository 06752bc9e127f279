#pragma once
// The prompt lab for the GUI: a LabRunner on a thread of its own (the engine thread of the chat
// is not touched: the lab loads its own copy of the model, so a run never waits behind a chat
// reply or disturbs its KV cache). Requests return at once; answers come as LabWorker signals,
// queued to the receiver's thread. Every run() ends with exactly one runFinished or runFailed.
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

#include "lab_runner.h"

namespace gb {
class Model;
}

namespace gb::lab {

class LabWorker : public QObject {
    Q_OBJECT
public:
    explicit LabWorker(QObject* parent = nullptr);
    ~LabWorker() override;

    // Any thread.
    std::shared_ptr<const gb::Model> model() const;  // the loaded model (immutable, safe to read)
    QString modelPath() const;
    void requestStop() { stop_ = true; }

public slots:
    void loadModel(const QString& path);
    void run(quint64 runId, const gb::lab::RunSpec& spec);

signals:
    void modelLoaded(const QString& path, const QString& hash);
    void modelFailed(const QString& path, const QString& message);
    void tokenReady(quint64 runId, int input, int column, const gb::lab::TokenInfo& token);
    void cellFinished(quint64 runId, int input, int column, const gb::lab::CellResult& cell);
    void runFinished(quint64 runId, const gb::lab::RunSpec& spec, const gb::lab::RunResult& result);
    void runFailed(quint64 runId, const QString& message);

private:
    bool ensureModel(const QString& path, QString* error);

    mutable QMutex mutex_;  // guards model_, path_
    std::shared_ptr<const gb::Model> model_;
    QString path_, hash_;
    std::unique_ptr<LabRunner> runner_;
    std::atomic<bool> stop_{false};
};

class LabService : public QObject {
    Q_OBJECT
public:
    explicit LabService(QObject* parent = nullptr);
    ~LabService() override;  // stops a run and joins the thread

    LabWorker* worker() const { return worker_; }
    void loadModel(const QString& path);
    quint64 run(const RunSpec& spec);  // returns the run's id (for the signals)
    void stop();
    std::shared_ptr<const gb::Model> model() const { return worker_->model(); }
    QString modelPath() const { return worker_->modelPath(); }

private:
    QThread thread_;
    LabWorker* worker_ = nullptr;
    quint64 nextId_ = 1;
};

void registerLabTypes();  // idempotent

}  // namespace gb::lab

Q_DECLARE_METATYPE(gb::lab::RunSpec)
Q_DECLARE_METATYPE(gb::lab::RunResult)
Q_DECLARE_METATYPE(gb::lab::CellResult)
Q_DECLARE_METATYPE(gb::lab::TokenInfo)
