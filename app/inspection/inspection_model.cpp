#include "inspection/inspection_model.h"

#include <QVariant>

namespace glassbox::inspection {

InspectionModel::InspectionModel(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ChunkList>();
    frame_.setSingleShot(true);
    frame_.setInterval(kFrameMs);
    connect(&frame_, &QTimer::timeout, this, &InspectionModel::flushFrame);
}

const InspectionRecord* InspectionModel::current() const {
    const auto it = records_.constFind(shown_);
    return it == records_.constEnd() ? nullptr : it->get();
}

bool InspectionModel::isStreaming(qint64 messageId) const {
    for (auto it = messageOfRequest_.begin(); it != messageOfRequest_.end(); ++it)
        if (it.value() == messageId) return true;
    return false;
}

void InspectionModel::addChunks(qint64 messageId, const QVariant& data) {
    if (data.canConvert<ChunkList>()) addChunks(messageId, data.value<ChunkList>());
}

void InspectionModel::addChunks(qint64 messageId, const ChunkList& chunks) {
    for (const ChunkPtr& c : chunks) {
        if (!c) continue;
        auto& r = records_[messageId];
        const bool fresh = c->header || !r;
        if (fresh) {
            r = std::make_shared<InspectionRecord>();
            r->messageId = messageId;
            messageOfRequest_.insert(c->requestId, messageId);
        }
        const int oldPositions = fresh ? 0 : r->positions(), oldRows = fresh ? 0 : r->rowCount;
        r->append(*c);
        r->messageId = messageId;
        if (fresh) {
            touch(messageId);
            emit recordStarted(messageId);
            if (messageId == shown_) {
                grown_ = false;
                emit currentChanged();
            }
            evict();
        } else {
            markGrown(messageId, oldPositions, oldRows);
        }
    }
}

void InspectionModel::addToken(quint64 requestId, const StreamToken& t) {
    const auto it = messageOfRequest_.constFind(requestId);
    if (it == messageOfRequest_.constEnd()) return;
    const auto r = records_.value(it.value());
    if (!r) return;
    r->addStats(t);
    markGrown(it.value(), r->positions(), r->rowCount);
}

void InspectionModel::finishRequest(quint64 requestId) {
    const qint64 message = messageOfRequest_.take(requestId);
    if (!message) return;
    if (const auto r = records_.value(message)) {
        r->complete = true;
        if (message == shown_) {
            flushFrame();
            emit currentGrew(r->positions(), r->rowCount);  // nothing new, but "complete" changed
        }
        emit recordFinished(message);
    }
    evict();
}

void InspectionModel::insert(std::shared_ptr<InspectionRecord> r) {
    if (!r) return;
    const qint64 id = r->messageId;
    records_.insert(id, std::move(r));
    touch(id);
    if (id == shown_) {
        grown_ = false;
        emit currentChanged();
    }
    evict();
}

void InspectionModel::forget(qint64 messageId) {
    if (isStreaming(messageId)) return;
    records_.remove(messageId);
    recent_.removeAll(messageId);
    if (messageId == shown_) emit currentChanged();
}

void InspectionModel::show(qint64 messageId) {
    if (messageId == shown_) return;
    shown_ = messageId;
    grown_ = false;
    position_ = -1;
    if (records_.contains(messageId)) touch(messageId);
    if (const InspectionRecord* r = current(); r && layer_ >= r->shape.layers) layer_ = 0;
    emit currentChanged();
    emit selectionChanged();
}

void InspectionModel::setLayer(int layer) {
    if (layer == layer_ || layer < 0) return;
    layer_ = layer;
    emit selectionChanged();
}

void InspectionModel::setHead(int head) {
    if (head == head_ || head < MaxHead) return;
    head_ = head;
    emit selectionChanged();
}

void InspectionModel::setSelectedPosition(int pos) {
    if (pos == position_) return;
    position_ = pos;
    emit selectionChanged();
}

void InspectionModel::touch(qint64 messageId) {
    recent_.removeAll(messageId);
    recent_.append(messageId);
}

void InspectionModel::markGrown(qint64 messageId, int oldPositions, int oldRows) {
    if (messageId != shown_) return;
    if (!grown_) {
        grown_ = true;
        grownFromPositions_ = oldPositions;
        grownFromRows_ = oldRows;
    }
    if (!frame_.isActive()) frame_.start();
}

void InspectionModel::flushFrame() {
    if (!grown_) return;
    grown_ = false;
    if (current()) emit currentGrew(grownFromPositions_, grownFromRows_);
}

void InspectionModel::evict() {
    int finished = 0;
    for (auto it = records_.begin(); it != records_.end(); ++it) finished += isStreaming(it.key()) ? 0 : 1;
    for (int i = 0; i < recent_.size() && finished > kKeepRecords;) {
        const qint64 id = recent_[i];
        if (id == shown_ || isStreaming(id)) {
            ++i;
            continue;
        }
        records_.remove(id);
        recent_.removeAt(i);
        --finished;
    }
}

}  // namespace glassbox::inspection
