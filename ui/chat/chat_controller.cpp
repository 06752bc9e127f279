#include "chat/chat_controller.h"

#include "chat/command_builder.h"

#include "engine/engine_service.h"
#include "engine/engine_worker.h"
#include "settings/app_settings.h"

namespace glassbox::ui {

namespace {
QString titleFor(const QString& text) {
    QString t = text.simplified();
    if (t.size() > 48) t = t.left(47) + QChar(0x2026);
    return t;
}
}  // namespace

ChatController::ChatController(EngineService* engine, ChatStore* store, AppSettings* settings, QObject* parent)
    : QObject(parent), engine_(engine), store_(store), settings_(settings) {
    frame_.setSingleShot(true);
    frame_.setInterval(kFrameMs);
    connect(&frame_, &QTimer::timeout, this, &ChatController::flushFrame);
    systemPromptSave_.setSingleShot(true);
    systemPromptSave_.setInterval(400);
    connect(&systemPromptSave_, &QTimer::timeout, this, [this] {
        saveSystemPrompt();
        refreshContextUsage();
    });
    connect(store_, &ChatStore::failed, this, [this](const QString& message) {
        endPending();
        emit errorOccurred(message);
    });
    connect(store_, &ChatStore::reopened, this, &ChatController::newConversation);
    draftSystemPrompt_ = settings_->defaultSystemPrompt();
    sampling_ = [] { return gb::SamplingParams{}; };
    maxTokens_ = [] { return 256; };
    connectEngine();
}

void ChatController::setSamplingSource(std::function<gb::SamplingParams()> params, std::function<int()> maxTokens) {
    sampling_ = std::move(params);
    maxTokens_ = std::move(maxTokens);
}

void ChatController::connectEngine() {
    EngineWorker* w = engine_->worker();
    connect(w, &EngineWorker::generationStarted, this, [this](quint64 id, int promptTokens, int dropped) {
        auto it = streams_.find(id);
        if (it == streams_.end()) return;
        it->promptTokens = promptTokens;
        if (dropped > 0 && it->conversationId == current_)
            emit notice(tr("%n oldest message(s) no longer fit in the context and were left out.", "", dropped));
    });
    connect(w, &EngineWorker::promptProgress, this, [this](quint64 id, int done, int total) {
        auto it = streams_.find(id);
        if (it != streams_.end() && it->conversationId == current_) emit promptProgress(done, total);
    });
    connect(w, &EngineWorker::tokenReady, this, [this](quint64 id, const StreamToken& t) {
        auto it = streams_.find(id);
        if (it == streams_.end()) return;
        it->append(t);
        if (!frame_.isActive()) frame_.start();
    });
    connect(w, &EngineWorker::finished, this, [this](quint64 id, const GenerationStats& s) { finish(id, s, {}); });
    connect(w, &EngineWorker::failed, this, [this](quint64 id, const QString& e) { finish(id, {}, e); });
    connect(w, &EngineWorker::contextFull, this, &ChatController::onContextFull);
    connect(w, &EngineWorker::contextUsage, this, [this](const QString& conv, int used, int size) {
        if (conv == QString::number(current_)) emit contextUsageChanged(used, size);
    });
    connect(w, &EngineWorker::inspectionReady, this, [this](quint64 id, int index, const QVariant& data) {
        auto it = streams_.find(id);
        if (it != streams_.end()) emit inspectionReady(it->messageId, index, data);
    });
}

QList<qint64> ChatController::shownPath() const {
    QList<qint64> p;
    for (qint64 id : tree_.path())
        if (tree_.find(id)->role != Role::System) p.append(id);
    return p;
}

GenerationStats ChatController::statsFor(qint64 messageId) const {
    for (const auto& s : streams_)
        if (s.messageId == messageId) return s.live;
    return stats_.value(messageId);
}

bool ChatController::isStreaming(qint64 messageId) const {
    for (const auto& s : streams_)
        if (s.messageId == messageId) return true;
    return false;
}

ReplyStream* ChatController::streamFor(qint64 conversationId) const {
    for (auto it = streams_.begin(); it != streams_.end(); ++it)
        if (it->conversationId == conversationId && conversationId != 0) return const_cast<ReplyStream*>(&*it);
    return nullptr;
}

QString ChatController::policyKey(qint64 conversationId) const {
    return store_->location() + QLatin1Char('#') + QString::number(conversationId);
}

ContextPolicy ChatController::contextPolicy() const {
    return current_ == 0 ? draftPolicy_ : ContextPolicy(settings_->contextPolicy(policyKey(current_)));
}

void ChatController::setContextPolicy(ContextPolicy p) {
    if (current_ == 0)
        draftPolicy_ = p;
    else
        settings_->setContextPolicy(policyKey(current_), int(p));
}

QString ChatController::systemPrompt() const {
    for (qint64 id : tree_.children(0))
        if (tree_.find(id)->role == Role::System) return tree_.find(id)->content;
    return draftSystemPrompt_;
}

void ChatController::setSystemPrompt(const QString& text) {
    for (qint64 id : tree_.children(0)) {
        Message* m = tree_.find(id);
        if (m->role != Role::System || m->content == text) continue;
        m->content = text;
        systemPromptSave_.start();  // saved once typing pauses
        return;
    }
    draftSystemPrompt_ = text;
}

void ChatController::saveSystemPrompt() {
    systemPromptSave_.stop();
    for (qint64 id : tree_.children(0))
        if (const Message* m = tree_.find(id); m->role == Role::System) store_->setContent(id, m->content);
}

void ChatController::endPending() {
    pending_ = false;
    cancelPending_ = false;
    emit streamingChanged(isBusy());
}

void ChatController::newConversation() {
    if (systemPromptSave_.isActive()) saveSystemPrompt();  // typed just before leaving
    current_ = 0;
    loading_ = 0;
    overflow_ = {};
    tree_.reset({});
    draftSystemPrompt_ = settings_->defaultSystemPrompt();
    draftPolicy_ = ContextPolicy::Ask;
    emit conversationOpened(0);
    emit streamingChanged(isBusy());
    emit contextUsageChanged(0, engine_->contextSize());
}

void ChatController::openConversation(qint64 id) {
    if (id == current_ && loading_ == 0) return;
    if (systemPromptSave_.isActive()) saveSystemPrompt();
    loading_ = id;
    store_->loadConversation(id, this, [this, id](const LoadedConversation& c) {
        if (loading_ != id) return;
        loading_ = 0;
        current_ = id;
        overflow_ = {};
        tree_.reset(c.messages, c.conversation.currentLeafId);
        for (const ReplyStream& s : std::as_const(streams_))  // replies streaming here show their text so far
            if (s.conversationId == id)
                if (Message* m = tree_.find(s.messageId)) m->content = s.text;
        emit conversationOpened(id);
        emit streamingChanged(isBusy());
        refreshContextUsage();
    });
}

void ChatController::removeConversation(qint64 id) {
    for (const ReplyStream& s : std::as_const(streams_))
        if (s.conversationId == id) {
            engine_->stop(s.requestId);
            removed_.insert(id);  // its reply is not saved when it ends
        }
    engine_->forgetConversation(QString::number(id));
    store_->removeConversation(id);
    if (id == current_ || id == loading_) newConversation();
}

void ChatController::duplicateConversation(qint64 id, const QString& title) {
    store_->duplicateConversation(id, title, this, [this](const qint64& copy) { openConversation(copy); });
}

void ChatController::send(const QString& text) {
    if (text.trimmed().isEmpty() || isBusy()) return;
    if (!engine_->hasModel()) {
        emit errorOccurred(tr("No model is loaded yet. Open a GGUF model file in the model panel."));
        return;
    }
    pending_ = true;
    emit streamingChanged(true);
    if (current_ != 0) return addUserMessage(tree_.leaf(), text, false);
    const ContextPolicy policy = draftPolicy_;
    store_->createConversation(titleFor(text), draftSystemPrompt_, this, [this, text, policy](const LoadedConversation& c) {
        current_ = c.conversation.id;
        loading_ = 0;
        tree_.reset(c.messages);
        settings_->setContextPolicy(policyKey(current_), int(policy));
        emit conversationOpened(current_);
        addUserMessage(tree_.leaf(), text, false);
    });
}

void ChatController::addUserMessage(qint64 parentId, const QString& text, bool asSibling) {
    const qint64 conv = current_;
    store_->addMessage(conv, parentId, Role::User, text, this, [this, conv, asSibling](const Message& u) {
        if (conv != current_) return endPending();
        tree_.add(u);
        if (asSibling)
            emit pathChanged();
        else
            emit messageAdded(u.id);
        startReply(u.id);
    });
}

void ChatController::regenerate(qint64 assistantId) {
    const Message* m = tree_.find(assistantId);
    if (!m || m->role != Role::Assistant || isBusy()) return;
    pending_ = true;
    emit streamingChanged(true);
    startReply(m->parentId);
}

void ChatController::editMessage(qint64 userId, const QString& text) {
    const Message* m = tree_.find(userId);
    if (!m || m->role != Role::User || isBusy() || text.trimmed().isEmpty()) return;
    if (!engine_->hasModel()) {
        emit errorOccurred(tr("No model is loaded yet. Open a GGUF model file in the model panel."));
        return;
    }
    pending_ = true;
    emit streamingChanged(true);
    addUserMessage(m->parentId, text, true);
}

void ChatController::continueReply(qint64 assistantId) {
    const Message* m = tree_.find(assistantId);
    if (!m || m->role != Role::Assistant || isBusy()) return;
    pending_ = true;
    startReply(m->parentId, assistantId);
}

void ChatController::branchReply(qint64 assistantId, const QString& prefix) {
    const Message* m = tree_.find(assistantId);
    if (!m || m->role != Role::Assistant || isBusy() || prefix.isEmpty()) return;
    pending_ = true;
    emit streamingChanged(true);
    const qint64 conv = current_;
    store_->beginReply(conv, m->parentId, this, [this, conv, prefix](const Message& a) {
        if (conv != current_) {
            store_->removeMessage(a.id);
            return endPending();
        }
        Message b = a;
        b.content = prefix;
        store_->setContent(b.id, prefix);
        tree_.add(b);
        emit pathChanged();
        startStream(b, true);
    });
}

void ChatController::showSibling(qint64 messageId, int delta) {
    if (!tree_.contains(messageId)) return;
    tree_.selectSibling(messageId, delta);
    store_->setCurrentLeaf(current_, tree_.leaf());
    emit pathChanged();
    refreshContextUsage();
}

void ChatController::stop() {
    if (pending_) cancelPending_ = true;
    if (ReplyStream* s = streamFor(current_)) engine_->stop(s->requestId);
}

GenerateCommand ChatController::buildCommand(qint64 upToId, bool continueLast) const {
    GenerateCommand cmd = buildGenerateCommand(tree_, upToId, continueLast, draftSystemPrompt_);
    cmd.conversationId = QString::number(current_);
    cmd.maxTokens = maxTokens_();
    cmd.policy = contextPolicy();
    return cmd;
}

void ChatController::startReply(qint64 parentId, qint64 continueId) {
    if (continueId) {
        if (const Message* m = tree_.find(continueId)) return startStream(*m, true);
        return endPending();
    }
    const qint64 conv = current_;
    store_->beginReply(conv, parentId, this, [this, conv](const Message& a) {
        if (conv != current_) {  // the user left before the reply could start: leave it empty
            store_->removeMessage(a.id);
            return endPending();
        }
        tree_.add(a);
        emit messageAdded(a.id);
        startStream(a, false);
    });
}

void ChatController::startStream(const Message& reply, bool continuing) {
    GenerateCommand cmd = buildCommand(continuing ? reply.id : reply.parentId, continuing);
    cmd.sampling = sampling_();
    ReplyStream s;
    s.conversationId = current_;
    s.parentId = reply.parentId;
    s.messageId = reply.id;
    s.text = continuing ? reply.content : QString();
    s.continuing = continuing;
    s.sampling = cmd.sampling;
    s.clock.start();
    s.requestId = engine_->generate(cmd);
    if (cancelPending_) engine_->stop(s.requestId);
    streams_.insert(s.requestId, s);
    pending_ = false;
    cancelPending_ = false;
    emit streamingChanged(true);
    emit messageUpdated(s.messageId);
}

void ChatController::flushFrame() {
    for (ReplyStream& s : streams_) {
        if (!s.dirty) continue;
        s.dirty = false;
        if (s.clock.elapsed() - s.lastSaveMs > 1000 && !removed_.contains(s.conversationId)) {  // a crash loses little
            s.lastSaveMs = s.clock.elapsed();
            store_->setContent(s.messageId, s.text);
        }
        if (s.conversationId != current_) continue;
        if (Message* m = tree_.find(s.messageId)) m->content = s.text;
        emit messageUpdated(s.messageId);
        emit liveStats(s.live);
        if (s.promptTokens > 0)  // the meter moves while the reply grows
            emit contextUsageChanged(s.promptTokens + int(s.tokens.size()), engine_->contextSize());
    }
}

void ChatController::finalize(ReplyStream& s, const GenerationStats& final) {
    if (removed_.remove(s.conversationId)) return;  // deleted while it streamed
    const GenerationInfo info = s.generationInfo(engine_->model(), final);
    store_->finishReply(s.messageId, s.text, info);
    if (s.conversationId != current_) return;
    if (Message* m = tree_.find(s.messageId)) {
        m->content = s.text;
        m->complete = true;
        m->generation = info;
    }
}

void ChatController::finish(quint64 requestId, const GenerationStats& stats, const QString& error) {
    auto it = streams_.find(requestId);
    if (it == streams_.end()) return;
    ReplyStream s = *it;
    streams_.erase(it);
    const bool shown = s.conversationId == current_;
    if (!error.isEmpty() && s.text.isEmpty() && !s.continuing) {
        if (!removed_.remove(s.conversationId)) store_->removeMessage(s.messageId);
        if (shown) {
            tree_.remove(s.messageId);
            emit pathChanged();
        }
    } else {
        GenerationStats final = stats;
        if (!error.isEmpty()) final.stopReason = QStringLiteral("error");
        if (final.firstTokenMs <= 0) final.firstTokenMs = s.live.firstTokenMs;
        stats_.insert(s.messageId, final);
        finalize(s, final);
        if (shown) {
            emit messageUpdated(s.messageId);
            emit liveStats(final);
        }
    }
    if (!error.isEmpty()) emit errorOccurred(error);
    emit streamingChanged(isBusy());
    if (shown) emit replyFinished(s.messageId);
}

}  // namespace glassbox::ui
