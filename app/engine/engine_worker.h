#pragma once
// The engine's side of the thread boundary: a QObject that lives on its own QThread and owns the
// shared gb::Model and one gb::Session (KV cache) per conversation. Commands arrive as queued slot
// calls; results leave as queued signals. Every generate() ends with exactly one of finished(),
// failed() or contextFull(); every loadModel() with modelLoaded() or loadFailed().
// requestStop() and cancelLoad() are thread-safe: they raise atomics the engine checks between
// tokens and between layers of a prompt evaluation.
#include <QObject>
#include <QVariant>
#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <set>

#include "engine/engine_types.h"
#include "engine/inspection_hook.h"

namespace gb {
class Model;
class Session;
}

namespace glassbox {

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override;

    // Any thread.
    void requestStop(quint64 requestId = 0);  // 0: the request that runs now
    void cancelLoad(quint64 loadId);
    void setMemoryLimit(quint64 bytes);       // 0: what the system reports (tests lower it)
    void setInspectionProvider(std::shared_ptr<InspectionProvider> p);
    static constexpr int kMaxSessions = 4;    // KV caches kept (least recently used dropped)

public slots:
    void loadModel(quint64 loadId, const QString& path, int contextSize, int threads);
    void unloadModel();
    void generate(const glassbox::GenerateCommand& cmd);
    void measureContext(const glassbox::GenerateCommand& cmd);
    void forgetConversation(const QString& conversationId);

signals:
    void loadProgress(quint64 loadId, float fraction);
    void modelLoaded(quint64 loadId, const glassbox::ModelInfo& info, int contextSize);
    void loadFailed(quint64 loadId, const QString& message, bool cancelled);
    void modelUnloaded();
    void generationStarted(quint64 requestId, int promptTokens, int droppedTurns);
    void promptProgress(quint64 requestId, int done, int total);
    void tokenReady(quint64 requestId, const glassbox::StreamToken& token);
    void finished(quint64 requestId, const glassbox::GenerationStats& stats);
    void failed(quint64 requestId, const QString& message);
    void contextFull(quint64 requestId, int needed, int contextSize);
    void contextUsage(const QString& conversationId, int used, int contextSize);
    void memoryUsage(const glassbox::MemoryUsage& usage);
    void inspectionReady(quint64 requestId, int tokenIndex, const QVariant& data);

private:
    struct Fitted {
        std::vector<int32_t> tokens;
        int dropped = 0;
        int needed = 0;
        bool fits = false;
    };
    Fitted fitPrompt(const GenerateCommand& cmd, bool allowTruncate) const;
    // True when the last exchange alone (the user's message, or the open reply being continued)
    // cannot fit, so that dropping older turns or a new chat would not help either.
    bool lastTurnAloneTooLong(const GenerateCommand& cmd, const Fitted& whole) const;
    gb::Session& sessionFor(const QString& conversationId);
    void runGeneration(const GenerateCommand& cmd, const Fitted& prompt);
    void reportMemory();
    bool beginRequest(quint64 id);  // false when it was cancelled before it started
    void endRequest();

    std::shared_ptr<gb::Model> model_;
    ModelInfo info_;
    int contextSize_ = 0;
    int threads_ = 0;
    struct SessionSlot {
        QString conversation;
        std::unique_ptr<gb::Session> session;
    };
    std::list<SessionSlot> sessions_;  // most recently used first

    std::atomic<bool> stop_{false};
    std::atomic<quint64> cancelledLoad_{0};
    std::atomic<quint64> memoryLimit_{0};
    mutable std::mutex mutex_;  // guards running_, cancelled_ and inspection_
    quint64 running_ = 0;
    std::set<quint64> cancelled_;
    std::shared_ptr<InspectionProvider> inspection_;
};

}  // namespace glassbox
