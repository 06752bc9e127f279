// glassbox-cli history [--db DB] SUBCOMMAND …: the chat history database.
//   list [--json]                            conversations, pinned first, newest first
//   show ID [--json]                         the current branch (JSON: every message + the branch)
//   search QUERY… [--limit N] [--conversation ID] [--json]
//   export ID|all [--format md|json] [--output FILE]
//   import FILE [--json]
//   rename ID TITLE | pin ID | unpin ID | delete ID | duplicate MESSAGE_ID [--json]
//   move-aside                               rename a damaged database to DB.corrupt-<time>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>
#include <optional>

#include "args.h"
#include "commands.h"
#include "history/database_file.h"
#include "history/history_export.h"
#include "history/history_import.h"
#include "history/history_store.h"
#include "json_out.h"

namespace cli {

namespace {

using namespace gb::history;
using nlohmann::json;

json toJson(const QJsonObject& o) { return json::parse(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString()); }

std::string str(const QString& s) { return s.toStdString(); }

void print(const QString& s) {
    const QByteArray b = s.toUtf8();
    std::fwrite(b.data(), 1, b.size(), stdout);
}

qint64 parseId(const std::string& s, const char* what) {
    bool ok = false;
    const qint64 id = QString::fromStdString(s).toLongLong(&ok);
    if (!ok || id <= 0) throw UsageError(std::string(what) + " must be a positive number, not '" + s + "'");
    return id;
}

QString shortTime(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")); }

int list(HistoryStore& s, bool asJson) {
    const QList<Conversation> all = s.conversations();
    if (asJson) {
        json arr = json::array();
        for (const Conversation& c : all) arr.push_back(toJson(conversationSummaryJson(c)));
        printJson({{"conversations", arr}});
        return 0;
    }
    if (all.isEmpty()) std::printf("no conversations in %s\n", s.path().toUtf8().constData());
    for (const Conversation& c : all)
        print(QStringLiteral("%1 %2 %3 %4 msgs  %5\n")
                  .arg(c.id, 6)
                  .arg(c.pinned ? QLatin1Char('*') : QLatin1Char(' '))
                  .arg(shortTime(c.updatedMs))
                  .arg(c.messageCount, 4)
                  .arg(c.title.isEmpty() ? QStringLiteral("(untitled)") : c.title));
    return 0;
}

int show(HistoryStore& s, qint64 id, bool asJson) {
    const Conversation c = s.conversation(id);
    const QList<Message> branch = s.currentBranch(id);
    if (asJson) {
        json messages = json::array(), ids = json::array();
        for (const Message& m : s.messages(id)) messages.push_back(toJson(messageJson(s, m)));
        for (const Message& m : branch) ids.push_back(m.id);
        printJson({{"conversation", toJson(conversationSummaryJson(c))}, {"messages", messages}, {"current_branch", ids}});
        return 0;
    }
    print(QStringLiteral("conversation %1: %2\n").arg(c.id).arg(c.title));
    for (const Message& m : branch) {
        QStringList notes;
        const QList<Message> sibs = s.siblings(m.id);
        if (sibs.size() > 1) {
            int index = 0;
            while (index < sibs.size() && sibs[index].id != m.id) ++index;
            notes << QStringLiteral("version %1 of %2").arg(index + 1).arg(sibs.size());
        }
        if (!m.complete) notes << QStringLiteral("interrupted");
        if (m.generation && !m.generation->modelFile.isEmpty()) notes << m.generation->modelFile;
        print(QStringLiteral("\n--- #%1 %2%3\n%4\n")
                  .arg(m.id)
                  .arg(roleName(m.role))
                  .arg(notes.isEmpty() ? QString() : QStringLiteral(" (") + notes.join(QStringLiteral(", ")) + QLatin1Char(')'))
                  .arg(m.content));
    }
    return 0;
}

int search(HistoryStore& s, const QString& query, const SearchOptions& o, bool asJson) {
    const QList<SearchHit> hits = s.search(query, o);
    if (asJson) {
        json arr = json::array();
        for (const SearchHit& h : hits)
            arr.push_back({{"conversation_id", h.conversationId}, {"message_id", h.messageId}, {"title", str(h.conversationTitle)},
                           {"role", str(roleName(h.role))}, {"snippet", str(h.snippet)}, {"rank", h.rank}});
        printJson({{"query", str(query)}, {"results", arr}});
        return 0;
    }
    if (hits.isEmpty()) std::printf("no matches\n");
    for (const SearchHit& h : hits)
        print(QStringLiteral("conversation %1, message %2 (%3) — %4\n    %5\n")
                  .arg(h.conversationId)
                  .arg(h.messageId)
                  .arg(roleName(h.role), h.conversationTitle, QString(h.snippet).replace(QLatin1Char('\n'), QLatin1Char(' '))));
    return 0;
}

int exportCmd(HistoryStore& s, const QList<qint64>& ids, const std::string& format,
              const std::optional<std::string>& output) {
    const QByteArray bytes = exportBytes(s, ids, format == "json" ? ExportFormat::Json : ExportFormat::Markdown);
    if (!output) {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        if (!bytes.endsWith('\n')) std::fputc('\n', stdout);
        return 0;
    }
    QFile f(QString::fromStdString(*output));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size() || !f.flush())
        throw std::runtime_error("cannot write " + *output + ": " + f.errorString().toStdString());
    return 0;
}

int importCmd(HistoryStore& s, const std::string& file, bool asJson) {
    QFile f(QString::fromStdString(file));
    if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + file + ": " + f.errorString().toStdString());
    const QList<qint64> ids = importJson(s, f.readAll());
    if (asJson) {
        printJson({{"imported", std::vector<qint64>(ids.begin(), ids.end())}});
        return 0;
    }
    QStringList names;
    for (qint64 id : ids) names << QString::number(id);
    print(QStringLiteral("imported %1 conversation(s): %2\n").arg(ids.size()).arg(names.join(QLatin1Char(' '))));
    return 0;
}

// rename / pin / unpin / delete / duplicate: one change, then the conversation it concerns.
int change(HistoryStore& s, const std::string& cmd, qint64 id, const QString& title, bool asJson) {
    qint64 shown = id;
    if (cmd == "rename") {
        s.renameConversation(id, title);
    } else if (cmd == "pin" || cmd == "unpin") {
        s.setPinned(id, cmd == "pin");
    } else if (cmd == "delete") {
        s.deleteConversation(id);
        shown = 0;
    } else {
        shown = s.duplicateFromMessage(id);
    }
    if (asJson) {
        printJson(shown ? json{{"conversation", toJson(conversationSummaryJson(s.conversation(shown)))}}
                        : json{{"deleted", id}});
    } else if (shown) {
        const Conversation c = s.conversation(shown);
        print(QStringLiteral("conversation %1: %2\n").arg(c.id).arg(c.title));
    } else {
        std::printf("deleted conversation %lld\n", static_cast<long long>(id));
    }
    return 0;
}

}  // namespace

int cmdHistory(const Argv& argv) {
    Args a(argv, {"--json"});
    a.allowPositionals(2);
    const QString db = QString::fromStdString(a.get("--db", defaultDatabasePath().toStdString()));
    const bool asJson = a.flag("--json");
    const std::string cmd = a.positional(0, "subcommand (list, show, search, export, import, rename, pin, unpin, delete, "
                                            "duplicate, move-aside)");
    if (cmd == "move-aside") {
        a.allowPositionals(1);
        a.finish();
        const QString moved = moveAside(db);
        if (asJson) printJson({{"moved_to", str(moved)}});
        else print(QStringLiteral("moved %1 to %2\n").arg(db, moved));
        return 0;
    }
    if (cmd == "list") {
        a.allowPositionals(1);
        a.finish();
        HistoryStore s(db);
        return list(s, asJson);
    }
    if (cmd == "show") {
        const qint64 id = parseId(a.positional(1, "conversation ID"), "conversation ID");
        a.finish();
        HistoryStore s(db);
        return show(s, id, asJson);
    }
    if (cmd == "search") {
        a.allowPositionals(1000);
        QStringList words;
        for (size_t i = 1; i < a.positionals().size(); ++i) words << QString::fromStdString(a.positionals()[i]);
        if (words.isEmpty()) throw UsageError("search needs a QUERY");
        SearchOptions o;
        o.limit = static_cast<int>(a.getInt("--limit", 20));
        if (auto c = a.get("--conversation")) o.conversationId = parseId(*c, "--conversation");
        a.finish();
        if (o.limit <= 0) throw UsageError("--limit must be positive");
        HistoryStore s(db);
        return search(s, words.join(QLatin1Char(' ')), o, asJson);
    }
    if (cmd == "export") {
        const std::string which = a.positional(1, "conversation ID (or all)");
        const std::string format = a.get("--format", "md");
        const auto output = a.get("--output");
        a.finish();
        if (format != "md" && format != "json") throw UsageError("--format must be md or json");
        QList<qint64> ids;
        if (which != "all") ids << parseId(which, "conversation ID");
        HistoryStore s(db);
        return exportCmd(s, ids, format, output);
    }
    if (cmd == "import") {
        const std::string file = a.positional(1, "FILE");
        a.finish();
        HistoryStore s(db);
        return importCmd(s, file, asJson);
    }
    if (cmd == "rename" || cmd == "pin" || cmd == "unpin" || cmd == "delete" || cmd == "duplicate") {
        const qint64 id = parseId(a.positional(1, cmd == "duplicate" ? "MESSAGE_ID" : "ID"), "ID");
        QString title;
        if (cmd == "rename") {
            a.allowPositionals(3);
            title = QString::fromStdString(a.positional(2, "TITLE"));
        }
        a.finish();
        HistoryStore s(db);
        return change(s, cmd, id, title, asJson);
    }
    throw UsageError("unknown history subcommand '" + cmd + "' (list, show, search, export, import, rename, pin, unpin, "
                     "delete, duplicate, move-aside)");
}

}  // namespace cli
