#pragma once
// Reads the JSON export (README.md) back into a store: new ids, everything else as exported
// (times, branches, current branch, completeness, generation records, inspection snapshots).
// All or nothing: one transaction; a malformed file throws HistoryError(BadInput) naming the problem.
#include <QByteArray>
#include <QList>

#include "history_store.h"

namespace gb::history {

QList<qint64> importJson(HistoryStore& store, const QByteArray& json);  // the new conversation ids

}  // namespace gb::history
