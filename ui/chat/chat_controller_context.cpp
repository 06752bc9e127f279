// ChatController: when a conversation outgrows the model's context (the worker's contextFull,
// the user's choice of dropping the oldest turns or going on in a new chat) and the meter.
#include "chat/chat_controller.h"
#include "engine/engine_service.h"
#include "settings/app_settings.h"

namespace glassbox::ui {

void ChatController::onContextFull(quint64 requestId, int needed, int size) {
    auto it = streams_.find(requestId);
    if (it == streams_.end()) return;
    const ReplyStream s = *it;
    streams_.erase(it);
    const bool shown = s.conversationId == current_;
    if (!s.continuing) {
        if (!removed_.remove(s.conversationId)) store_->removeMessage(s.messageId);
        if (shown) {
            tree_.remove(s.messageId);
            emit pathChanged();
        }
    }
    emit streamingChanged(isBusy());
    if (!shown) {
        emit notice(tr("A conversation in the background no longer fits in the model's context; its reply was not written."));
        return;
    }
    overflow_ = {s.conversationId, s.parentId, s.continuing ? s.messageId : 0};
    if (contextPolicy() == ContextPolicy::NewChat) {
        emit notice(tr("The conversation no longer fits in the model's context; it goes on in a new chat."));
        resolveContextFull(ContextPolicy::NewChat);
    } else {
        emit contextFull(needed, size);
    }
}

void ChatController::resolveContextFull(ContextPolicy choice) {
    const Overflow o = overflow_;
    overflow_ = {};
    if (o.conversationId == 0 || o.conversationId != current_ || choice == ContextPolicy::Ask || isBusy()) return;
    if (choice == ContextPolicy::TruncateOldest) {
        setContextPolicy(ContextPolicy::TruncateOldest);
        pending_ = true;
        emit streamingChanged(true);
        startReply(o.parentId, o.continueId);
        return;
    }
    const Message* last = tree_.find(o.parentId);
    const QString text = last && last->role == Role::User ? last->content : QString();
    const QString system = systemPrompt();
    newConversation();
    draftSystemPrompt_ = system;
    if (!text.isEmpty()) send(text);
}

void ChatController::refreshContextUsage() {
    if (current_ == 0 || !engine_->hasModel()) {
        emit contextUsageChanged(0, engine_->contextSize());
        return;
    }
    GenerateCommand cmd = buildCommand(tree_.leaf(), false);
    engine_->measureContext(cmd);
}

}  // namespace glassbox::ui
