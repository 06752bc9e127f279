// The message tree of a conversation, streaming replies and inspection snapshots.
#include <QSqlQuery>

#include "history_store.h"
#include "message_rows.h"
#include "sql_util.h"

namespace gb::history {

using K = HistoryError::Kind;

namespace {

// Checks that `parentId` (when not 0) belongs to `conversationId`.
void requireParent(const QSqlDatabase& db, qint64 conversationId, qint64 parentId, const QString& what) {
    if (!parentId) return;
    const QVariant c = sql::scalar(db, QStringLiteral("SELECT conversation_id FROM messages WHERE id = ?"), {parentId}, what);
    if (!c.isValid())
        throw HistoryError(K::NotFound, QStringLiteral("no message %1 in %2").arg(parentId).arg(db.databaseName()));
    if (c.toLongLong() != conversationId)
        throw HistoryError(K::BadInput,
                           QStringLiteral("message %1 belongs to conversation %2, not %3").arg(parentId).arg(c.toLongLong()).arg(conversationId));
}

}  // namespace

qint64 HistoryStore::addMessage(qint64 conversationId, qint64 parentId, Role role, const QString& content,
                                const std::optional<GenerationInfo>& generation) {
    const QString what = QStringLiteral("saving a message");
    sql::Transaction tx(database(), what);
    requireConversation(conversationId);
    requireParent(database(), conversationId, parentId, what);
    const qint64 now = rows::nowMs();
    const qint64 id = rows::insertMessage(database(), conversationId, parentId, role, content, now, now, true);
    if (generation) rows::writeGeneration(database(), id, *generation);
    touch(conversationId, id);
    tx.commit();
    return id;
}

qint64 HistoryStore::editMessage(qint64 messageId, const QString& content) {
    const Message m = message(messageId);
    return addMessage(m.conversationId, m.parentId, m.role, content);
}

Message HistoryStore::message(qint64 id) {
    const QList<Message> found =
        rows::selectMessages(database(), QStringLiteral("WHERE m.id = ?"), {id}, QStringLiteral("reading a message"));
    if (found.isEmpty()) throw HistoryError(K::NotFound, QStringLiteral("no message %1 in %2").arg(id).arg(path_));
    return found.front();
}

QList<Message> HistoryStore::messages(qint64 conversationId) {
    requireConversation(conversationId);
    return rows::selectMessages(database(), QStringLiteral("WHERE m.conversation_id = ? ORDER BY m.id"), {conversationId},
                                QStringLiteral("reading a conversation"));
}

QList<Message> HistoryStore::children(qint64 parentId, qint64 conversationId) {
    const QString what = QStringLiteral("reading replies");
    if (parentId)
        return rows::selectMessages(database(), QStringLiteral("WHERE m.parent_id = ? ORDER BY m.id"), {parentId}, what);
    return rows::selectMessages(database(), QStringLiteral("WHERE m.conversation_id = ? AND m.parent_id IS NULL ORDER BY m.id"),
                                {conversationId}, what);
}

QList<Message> HistoryStore::siblings(qint64 messageId) {
    const Message m = message(messageId);
    return children(m.parentId, m.conversationId);
}

QList<Message> HistoryStore::pathTo(qint64 messageId) {
    const QString what = QStringLiteral("reading a branch");
    QSqlQuery q = sql::run(database(),
                           QStringLiteral("WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL"
                                          " SELECT p.parent_id, up.depth + 1 FROM messages p JOIN up ON p.id = up.id"
                                          " WHERE p.parent_id IS NOT NULL) ") +
                               rows::messageSelect() + QStringLiteral(" JOIN up ON up.id = m.id ORDER BY up.depth DESC"),
                           {messageId}, what);
    QList<Message> out;
    while (sql::next(q, database(), what)) out.push_back(rows::readMessage(q));
    if (out.isEmpty()) throw HistoryError(K::NotFound, QStringLiteral("no message %1 in %2").arg(messageId).arg(path_));
    return out;
}

qint64 HistoryStore::newestLeafBelow(qint64 messageId) {
    for (;;) {
        const QVariant child = sql::scalar(database(), QStringLiteral("SELECT max(id) FROM messages WHERE parent_id = ?"),
                                           {messageId}, QStringLiteral("following a branch"));
        if (!child.isValid() || child.isNull()) return messageId;
        messageId = child.toLongLong();
    }
}

QList<Message> HistoryStore::currentBranch(qint64 conversationId) {
    const Conversation c = conversation(conversationId);
    qint64 leaf = c.currentLeafId;
    if (!leaf) {
        const QVariant newest = sql::scalar(database(), QStringLiteral("SELECT max(id) FROM messages WHERE conversation_id = ?"),
                                            {conversationId}, QStringLiteral("reading a conversation"));
        if (newest.isNull() || !newest.isValid()) return {};
        leaf = newest.toLongLong();
    }
    return pathTo(newestLeafBelow(leaf));
}

void HistoryStore::setCurrentLeaf(qint64 conversationId, qint64 messageId) {
    const QString what = QStringLiteral("switching branches");
    sql::Transaction tx(database(), what);
    requireConversation(conversationId);
    requireParent(database(), conversationId, messageId, what);
    sql::run(database(), QStringLiteral("UPDATE conversations SET current_leaf_id = ? WHERE id = ?"),
             {newestLeafBelow(messageId), conversationId}, what);
    tx.commit();
}

void HistoryStore::deleteMessage(qint64 messageId) {
    const QString what = QStringLiteral("deleting a message");
    const Message m = message(messageId);
    sql::Transaction tx(database(), what);
    const QSqlDatabase db = database();
    sql::run(db, QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY)"), {}, what);
    sql::run(db, QStringLiteral("DELETE FROM temp.doomed"), {}, what);
    sql::run(db, QStringLiteral("INSERT INTO temp.doomed (id) WITH RECURSIVE down(id) AS (SELECT ? UNION ALL"
                                " SELECT c.id FROM messages c JOIN down ON c.parent_id = down.id) SELECT id FROM down"),
             {messageId}, what);
    // Cut the links first: a cascade down a long chain would exceed SQLite's trigger depth.
    sql::run(db, QStringLiteral("UPDATE messages SET parent_id = NULL WHERE id IN (SELECT id FROM temp.doomed)"), {}, what);
    sql::run(db, QStringLiteral("DELETE FROM messages WHERE id IN (SELECT id FROM temp.doomed)"), {}, what);
    sql::run(db, QStringLiteral("DELETE FROM temp.doomed"), {}, what);
    sql::run(db, QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"), {rows::nowMs(), m.conversationId}, what);
    tx.commit();
}

// ---------------------------------------------------------------- streaming replies

qint64 HistoryStore::beginReply(qint64 conversationId, qint64 parentId, const GenerationInfo& start) {
    const QString what = QStringLiteral("starting a reply");
    sql::Transaction tx(database(), what);
    requireConversation(conversationId);
    requireParent(database(), conversationId, parentId, what);
    const qint64 now = rows::nowMs();
    const qint64 id = rows::insertMessage(database(), conversationId, parentId, Role::Assistant, QString(), now, now, false);
    rows::writeGeneration(database(), id, start);
    touch(conversationId, id);
    tx.commit();
    return id;
}

void HistoryStore::checkpointReply(qint64 messageId, const QString& text) {
    const QString what = QStringLiteral("saving a reply in progress");
    sql::Transaction tx(database(), what);
    QSqlQuery q = sql::run(database(), QStringLiteral("UPDATE messages SET content = ?, updated_at = ? WHERE id = ?"),
                           {text, rows::nowMs(), messageId}, what);
    if (q.numRowsAffected() == 0)
        throw HistoryError(K::NotFound, QStringLiteral("no message %1 in %2 (deleted while streaming?)").arg(messageId).arg(path_));
    tx.commit();
}

void HistoryStore::finishReply(qint64 messageId, const QString& text, const GenerationInfo& generation) {
    const QString what = QStringLiteral("saving a finished reply");
    sql::Transaction tx(database(), what);
    const qint64 now = rows::nowMs();
    QSqlQuery q = sql::run(database(), QStringLiteral("UPDATE messages SET content = ?, updated_at = ?, complete = 1 WHERE id = ?"),
                           {text, now, messageId}, what);
    if (q.numRowsAffected() == 0)
        throw HistoryError(K::NotFound, QStringLiteral("no message %1 in %2 (deleted while streaming?)").arg(messageId).arg(path_));
    rows::writeGeneration(database(), messageId, generation);
    sql::run(database(), QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = "
                                        "(SELECT conversation_id FROM messages WHERE id = ?)"),
             {now, messageId}, what);
    tx.commit();
}

// ---------------------------------------------------------------- inspection snapshots

void HistoryStore::setInspection(qint64 messageId, const QString& format, const QByteArray& data) {
    const QString what = QStringLiteral("saving an inspection snapshot");
    sql::Transaction tx(database(), what);
    message(messageId);  // NotFound
    rows::writeInspection(database(), messageId, format, data);
    tx.commit();
}

std::optional<std::pair<QString, QByteArray>> HistoryStore::inspection(qint64 messageId) {
    return rows::readInspection(database(), messageId);
}

}  // namespace gb::history
