// The store: schema and pragmas, conversations, the message tree (edits and regenerations are
// branches), duplication, generation records, inspection snapshots, streaming checkpoints.
#include <QThread>
#include <QtTest>

#include "history/schema.h"
#include "history/streaming_writer.h"
#include "history_test_util.h"

using namespace gb::history;
using histtest::RawConnection;
using K = HistoryError::Kind;

class TestHistoryStore : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int n_ = 0;
    QString fresh() { return dir_.filePath(QStringLiteral("db%1/history.sqlite").arg(++n_)); }

    static GenerationInfo sampleGeneration() {
        GenerationInfo g;
        g.modelFile = QStringLiteral("stories260K-f32.gguf");
        g.modelHash = QStringLiteral("sha256:dfbbeeb0");
        g.architecture = QStringLiteral("llama");
        g.sampler = QJsonObject{{QStringLiteral("temperature"), 0.7}, {QStringLiteral("top_k"), 40}};
        g.seed = 0xFEDCBA9876543210ULL;  // above INT64_MAX: stored bit for bit
        g.chatTemplate = QStringLiteral("{% for m in messages %}{{ m.content }}{% endfor %}");
        g.promptTokens = 12;
        g.genTokens = 3;
        g.promptTokS = 123.25;
        g.genTokS = 45.5;
        g.stopReason = QStringLiteral("eos");
        g.tokens = {{1, 0.5f}, {42, 0.125f}, {-7, 1e-7f}};
        return g;
    }

private slots:
    void newDatabaseHasSchemaAndPragmas() {
        HistoryStore s(fresh());
        QSqlQuery q(s.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(schemaVersion(s.database()), latestSchemaVersion());
        QCOMPARE(s.integrityCheck(), QStringLiteral("ok"));
        QVERIFY(s.conversations().isEmpty());
    }

    void reopenKeepsData() {
        const QString path = fresh();
        qint64 c = 0;
        {
            HistoryStore s(path);
            c = s.createConversation(QStringLiteral("Привет 你好"));
            s.addMessage(c, 0, Role::User, QStringLiteral("hello"));
        }
        HistoryStore s(path);
        QCOMPARE(s.conversation(c).title, QStringLiteral("Привет 你好"));
        QCOMPARE(s.messages(c).size(), 1);
    }

    void conversations() {
        HistoryStore s(fresh());
        const qint64 a = s.createConversation(QStringLiteral("a"));
        QThread::msleep(2);
        const qint64 b = s.createConversation(QStringLiteral("b"));
        QThread::msleep(2);
        const qint64 c = s.createConversation(QStringLiteral("c"));
        QCOMPARE(s.conversations().size(), 3);
        QCOMPARE(s.conversations().front().id, c);  // newest first
        s.setPinned(a, true);
        QCOMPARE(s.conversations().front().id, a);  // pinned first
        QThread::msleep(2);
        s.addMessage(b, 0, Role::User, QStringLiteral("x"));  // touching b makes it the newest unpinned
        QCOMPARE(s.conversations().at(1).id, b);
        s.renameConversation(b, QStringLiteral("renamed"));
        s.setFolder(b, QStringLiteral("work"));
        s.setTags(b, {QStringLiteral("z"), QStringLiteral("a"), QStringLiteral(" a "), QString()});
        const Conversation cb = s.conversation(b);
        QCOMPARE(cb.title, QStringLiteral("renamed"));
        QCOMPARE(cb.folder, QStringLiteral("work"));
        QCOMPARE(cb.tags, (QStringList{QStringLiteral("a"), QStringLiteral("z")}));
        QCOMPARE(cb.messageCount, 1);
        QVERIFY(cb.pinned == false && s.conversation(a).pinned);
        s.deleteConversation(b);
        QCOMPARE(s.conversations().size(), 2);
        QCOMPARE(RawConnection(s.path()).scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt(), 0);
        QVERIFY(!histtest::expectError(K::NotFound, [&] { s.conversation(b); }).isEmpty());
        QVERIFY(!histtest::expectError(K::NotFound, [&] { s.renameConversation(b, QStringLiteral("x")); }).isEmpty());
        QVERIFY(!histtest::expectError(K::NotFound, [&] { s.addMessage(b, 0, Role::User, QStringLiteral("x")); }).isEmpty());
    }

    void editsAndRegenerationsAreBranches() {
        HistoryStore s(fresh());
        const qint64 c = s.createConversation(QStringLiteral("tree"));
        const qint64 sys = s.addMessage(c, 0, Role::System, QStringLiteral("be brief"));
        const qint64 u1 = s.addMessage(c, sys, Role::User, QStringLiteral("question"));
        const qint64 a1 = s.addMessage(c, u1, Role::Assistant, QStringLiteral("answer 1"));
        const qint64 u2 = s.addMessage(c, a1, Role::User, QStringLiteral("follow-up"));
        const qint64 a2 = s.addMessage(c, u1, Role::Assistant, QStringLiteral("answer 2"));  // regenerate
        const qint64 u1b = s.editMessage(u1, QStringLiteral("question, edited"));            // edit
        QCOMPARE(s.message(u1b).parentId, sys);
        QCOMPARE(s.message(u1b).role, Role::User);
        // Nothing was erased: the old branch with its follow-up is still there.
        QCOMPARE(s.messages(c).size(), 6);
        QCOMPARE(s.message(u2).content, QStringLiteral("follow-up"));
        QCOMPARE(s.siblings(a1).size(), 2);
        QCOMPARE(s.siblings(u1).size(), 2);
        QCOMPARE(s.children(u1).size(), 2);
        QCOMPARE(s.children(0, c).size(), 1);  // one root
        QList<qint64> path;
        for (const Message& m : s.pathTo(u2)) path << m.id;
        QCOMPARE(path, (QList<qint64>{sys, u1, a1, u2}));
        // The current branch is the newest message's: the edit.
        QCOMPARE(s.currentBranch(c).back().id, u1b);
        // The UI switches to the first answer: its newest leaf (the follow-up) becomes current.
        s.setCurrentLeaf(c, a1);
        QCOMPARE(s.currentBranch(c).back().id, u2);
        s.setCurrentLeaf(c, a2);
        QCOMPARE(s.currentBranch(c).size(), 3);
        QCOMPARE(s.newestLeafBelow(sys), u1b);
        const qint64 other = s.createConversation(QStringLiteral("other"));
        QVERIFY(!histtest::expectError(K::BadInput, [&] { s.addMessage(other, u1, Role::User, QStringLiteral("x")); }).isEmpty());
        QVERIFY(!histtest::expectError(K::NotFound, [&] { s.addMessage(c, 99999, Role::User, QStringLiteral("x")); }).isEmpty());
        // Deleting a message takes its replies with it.
        s.deleteMessage(a1);
        QCOMPARE(s.messages(c).size(), 4);
        QVERIFY(!histtest::expectError(K::NotFound, [&] { s.message(u2); }).isEmpty());
    }

    void longChainsDelete() {
        // Cascading deletes down a chain deeper than SQLite's trigger depth (1000) must not fail.
        HistoryStore s(fresh());
        const qint64 c = s.createConversation(QStringLiteral("long"));
        qint64 parent = 0, third = 0;
        {
            QSqlQuery q(s.database());
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            for (int i = 0; i < 1500; ++i) {
                q.prepare(QStringLiteral("INSERT INTO messages (conversation_id, parent_id, role, content, created_at, updated_at) "
                                         "VALUES (?, ?, 'user', ?, 0, 0)"));
                q.bindValue(0, c);
                q.bindValue(1, parent ? QVariant(parent) : QVariant(QMetaType(QMetaType::LongLong)));
                q.bindValue(2, QStringLiteral("m%1").arg(i));
                QVERIFY(q.exec());
                parent = q.lastInsertId().toLongLong();
                if (i == 2) third = parent;
            }
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        QCOMPARE(s.currentBranch(c).size(), 1500);
        s.deleteMessage(third);
        QCOMPARE(s.messages(c).size(), 2);
        s.deleteConversation(c);
        QCOMPARE(s.conversations().size(), 0);
        QCOMPARE(s.integrityCheck(), QStringLiteral("ok"));
    }

    void duplicateFromAnyMessage() {
        HistoryStore s(fresh());
        const qint64 c = s.createConversation(QStringLiteral("orig"));
        s.setFolder(c, QStringLiteral("f"));
        s.setTags(c, {QStringLiteral("t")});
        const qint64 u = s.addMessage(c, 0, Role::User, QStringLiteral("q"));
        const qint64 a = s.addMessage(c, u, Role::Assistant, QStringLiteral("r"), sampleGeneration());
        s.setInspection(a, QStringLiteral("attention-v1"), QByteArray(1000, 'x'));
        s.addMessage(c, a, Role::User, QStringLiteral("later"));
        const qint64 d = s.duplicateFromMessage(a);
        const Conversation dc = s.conversation(d);
        QCOMPARE(dc.title, QStringLiteral("orig (copy)"));
        QCOMPARE(dc.folder, QStringLiteral("f"));
        QCOMPARE(dc.tags, QStringList{QStringLiteral("t")});
        const QList<Message> copy = s.currentBranch(d);
        QCOMPARE(copy.size(), 2);
        QCOMPARE(copy[0].content, QStringLiteral("q"));
        QCOMPARE(copy[1].content, QStringLiteral("r"));
        QVERIFY(copy[1].parentId == copy[0].id && copy[1].id != a);
        QCOMPARE(*copy[1].generation, sampleGeneration());
        QCOMPARE(s.inspection(copy[1].id)->second, QByteArray(1000, 'x'));
        QCOMPARE(s.messages(c).size(), 3);  // the original is untouched
        QCOMPARE(s.conversation(s.duplicateFromMessage(u, QStringLiteral("named"))).title, QStringLiteral("named"));
    }

    void generationRecordRoundTrips() {
        HistoryStore s(fresh());
        const qint64 c = s.createConversation(QStringLiteral("g"));
        const qint64 u = s.addMessage(c, 0, Role::User, QStringLiteral("q"));
        const qint64 a = s.addMessage(c, u, Role::Assistant, QStringLiteral("r"), sampleGeneration());
        s.addMessage(c, u, Role::Assistant, QStringLiteral("r2"), sampleGeneration());
        const Message m = s.message(a);
        QVERIFY(m.generation.has_value());
        QCOMPARE(*m.generation, sampleGeneration());
        QVERIFY(!s.message(u).generation.has_value());
        RawConnection raw(s.path());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM chat_templates")).toInt(), 1);  // stored once
        QCOMPARE(raw.scalar(QStringLiteral("SELECT length(tokens) FROM generations WHERE message_id = ?"), {a}).toInt(), 4 + 3 * 8);
    }

    void inspectionSnapshots() {
        HistoryStore s(fresh());
        const qint64 c = s.createConversation(QStringLiteral("i"));
        const qint64 a = s.addMessage(c, 0, Role::Assistant, QStringLiteral("r"));
        QVERIFY(!s.inspection(a).has_value());
        QVERIFY(!s.message(a).hasInspection);
        QByteArray data;
        for (int i = 0; i < 20000; ++i) data += char(i % 7);
        s.setInspection(a, QStringLiteral("attention-v1"), data);
        QVERIFY(s.message(a).hasInspection);
        QCOMPARE(s.inspection(a)->first, QStringLiteral("attention-v1"));
        QCOMPARE(s.inspection(a)->second, data);
        RawConnection raw(s.path());
        QVERIFY(raw.scalar(QStringLiteral("SELECT length(data) FROM inspections")).toInt() < data.size() / 10);  // compressed
        s.setInspection(a, QStringLiteral("empty"), QByteArray());
        QCOMPARE(s.inspection(a)->second, QByteArray());
        QVERIFY(!histtest::expectError(K::NotFound, [&] { s.setInspection(999, QString(), data); }).isEmpty());
    }

    void streamingCheckpoints() {
        HistoryStore s(fresh());
        const qint64 c = s.createConversation(QStringLiteral("s"));
        const qint64 u = s.addMessage(c, 0, Role::User, QStringLiteral("q"));
        GenerationInfo start;
        start.modelFile = QStringLiteral("m.gguf");
        start.seed = 7;
        RawConnection other(s.path());  // another reader, as after a crash
        auto saved = [&](qint64 id) { return other.scalar(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {id}).toString(); };
        auto complete = [&](qint64 id) { return other.scalar(QStringLiteral("SELECT complete FROM messages WHERE id = ?"), {id}).toInt(); };

        StreamingWriter w(s, c, u, start, 500);
        QCOMPARE(w.messageId(), 0);
        w.append(QStringLiteral("Hel"));
        const qint64 id = w.messageId();
        if (w.lastError()) qWarning() << w.lastError()->message();
        QVERIFY(id > 0);                       // the row exists from the first token …
        QCOMPARE(saved(id), QStringLiteral("Hel"));  // … with it
        QCOMPARE(complete(id), 0);
        QCOMPARE(s.message(id).generation->modelFile, QStringLiteral("m.gguf"));  // known before generating
        for (int i = 0; i < 50; ++i) w.append(QStringLiteral("l"));
        QCOMPARE(w.checkpoints(), 1);           // at most once per interval
        QCOMPARE(saved(id), QStringLiteral("Hel"));
        QThread::msleep(550);
        QVERIFY(!w.lastError());
        w.append(QStringLiteral("o"));          // the interval has passed: this token checkpoints
        QCOMPARE(w.checkpoints(), 2);
        QCOMPARE(saved(id), QStringLiteral("Hel") + QString(50, QLatin1Char('l')) + QStringLiteral("o"));
        w.append(QStringLiteral("!"));
        QVERIFY(!w.flushIfDue());               // not due yet
        QThread::msleep(550);
        QVERIFY(w.flushIfDue());                // a timer's call saves slow streams
        QCOMPARE(saved(id).right(2), QStringLiteral("o!"));
        GenerationInfo done = start;
        done.stopReason = QStringLiteral("eos");
        done.tokens = {{5, 0.5f}};
        w.finish(done);
        QCOMPARE(complete(id), 1);
        QCOMPARE(s.message(id).content, w.text());
        QCOMPARE(*s.message(id).generation, done);
        QCOMPARE(s.currentBranch(c).back().id, id);

        // A writer dropped without finish() (generation failed) saves its text, still incomplete.
        qint64 id2 = 0;
        {
            StreamingWriter w2(s, c, u, start, 60000);
            w2.append(QStringLiteral("a"));
            w2.append(QStringLiteral("b"));
            id2 = w2.messageId();
            QCOMPARE(saved(id2), QStringLiteral("a"));
        }
        QCOMPARE(saved(id2), QStringLiteral("ab"));
        QCOMPARE(complete(id2), 0);
        QVERIFY(!s.message(id2).complete);

        // A reply with no tokens at all still gets its row on finish.
        StreamingWriter w3(s, c, u, start);
        w3.finish(done);
        QVERIFY(w3.messageId() > 0);
        QCOMPARE(s.message(w3.messageId()).content, QString());
        QVERIFY(s.message(w3.messageId()).complete);
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "test_history_store.moc"
