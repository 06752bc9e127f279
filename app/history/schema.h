#pragma once
// The history schema as a list of forward steps: step k turns version k into version k+1
// (`PRAGMA user_version`). A new database runs every step from 0. Never edit a released step:
// add a new one.
#include <QSqlDatabase>
#include <QStringList>

namespace gb::history {

int latestSchemaVersion();

// The SQL statements of the step from `fromVersion` to `fromVersion + 1`.
const QStringList& migrationStep(int fromVersion);

// PRAGMA user_version of the connection.
int schemaVersion(const QSqlDatabase& db);

// Runs the steps from the current version to `target` (default: latest), each in its own
// transaction with its user_version bump. Throws HistoryError (NewerVersion when the file is
// already past `target`).
void migrate(const QSqlDatabase& db, int target = -1);

}  // namespace gb::history
