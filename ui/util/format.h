#pragma once
// Numbers as people read them, in the UI's language.
#include <QString>

#include "engine/engine_types.h"
#include "history/history_types.h"

namespace glassbox::ui {

QString formatBytes(quint64 bytes);
QString formatCount(quint64 n);               // 3.9 M, 260 K, 1.1 B
QString formatSpeed(double tokensPerSecond);  // "42.1 tok/s"
QString stopReasonText(const QString& reason);  // "" for a reply that ended by itself
// The line under a reply: speeds, time to first token, tokens, why it stopped.
QString statsFooter(const GenerationStats& live, const gb::history::GenerationInfo* saved, bool streaming);

}  // namespace glassbox::ui
