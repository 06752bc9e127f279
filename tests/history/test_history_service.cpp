// The asynchronous service: requests return at once (the GUI thread never waits on the disk),
// answers arrive as queued signals on the caller's thread, replies stream in from another thread
// (the engine's) and are checkpointed by the service, errors come back as failed(), and a corrupt
// database can be moved aside and replaced by a fresh one.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <thread>

#include "history/history_service.h"
#include "history_test_util.h"

using namespace gb::history;
using K = HistoryError::Kind;

class TestHistoryService : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int n_ = 0;
    QString fresh() { return dir_.filePath(QStringLiteral("svc%1.sqlite").arg(++n_)); }

    // Waits for `spy` to hold an answer to `request` and returns its arguments.
    static QList<QVariant> answer(QSignalSpy& spy, quint64 request, int timeoutMs = 5000) {
        QElapsedTimer t;
        t.start();
        for (;;) {
            for (const QList<QVariant>& args : spy)
                if (args.value(0).toULongLong() == request) return args;
            if (t.elapsed() > timeoutMs) return {};
            spy.wait(50);
        }
    }

private slots:
    void initTestCase() { qRegisterMetaType<HistoryService::RequestId>("quint64"); }

    void requestsAndAnswers() {
        HistoryService svc(nullptr, 100);
        QSignalSpy opened(&svc, &HistoryService::opened), failed(&svc, &HistoryService::failed),
            changed(&svc, &HistoryService::conversationChanged), saved(&svc, &HistoryService::messageSaved),
            listed(&svc, &HistoryService::conversationsListed), loaded(&svc, &HistoryService::conversationLoaded),
            found(&svc, &HistoryService::searchFinished), deleted(&svc, &HistoryService::conversationDeleted),
            branch(&svc, &HistoryService::branchLoaded);
        const QString path = fresh();
        QVERIFY(!answer(opened, svc.open(path)).isEmpty());

        const auto create = svc.createConversation(QStringLiteral("async"));
        const Conversation c = answer(changed, create).value(1).value<Conversation>();
        QVERIFY(c.id > 0);
        const Message u = answer(saved, svc.addMessage(c.id, 0, Role::User, QStringLiteral("hello there"))).value(1).value<Message>();
        QCOMPARE(u.content, QStringLiteral("hello there"));
        const Message e = answer(saved, svc.editMessage(u.id, QStringLiteral("hello again"))).value(1).value<Message>();
        QCOMPARE(e.parentId, 0);
        QVERIFY(!answer(changed, svc.setPinned(c.id, true)).isEmpty());
        QVERIFY(!answer(changed, svc.renameConversation(c.id, QStringLiteral("renamed"))).isEmpty());
        QVERIFY(!answer(changed, svc.setFolder(c.id, QStringLiteral("f"))).isEmpty());
        const Conversation tagged = answer(changed, svc.setTags(c.id, {QStringLiteral("t")})).value(1).value<Conversation>();
        QVERIFY(tagged.pinned && tagged.title == QStringLiteral("renamed") && tagged.tags == QStringList{QStringLiteral("t")});

        const QList<Conversation> list = answer(listed, svc.listConversations()).value(1).value<QList<Conversation>>();
        QCOMPARE(list.size(), 1);
        const QList<QVariant> l = answer(loaded, svc.loadConversation(c.id));
        QCOMPARE(l.value(2).value<QList<Message>>().size(), 2);
        QCOMPARE(l.value(3).value<QList<Message>>().back().id, e.id);
        QCOMPARE(answer(branch, svc.setCurrentLeaf(c.id, u.id)).value(2).value<QList<Message>>().back().id, u.id);
        const QList<SearchHit> hits = answer(found, svc.search(QStringLiteral("hello"))).value(2).value<QList<SearchHit>>();
        QCOMPARE(hits.size(), 2);
        const Conversation copy = answer(changed, svc.duplicateFromMessage(u.id)).value(1).value<Conversation>();
        QVERIFY(copy.id != c.id);

        // Export to a file and import it back.
        QSignalSpy exported(&svc, &HistoryService::exported), imported(&svc, &HistoryService::imported);
        const QString file = dir_.filePath(QStringLiteral("export.json"));
        QVERIFY(!answer(exported, svc.exportToFile({}, ExportFormat::Json, file)).isEmpty());
        QCOMPARE(answer(imported, svc.importFile(file)).value(1).value<QList<qint64>>().size(), 2);
        QVERIFY(!answer(exported, svc.exportToFile({c.id}, ExportFormat::Markdown, dir_.filePath(QStringLiteral("c.md")))).isEmpty());
        QVERIFY(histtest::fileBytes(dir_.filePath(QStringLiteral("c.md"))).startsWith("# renamed"));

        QVERIFY(!answer(deleted, svc.deleteConversation(copy.id)).isEmpty());
        // Errors come back as failed(request, kind, message).
        const QList<QVariant> f = answer(failed, svc.loadConversation(987654));
        QCOMPARE(f.value(1).toInt(), int(K::NotFound));
        QVERIFY(f.value(2).toString().contains(QStringLiteral("987654")));
        QCOMPARE(answer(failed, svc.importFile(dir_.filePath(QStringLiteral("missing.json")))).value(1).toInt(), int(K::BadInput));
    }

    void answersArriveOnTheCallersThreadAndNeverBlockIt() {
        HistoryService svc;
        QSignalSpy opened(&svc, &HistoryService::opened), done(&svc, &HistoryService::done);
        answer(opened, svc.open(fresh()));
        Qt::HANDLE answeredOn = nullptr;
        connect(&svc, &HistoryService::done, this, [&] { answeredOn = QThread::currentThreadId(); });
        QElapsedTimer t;
        t.start();
        Qt::HANDLE ranOn = nullptr;
        const auto slow = svc.run([&](HistoryStore&) {
            ranOn = QThread::currentThreadId();
            QThread::msleep(400);  // a slow disk
        });
        QVERIFY(t.elapsed() < 100);  // the request returned at once
        QVERIFY(!answer(done, slow).isEmpty());
        QVERIFY(ranOn != QThread::currentThreadId());
        // Each queued connection gets its own event: the spy's may be delivered before ours.
        QTRY_VERIFY(answeredOn != nullptr);
        QCOMPARE(answeredOn, QThread::currentThreadId());
    }

    void streamingFromTheEngineThread() {
        auto service = std::make_unique<HistoryService>(nullptr, 100);
        HistoryService& svc = *service;
        QSignalSpy opened(&svc, &HistoryService::opened), changed(&svc, &HistoryService::conversationChanged),
            saved(&svc, &HistoryService::messageSaved), started(&svc, &HistoryService::replyStarted),
            finished(&svc, &HistoryService::replyFinished);
        const QString path = fresh();
        answer(opened, svc.open(path));
        const qint64 c = answer(changed, svc.createConversation(QStringLiteral("stream"))).value(1).value<Conversation>().id;
        const qint64 u = answer(saved, svc.addMessage(c, 0, Role::User, QStringLiteral("go"))).value(1).value<Message>().id;
        GenerationInfo start;
        start.modelFile = QStringLiteral("m.gguf");
        const auto reply = svc.beginReply(c, u, start);
        const Message row = answer(started, reply).value(1).value<Message>();
        QVERIFY(row.id > 0 && !row.complete);

        histtest::RawConnection reader(path);
        auto savedText = [&] { return reader.scalar(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {row.id}).toString(); };
        QString expected;
        std::thread engine([&] {
            for (int i = 0; i < 200; ++i) svc.appendReply(reply, QStringLiteral("t%1 ").arg(i));
        });
        for (int i = 0; i < 200; ++i) expected += QStringLiteral("t%1 ").arg(i);
        engine.join();
        // No more tokens come; the service's timer checkpoints what it has within the interval.
        QTRY_COMPARE_WITH_TIMEOUT(savedText(), expected, 2000);
        QCOMPARE(reader.scalar(QStringLiteral("SELECT complete FROM messages WHERE id = ?"), {row.id}).toInt(), 0);

        GenerationInfo done = start;
        done.stopReason = QStringLiteral("length");
        const Message finalRow = answer(finished, svc.finishReply(reply, done)).value(1).value<Message>();
        QVERIFY(finalRow.complete);
        QCOMPARE(finalRow.content, expected);
        QCOMPARE(finalRow.generation->stopReason, QStringLiteral("length"));

        // A reply left unfinished when the service goes away is saved, marked incomplete.
        const auto second = svc.beginReply(c, u, start);
        const qint64 secondId = answer(started, second).value(1).value<Message>().id;
        svc.appendReply(second, QStringLiteral("cut "));
        svc.appendReply(second, QStringLiteral("short"));
        service.reset();
        HistoryStore s(path);
        QCOMPARE(s.message(secondId).content, QStringLiteral("cut short"));
        QVERIFY(!s.message(secondId).complete);
    }

    void corruptDatabaseIsMovedAsideOnRequest() {
        const QString path = fresh();
        histtest::writeFile(path, QByteArray("definitely not sqlite").repeated(100));
        const QByteArray before = histtest::fileBytes(path);
        HistoryService svc;
        QSignalSpy opened(&svc, &HistoryService::opened), failed(&svc, &HistoryService::failed),
            aside(&svc, &HistoryService::movedAside), listed(&svc, &HistoryService::conversationsListed);
        const QList<QVariant> f = answer(failed, svc.open(path));
        QCOMPARE(f.value(1).toInt(), int(K::Corrupt));  // the GUI asks the user …
        QCOMPARE(answer(failed, svc.listConversations()).value(1).toInt(), int(K::Io));  // nothing is open
        const auto req = svc.moveAsideAndOpen(path);    // … who agrees
        const QString newName = answer(aside, req).value(1).toString();
        QCOMPARE(histtest::fileBytes(newName), before);
        QVERIFY(!answer(opened, req).isEmpty());
        QVERIFY(answer(listed, svc.listConversations()).value(1).value<QList<Conversation>>().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryService)
#include "test_history_service.moc"
