#pragma once
// The database file before SQLite writes to it: is it an SQLite file, is it undamaged, is it
// ours; moving a bad one aside; where the default history lives.
#include <QString>

namespace gb::history {

// <AppDataLocation>/history.sqlite, or <AppDataLocation>/profiles/<profile>/history.sqlite.
QString defaultDatabasePath(const QString& profile = {});

// Throws HistoryError (Corrupt, NotHistory, NewerVersion, Locked, ReadOnly) when the existing file
// at `path` must not be opened for writing. Reads only: the header with plain file I/O, then
// (`quickCheck`) PRAGMA quick_check, the schema version and the tables on a read-only connection.
// A missing or empty file passes.
void checkDatabaseFile(const QString& path, bool quickCheck, int busyTimeoutMs);

// Renames a damaged database (and its -wal/-shm/-journal companions) to
// `<path>.corrupt-<yyyyMMdd-HHmmss>[-N]` and returns the new name. Nothing is deleted.
// Throws HistoryError(Io) when the rename fails.
QString moveAside(const QString& path);

// A connection name no other connection in the process uses.
QString uniqueConnectionName();

}  // namespace gb::history
