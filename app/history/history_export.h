#pragma once
// Conversations out of the store: Markdown to read (the current branch of each conversation) and
// JSON that import reads back losslessly (every branch, generation record, inspection snapshot).
// The JSON format is described in README.md.
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "history_store.h"

namespace gb::history {

inline constexpr int kJsonFormatVersion = 1;

enum class ExportFormat { Markdown, Json };

// The export as bytes (UTF-8) in either format; `ids` empty: every conversation.
QByteArray exportBytes(HistoryStore& store, const QList<qint64>& ids, ExportFormat format);

// `ids` empty: every conversation, in list order.
QString exportMarkdown(HistoryStore& store, const QList<qint64>& ids);
QJsonObject exportJson(HistoryStore& store, const QList<qint64>& ids);
QByteArray exportJsonBytes(HistoryStore& store, const QList<qint64>& ids);  // indented UTF-8

// Pieces of the JSON export (the CLI's `history show --json` uses them).
QJsonObject conversationJson(HistoryStore& store, qint64 conversationId);  // with every message
QJsonObject conversationSummaryJson(const Conversation& c);                 // without messages
QJsonObject messageJson(HistoryStore& store, const Message& m);

}  // namespace gb::history
