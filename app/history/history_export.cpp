#include "history_export.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace gb::history {

namespace {

QString isoTime(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); }

QList<qint64> allIds(HistoryStore& store, const QList<qint64>& ids) {
    if (!ids.isEmpty()) return ids;
    QList<qint64> out;
    for (const Conversation& c : store.conversations()) out << c.id;
    return out;
}

QJsonObject generationJson(const GenerationInfo& g) {
    QJsonArray tokens;
    for (const TokenProb& t : g.tokens) tokens.append(QJsonArray{t.id, static_cast<double>(t.prob)});
    return QJsonObject{
        {QStringLiteral("model_file"), g.modelFile},
        {QStringLiteral("model_hash"), g.modelHash},
        {QStringLiteral("architecture"), g.architecture},
        {QStringLiteral("sampler"), g.sampler},
        {QStringLiteral("seed"), QString::number(g.seed)},  // a string: JSON numbers lose uint64 precision
        {QStringLiteral("chat_template"), g.chatTemplate},
        {QStringLiteral("prompt_tokens"), g.promptTokens},
        {QStringLiteral("gen_tokens"), g.genTokens},
        {QStringLiteral("prompt_tok_s"), g.promptTokS},
        {QStringLiteral("gen_tok_s"), g.genTokS},
        {QStringLiteral("stop_reason"), g.stopReason},
        {QStringLiteral("tokens"), tokens},
    };
}

QString markdownMeta(const GenerationInfo& g) {
    QStringList parts;
    if (!g.modelFile.isEmpty()) parts << QStringLiteral("`%1`").arg(g.modelFile);
    if (g.genTokens) parts << QStringLiteral("%1 tokens").arg(g.genTokens);
    if (g.genTokS > 0) parts << QStringLiteral("%1 tok/s").arg(g.genTokS, 0, 'f', 1);
    if (!g.stopReason.isEmpty()) parts << QStringLiteral("stop: %1").arg(g.stopReason);
    parts << QStringLiteral("seed %1").arg(g.seed);
    return parts.join(QStringLiteral(" · "));
}

QString conversationMarkdown(HistoryStore& store, qint64 id) {
    const Conversation c = store.conversation(id);
    QString md = QStringLiteral("# %1\n\n").arg(c.title.isEmpty() ? QStringLiteral("Untitled") : c.title);
    QStringList meta{QStringLiteral("created %1").arg(isoTime(c.createdMs)), QStringLiteral("updated %1").arg(isoTime(c.updatedMs))};
    if (c.pinned) meta << QStringLiteral("pinned");
    if (!c.folder.isEmpty()) meta << QStringLiteral("folder: %1").arg(c.folder);
    if (!c.tags.isEmpty()) meta << QStringLiteral("tags: %1").arg(c.tags.join(QStringLiteral(", ")));
    md += QStringLiteral("*%1*\n").arg(meta.join(QStringLiteral(" · ")));
    for (const Message& m : store.currentBranch(id)) {
        QString role = roleName(m.role);
        role[0] = role[0].toUpper();
        md += QStringLiteral("\n### %1").arg(role);
        const QList<Message> sibs = store.siblings(m.id);
        if (sibs.size() > 1) {
            qsizetype index = 0;
            while (index < sibs.size() && sibs[index].id != m.id) ++index;
            md += QStringLiteral(" (version %1 of %2)").arg(index + 1).arg(sibs.size());
        }
        md += QStringLiteral("\n\n%1\n").arg(m.content);
        if (!m.complete) md += QStringLiteral("\n*(interrupted: this reply was not finished)*\n");
        if (m.role == Role::Assistant && m.generation) md += QStringLiteral("\n<sub>%1</sub>\n").arg(markdownMeta(*m.generation));
    }
    return md;
}

}  // namespace

QJsonObject messageJson(HistoryStore& store, const Message& m) {
    QJsonObject o{
        {QStringLiteral("id"), m.id},
        {QStringLiteral("parent_id"), m.parentId ? QJsonValue(m.parentId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("role"), roleName(m.role)},
        {QStringLiteral("content"), m.content},
        {QStringLiteral("created_at"), m.createdMs},
        {QStringLiteral("updated_at"), m.updatedMs},
        {QStringLiteral("complete"), m.complete},
    };
    if (m.generation) o.insert(QStringLiteral("generation"), generationJson(*m.generation));
    if (m.hasInspection) {
        if (const auto snap = store.inspection(m.id))
            o.insert(QStringLiteral("inspection"), QJsonObject{{QStringLiteral("format"), snap->first},
                                                               {QStringLiteral("data"), QString::fromLatin1(snap->second.toBase64())}});
    }
    return o;
}

QJsonObject conversationSummaryJson(const Conversation& c) {
    return QJsonObject{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("title"), c.title},
        {QStringLiteral("created_at"), c.createdMs},
        {QStringLiteral("updated_at"), c.updatedMs},
        {QStringLiteral("pinned"), c.pinned},
        {QStringLiteral("folder"), c.folder},
        {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)},
        {QStringLiteral("current_leaf_id"), c.currentLeafId ? QJsonValue(c.currentLeafId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("message_count"), c.messageCount},
    };
}

QJsonObject conversationJson(HistoryStore& store, qint64 conversationId) {
    QJsonObject o = conversationSummaryJson(store.conversation(conversationId));
    o.remove(QStringLiteral("message_count"));  // derived, not data
    QJsonArray messages;
    for (const Message& m : store.messages(conversationId)) messages.append(messageJson(store, m));
    o.insert(QStringLiteral("messages"), messages);
    return o;
}

QJsonObject exportJson(HistoryStore& store, const QList<qint64>& ids) {
    QJsonArray conversations;
    for (qint64 id : allIds(store, ids)) conversations.append(conversationJson(store, id));
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("glassbox-history")},
        {QStringLiteral("version"), kJsonFormatVersion},
        {QStringLiteral("exported_at"), QDateTime::currentMSecsSinceEpoch()},
        {QStringLiteral("conversations"), conversations},
    };
}

QByteArray exportJsonBytes(HistoryStore& store, const QList<qint64>& ids) {
    return QJsonDocument(exportJson(store, ids)).toJson(QJsonDocument::Indented);
}

QString exportMarkdown(HistoryStore& store, const QList<qint64>& ids) {
    QStringList parts;
    for (qint64 id : allIds(store, ids)) parts << conversationMarkdown(store, id);
    return parts.join(QStringLiteral("\n---\n\n"));
}

QByteArray exportBytes(HistoryStore& store, const QList<qint64>& ids, ExportFormat format) {
    return format == ExportFormat::Json ? exportJsonBytes(store, ids) : exportMarkdown(store, ids).toUtf8();
}

}  // namespace gb::history
