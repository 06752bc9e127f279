#include "engine/engine_worker.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "engine/model_probe.h"
#include "engine/prompt_format.h"
#include "model/model.h"
#include "model/session.h"
#include "sampling/generation.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"
#include "util/system_memory.h"

namespace glassbox {
namespace {


std::vector<PromptTurn> promptTurns(const GenerateCommand& cmd, int dropFirst) {
    std::vector<PromptTurn> turns;
    if (!cmd.systemPrompt.trimmed().isEmpty()) turns.push_back({ChatTurn::System, cmd.systemPrompt.toStdString()});
    for (int i = dropFirst; i < cmd.turns.size(); ++i) {
        const ChatTurn& t = cmd.turns[i];
        if (t.role == ChatTurn::System) continue;
        turns.push_back({t.role, t.text.toStdString()});
    }
    return turns;
}

StreamToken toStreamToken(const gb::GeneratedToken& g) {
    StreamToken t;
    t.id = g.id;
    t.text = QString::fromStdString(g.text);
    t.prob = g.prob;
    t.rawProb = g.rawProb;
    t.entropy = g.entropy;
    t.rank = g.rank;
    for (const auto& a : g.alternatives) {
        t.alternatives << QString::fromStdString(a.piece);
        t.alternativeProbs << a.prob;
    }
    return t;
}

PromptFormat formatFor(const gb::Model& m) {
    const gb::Vocab& v = m.tokenizer().vocab();
    return PromptFormat(m.chatTemplate(), v.valid(v.bos) ? v.tokens[v.bos] : std::string(),
                        v.valid(v.eos) ? v.tokens[v.eos] : std::string());
}

}  // namespace

EngineWorker::EngineWorker(QObject* parent) : QObject(parent) { registerEngineTypes(); }

EngineWorker::~EngineWorker() = default;

void EngineWorker::requestStop(quint64 requestId) {
    std::lock_guard lock(mutex_);
    if (requestId == 0) requestId = running_;
    if (requestId == 0) return;
    cancelled_.insert(requestId);
    if (requestId == running_) stop_ = true;
}

void EngineWorker::cancelLoad(quint64 loadId) { cancelledLoad_ = loadId; }

void EngineWorker::setMemoryLimit(quint64 bytes) { memoryLimit_ = bytes; }

void EngineWorker::setInspectionProvider(std::shared_ptr<InspectionProvider> p) {
    std::lock_guard lock(mutex_);
    inspection_ = std::move(p);
}

void EngineWorker::loadModel(quint64 loadId, const QString& path, int contextSize, int threads) {
    const ProbeResult probe = probeModel(path, memoryLimit_);
    if (!probe.ok()) {
        emit loadFailed(loadId, probe.error, false);
        return;
    }
    float lastReported = -1;
    gb::LoadOptions opt;
    opt.progress = [&](float f) {
        if (f - lastReported >= 0.01f || f >= 1.f) {
            lastReported = f;
            emit loadProgress(loadId, f);
        }
        return cancelledLoad_.load() != loadId;
    };
    emit loadProgress(loadId, 0.f);
    try {
        auto model = gb::Model::load(path.toStdString(), opt);
        if (cancelledLoad_.load() == loadId) throw gb::Cancelled();
        sessions_.clear();
        model_ = std::move(model);
        info_ = probe.info;
        threads_ = threads;
        const int train = model_->config().nCtxTrain > 0 ? model_->config().nCtxTrain : 4096;
        contextSize_ = contextSize > 0 ? std::min(contextSize, train) : std::min(train, 4096);
        emit loadProgress(loadId, 1.f);
        emit modelLoaded(loadId, info_, contextSize_);
        reportMemory();
    } catch (const gb::Cancelled&) {
        emit loadFailed(loadId, QCoreApplication::translate("EngineWorker", "Loading was cancelled."), true);
    } catch (const gb::Error& e) {
        emit loadFailed(loadId, QCoreApplication::translate("EngineWorker", "Could not load “%1”: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(e.what())),
                        false);
    } catch (const std::bad_alloc&) {
        emit loadFailed(loadId, QCoreApplication::translate("EngineWorker", "Not enough memory to load “%1”.").arg(QFileInfo(path).fileName()), false);
    }
}

void EngineWorker::unloadModel() {
    sessions_.clear();
    model_.reset();
    info_ = {};
    emit modelUnloaded();
    reportMemory();
}

void EngineWorker::forgetConversation(const QString& conversationId) {
    sessions_.remove_if([&](const SessionSlot& s) { return s.conversation == conversationId; });
    reportMemory();
}

gb::Session& EngineWorker::sessionFor(const QString& conversationId) {
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
        if (it->conversation == conversationId) {
            sessions_.splice(sessions_.begin(), sessions_, it);
            return *sessions_.front().session;
        }
    }
    while (int(sessions_.size()) >= kMaxSessions) sessions_.pop_back();
    gb::SessionOptions opt;
    opt.nCtx = contextSize_;
    opt.threads = threads_;
    sessions_.push_front({conversationId, std::make_unique<gb::Session>(model_, opt)});
    return *sessions_.front().session;
}

EngineWorker::Fitted EngineWorker::fitPrompt(const GenerateCommand& cmd, bool allowTruncate) const {
    const PromptFormat format = formatFor(*model_);
    const gb::Tokenizer& tok = model_->tokenizer();
    const int32_t bos = tok.vocab().bos;
    const int reserve = std::max(1, std::min(cmd.maxTokens, contextSize_ / 4));
    Fitted f;
    for (int drop = 0;; ++drop) {
        const auto turns = promptTurns(cmd, drop);
        f.tokens = tok.encode(format.render(turns, cmd.continueLast), true, true);
        if (f.tokens.size() >= 2 && f.tokens[0] == bos && f.tokens[1] == bos)  // the template wrote BOS too
            f.tokens.erase(f.tokens.begin());
        const int need = int(f.tokens.size()) + (cmd.continueLast ? 1 : reserve);
        if (drop == 0) f.needed = need;
        f.dropped = drop;
        f.fits = need <= contextSize_;
        // Keep at least the last exchange: dropping stops at the final user turn (and open reply).
        const int keep = cmd.continueLast ? 2 : 1;
        if (f.fits || !allowTruncate || drop + keep >= cmd.turns.size()) return f;
    }
}

bool EngineWorker::lastTurnAloneTooLong(const GenerateCommand& cmd, const Fitted& whole) const {
    const qsizetype keep = cmd.continueLast ? 2 : 1;
    if (cmd.turns.size() <= keep) return !whole.fits;
    GenerateCommand last = cmd;
    last.turns = cmd.turns.mid(cmd.turns.size() - keep);
    return !fitPrompt(last, false).fits;
}

bool EngineWorker::beginRequest(quint64 id) {
    std::lock_guard lock(mutex_);
    running_ = id;
    stop_ = cancelled_.count(id) > 0;
    return !stop_;
}

void EngineWorker::endRequest() {
    std::lock_guard lock(mutex_);
    cancelled_.erase(running_);
    running_ = 0;
    stop_ = false;
}

void EngineWorker::measureContext(const GenerateCommand& cmd) {
    if (!model_) return;
    try {
        const Fitted f = fitPrompt(cmd, false);
        emit contextUsage(cmd.conversationId, int(f.tokens.size()), contextSize_);
    } catch (const gb::Error&) {
    }
}

void EngineWorker::generate(const GenerateCommand& cmd) {
    if (!beginRequest(cmd.requestId)) {
        GenerationStats s;
        s.stopReason = QStringLiteral("cancelled");
        s.contextSize = contextSize_;
        endRequest();
        emit finished(cmd.requestId, s);
        return;
    }
    if (!model_) {
        endRequest();
        emit failed(cmd.requestId, QCoreApplication::translate("EngineWorker", "No model is loaded. Open a GGUF model file first."));
        return;
    }
    try {
        const Fitted f = fitPrompt(cmd, cmd.policy == ContextPolicy::TruncateOldest);
        if (!f.fits) {
            endRequest();
            if (cmd.policy == ContextPolicy::TruncateOldest || lastTurnAloneTooLong(cmd, f))
                emit failed(cmd.requestId, QCoreApplication::translate("EngineWorker", "This message alone is longer than the model's context of %1 tokens.")
                                               .arg(contextSize_));
            else
                emit contextFull(cmd.requestId, f.needed, contextSize_);
            return;
        }
        runGeneration(cmd, f);
    } catch (const gb::Error& e) {
        endRequest();
        emit failed(cmd.requestId, QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        endRequest();
        emit failed(cmd.requestId, QCoreApplication::translate("EngineWorker", "Not enough memory for this conversation's context."));
    }
}

void EngineWorker::runGeneration(const GenerateCommand& cmd, const Fitted& prompt) {
    gb::Session& session = sessionFor(cmd.conversationId);
    const PromptFormat format = formatFor(*model_);
    gb::GenerationRequest req;
    req.promptTokens = prompt.tokens;
    req.sampling = cmd.sampling;
    req.maxTokens = std::max(1, cmd.maxTokens);
    req.stopStrings = format.stopStrings();
    req.topAlternatives = cmd.topAlternatives;
    req.keepCache = true;

    std::shared_ptr<InspectionProvider> inspection;
    {
        std::lock_guard lock(mutex_);
        inspection = inspection_;
    }
    gb::GenerationCallbacks cb;
    cb.stop = &stop_;
    if (inspection) cb.observer = inspection->begin(cmd, *model_, prompt.tokens);
    bool promptDone = false;
    cb.onPromptProgress = [&](int done, int total) {
        emit promptProgress(cmd.requestId, done, total);
        if (done == total && inspection && !promptDone) {
            promptDone = true;
            const QVariant v = inspection->collect(-1, 0);
            if (v.isValid()) emit inspectionReady(cmd.requestId, -1, v);
        }
    };
    int index = 0;
    cb.onToken = [&](const gb::GeneratedToken& g) {
        emit tokenReady(cmd.requestId, toStreamToken(g));
        if (inspection) {
            const QVariant v = inspection->collect(index, g.id);
            if (v.isValid()) emit inspectionReady(cmd.requestId, index, v);
        }
        ++index;
        return !stop_.load();
    };
    // The cached prefix this prompt shares with the session is not evaluated again.
    size_t reused = 0;
    const auto& have = session.tokens();
    while (reused < have.size() && reused < prompt.tokens.size() && have[reused] == prompt.tokens[reused]) ++reused;
    if (reused == prompt.tokens.size() && reused > 0) --reused;
    emit generationStarted(cmd.requestId, int(prompt.tokens.size()), prompt.dropped);
    gb::GenerationResult res;
    try {
        res = gb::generate(session, req, cb);
    } catch (...) {
        if (inspection) inspection->end();
        throw;
    }
    if (inspection) {
        const QVariant v = inspection->flush();
        if (v.isValid()) emit inspectionReady(cmd.requestId, index, v);
        inspection->end();
    }
    endRequest();

    GenerationStats s;
    const int evaluated = res.timings.nPrompt - int(reused);
    s.promptTokS = res.timings.promptMs > 0 ? evaluated * 1000.0 / res.timings.promptMs : 0;
    s.genTokS = res.timings.genTokS();
    s.firstTokenMs = res.timings.firstTokenMs;
    s.promptTokens = res.timings.nPrompt;
    s.generatedTokens = res.timings.nGen;
    s.contextUsed = session.position();
    s.contextSize = contextSize_;
    s.droppedTurns = prompt.dropped;
    s.stopReason = QString::fromStdString(res.stopReason);
    s.seed = cmd.sampling.seed;
    emit finished(cmd.requestId, s);
    emit contextUsage(cmd.conversationId, s.contextUsed, contextSize_);
    reportMemory();
}

void EngineWorker::reportMemory() {
    MemoryUsage m;
    if (model_) m.weights = model_->summary().weightBytes;
    for (const auto& s : sessions_) m.caches += s.session->memoryBytes();
    m.resident = gb::residentBytes();
    emit memoryUsage(m);
}

}  // namespace glassbox
