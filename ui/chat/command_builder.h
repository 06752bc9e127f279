#pragma once
// The engine request for a branch of the shown conversation: its system prompt and its turns
// from the root down to one message.
#include "chat/conversation_tree.h"
#include "engine/engine_types.h"

namespace glassbox::ui {

// upToId: the last message to include (a user turn, or the reply to continue when continueLast).
// fallbackSystemPrompt: used when the branch has no system message.
GenerateCommand buildGenerateCommand(const ConversationTree& tree, qint64 upToId, bool continueLast,
                                     const QString& fallbackSystemPrompt);

}  // namespace glassbox::ui
