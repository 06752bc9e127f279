// Export and import: JSON round-trips losslessly (import(export(x)) == x, every branch, the
// current branch, generation records with token probabilities, inspection snapshots, incomplete
// replies); Markdown shows the current branch; a bad import file changes nothing.
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "history/history_export.h"
#include "history/history_import.h"
#include "history/streaming_writer.h"
#include "history_test_util.h"

using namespace gb::history;

namespace {

// Replaces ids (which import renumbers) with their position among the exported messages and
// drops the export time, so two exports of the same history compare equal.
QJsonObject normalized(QJsonObject doc) {
    doc.remove(QStringLiteral("exported_at"));
    QJsonArray convs;
    for (const QJsonValue& cv : doc.value(QStringLiteral("conversations")).toArray()) {
        QJsonObject c = cv.toObject();
        QHash<qint64, int> index;
        QJsonArray msgs = c.value(QStringLiteral("messages")).toArray();
        for (int i = 0; i < msgs.size(); ++i) index.insert(msgs[i].toObject().value(QStringLiteral("id")).toInteger(), i);
        auto map = [&](const QJsonValue& v) { return v.isNull() ? QJsonValue() : QJsonValue(index.value(v.toInteger(), -1)); };
        QJsonArray out;
        for (const QJsonValue& mv : msgs) {
            QJsonObject m = mv.toObject();
            m.insert(QStringLiteral("id"), map(m.value(QStringLiteral("id"))));
            m.insert(QStringLiteral("parent_id"), map(m.value(QStringLiteral("parent_id"))));
            out.append(m);
        }
        c.insert(QStringLiteral("messages"), out);
        c.insert(QStringLiteral("id"), 0);
        c.insert(QStringLiteral("current_leaf_id"), map(c.value(QStringLiteral("current_leaf_id"))));
        convs.append(c);
    }
    doc.insert(QStringLiteral("conversations"), convs);
    return doc;
}

}  // namespace

class TestHistoryExport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int n_ = 0;
    QString fresh() { return dir_.filePath(QStringLiteral("e%1.sqlite").arg(++n_)); }

    // Two conversations: one with a system prompt, an edit, a regeneration, a generation record,
    // an inspection snapshot and an interrupted reply; the current branch is not the newest.
    static qint64 populate(HistoryStore& s) {
        const qint64 c = s.createConversation(QStringLiteral("Branches «ß» 你好"));
        s.setPinned(c, true);
        s.setFolder(c, QStringLiteral("work/ml"));
        s.setTags(c, {QStringLiteral("b"), QStringLiteral("a")});
        const qint64 sys = s.addMessage(c, 0, Role::System, QStringLiteral("You are terse."));
        const qint64 u = s.addMessage(c, sys, Role::User, QStringLiteral("Name a prime.\n\n```\ncode\n```"));
        GenerationInfo g;
        g.modelFile = QStringLiteral("stories260K-f32.gguf");
        g.modelHash = QStringLiteral("sha256:abc");
        g.architecture = QStringLiteral("llama");
        g.sampler = QJsonObject{{QStringLiteral("temperature"), 0.1}, {QStringLiteral("top_p"), 0.95},
                                {QStringLiteral("nested"), QJsonObject{{QStringLiteral("x"), QJsonArray{1, 2}}}}};
        g.seed = 18446744073709551615ULL;
        g.chatTemplate = QStringLiteral("{{ bos_token }}");
        g.promptTokens = 9;
        g.genTokens = 2;
        g.promptTokS = 1234.5678901234;
        g.genTokS = 0.1 + 0.2;
        g.stopReason = QStringLiteral("eos");
        g.tokens = {{17, 0.333333343f}, {2, 1.17549435e-38f}};
        const qint64 a1 = s.addMessage(c, u, Role::Assistant, QStringLiteral("7"), g);
        s.setInspection(a1, QStringLiteral("attention-v1"), QByteArray("\x00\x01\xff binary", 10));
        s.addMessage(c, u, Role::Assistant, QStringLiteral("11"));   // regeneration
        const qint64 u2 = s.editMessage(u, QStringLiteral("Name an even prime."));  // edit
        {
            StreamingWriter w(s, c, u2, g);  // interrupted reply: stays incomplete
            w.append(QStringLiteral("It is 2 bec"));
        }
        s.setCurrentLeaf(c, a1);
        const qint64 c2 = s.createConversation(QStringLiteral("second"));
        s.addMessage(c2, 0, Role::User, QStringLiteral("Привет"));
        return c;
    }

private slots:
    void jsonRoundTripsLosslessly() {
        HistoryStore a(fresh());
        populate(a);
        const QJsonObject first = exportJson(a, {});
        HistoryStore b(fresh());
        const QList<qint64> ids = importJson(b, QJsonDocument(first).toJson());
        QCOMPARE(ids.size(), 2);
        const QJsonObject second = exportJson(b, {});
        QCOMPARE(normalized(second), normalized(first));
        // Through the bytes as well, and importing twice adds a second copy.
        importJson(b, exportJsonBytes(a, {}));
        QCOMPARE(b.conversations().size(), 4);
        QCOMPARE(b.integrityCheck(), QStringLiteral("ok"));
        // The pieces that JSON could lose are exact.
        const Conversation c = b.conversation(ids[0]);
        const QList<Message> branch = b.currentBranch(c.id);
        QCOMPARE(branch.size(), 3);
        const GenerationInfo& g = *branch[2].generation;
        QCOMPARE(g.seed, 18446744073709551615ULL);
        QCOMPARE(g.tokens[1].prob, 1.17549435e-38f);
        QCOMPARE(g.genTokS, 0.1 + 0.2);
        QCOMPARE(b.inspection(branch[2].id)->second, QByteArray("\x00\x01\xff binary", 10));
        int incomplete = 0;
        for (const Message& m : b.messages(c.id)) incomplete += !m.complete;
        QCOMPARE(incomplete, 1);
        QCOMPARE(b.search(QStringLiteral("even prime")).size(), 2);  // imported text is indexed
    }

    void exportOneConversation() {
        HistoryStore a(fresh());
        const qint64 c = populate(a);
        const QJsonObject doc = exportJson(a, {c});
        QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("glassbox-history"));
        QCOMPARE(doc.value(QStringLiteral("conversations")).toArray().size(), 1);
        QCOMPARE(doc.value(QStringLiteral("conversations")).toArray()[0].toObject().value(QStringLiteral("messages")).toArray().size(), 6);
    }

    void markdownShowsTheCurrentBranch() {
        HistoryStore a(fresh());
        const qint64 c = populate(a);
        const QString md = exportMarkdown(a, {c});
        QVERIFY2(md.startsWith(QStringLiteral("# Branches «ß» 你好\n")), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("### System\n\nYou are terse.")));
        QVERIFY(md.contains(QStringLiteral("### User (version 1 of 2)\n\nName a prime.")));
        QVERIFY(md.contains(QStringLiteral("### Assistant (version 1 of 2)\n\n7\n")));
        QVERIFY(md.contains(QStringLiteral("`stories260K-f32.gguf` · 2 tokens")));
        QVERIFY(!md.contains(QStringLiteral("even prime")));  // another branch
        QVERIFY(md.contains(QStringLiteral("pinned")) && md.contains(QStringLiteral("tags: a, b")));
        a.setCurrentLeaf(c, a.children(0, c).front().id);  // the newest leaf: the interrupted reply
        const QString md2 = exportMarkdown(a, {c});
        QVERIFY(md2.contains(QStringLiteral("It is 2 bec")));
        QVERIFY(md2.contains(QStringLiteral("interrupted")));
        QVERIFY(exportMarkdown(a, {}).contains(QStringLiteral("# second")));
    }

    void badImportChangesNothing_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("why");
        QTest::newRow("not json") << QByteArray("{not json") << "not JSON";
        QTest::newRow("wrong format") << QByteArray(R"({"format":"other","conversations":[]})") << "not a Glassbox";
        QTest::newRow("newer") << QByteArray(R"({"format":"glassbox-history","version":99,"conversations":[]})") << "newer";
        QTest::newRow("missing parent") << QByteArray(R"({"format":"glassbox-history","version":1,"conversations":[
            {"title":"t","messages":[{"id":1,"parent_id":null,"role":"user","content":"a"},
                                     {"id":2,"parent_id":5,"role":"user","content":"b"}]}]})") << "not in the file";
        QTest::newRow("cycle") << QByteArray(R"({"format":"glassbox-history","version":1,"conversations":[
            {"title":"t","messages":[{"id":1,"parent_id":2,"role":"user","content":"a"},
                                     {"id":2,"parent_id":1,"role":"user","content":"b"}]}]})") << "cycle";
        QTest::newRow("bad role") << QByteArray(R"({"format":"glassbox-history","version":1,"conversations":[
            {"title":"t","messages":[{"id":1,"parent_id":null,"role":"robot","content":"a"}]}]})") << "role";
        QTest::newRow("repeated id") << QByteArray(R"({"format":"glassbox-history","version":1,"conversations":[
            {"title":"t","messages":[{"id":1,"role":"user","content":"a"},{"id":1,"role":"user","content":"b"}]}]})") << "repeated";
        // The first conversation is fine, the second is not: neither is imported.
        QTest::newRow("second bad") << QByteArray(R"({"format":"glassbox-history","version":1,"conversations":[
            {"title":"ok","messages":[{"id":1,"role":"user","content":"a"}]},
            {"title":"t","messages":[{"id":1,"role":"nobody","content":"a"}]}]})") << "role";
    }

    void badImportChangesNothing() {
        QFETCH(QByteArray, json);
        QFETCH(QString, why);
        HistoryStore s(fresh());
        s.createConversation(QStringLiteral("existing"));
        const QString msg = histtest::expectError(HistoryError::Kind::BadInput, [&] { importJson(s, json); });
        QVERIFY2(msg.contains(why), qPrintable(msg));
        QCOMPARE(s.conversations().size(), 1);
    }

    void importsMessagesInAnyOrder() {
        HistoryStore s(fresh());
        const QByteArray json = R"({"format":"glassbox-history","version":1,"conversations":[
            {"title":"t","current_leaf_id":3,"messages":[
              {"id":3,"parent_id":2,"role":"user","content":"c"},
              {"id":2,"parent_id":1,"role":"assistant","content":"b","complete":false},
              {"id":1,"parent_id":null,"role":"user","content":"a"}]}]})";
        const qint64 c = importJson(s, json).front();
        const QList<Message> branch = s.currentBranch(c);
        QCOMPARE(branch.size(), 3);
        QCOMPARE(branch[0].content, QStringLiteral("a"));
        QVERIFY(!branch[1].complete);
        QCOMPARE(branch[2].content, QStringLiteral("c"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryExport)
#include "test_history_export.moc"
