#pragma once
// The per-token record of a reply as a compact blob: "GBT1", then per token an int32 id and a
// float32 probability, little-endian (8 bytes a token).
#include <QByteArray>
#include <QVector>

#include "history_types.h"

namespace gb::history {

QByteArray encodeTokens(const QVector<TokenProb>& tokens);  // empty list -> empty array
QVector<TokenProb> decodeTokens(const QByteArray& blob);    // throws HistoryError(BadInput) when malformed

}  // namespace gb::history
