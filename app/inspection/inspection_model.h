#pragma once
// The inspector's data on the GUI thread: one InspectionRecord per assistant message, fed by the
// collector's chunks (ChatController::inspectionReady), the streamed tokens' statistics
// (EngineWorker::tokenReady) and the history (records of past messages). The views show the
// current record and the shared selection (layer, head, position); they hear of growth at most
// once per frame (currentGrew), so a fast model never re-lays them out per token.
#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

#include "inspection/inspection_data.h"

namespace glassbox::inspection {

class InspectionModel : public QObject {
    Q_OBJECT
public:
    explicit InspectionModel(QObject* parent = nullptr);
    static constexpr int kFrameMs = 33;      // views update at most ~30 times a second
    static constexpr int kKeepRecords = 16;  // finished records kept in memory (least recently shown dropped)

    // Feeding.
    void addChunks(qint64 messageId, const QVariant& data);  // a ChunkList; anything else is ignored
    void addChunks(qint64 messageId, const ChunkList& chunks);
    void addToken(quint64 requestId, const StreamToken& t);
    void finishRequest(quint64 requestId);
    void insert(std::shared_ptr<InspectionRecord> r);  // keyed by r->messageId; replaces an older one

    // The record the views show.
    void show(qint64 messageId);  // 0 or unknown: none (until its record arrives)
    qint64 shownMessage() const { return shown_; }
    const InspectionRecord* current() const;
    std::shared_ptr<const InspectionRecord> record(qint64 messageId) const { return records_.value(messageId); }
    bool contains(qint64 messageId) const { return records_.contains(messageId); }
    bool isStreaming(qint64 messageId) const;
    void forget(qint64 messageId);

    // Selection shared by the views.
    int layer() const { return layer_; }
    int head() const { return head_; }                  // >= 0, MeanHead or MaxHead
    int selectedPosition() const { return position_; }  // -1: none
    void setLayer(int layer);
    void setHead(int head);
    void setSelectedPosition(int pos);

signals:
    void currentChanged();                              // another record (or none) is shown: rebuild
    void currentGrew(int oldPositions, int oldRows);    // the shown record grew: update incrementally
    void selectionChanged();
    void recordStarted(qint64 messageId);               // a reply's first chunk arrived
    void recordFinished(qint64 messageId);              // its reply ended: the record is final

private:
    void touch(qint64 messageId);
    void markGrown(qint64 messageId, int oldPositions, int oldRows);
    void flushFrame();
    void evict();

    QHash<qint64, std::shared_ptr<InspectionRecord>> records_;
    QHash<quint64, qint64> messageOfRequest_;  // streaming requests
    QList<qint64> recent_;                     // most recently shown last
    qint64 shown_ = 0;
    int layer_ = 0, head_ = MeanHead, position_ = -1;
    QTimer frame_;
    bool grown_ = false;
    int grownFromPositions_ = 0, grownFromRows_ = 0;
};

}  // namespace glassbox::inspection
