// Full-text search: FTS5 with the trigram tokenizer (any script, case-folded, substrings of 3+
// characters), ranked by bm25 with snippets. Words shorter than 3 characters (common in Chinese)
// cannot use the trigram index: they are matched with LIKE, and alone they fall back to a scan.
#include <QRegularExpression>
#include <QSqlQuery>

#include "history_store.h"
#include "message_rows.h"
#include "sql_util.h"

namespace gb::history {

namespace {

int characters(const QString& s) { return static_cast<int>(s.toUcs4().size()); }

// A word as an FTS5 string: "…" with inner quotes doubled, so no query syntax gets through.
QString ftsPhrase(const QString& word) {
    QString w = word;
    w.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + w + QLatin1Char('"');
}

QString likePattern(const QString& word) {
    QString w = word;
    w.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + w + QLatin1Char('%');
}

// A snippet around the first occurrence of any word, words marked (for the LIKE fallback).
QString makeSnippet(const QString& text, const QStringList& words, const SearchOptions& o) {
    qsizetype first = -1;
    for (const QString& w : words) {
        const qsizetype at = text.indexOf(w, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    if (first < 0) first = 0;
    const qsizetype from = qMax<qsizetype>(0, first - o.snippetChars / 2);
    const qsizetype to = qMin<qsizetype>(text.size(), from + o.snippetChars);
    QString s = text.mid(from, to - from);
    for (const QString& w : words) {
        for (qsizetype at = s.indexOf(w, 0, Qt::CaseInsensitive); at >= 0;
             at = s.indexOf(w, at + o.open.size() + w.size() + o.close.size(), Qt::CaseInsensitive)) {
            s.insert(at + w.size(), o.close);
            s.insert(at, o.open);
        }
    }
    return (from > 0 ? o.ellipsis : QString()) + s + (to < text.size() ? o.ellipsis : QString());
}

}  // namespace

QList<SearchHit> HistoryStore::search(const QString& query, const SearchOptions& o) {
    const QString what = QStringLiteral("searching");
    const QStringList words = query.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.isEmpty()) return {};
    QStringList longWords, shortWords;
    for (const QString& w : words) (characters(w) >= 3 ? longWords : shortWords) << w;

    QVariantList binds;
    QString sqlText;
    if (!longWords.isEmpty()) {
        QStringList phrases;
        for (const QString& w : longWords) phrases << ftsPhrase(w);
        sqlText = QStringLiteral(
            "SELECT m.id, m.conversation_id, c.title, m.role, m.content,"
            " snippet(messages_fts, 0, ?, ?, ?, ?), bm25(messages_fts)"
            " FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid"
            " JOIN conversations c ON c.id = m.conversation_id WHERE messages_fts MATCH ?");
        binds << o.open << o.close << o.ellipsis << qBound(1, o.snippetChars, 64) << phrases.join(QLatin1Char(' '));
    } else {
        sqlText = QStringLiteral("SELECT m.id, m.conversation_id, c.title, m.role, m.content, NULL, 0"
                                 " FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE 1");
    }
    for (const QString& w : shortWords) {
        sqlText += QStringLiteral(" AND m.content LIKE ? ESCAPE '\\'");
        binds << likePattern(w);
    }
    if (o.conversationId) {
        sqlText += QStringLiteral(" AND m.conversation_id = ?");
        binds << o.conversationId;
    }
    sqlText += longWords.isEmpty() ? QStringLiteral(" ORDER BY m.updated_at DESC, m.id DESC LIMIT ?")
                                   : QStringLiteral(" ORDER BY bm25(messages_fts), m.id DESC LIMIT ?");
    binds << qMax(1, o.limit);

    QSqlQuery q = sql::run(database(), sqlText, binds, what);
    QList<SearchHit> out;
    while (sql::next(q, database(), what)) {
        SearchHit h;
        h.messageId = q.value(0).toLongLong();
        h.conversationId = q.value(1).toLongLong();
        h.conversationTitle = q.value(2).toString();
        h.role = roleFromName(q.value(3).toString()).value_or(Role::User);
        h.snippet = q.value(5).isNull() ? makeSnippet(q.value(4).toString(), words, o) : q.value(5).toString();
        h.rank = q.value(6).toDouble();
        out.push_back(h);
    }
    return out;
}

}  // namespace gb::history
