#include "database_file.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <exception>

#include "history_error.h"
#include "schema.h"
#include "sql_util.h"

namespace gb::history {

namespace {

using K = HistoryError::Kind;

HistoryError notSqlite(const QString& path, const QString& why) {
    return {K::Corrupt, QStringLiteral("%1 is not a usable history database (%2); the file was left untouched — "
                                       "move it aside to start a fresh history")
                            .arg(path, why)};
}

void checkHeader(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw HistoryError(K::ReadOnly, QStringLiteral("cannot read history database %1: %2").arg(path, f.errorString()));
    const QByteArray h = f.read(100);
    if (h.isEmpty() && f.size() == 0) return;  // an empty file is an empty database
    if (h.size() < 100) throw notSqlite(path, QStringLiteral("too short to be an SQLite database"));
    if (!h.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        throw notSqlite(path, QStringLiteral("not an SQLite database"));
    const int pageSize = (static_cast<uchar>(h[16]) << 8) | static_cast<uchar>(h[17]);
    const int effective = pageSize == 1 ? 65536 : pageSize;
    if (effective < 512 || (effective & (effective - 1)) != 0)
        throw notSqlite(path, QStringLiteral("invalid page size in the header"));
}

void runChecks(const QSqlDatabase& db, const QString& path) {
    const QString what = QStringLiteral("checking it");
    QStringList problems;
    {
        QSqlQuery q = sql::run(db, QStringLiteral("PRAGMA quick_check"), {}, what);
        while (sql::next(q, db, what))
            if (q.value(0).toString() != QLatin1String("ok")) problems << q.value(0).toString();
    }
    if (!problems.isEmpty())
        throw notSqlite(path, QStringLiteral("damaged: %1").arg(problems.mid(0, 3).join(QStringLiteral("; "))));
    const int version = schemaVersion(db);
    if (version > latestSchemaVersion())
        throw HistoryError(K::NewerVersion, QStringLiteral("history database %1 has schema version %2, written by a newer "
                                                           "Glassbox (this one reads up to %3); it was left untouched")
                                                .arg(path)
                                                .arg(version)
                                                .arg(latestSchemaVersion()));
    const int objects = sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), {}, what).toInt();
    const int ours = sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"),
                                 {QStringLiteral("conversations")}, what)
                         .toInt();
    if ((version == 0 && objects > 0) || (version > 0 && ours == 0))
        throw HistoryError(K::NotHistory, QStringLiteral("%1 is an SQLite database of another program, not a Glassbox "
                                                         "history; it was left untouched")
                                              .arg(path));
}

// The checks run on a read-only connection of their own, closed and removed before returning.
// Reading a WAL-mode file creates its -wal/-shm companions; when the file is refused, the ones
// this check created (and that hold nothing) are removed again, so a refused path looks as it did.
void checkContents(const QString& path, int busyTimeoutMs) {
    const QString wal = path + QStringLiteral("-wal"), shm = path + QStringLiteral("-shm");
    const bool hadWal = QFileInfo::exists(wal), hadShm = QFileInfo::exists(shm);
    const QString name = uniqueConnectionName();
    std::exception_ptr failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        try {
            if (!db.open()) throw sqlError(db.lastError(), path, QStringLiteral("opening it to check it"));
            runChecks(db, path);
        } catch (...) {
            failure = std::current_exception();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (failure) {
        if (!hadWal && QFileInfo(wal).size() == 0) QFile::remove(wal);
        if (!hadShm && !QFileInfo::exists(wal)) QFile::remove(shm);
        std::rethrow_exception(failure);
    }
}

}  // namespace

QString defaultDatabasePath(const QString& profile) {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!profile.isEmpty()) dir += QStringLiteral("/profiles/") + profile;
    return dir + QStringLiteral("/history.sqlite");
}

void checkDatabaseFile(const QString& path, bool quickCheck, int busyTimeoutMs) {
    const QFileInfo fi(path);
    if (!fi.exists()) return;
    if (fi.isDir()) throw HistoryError(K::BadInput, QStringLiteral("%1 is a folder, not a history database").arg(path));
    checkHeader(path);
    if (fi.size() == 0) return;
    if (quickCheck) checkContents(path, busyTimeoutMs);
}

QString moveAside(const QString& path) {
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 1; QFileInfo::exists(target); ++n) target = path + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(path, target))
        throw HistoryError(K::Io, QStringLiteral("cannot move %1 aside to %2 (is the folder writable?)").arg(path, target));
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side)) QFile::rename(side, target + QLatin1String(suffix));
    }
    return target;
}

QString uniqueConnectionName() {
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("glassbox-history-%1").arg(counter.fetchAndAddRelaxed(1));
}

}  // namespace gb::history
