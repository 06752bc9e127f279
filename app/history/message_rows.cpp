#include "message_rows.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QtEndian>

#include "history_error.h"
#include "sql_util.h"
#include "token_blob.h"

namespace gb::history::rows {

const QString& messageSelect() {
    static const QString s = QStringLiteral(
        "SELECT m.id, m.conversation_id, m.parent_id, m.role, m.content, m.created_at, m.updated_at, m.complete,"
        " g.message_id, g.model_file, g.model_hash, g.architecture, g.sampler, g.seed, t.text,"
        " g.prompt_tokens, g.gen_tokens, g.prompt_tok_s, g.gen_tok_s, g.stop_reason, g.tokens,"
        " EXISTS (SELECT 1 FROM inspections i WHERE i.message_id = m.id)"
        " FROM messages m LEFT JOIN generations g ON g.message_id = m.id"
        " LEFT JOIN chat_templates t ON t.id = g.template_id ");
    return s;
}

Message readMessage(const QSqlQuery& q) {
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.parentId = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
    m.role = roleFromName(q.value(3).toString()).value_or(Role::User);
    m.content = q.value(4).toString();
    m.createdMs = q.value(5).toLongLong();
    m.updatedMs = q.value(6).toLongLong();
    m.complete = q.value(7).toInt() != 0;
    if (!q.value(8).isNull()) {
        GenerationInfo g;
        g.modelFile = q.value(9).toString();
        g.modelHash = q.value(10).toString();
        g.architecture = q.value(11).toString();
        g.sampler = QJsonDocument::fromJson(q.value(12).toByteArray()).object();
        g.seed = static_cast<quint64>(q.value(13).toLongLong());
        g.chatTemplate = q.value(14).toString();
        g.promptTokens = q.value(15).toInt();
        g.genTokens = q.value(16).toInt();
        g.promptTokS = q.value(17).toDouble();
        g.genTokS = q.value(18).toDouble();
        g.stopReason = q.value(19).toString();
        g.tokens = decodeTokens(q.value(20).toByteArray());
        m.generation = std::move(g);
    }
    m.hasInspection = q.value(21).toInt() != 0;
    return m;
}

QList<Message> selectMessages(const QSqlDatabase& db, const QString& tail, const QVariantList& binds, const QString& what) {
    QSqlQuery q = sql::run(db, messageSelect() + tail, binds, what);
    QList<Message> out;
    while (sql::next(q, db, what)) out.push_back(readMessage(q));
    return out;
}

qint64 insertMessage(const QSqlDatabase& db, qint64 conversationId, qint64 parentId, Role role, const QString& content,
                     qint64 createdMs, qint64 updatedMs, bool complete) {
    QSqlQuery q = sql::run(db,
                           QStringLiteral("INSERT INTO messages (conversation_id, parent_id, role, content, created_at, "
                                          "updated_at, complete) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                           {conversationId, sql::idOrNull(parentId), roleName(role), content, createdMs, updatedMs,
                            complete ? 1 : 0},
                           QStringLiteral("saving a message"));
    return q.lastInsertId().toLongLong();
}

namespace {

QVariant templateId(const QSqlDatabase& db, const QString& text, const QString& what) {
    if (text.isEmpty()) return QVariant(QMetaType(QMetaType::LongLong));
    sql::run(db, QStringLiteral("INSERT OR IGNORE INTO chat_templates (text) VALUES (?)"), {text}, what);
    return sql::scalar(db, QStringLiteral("SELECT id FROM chat_templates WHERE text = ?"), {text}, what);
}

}  // namespace

void writeGeneration(const QSqlDatabase& db, qint64 messageId, const GenerationInfo& g) {
    const QString what = QStringLiteral("saving how a reply was generated");
    const QByteArray blob = encodeTokens(g.tokens);
    sql::run(db,
             QStringLiteral("INSERT OR REPLACE INTO generations (message_id, model_file, model_hash, architecture, sampler, "
                            "seed, template_id, prompt_tokens, gen_tokens, prompt_tok_s, gen_tok_s, stop_reason, tokens) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {messageId, g.modelFile, g.modelHash, g.architecture,
              QString::fromUtf8(QJsonDocument(g.sampler).toJson(QJsonDocument::Compact)),
              static_cast<qint64>(g.seed), templateId(db, g.chatTemplate, what), g.promptTokens, g.genTokens, g.promptTokS,
              g.genTokS, g.stopReason, blob.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(blob)},
             what);
}

void writeInspection(const QSqlDatabase& db, qint64 messageId, const QString& format, const QByteArray& data) {
    sql::run(db, QStringLiteral("INSERT OR REPLACE INTO inspections (message_id, format, data) VALUES (?, ?, ?)"),
             {messageId, format, qCompress(data)}, QStringLiteral("saving an inspection snapshot"));
}

std::optional<std::pair<QString, QByteArray>> readInspection(const QSqlDatabase& db, qint64 messageId) {
    const QString what = QStringLiteral("reading an inspection snapshot");
    QSqlQuery q = sql::run(db, QStringLiteral("SELECT format, data FROM inspections WHERE message_id = ?"), {messageId}, what);
    if (!sql::next(q, db, what)) return std::nullopt;
    const QByteArray raw = q.value(1).toByteArray();
    const QByteArray data = qUncompress(raw);
    if (data.isEmpty() && (raw.size() < 4 || qFromBigEndian<quint32>(raw.constData()) != 0))
        throw HistoryError(HistoryError::Kind::Corrupt,
                           QStringLiteral("the inspection snapshot of message %1 in %2 is damaged").arg(messageId).arg(db.databaseName()));
    return std::make_pair(q.value(0).toString(), data);
}

qint64 copyMessage(const QSqlDatabase& db, const Message& m, qint64 conversationId, qint64 parentId) {
    const qint64 id = insertMessage(db, conversationId, parentId, m.role, m.content, m.createdMs, m.updatedMs, m.complete);
    if (m.generation) writeGeneration(db, id, *m.generation);
    if (m.hasInspection) {
        sql::run(db, QStringLiteral("INSERT INTO inspections (message_id, format, data) "
                                    "SELECT ?, format, data FROM inspections WHERE message_id = ?"),
                 {id, m.id}, QStringLiteral("copying an inspection snapshot"));
    }
    return id;
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

}  // namespace gb::history::rows
