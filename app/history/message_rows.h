#pragma once
// Reading and writing one message row with its generation record and inspection snapshot:
// shared by the store, duplication and import. Callers hold the transaction.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>
#include <utility>

#include "history_types.h"

namespace gb::history::rows {

// "SELECT <all message columns> FROM messages m LEFT JOIN …": append WHERE / ORDER BY.
const QString& messageSelect();
Message readMessage(const QSqlQuery& q);  // a row of messageSelect()

// Runs messageSelect() + `tail` with `binds` and reads every row.
QList<Message> selectMessages(const QSqlDatabase& db, const QString& tail, const QVariantList& binds, const QString& what);

// Inserts the row as given (times, completeness); the generation record and inspection are separate.
qint64 insertMessage(const QSqlDatabase& db, qint64 conversationId, qint64 parentId, Role role, const QString& content,
                     qint64 createdMs, qint64 updatedMs, bool complete);

// Inserts or replaces the generation record of a message (chat templates are stored once).
void writeGeneration(const QSqlDatabase& db, qint64 messageId, const GenerationInfo& g);

// The snapshot is stored compressed; `data` is what the caller gave.
void writeInspection(const QSqlDatabase& db, qint64 messageId, const QString& format, const QByteArray& data);
std::optional<std::pair<QString, QByteArray>> readInspection(const QSqlDatabase& db, qint64 messageId);

// Copies the message (row, generation, inspection) under a new conversation/parent.
qint64 copyMessage(const QSqlDatabase& db, const Message& m, qint64 conversationId, qint64 parentId);

qint64 nowMs();

}  // namespace gb::history::rows
