// The crash test: kill_writer streams replies into a database and is killed with SIGKILL at
// random moments (while opening, between replies, mid-checkpoint), many times. After every kill
// the next writer reopens the database (full checks); at the end the database passes
// integrity_check, every finished message is exactly as written, and every interrupted reply is
// present, marked incomplete, and a prefix of what was being written.
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

#include "history_test_util.h"
#include "kill_protocol.h"

using namespace gb::history;

class TestHistoryKill : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void killedWritersLoseNothing() {
        const QString path = dir_.filePath(QStringLiteral("kill.sqlite"));
        const quint32 seed = qEnvironmentVariableIsSet("GLASSBOX_KILL_SEED") ? qEnvironmentVariableIntValue("GLASSBOX_KILL_SEED")
                                                                             : QRandomGenerator::global()->generate();
        qInfo("seed %u (set GLASSBOX_KILL_SEED to repeat)", seed);
        QRandomGenerator rng(seed);
        const int rounds = 25;
        int killedMidStream = 0;
        for (int r = 0; r < rounds; ++r) {
            QProcess p;
            p.setProcessChannelMode(QProcess::SeparateChannels);
            p.start(QStringLiteral(KILL_WRITER), {QStringLiteral("stream"), path, QStringLiteral("15")});
            QVERIFY2(p.waitForStarted(5000), qPrintable(p.errorString()));
            if (r % 5 == 0) {
                QThread::msleep(rng.bounded(40));  // may hit the open, the migration, the first rounds
            } else {
                QVERIFY2(p.waitForReadyRead(10000), qPrintable(p.readAllStandardError()));  // "ready"
                QThread::msleep(20 + rng.bounded(300));
                ++killedMidStream;
            }
            QVERIFY2(p.state() == QProcess::Running,
                     qPrintable(QStringLiteral("writer stopped by itself in round %1: %2").arg(r).arg(QString::fromUtf8(p.readAllStandardError()))));
            p.kill();  // SIGKILL
            QVERIFY(p.waitForFinished(5000));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        }

        HistoryStore s(path);  // header + quick_check, then WAL recovery
        QCOMPARE(s.integrityCheck(), QStringLiteral("ok"));
        QSqlQuery fts(s.database());
        QVERIFY2(fts.exec(QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")),
                 qPrintable(fts.lastError().text()));
        int finished = 0, interrupted = 0;
        QSet<int> seen;
        for (const Conversation& c : s.conversations()) {
            const int i = killtest::indexFromTitle(c.title);
            QCOMPARE(c.title, QStringLiteral("conversation %1").arg(i));
            QVERIFY(!seen.contains(i));
            seen.insert(i);
            const QList<Message> m = s.messages(c.id);
            QVERIFY(m.size() <= 2);
            if (m.isEmpty()) continue;
            QCOMPARE(m[0].role, Role::User);
            QCOMPARE(m[0].content, killtest::userText(i));
            QVERIFY(m[0].complete);
            if (m.size() < 2) continue;
            QCOMPARE(m[1].role, Role::Assistant);
            QCOMPARE(m[1].parentId, m[0].id);
            QVERIFY(m[1].generation.has_value());
            QCOMPARE(m[1].generation->seed, static_cast<quint64>(i));
            if (m[1].complete) {
                ++finished;
                QCOMPARE(m[1].content, killtest::replyText(i));
                QCOMPARE(m[1].generation->stopReason, QStringLiteral("eos"));
                QCOMPARE(m[1].generation->tokens.size(), killtest::replyTokens(i).size());
            } else {
                ++interrupted;
                QVERIFY2(killtest::replyText(i).startsWith(m[1].content),
                         qPrintable(QStringLiteral("conversation %1: saved text is not a prefix of the reply").arg(i)));
            }
        }
        qInfo("%d conversations: %d finished replies, %d interrupted (%d kills, %d of them mid-stream)",
              static_cast<int>(seen.size()), finished, interrupted, rounds, killedMidStream);
        QVERIFY(finished > 0);
        QVERIFY(interrupted > 0);        // kills did land mid-reply
        QVERIFY(interrupted <= rounds);  // at most one reply in flight per kill
        // Ids are contiguous: no conversation vanished after it was seen by a later writer.
        for (int i = 0; i < seen.size(); ++i) QVERIFY2(seen.contains(i), qPrintable(QStringLiteral("conversation %1 missing").arg(i)));
    }
};

QTEST_GUILESS_MAIN(TestHistoryKill)
#include "test_history_kill.moc"
