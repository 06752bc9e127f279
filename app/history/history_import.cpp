#include "history_import.h"

#include <QHash>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include "history_export.h"
#include "message_rows.h"
#include "sql_util.h"

namespace gb::history {

namespace {

using K = HistoryError::Kind;

[[noreturn]] void bad(const QString& why) { throw HistoryError(K::BadInput, QStringLiteral("cannot import: %1").arg(why)); }

qint64 idOf(const QJsonValue& v) { return v.isNull() || v.isUndefined() ? 0 : v.toInteger(); }

GenerationInfo readGeneration(const QJsonObject& g) {
    GenerationInfo out;
    out.modelFile = g.value(QStringLiteral("model_file")).toString();
    out.modelHash = g.value(QStringLiteral("model_hash")).toString();
    out.architecture = g.value(QStringLiteral("architecture")).toString();
    out.sampler = g.value(QStringLiteral("sampler")).toObject();
    const QJsonValue seed = g.value(QStringLiteral("seed"));
    out.seed = seed.isString() ? seed.toString().toULongLong() : static_cast<quint64>(seed.toInteger());
    out.chatTemplate = g.value(QStringLiteral("chat_template")).toString();
    out.promptTokens = g.value(QStringLiteral("prompt_tokens")).toInt();
    out.genTokens = g.value(QStringLiteral("gen_tokens")).toInt();
    out.promptTokS = g.value(QStringLiteral("prompt_tok_s")).toDouble();
    out.genTokS = g.value(QStringLiteral("gen_tok_s")).toDouble();
    out.stopReason = g.value(QStringLiteral("stop_reason")).toString();
    for (const QJsonValue& t : g.value(QStringLiteral("tokens")).toArray()) {
        const QJsonArray pair = t.toArray();
        if (pair.size() != 2) bad(QStringLiteral("a token record is not [id, probability]"));
        out.tokens.push_back({static_cast<int32_t>(pair[0].toInteger()), static_cast<float>(pair[1].toDouble())});
    }
    return out;
}

qint64 importMessage(const QSqlDatabase& db, const QJsonObject& m, qint64 conversationId, qint64 parentId) {
    const auto role = roleFromName(m.value(QStringLiteral("role")).toString());
    if (!role) bad(QStringLiteral("message %1 has no valid role").arg(idOf(m.value(QStringLiteral("id")))));
    const qint64 created = m.value(QStringLiteral("created_at")).toInteger();
    const qint64 id = rows::insertMessage(db, conversationId, parentId, *role, m.value(QStringLiteral("content")).toString(),
                                          created, m.value(QStringLiteral("updated_at")).toInteger(created),
                                          m.value(QStringLiteral("complete")).toBool(true));
    if (m.contains(QStringLiteral("generation")))
        rows::writeGeneration(db, id, readGeneration(m.value(QStringLiteral("generation")).toObject()));
    if (m.contains(QStringLiteral("inspection"))) {
        const QJsonObject snap = m.value(QStringLiteral("inspection")).toObject();
        rows::writeInspection(db, id, snap.value(QStringLiteral("format")).toString(),
                              QByteArray::fromBase64(snap.value(QStringLiteral("data")).toString().toLatin1()));
    }
    return id;
}

qint64 importConversation(const QSqlDatabase& db, const QJsonObject& c, int index) {
    const QString what = QStringLiteral("importing");
    const qint64 now = rows::nowMs();
    const qint64 created = c.value(QStringLiteral("created_at")).toInteger(now);
    QSqlQuery q = sql::run(db,
                           QStringLiteral("INSERT INTO conversations (title, created_at, updated_at, pinned, folder) "
                                          "VALUES (?, ?, ?, ?, ?)"),
                           {c.value(QStringLiteral("title")).toString(), created,
                            c.value(QStringLiteral("updated_at")).toInteger(created),
                            c.value(QStringLiteral("pinned")).toBool() ? 1 : 0, c.value(QStringLiteral("folder")).toString()},
                           what);
    const qint64 id = q.lastInsertId().toLongLong();
    for (const QJsonValue& tag : c.value(QStringLiteral("tags")).toArray())
        sql::run(db, QStringLiteral("INSERT OR IGNORE INTO conversation_tags (conversation_id, tag) VALUES (?, ?)"),
                 {id, tag.toString()}, what);

    // Messages go in parents-first order whatever the file's order; ids are checked first.
    const QJsonArray messages = c.value(QStringLiteral("messages")).toArray();
    QHash<qint64, QJsonObject> byId;
    for (const QJsonValue& v : messages) {
        const QJsonObject m = v.toObject();
        const qint64 old = idOf(m.value(QStringLiteral("id")));
        if (old <= 0 || byId.contains(old)) bad(QStringLiteral("conversation %1 has a missing or repeated message id").arg(index + 1));
        byId.insert(old, m);
    }
    QList<qint64> pending = byId.keys();
    std::sort(pending.begin(), pending.end());
    QHash<qint64, qint64> newId;  // exported id -> id here
    while (!pending.isEmpty()) {
        QList<qint64> later;
        for (qint64 old : pending) {
            const qint64 parent = idOf(byId[old].value(QStringLiteral("parent_id")));
            if (parent && !byId.contains(parent))
                bad(QStringLiteral("message %1 replies to message %2, which is not in the file").arg(old).arg(parent));
            if (parent && !newId.contains(parent)) {
                later << old;
                continue;
            }
            newId.insert(old, importMessage(db, byId[old], id, parent ? newId.value(parent) : 0));
        }
        if (later.size() == pending.size()) bad(QStringLiteral("the messages of conversation %1 form a cycle").arg(index + 1));
        pending = later;
    }
    const qint64 leaf = idOf(c.value(QStringLiteral("current_leaf_id")));
    if (leaf && newId.contains(leaf))
        sql::run(db, QStringLiteral("UPDATE conversations SET current_leaf_id = ? WHERE id = ?"), {newId.value(leaf), id}, what);
    return id;
}

}  // namespace

QList<qint64> importJson(HistoryStore& store, const QByteArray& json) {
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) bad(QStringLiteral("not JSON (%1 at byte %2)").arg(err.errorString()).arg(err.offset));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("glassbox-history"))
        bad(QStringLiteral("not a Glassbox history export (\"format\" is not \"glassbox-history\")"));
    if (root.value(QStringLiteral("version")).toInt() > kJsonFormatVersion)
        bad(QStringLiteral("export format version %1 is newer than this Glassbox reads (%2)")
                .arg(root.value(QStringLiteral("version")).toInt())
                .arg(kJsonFormatVersion));
    const QSqlDatabase db = store.database();
    const QString what = QStringLiteral("importing");
    sql::Transaction tx(db, what);
    QList<qint64> ids;
    const QJsonArray conversations = root.value(QStringLiteral("conversations")).toArray();
    for (int i = 0; i < conversations.size(); ++i) ids << importConversation(db, conversations[i].toObject(), i);
    tx.commit();
    return ids;
}

}  // namespace gb::history
