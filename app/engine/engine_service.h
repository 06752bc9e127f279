#pragma once
// The UI thread's handle on the engine: starts the engine QThread, moves an EngineWorker onto it
// and turns method calls into queued slot calls. Never blocks; results come back as the worker's
// signals (connect to worker()). Request and load ids are handed out here.
#include <QObject>
#include <QThread>

#include "engine/engine_types.h"

namespace glassbox {

class EngineWorker;
class InspectionProvider;

class EngineService : public QObject {
    Q_OBJECT
public:
    explicit EngineService(QObject* parent = nullptr);
    ~EngineService() override;  // stops what runs and joins the thread

    EngineWorker* worker() const { return worker_; }

    quint64 loadModel(const QString& path, int contextSize = 0, int threads = 0);
    void cancelLoad();
    quint64 generate(GenerateCommand cmd);  // fills in the request id and returns it
    void stop(quint64 requestId = 0);
    void measureContext(const GenerateCommand& cmd);
    void forgetConversation(const QString& conversationId);
    void setMemoryLimit(quint64 bytes);
    void setInspectionProvider(std::shared_ptr<InspectionProvider> p);

    bool isLoading() const { return loading_ != 0; }
    bool hasModel() const { return model_.isValid(); }
    const ModelInfo& model() const { return model_; }
    int contextSize() const { return contextSize_; }

signals:
    void loadingChanged(bool loading);
    void modelChanged(const glassbox::ModelInfo& info, int contextSize);

private:
    QThread thread_;
    EngineWorker* worker_ = nullptr;
    quint64 nextId_ = 1;
    quint64 loading_ = 0;
    ModelInfo model_;
    int contextSize_ = 0;
};

}  // namespace glassbox
