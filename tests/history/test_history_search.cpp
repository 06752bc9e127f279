// Full-text search over every message: English, Russian (case-insensitive), Chinese (3+ characters
// through the trigram index, shorter words by a scan), ranked, with marked snippets; the index
// follows edits, deletions and streaming checkpoints; query text never acts as FTS syntax.
#include <QtTest>

#include "history/streaming_writer.h"
#include "history_test_util.h"

using namespace gb::history;

class TestHistorySearch : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<HistoryStore> s_;
    qint64 en_ = 0, ru_ = 0, zh_ = 0;
    qint64 foxOnce_ = 0, foxTwice_ = 0, ruMsg_ = 0, zhMsg_ = 0;

    static QList<qint64> ids(const QList<SearchHit>& hits) {
        QList<qint64> out;
        for (const SearchHit& h : hits) out << h.messageId;
        return out;
    }

private slots:
    void initTestCase() {
        s_ = std::make_unique<HistoryStore>(dir_.filePath(QStringLiteral("search.sqlite")));
        en_ = s_->createConversation(QStringLiteral("Animals"));
        ru_ = s_->createConversation(QStringLiteral("Русский"));
        zh_ = s_->createConversation(QStringLiteral("中文"));
        const qint64 u = s_->addMessage(en_, 0, Role::User, QStringLiteral("Tell me about the quick brown fox."));
        foxOnce_ = u;
        foxTwice_ = s_->addMessage(en_, u, Role::Assistant,
                                   QStringLiteral("The fox is quick. Every fox jumps; a fox is a small canid that lives in "
                                                  "forests and cities alike, and the fox eats almost anything."));
        s_->addMessage(en_, foxTwice_, Role::User, QStringLiteral("And dogs?"));
        ruMsg_ = s_->addMessage(ru_, 0, Role::User, QStringLiteral("Расскажи мне о Москве и о ПОГОДЕ в Санкт-Петербурге."));
        zhMsg_ = s_->addMessage(zh_, 0, Role::User, QStringLiteral("我们今天去北京大学看看吧，你觉得天气怎么样？"));
    }

    void english() {
        const QList<SearchHit> hits = s_->search(QStringLiteral("fox"));
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].messageId, foxTwice_);  // more occurrences rank first (bm25)
        QVERIFY(hits[0].rank <= hits[1].rank);
        QCOMPARE(hits[0].conversationId, en_);
        QCOMPARE(hits[0].conversationTitle, QStringLiteral("Animals"));
        QCOMPARE(hits[0].role, Role::Assistant);
        QVERIFY2(hits[0].snippet.contains(QStringLiteral("[fox]")), qPrintable(hits[0].snippet));
        QCOMPARE(ids(s_->search(QStringLiteral("FOX brown"))), QList<qint64>{foxOnce_});  // all words, any case
        QVERIFY(s_->search(QStringLiteral("giraffe")).isEmpty());
        QCOMPARE(s_->search(QStringLiteral("canid")).size(), 1);  // substring of a longer word works too
    }

    void russian() {
        const QList<SearchHit> hits = s_->search(QStringLiteral("погоде"));
        QCOMPARE(ids(hits), QList<qint64>{ruMsg_});
        QVERIFY2(hits[0].snippet.contains(QStringLiteral("[ПОГОДЕ]")), qPrintable(hits[0].snippet));
        QCOMPARE(ids(s_->search(QStringLiteral("МОСКВЕ"))), QList<qint64>{ruMsg_});
        QCOMPARE(ids(s_->search(QStringLiteral("Санкт-Петербург"))), QList<qint64>{ruMsg_});
    }

    void chinese() {
        const QList<SearchHit> hits = s_->search(QStringLiteral("北京大学"));
        QCOMPARE(ids(hits), QList<qint64>{zhMsg_});
        QVERIFY2(hits[0].snippet.contains(QStringLiteral("[北京大学]")), qPrintable(hits[0].snippet));
        // Two-character words are below the trigram size: found by the scan, snippet marked too.
        const QList<SearchHit> shortHits = s_->search(QStringLiteral("天气"));
        QCOMPARE(ids(shortHits), QList<qint64>{zhMsg_});
        QVERIFY2(shortHits[0].snippet.contains(QStringLiteral("[天气]")), qPrintable(shortHits[0].snippet));
        QCOMPARE(ids(s_->search(QStringLiteral("北京大学 天气"))), QList<qint64>{zhMsg_});  // mixed lengths
        QVERIFY(s_->search(QStringLiteral("上海")).isEmpty());
    }

    void optionsAndSnippets() {
        SearchOptions o;
        o.conversationId = ru_;
        QVERIFY(s_->search(QStringLiteral("fox"), o).isEmpty());
        o = {};
        o.limit = 1;
        QCOMPARE(s_->search(QStringLiteral("fox"), o).size(), 1);
        o = {};
        o.open = QStringLiteral("<b>");
        o.close = QStringLiteral("</b>");
        o.snippetChars = 16;
        const QString snip = s_->search(QStringLiteral("canid"), o).front().snippet;
        QVERIFY2(snip.contains(QStringLiteral("<b>canid</b>")), qPrintable(snip));
        QVERIFY2(snip.startsWith(QStringLiteral("…")) && snip.size() < 60, qPrintable(snip));
    }

    void queryTextIsNotSyntax() {
        // Quotes, operators and FTS5 punctuation are searched for, never parsed.
        for (const QString& q : {QStringLiteral("\"fox"), QStringLiteral("fox OR dogs"), QStringLiteral("NEAR(fox"),
                                 QStringLiteral("fox*"), QStringLiteral("col:fox"), QStringLiteral("'; DROP TABLE messages; --"),
                                 QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("\\")})
            s_->search(q);  // must not throw
        QVERIFY(s_->search(QStringLiteral("fox OR dogs")).isEmpty());  // "OR" is a word here, not an operator
        QVERIFY(s_->search(QStringLiteral("%")).isEmpty());            // LIKE wildcards are literal
        QVERIFY(s_->search(QStringLiteral("   ")).isEmpty());
        QCOMPARE(s_->conversations().size(), 3);
    }

    void indexFollowsChanges() {
        const qint64 c = s_->createConversation(QStringLiteral("changes"));
        const qint64 m = s_->addMessage(c, 0, Role::User, QStringLiteral("zebra crossing"));
        QCOMPARE(ids(s_->search(QStringLiteral("zebra"))), QList<qint64>{m});
        const qint64 edit = s_->editMessage(m, QStringLiteral("okapi crossing"));
        QCOMPARE(ids(s_->search(QStringLiteral("okapi"))), QList<qint64>{edit});
        {
            StreamingWriter w(*s_, c, edit, {}, 0);
            w.append(QStringLiteral("a half-written platypus"));
            QCOMPARE(ids(s_->search(QStringLiteral("platypus"))), QList<qint64>{w.messageId()});  // found while streaming
            w.append(QStringLiteral(" and echidna"));
            QCOMPARE(s_->search(QStringLiteral("echidna")).size(), 1);
            w.finish({}, QStringLiteral("a wombat"));
            QVERIFY(s_->search(QStringLiteral("platypus")).isEmpty());
            QCOMPARE(s_->search(QStringLiteral("wombat")).size(), 1);
        }
        s_->deleteMessage(m);
        QVERIFY(s_->search(QStringLiteral("zebra")).isEmpty());
        s_->deleteConversation(c);
        QVERIFY(s_->search(QStringLiteral("okapi")).isEmpty());
        QVERIFY(s_->search(QStringLiteral("wombat")).isEmpty());
        QSqlQuery q(s_->database());
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")),
                 qPrintable(q.lastError().text()));
    }
};

QTEST_GUILESS_MAIN(TestHistorySearch)
#include "test_history_search.moc"
