#include "chat/command_builder.h"

namespace glassbox::ui {

GenerateCommand buildGenerateCommand(const ConversationTree& tree, qint64 upToId, bool continueLast,
                                     const QString& fallbackSystemPrompt) {
    QList<qint64> path;
    for (qint64 at = upToId; at != 0 && tree.contains(at); at = tree.parentOf(at)) path.prepend(at);
    GenerateCommand cmd;
    cmd.systemPrompt = fallbackSystemPrompt;
    for (qint64 id : path) {
        const Message* m = tree.find(id);
        if (m->role == gb::history::Role::System)
            cmd.systemPrompt = m->content;
        else
            cmd.turns.append({m->role == gb::history::Role::User ? ChatTurn::User : ChatTurn::Assistant, m->content});
    }
    cmd.continueLast = continueLast;
    return cmd;
}

}  // namespace glassbox::ui
