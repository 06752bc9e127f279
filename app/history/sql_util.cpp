#include "sql_util.h"

#include <QSqlError>

#include "history_error.h"

namespace gb::history::sql {

QSqlQuery run(const QSqlDatabase& db, const QString& sql, const QVariantList& binds, const QString& what) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) throw sqlError(q.lastError(), db.databaseName(), what);
    for (int i = 0; i < binds.size(); ++i) {
        // A null QString is "" here: text columns are NOT NULL (intentional NULLs are ids and blobs).
        if (binds[i].metaType().id() == QMetaType::QString && binds[i].toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, binds[i]);
    }
    if (!q.exec()) throw sqlError(q.lastError(), db.databaseName(), what);
    return q;
}

QVariant scalar(const QSqlDatabase& db, const QString& sql, const QVariantList& binds, const QString& what) {
    QSqlQuery q = run(db, sql, binds, what);
    return next(q, db, what) ? q.value(0) : QVariant();
}

bool next(QSqlQuery& q, const QSqlDatabase& db, const QString& what) {
    if (q.next()) return true;
    if (q.lastError().isValid()) throw sqlError(q.lastError(), db.databaseName(), what);
    return false;
}

QVariant idOrNull(qint64 id) { return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong)); }

Transaction::Transaction(const QSqlDatabase& db, const QString& what) : db_(db), what_(what) {
    run(db_, QStringLiteral("BEGIN IMMEDIATE"), {}, what_);
    open_ = true;
}

Transaction::~Transaction() {
    if (!open_) return;
    QSqlQuery q(db_);
    q.exec(QStringLiteral("ROLLBACK"));  // fails harmlessly when SQLite already rolled back (SQLITE_FULL)
}

void Transaction::commit() {
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError e = q.lastError();
        throw sqlError(e, db_.databaseName(), what_);  // the destructor rolls back
    }
    open_ = false;
}

}  // namespace gb::history::sql
