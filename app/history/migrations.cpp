// Runs the schema steps of schema.cpp forward, one transaction per version.
#include <QSqlQuery>

#include "history_error.h"
#include "schema.h"
#include "sql_util.h"

namespace gb::history {

int schemaVersion(const QSqlDatabase& db) {
    return sql::scalar(db, QStringLiteral("PRAGMA user_version"), {}, QStringLiteral("reading the schema version")).toInt();
}

void migrate(const QSqlDatabase& db, int target) {
    const int latest = latestSchemaVersion();
    if (target < 0) target = latest;
    if (target > latest) throw HistoryError(HistoryError::Kind::BadInput, QStringLiteral("no schema version %1").arg(target));
    int version = schemaVersion(db);
    if (version > target)
        throw HistoryError(HistoryError::Kind::NewerVersion,
                           QStringLiteral("history database %1 has schema version %2, written by a newer Glassbox "
                                          "(this one reads up to %3); it was left untouched")
                               .arg(db.databaseName())
                               .arg(version)
                               .arg(target));
    while (version < target) {
        const QString what = QStringLiteral("upgrading the schema to version %1").arg(version + 1);
        sql::Transaction tx(db, what);
        // Re-read under the write lock: another instance may have upgraded meanwhile.
        version = schemaVersion(db);
        if (version >= target) break;
        for (const QString& statement : migrationStep(version)) sql::run(db, statement, {}, what);
        // PRAGMA takes no bound values; the version is our own integer.
        sql::run(db, QStringLiteral("PRAGMA user_version = %1").arg(version + 1), {}, what);
        tx.commit();
        ++version;
    }
}

}  // namespace gb::history
