#pragma once
// Inspection records in the chat history (the `inspections` table, HistoryStore::setInspection):
// saved when a reply ends, read back when a past message is inspected. It keeps a history
// connection of its own on its own thread (HistoryService), opened on first use, so neither the
// GUI nor the engine thread waits on the disk. Serialising and parsing happen on that thread too.
#include <QObject>
#include <QSet>
#include <memory>

#include "inspection/inspection_data.h"

namespace gb::history {
class HistoryService;
}

namespace glassbox::inspection {

class InspectionArchive : public QObject {
    Q_OBJECT
public:
    explicit InspectionArchive(QObject* parent = nullptr);
    ~InspectionArchive() override;

    void setDatabase(const QString& path);  // "": nothing is saved or read
    QString database() const { return path_; }
    void save(std::shared_ptr<const InspectionRecord> record);  // under record->messageId
    void load(qint64 messageId);                                // loaded() or missing()
    bool isLoading(qint64 messageId) const { return loading_.contains(messageId); }

signals:
    void saved(qint64 messageId);
    void loaded(qint64 messageId, std::shared_ptr<glassbox::inspection::InspectionRecord> record);
    void missing(qint64 messageId);  // none stored, unreadable, or no database

private:
    gb::history::HistoryService* service();

    QString path_;
    std::unique_ptr<gb::history::HistoryService> service_;
    QSet<qint64> loading_;
    QHash<quint64, qint64> loadRequests_;
};

}  // namespace glassbox::inspection
