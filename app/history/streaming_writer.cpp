#include "streaming_writer.h"

namespace gb::history {

StreamingWriter::StreamingWriter(HistoryStore& store, qint64 conversationId, qint64 parentId, const GenerationInfo& start,
                                 int intervalMs)
    : store_(store), conversationId_(conversationId), parentId_(parentId), start_(start), intervalMs_(intervalMs) {}

StreamingWriter::~StreamingWriter() {
    if (finished_ || !dirty_) return;
    checkpoint();  // errors are kept in lastError_; nothing to report them to any more
}

qint64 StreamingWriter::ensureRow() {
    if (!messageId_) {
        messageId_ = store_.beginReply(conversationId_, parentId_, start_);
        sinceCheckpoint_.start();
    }
    return messageId_;
}

void StreamingWriter::append(const QString& text) {
    if (finished_) return;
    text_ += text;
    dirty_ = true;
    if (!messageId_) {
        checkpoint();  // the row exists from the first token, with that token
        return;
    }
    flushIfDue();
}

bool StreamingWriter::flushIfDue() {
    if (!dirty_ || finished_) return false;
    if (messageId_ && sinceCheckpoint_.isValid() && sinceCheckpoint_.elapsed() < intervalMs_) return false;
    return checkpoint();
}

bool StreamingWriter::checkpoint() {
    if (finished_) return false;
    try {
        ensureRow();
        store_.checkpointReply(messageId_, text_);
        dirty_ = false;
        ++checkpoints_;
        lastError_.reset();
        sinceCheckpoint_.start();
        return true;
    } catch (const HistoryError& e) {
        lastError_ = e;
        sinceCheckpoint_.start();  // retry after another interval, not on every token
        return false;
    }
}

void StreamingWriter::finish(const GenerationInfo& generation) { finish(generation, text_); }

void StreamingWriter::finish(const GenerationInfo& generation, const QString& finalText) {
    if (finished_) return;
    ensureRow();
    store_.finishReply(messageId_, finalText, generation);
    text_ = finalText;
    finished_ = true;
    dirty_ = false;
}

}  // namespace gb::history
