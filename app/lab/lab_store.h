#pragma once
// The prompt lab's part of the history database (one SQLite file per profile; tables added by
// schema version 4, app/history/schema.cpp): user templates and saved runs. A saved run keeps
// everything a re-run needs (model file and hash, full template texts, seed, sampler settings,
// inputs) and every result (tokens with log-probabilities, outputs, scores, speeds).
//
// Synchronous and bound to the thread that opened it, like HistoryStore. Failures throw
// gb::history::HistoryError (a LabError for saved JSON that no longer reads).
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <memory>

#include "lab_runner.h"
#include "prompt_template.h"

namespace gb::history {
class HistoryStore;
}

namespace gb::lab {

constexpr int kLabSchemaVersion = 4;  // the history schema version that added the lab's tables

struct RunSummary {
    qint64 id = 0;
    qint64 createdMs = 0;
    RunSpec::Mode mode = RunSpec::Mode::Compare;
    QString title;
    QString modelFile;  // the path the run used
    QString modelHash;
    quint64 seed = 0;
    QStringList columns;  // column labels
    int inputs = 0;
};

struct SavedRun {
    qint64 id = 0;
    qint64 createdMs = 0;
    RunSpec spec;
    RunResult result;  // divergence and scores recomputed
};

class LabStore {
public:
    explicit LabStore(const QString& path);       // opens (creating or upgrading) the database
    explicit LabStore(const QSqlDatabase& db);    // an open connection at the latest schema (same thread)
    ~LabStore();
    LabStore(const LabStore&) = delete;
    LabStore& operator=(const LabStore&) = delete;

    QSqlDatabase database() const;

    // --- user templates (builtin is false for all of them) ---
    QList<PromptTemplate> templates();  // oldest first
    // Updates the template with this id, or adds it: an empty id, or one that is not a user
    // template id ("user-…"), gets a new "user-…" id. Returns it as saved.
    PromptTemplate saveTemplate(const PromptTemplate& t);
    void deleteTemplate(const QString& id);

    // --- runs ---
    qint64 saveRun(const RunSpec& spec, const RunResult& result);
    SavedRun run(qint64 id);             // HistoryError(NotFound) when missing
    QList<RunSummary> runs(int limit = 200);  // newest first
    void deleteRun(qint64 id);

private:
    std::unique_ptr<gb::history::HistoryStore> owned_;
    QSqlDatabase db_;
};

}  // namespace gb::lab
