// Opening the database and everything about conversations (messages: history_messages.cpp,
// search: history_search.cpp).
#include "history_store.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <exception>

#include "database_file.h"
#include "message_rows.h"
#include "schema.h"
#include "sql_util.h"

namespace gb::history {

using K = HistoryError::Kind;

HistoryStore::HistoryStore(const QString& path) : HistoryStore(path, Options{}) {}

HistoryStore::HistoryStore(const QString& path, const Options& options) : path_(path) { open(options); }

HistoryStore::~HistoryStore() {
    {
        QSqlDatabase db = QSqlDatabase::database(connection_, false);
        if (db.isValid()) db.close();
    }
    QSqlDatabase::removeDatabase(connection_);
}

QSqlDatabase HistoryStore::database() const { return QSqlDatabase::database(connection_, false); }

void HistoryStore::open(const Options& o) {
    if (path_.isEmpty()) throw HistoryError(K::BadInput, QStringLiteral("no history database path given"));
    const QFileInfo fi(path_);
    if (!fi.exists()) {
        const QString dir = fi.absolutePath();
        if (!QFileInfo(dir).isDir() && !(o.createFolders && QDir().mkpath(dir)))
            throw HistoryError(K::ReadOnly, QStringLiteral("cannot create the folder %1 for history database %2 "
                                                           "(missing or read-only parent folder?)")
                                                .arg(dir, path_));
    }
    checkDatabaseFile(path_, o.quickCheck, o.busyTimeoutMs);

    connection_ = uniqueConnectionName();
    std::exception_ptr failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_);
        db.setDatabaseName(path_);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(o.busyTimeoutMs));
        try {
            if (!db.open()) throw sqlError(db.lastError(), path_, QStringLiteral("opening it"));
            const QString what = QStringLiteral("preparing it");
            const QString mode = sql::scalar(db, QStringLiteral("PRAGMA journal_mode = WAL"), {}, what).toString();
            if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
                throw HistoryError(K::ReadOnly, QStringLiteral("history database %1 cannot use write-ahead logging "
                                                               "(journal mode stays '%2'; read-only folder?)")
                                                    .arg(path_, mode));
            sql::run(db, QStringLiteral("PRAGMA foreign_keys = ON"), {}, what);
            sql::run(db, QStringLiteral("PRAGMA synchronous = FULL"), {}, what);
            migrate(db);
            sql::Transaction probe(db, QStringLiteral("checking that it can be written"));
            probe.commit();
        } catch (...) {
            failure = std::current_exception();
            db.close();
        }
    }
    if (failure) {
        QSqlDatabase::removeDatabase(connection_);
        std::rethrow_exception(failure);
    }
}

QString HistoryStore::integrityCheck() {
    const QString what = QStringLiteral("checking its integrity");
    QSqlQuery q = sql::run(database(), QStringLiteral("PRAGMA integrity_check"), {}, what);
    QStringList lines;
    while (sql::next(q, database(), what)) lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

// ---------------------------------------------------------------- conversations

namespace {

const QString kConversationSelect = QStringLiteral(
    "SELECT c.id, c.title, c.created_at, c.updated_at, c.pinned, c.folder, c.current_leaf_id,"
    " (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id),"
    " (SELECT group_concat(t.tag, char(31)) FROM conversation_tags t WHERE t.conversation_id = c.id)"
    " FROM conversations c ");

Conversation readConversation(const QSqlQuery& q) {
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.createdMs = q.value(2).toLongLong();
    c.updatedMs = q.value(3).toLongLong();
    c.pinned = q.value(4).toInt() != 0;
    c.folder = q.value(5).toString();
    c.currentLeafId = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
    c.messageCount = q.value(7).toInt();
    if (!q.value(8).isNull()) c.tags = q.value(8).toString().split(QChar(31), Qt::SkipEmptyParts);
    c.tags.sort();
    return c;
}

}  // namespace

void HistoryStore::requireConversation(qint64 id) {
    const QVariant v = sql::scalar(database(), QStringLiteral("SELECT 1 FROM conversations WHERE id = ?"), {id},
                                   QStringLiteral("looking up a conversation"));
    if (!v.isValid()) throw HistoryError(K::NotFound, QStringLiteral("no conversation %1 in %2").arg(id).arg(path_));
}

void HistoryStore::touch(qint64 conversationId, qint64 leafId) {
    sql::run(database(), QStringLiteral("UPDATE conversations SET updated_at = ?, current_leaf_id = ? WHERE id = ?"),
             {rows::nowMs(), sql::idOrNull(leafId), conversationId}, QStringLiteral("updating a conversation"));
}

qint64 HistoryStore::createConversation(const QString& title) {
    const qint64 now = rows::nowMs();
    sql::Transaction tx(database(), QStringLiteral("creating a conversation"));
    QSqlQuery q = sql::run(database(), QStringLiteral("INSERT INTO conversations (title, created_at, updated_at) VALUES (?, ?, ?)"),
                           {title, now, now}, QStringLiteral("creating a conversation"));
    const qint64 id = q.lastInsertId().toLongLong();
    tx.commit();
    return id;
}

Conversation HistoryStore::conversation(qint64 id) {
    const QString what = QStringLiteral("reading a conversation");
    QSqlQuery q = sql::run(database(), kConversationSelect + QStringLiteral("WHERE c.id = ?"), {id}, what);
    if (!sql::next(q, database(), what))
        throw HistoryError(K::NotFound, QStringLiteral("no conversation %1 in %2").arg(id).arg(path_));
    return readConversation(q);
}

QList<Conversation> HistoryStore::conversations() {
    const QString what = QStringLiteral("listing conversations");
    QSqlQuery q = sql::run(database(), kConversationSelect + QStringLiteral("ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC"),
                           {}, what);
    QList<Conversation> out;
    while (sql::next(q, database(), what)) out.push_back(readConversation(q));
    return out;
}

namespace {

void updateOne(const QSqlDatabase& db, const QString& path, qint64 id, const QString& sqlText, const QVariant& value,
               const QString& what) {
    sql::Transaction tx(db, what);
    QSqlQuery q = sql::run(db, sqlText, {value, id}, what);
    if (q.numRowsAffected() == 0) throw HistoryError(K::NotFound, QStringLiteral("no conversation %1 in %2").arg(id).arg(path));
    tx.commit();
}

}  // namespace

void HistoryStore::renameConversation(qint64 id, const QString& title) {
    updateOne(database(), path_, id, QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"), title,
              QStringLiteral("renaming a conversation"));
}

void HistoryStore::setPinned(qint64 id, bool pinned) {
    updateOne(database(), path_, id, QStringLiteral("UPDATE conversations SET pinned = ? WHERE id = ?"), pinned ? 1 : 0,
              QStringLiteral("pinning a conversation"));
}

void HistoryStore::setFolder(qint64 id, const QString& folder) {
    updateOne(database(), path_, id, QStringLiteral("UPDATE conversations SET folder = ? WHERE id = ?"), folder,
              QStringLiteral("moving a conversation to a folder"));
}

void HistoryStore::setTags(qint64 id, const QStringList& tags) {
    const QString what = QStringLiteral("tagging a conversation");
    sql::Transaction tx(database(), what);
    requireConversation(id);
    sql::run(database(), QStringLiteral("DELETE FROM conversation_tags WHERE conversation_id = ?"), {id}, what);
    for (QString tag : tags) {
        tag = tag.trimmed().remove(QChar(31));
        if (tag.isEmpty()) continue;
        sql::run(database(), QStringLiteral("INSERT OR IGNORE INTO conversation_tags (conversation_id, tag) VALUES (?, ?)"),
                 {id, tag}, what);
    }
    tx.commit();
}

void HistoryStore::deleteConversation(qint64 id) {
    const QString what = QStringLiteral("deleting a conversation");
    sql::Transaction tx(database(), what);
    requireConversation(id);
    // Cut the parent links first: a cascade down a long reply chain would exceed SQLite's
    // trigger depth (1000).
    sql::run(database(), QStringLiteral("UPDATE messages SET parent_id = NULL WHERE conversation_id = ?"), {id}, what);
    sql::run(database(), QStringLiteral("DELETE FROM conversations WHERE id = ?"), {id}, what);
    tx.commit();
}

qint64 HistoryStore::duplicateFromMessage(qint64 messageId, const QString& title) {
    const QString what = QStringLiteral("duplicating a conversation");
    sql::Transaction tx(database(), what);
    const QList<Message> path = pathTo(messageId);
    const Conversation source = conversation(path.front().conversationId);
    const qint64 now = rows::nowMs();
    QSqlQuery q = sql::run(database(),
                           QStringLiteral("INSERT INTO conversations (title, created_at, updated_at, folder) VALUES (?, ?, ?, ?)"),
                           {title.isEmpty() ? source.title + QStringLiteral(" (copy)") : title, now, now, source.folder}, what);
    const qint64 id = q.lastInsertId().toLongLong();
    for (const QString& tag : source.tags)
        sql::run(database(), QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?)"), {id, tag}, what);
    qint64 parent = 0;
    for (const Message& m : path) parent = rows::copyMessage(database(), m, id, parent);
    touch(id, parent);
    tx.commit();
    return id;
}

}  // namespace gb::history
