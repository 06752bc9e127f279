#include "chat/conversation_tree.h"

#include <algorithm>

namespace glassbox::ui {

void ConversationTree::reset(const QList<Message>& messages, qint64 leafId) {
    byId_.clear();
    children_.clear();
    selected_.clear();
    QList<Message> sorted = messages;
    std::sort(sorted.begin(), sorted.end(), [](const Message& a, const Message& b) { return a.id < b.id; });
    for (const Message& m : sorted) add(m);
    if (leafId && byId_.contains(leafId)) select(leafId);
}

const Message* ConversationTree::find(qint64 id) const {
    auto it = byId_.constFind(id);
    return it == byId_.constEnd() ? nullptr : &*it;
}

Message* ConversationTree::find(qint64 id) {
    auto it = byId_.find(id);
    return it == byId_.end() ? nullptr : &*it;
}

void ConversationTree::add(const Message& m) {
    const qint64 parent = byId_.contains(m.parentId) ? m.parentId : 0;
    byId_.insert(m.id, m);
    byId_[m.id].parentId = parent;
    children_[parent].append(m.id);
    selected_[parent] = m.id;
}

void ConversationTree::remove(qint64 id) {
    if (!byId_.contains(id)) return;
    for (qint64 c : children(id)) remove(c);
    const qint64 parent = parentOf(id);
    children_[parent].removeAll(id);
    children_.remove(id);
    selected_.remove(id);
    byId_.remove(id);
    if (selected_.value(parent) == id) {
        if (children_[parent].isEmpty())
            selected_.remove(parent);
        else
            selected_[parent] = children_[parent].last();
    }
}

QList<qint64> ConversationTree::children(qint64 parentId) const { return children_.value(parentId); }

qint64 ConversationTree::parentOf(qint64 id) const {
    const Message* m = find(id);
    return m ? m->parentId : 0;
}

QList<qint64> ConversationTree::path() const {
    QList<qint64> p;
    qint64 at = 0;
    for (;;) {
        const QList<qint64> kids = children_.value(at);
        if (kids.isEmpty()) break;
        qint64 next = selected_.value(at, kids.last());
        if (!kids.contains(next)) next = kids.last();
        p.append(next);
        at = next;
    }
    return p;
}

qint64 ConversationTree::leaf() const {
    const QList<qint64> p = path();
    return p.isEmpty() ? 0 : p.last();
}

void ConversationTree::select(qint64 id) {
    // Make every ancestor choose the way to `id`; below it, keep what each node had selected.
    for (qint64 at = id; byId_.contains(at);) {
        const qint64 parent = parentOf(at);
        selected_[parent] = at;
        if (parent == 0) break;
        at = parent;
    }
}

void ConversationTree::selectSibling(qint64 id, int delta) {
    const QList<qint64> sib = siblings(id);
    const int i = int(sib.indexOf(id));
    if (i < 0) return;
    const int j = std::clamp(i + delta, 0, int(sib.size()) - 1);
    select(sib[j]);
}

}  // namespace glassbox::ui
