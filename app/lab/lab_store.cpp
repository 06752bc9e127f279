#include "lab_store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include "history/history_error.h"
#include "history/history_store.h"
#include "history/sql_util.h"
#include "lab_error.h"
#include "lab_json.h"

namespace gb::lab {

namespace sql = gb::history::sql;
using gb::history::HistoryError;

namespace {

QString toText(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

QJsonObject fromText(const QString& text, const QString& what) {
    QJsonParseError err;
    const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !d.isObject())
        throw LabError(QStringLiteral("%1 is damaged (%2)").arg(what, err.errorString()));
    return d.object();
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

}  // namespace

LabStore::LabStore(const QString& path)
    : owned_(std::make_unique<gb::history::HistoryStore>(path)), db_(owned_->database()) {}

LabStore::LabStore(const QSqlDatabase& db) : db_(db) {}

LabStore::~LabStore() {
    db_ = QSqlDatabase();  // before the owned store removes the connection
}

QSqlDatabase LabStore::database() const { return db_; }

QList<PromptTemplate> LabStore::templates() {
    const QString what = QStringLiteral("reading the prompt templates");
    QSqlQuery q = sql::run(db_, QStringLiteral("SELECT uid, data FROM lab_templates ORDER BY created_at, id"), {}, what);
    QList<PromptTemplate> out;
    while (sql::next(q, db_, what)) {
        PromptTemplate t = templateFromJson(fromText(q.value(1).toString(), QStringLiteral("a saved prompt template")));
        t.id = q.value(0).toString();
        t.builtin = false;
        out << t;
    }
    return out;
}

PromptTemplate LabStore::saveTemplate(const PromptTemplate& tmpl) {
    const QString what = QStringLiteral("saving the prompt template “%1”").arg(tmpl.name);
    PromptTemplate t = tmpl;
    t.builtin = false;
    sql::Transaction tx(db_, what);
    const bool exists = !t.id.isEmpty() &&
                        sql::scalar(db_, QStringLiteral("SELECT count(*) FROM lab_templates WHERE uid = ?"), {t.id}, what).toInt() > 0;
    const qint64 now = nowMs();
    if (exists) {
        sql::run(db_,
                 QStringLiteral("UPDATE lab_templates SET name = ?, language = ?, kind = ?, data = ?, updated_at = ? "
                                "WHERE uid = ?"),
                 {t.name, t.language, kindKey(t.kind), toText(templateToJson(t)), now, t.id}, what);
    } else {
        if (!t.id.startsWith(QStringLiteral("user-")))
            t.id = QStringLiteral("user-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        sql::run(db_,
                 QStringLiteral("INSERT INTO lab_templates (uid, name, language, kind, data, created_at, updated_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                 {t.id, t.name, t.language, kindKey(t.kind), toText(templateToJson(t)), now, now}, what);
    }
    tx.commit();
    return t;
}

void LabStore::deleteTemplate(const QString& id) {
    sql::run(db_, QStringLiteral("DELETE FROM lab_templates WHERE uid = ?"), {id},
             QStringLiteral("deleting a prompt template"));
}

qint64 LabStore::saveRun(const RunSpec& spec, const RunResult& result) {
    const QString what = QStringLiteral("saving a prompt lab run");
    sql::Transaction tx(db_, what);
    QSqlQuery q = sql::run(db_,
                           QStringLiteral("INSERT INTO lab_runs (created_at, mode, title, model_file, model_hash, seed, "
                                          "spec, results) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                           {nowMs(), modeKey(spec.mode), spec.title, spec.modelPath, spec.modelHash,
                            static_cast<qint64>(spec.seed), toText(specToJson(spec)), toText(resultToJson(result))},
                           what);
    const qint64 id = q.lastInsertId().toLongLong();
    tx.commit();
    return id;
}

SavedRun LabStore::run(qint64 id) {
    const QString what = QStringLiteral("reading a prompt lab run");
    QSqlQuery q = sql::run(db_, QStringLiteral("SELECT created_at, spec, results FROM lab_runs WHERE id = ?"), {id}, what);
    if (!sql::next(q, db_, what))
        throw HistoryError(HistoryError::Kind::NotFound, QStringLiteral("no prompt lab run %1").arg(id));
    SavedRun r;
    r.id = id;
    r.createdMs = q.value(0).toLongLong();
    r.spec = specFromJson(fromText(q.value(1).toString(), QStringLiteral("saved run %1").arg(id)));
    r.result = resultFromJson(fromText(q.value(2).toString(), QStringLiteral("saved run %1").arg(id)));
    summarize(r.spec, r.result);
    return r;
}

QList<RunSummary> LabStore::runs(int limit) {
    const QString what = QStringLiteral("listing prompt lab runs");
    QSqlQuery q = sql::run(db_,
                           QStringLiteral("SELECT id, created_at, mode, title, model_file, model_hash, seed, spec "
                                          "FROM lab_runs ORDER BY created_at DESC, id DESC LIMIT ?"),
                           {limit}, what);
    QList<RunSummary> out;
    while (sql::next(q, db_, what)) {
        RunSummary s;
        s.id = q.value(0).toLongLong();
        s.createdMs = q.value(1).toLongLong();
        s.mode = q.value(2).toString() == QLatin1String("batch") ? RunSpec::Mode::Batch : RunSpec::Mode::Compare;
        s.title = q.value(3).toString();
        s.modelFile = q.value(4).toString();
        s.modelHash = q.value(5).toString();
        s.seed = static_cast<quint64>(q.value(6).toLongLong());
        const QJsonObject spec = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        for (const QJsonValue& c : spec.value("columns").toArray()) s.columns << c.toObject().value("label").toString();
        s.inputs = static_cast<int>(spec.value("inputs").toArray().size());
        out << s;
    }
    return out;
}

void LabStore::deleteRun(qint64 id) {
    sql::run(db_, QStringLiteral("DELETE FROM lab_runs WHERE id = ?"), {id}, QStringLiteral("deleting a prompt lab run"));
}

}  // namespace gb::lab
