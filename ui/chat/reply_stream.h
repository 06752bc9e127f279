#pragma once
// One reply being streamed: the message it writes into, its text so far, the live statistics,
// and the per-token record that is saved with the message.
#include <QElapsedTimer>
#include <QString>
#include <QVector>

#include "engine/engine_types.h"
#include "history/history_types.h"

namespace glassbox::ui {

struct ReplyStream {
    quint64 requestId = 0;
    qint64 conversationId = 0;
    qint64 messageId = 0;
    qint64 parentId = 0;
    QString text;            // the whole message (a continued reply starts with its old text)
    bool dirty = false;      // text changed since the last frame
    bool continuing = false;
    QElapsedTimer clock;     // since the request was sent
    qint64 lastSaveMs = 0;
    GenerationStats live;    // time to first token and speed while streaming
    QVector<gb::history::TokenProb> tokens;
    gb::SamplingParams sampling;
    int promptTokens = 0;

    void append(const StreamToken& t);
    gb::history::GenerationInfo generationInfo(const ModelInfo& model, const GenerationStats& final) const;
};

QJsonObject samplingToJson(const gb::SamplingParams& p);

}  // namespace glassbox::ui
