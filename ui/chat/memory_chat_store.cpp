#include "chat/memory_chat_store.h"

#include <QDateTime>
#include <QPointer>
#include <algorithm>

namespace glassbox::ui {

static qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

template <class T>
void MemoryChatStore::answer(const QObject* context, Then<T> done, T value) {
    QPointer<const QObject> guard(context);
    QMetaObject::invokeMethod(
        this, [guard, done = std::move(done), value = std::move(value)] {
            if (guard && done) done(value);
        },
        Qt::QueuedConnection);
}

void MemoryChatStore::listConversations(const QObject* context, Then<QList<Conversation>> done) {
    QList<Conversation> l;
    for (Conversation c : std::as_const(conversations_)) {
        c.messageCount = int(std::count_if(messages_.begin(), messages_.end(),
                                           [&](const Message& m) { return m.conversationId == c.id; }));
        l.append(c);
    }
    answer(context, std::move(done), l);
}

void MemoryChatStore::loadConversation(qint64 id, const QObject* context, Then<LoadedConversation> done) {
    if (!conversations_.contains(id)) {
        emit failed(tr("Conversation %1 no longer exists.").arg(id));
        return;
    }
    LoadedConversation c{conversations_.value(id), {}};
    for (const Message& m : std::as_const(messages_))
        if (m.conversationId == id) c.messages.append(m);
    std::sort(c.messages.begin(), c.messages.end(), [](const Message& a, const Message& b) { return a.id < b.id; });
    answer(context, std::move(done), c);
}

void MemoryChatStore::createConversation(const QString& title, const QString& systemPrompt, const QObject* context,
                                         Then<LoadedConversation> done) {
    Conversation c;
    c.id = nextId_++;
    c.title = title;
    c.createdMs = c.updatedMs = nowMs();
    conversations_.insert(c.id, c);
    const Message sys = insert(c.id, 0, Role::System, systemPrompt, true);
    emit conversationsChanged();
    answer(context, std::move(done), LoadedConversation{conversations_.value(c.id), {sys}});
}

void MemoryChatStore::renameConversation(qint64 id, const QString& title) {
    if (!conversations_.contains(id)) return;
    conversations_[id].title = title;
    emit conversationsChanged();
}

void MemoryChatStore::setPinned(qint64 id, bool pinned) {
    if (!conversations_.contains(id)) return;
    conversations_[id].pinned = pinned;
    emit conversationsChanged();
}

void MemoryChatStore::removeConversation(qint64 id) {
    conversations_.remove(id);
    for (auto it = messages_.begin(); it != messages_.end();) it = it->conversationId == id ? messages_.erase(it) : std::next(it);
    emit conversationsChanged();
}

void MemoryChatStore::duplicateConversation(qint64 id, const QString& title, const QObject* context, Then<qint64> done) {
    if (!conversations_.contains(id)) return;
    Conversation c = conversations_.value(id);
    c.id = nextId_++;
    c.title = title;
    c.pinned = false;
    c.createdMs = c.updatedMs = nowMs();
    conversations_.insert(c.id, c);
    // The current branch: from the remembered leaf (or the newest message) up to the root.
    qint64 leaf = c.currentLeafId;
    if (!leaf)
        for (const Message& m : std::as_const(messages_))
            if (m.conversationId == id) leaf = std::max(leaf, m.id);
    QList<Message> branch;
    for (qint64 at = leaf; messages_.contains(at); at = messages_.value(at).parentId) branch.prepend(messages_.value(at));
    qint64 parent = 0;
    for (const Message& m : branch) parent = insert(c.id, parent, m.role, m.content, m.complete).id;
    conversations_[c.id].currentLeafId = parent;
    emit conversationsChanged();
    answer(context, std::move(done), c.id);
}

void MemoryChatStore::setCurrentLeaf(qint64 conversationId, qint64 messageId) {
    if (conversations_.contains(conversationId)) conversations_[conversationId].currentLeafId = messageId;
}

Message MemoryChatStore::insert(qint64 conversationId, qint64 parentId, Role role, const QString& content, bool complete) {
    Message m;
    m.id = nextId_++;
    m.conversationId = conversationId;
    m.parentId = parentId;
    m.role = role;
    m.content = content;
    m.complete = complete;
    m.createdMs = m.updatedMs = nowMs();
    messages_.insert(m.id, m);
    conversations_[conversationId].currentLeafId = m.id;
    touch(conversationId);
    return m;
}

void MemoryChatStore::addMessage(qint64 conversationId, qint64 parentId, Role role, const QString& content,
                                 const QObject* context, Then<Message> done) {
    if (!conversations_.contains(conversationId)) return emit failed(tr("The conversation no longer exists."));
    answer(context, std::move(done), insert(conversationId, parentId, role, content, true));
    emit conversationsChanged();
}

void MemoryChatStore::beginReply(qint64 conversationId, qint64 parentId, const QObject* context, Then<Message> done) {
    if (!conversations_.contains(conversationId)) return emit failed(tr("The conversation no longer exists."));
    answer(context, std::move(done), insert(conversationId, parentId, Role::Assistant, QString(), false));
}

void MemoryChatStore::setContent(qint64 messageId, const QString& text) {
    if (messages_.contains(messageId)) messages_[messageId].content = text;
}

void MemoryChatStore::finishReply(qint64 messageId, const QString& text, const GenerationInfo& generation) {
    if (!messages_.contains(messageId)) return;
    Message& m = messages_[messageId];
    m.content = text;
    m.complete = true;
    m.generation = generation;
    touch(m.conversationId);
}

void MemoryChatStore::removeMessage(qint64 messageId) {
    QList<qint64> kids;
    for (const Message& m : std::as_const(messages_))
        if (m.parentId == messageId) kids.append(m.id);
    for (qint64 k : kids) removeMessage(k);
    messages_.remove(messageId);
}

void MemoryChatStore::search(const QString& query, const QObject* context, Then<QList<SearchHit>> done) {
    QList<SearchHit> hits;
    const QString q = query.trimmed();
    for (const Message& m : std::as_const(messages_)) {
        const int at = q.isEmpty() ? -1 : int(m.content.indexOf(q, 0, Qt::CaseInsensitive));
        if (at < 0 || m.role == Role::System) continue;
        SearchHit h;
        h.messageId = m.id;
        h.conversationId = m.conversationId;
        h.conversationTitle = conversations_.value(m.conversationId).title;
        h.role = m.role;
        const int from = std::max(0, at - 24);
        h.snippet = (from > 0 ? QStringLiteral("…") : QString()) + m.content.mid(from, at - from) + QChar(1) +
                    m.content.mid(at, q.size()) + QChar(2) + m.content.mid(at + q.size(), 24);
        hits.append(h);
    }
    answer(context, std::move(done), hits);
}

void MemoryChatStore::touch(qint64 conversationId) {
    if (conversations_.contains(conversationId)) conversations_[conversationId].updatedMs = nowMs();
}

}  // namespace glassbox::ui
