#include "inspection/inspection_archive.h"

#include "history/history_service.h"
#include "history/history_store.h"

namespace glassbox::inspection {

using gb::history::HistoryService;
using gb::history::HistoryStore;

InspectionArchive::InspectionArchive(QObject* parent) : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<InspectionRecord>>();
}

InspectionArchive::~InspectionArchive() {
    service_.reset();  // finishes queued saves and joins the history thread before `this` goes
}

void InspectionArchive::setDatabase(const QString& path) {
    if (path == path_) return;
    service_.reset();
    path_ = path;
    for (qint64 id : std::as_const(loading_)) emit missing(id);
    loading_.clear();
    loadRequests_.clear();
}

HistoryService* InspectionArchive::service() {
    if (path_.isEmpty()) return nullptr;
    if (!service_) {
        service_ = std::make_unique<HistoryService>();
        connect(service_.get(), &HistoryService::failed, this, [this](quint64 request, int, const QString&) {
            const qint64 id = loadRequests_.take(request);
            if (id && loading_.remove(id)) emit missing(id);
        });
        service_->open(path_);
    }
    return service_.get();
}

void InspectionArchive::save(std::shared_ptr<const InspectionRecord> record) {
    HistoryService* s = service();
    if (!s || !record || record->messageId <= 0) return;
    s->run([this, record](HistoryStore& store) {
        store.setInspection(record->messageId, QLatin1String(InspectionRecord::kFormat), record->serialize());
        const qint64 id = record->messageId;
        QMetaObject::invokeMethod(this, [this, id] { emit saved(id); }, Qt::QueuedConnection);
    });
}

void InspectionArchive::load(qint64 messageId) {
    HistoryService* s = service();
    if (!s || messageId <= 0) {
        emit missing(messageId);
        return;
    }
    if (loading_.contains(messageId)) return;
    loading_.insert(messageId);
    const quint64 request = s->run([this, messageId](HistoryStore& store) {
        std::shared_ptr<InspectionRecord> record;
        if (const auto snap = store.inspection(messageId); snap && snap->first == QLatin1String(InspectionRecord::kFormat))
            if (auto r = InspectionRecord::deserialize(snap->second)) {
                record = std::make_shared<InspectionRecord>(std::move(*r));
                record->messageId = messageId;
            }
        QMetaObject::invokeMethod(
            this,
            [this, messageId, record] {
                if (!loading_.remove(messageId)) return;
                if (record)
                    emit loaded(messageId, record);
                else
                    emit missing(messageId);
            },
            Qt::QueuedConnection);
    });
    loadRequests_.insert(request, messageId);
}

}  // namespace glassbox::inspection
