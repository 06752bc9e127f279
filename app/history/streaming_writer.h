#pragma once
// Saves a reply while it streams: the assistant message exists from the first token (marked
// incomplete), its text is checkpointed at most once per interval (default 1 s) in a small
// transaction of its own, and finish() writes the final text and generation record and marks it
// complete. A crash loses at most the last interval of text.
//
// Checkpoints happen in append() when the interval has passed; a caller whose tokens may come
// slower than that also calls flushIfDue() from a timer. Checkpoint failures (disk full, locked)
// do not stop the stream: the text stays in memory, lastError() says why, the next checkpoint
// retries. finish() throws.
#include <QElapsedTimer>
#include <QString>
#include <optional>

#include "history_store.h"

namespace gb::history {

class StreamingWriter {
public:
    StreamingWriter(HistoryStore& store, qint64 conversationId, qint64 parentId, const GenerationInfo& start = {},
                    int intervalMs = 1000);
    ~StreamingWriter();  // unfinished: saves the text so far, the reply stays incomplete
    StreamingWriter(const StreamingWriter&) = delete;
    StreamingWriter& operator=(const StreamingWriter&) = delete;

    void append(const QString& text);  // creates the row on the first call
    bool flushIfDue();                 // checkpoint when there is unsaved text and the interval has passed
    bool checkpoint();                 // now; false (and lastError) when it failed
    // Final text = everything appended; throws HistoryError when it cannot be saved.
    void finish(const GenerationInfo& generation);
    void finish(const GenerationInfo& generation, const QString& finalText);

    qint64 messageId() const { return messageId_; }  // 0 until the row exists
    qint64 ensureRow();                               // creates the row now (throws HistoryError)
    const QString& text() const { return text_; }
    bool finished() const { return finished_; }
    int checkpoints() const { return checkpoints_; }
    const std::optional<HistoryError>& lastError() const { return lastError_; }

private:
    HistoryStore& store_;
    qint64 conversationId_;
    qint64 parentId_;
    GenerationInfo start_;
    int intervalMs_;
    qint64 messageId_ = 0;
    QString text_;
    bool dirty_ = false;
    bool finished_ = false;
    int checkpoints_ = 0;
    QElapsedTimer sinceCheckpoint_;
    std::optional<HistoryError> lastError_;
};

}  // namespace gb::history
