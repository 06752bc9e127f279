// Bad files and bad conditions: a damaged, foreign or non-SQLite file at the database path gives
// a clear error and is never modified (bytes compared), moveAside() puts it away for a fresh
// start; a read-only folder or file, a database locked by another connection, and a full disk
// give clear errors without losing earlier data.
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>
#include <sys/stat.h>
#include <unistd.h>

#include "history/streaming_writer.h"
#include "history_test_util.h"

using namespace gb::history;
using histtest::RawConnection;
using K = HistoryError::Kind;

class TestHistoryFaults : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int n_ = 0;
    QString fresh(const QString& name = QStringLiteral("h.sqlite")) {
        const QString d = dir_.filePath(QStringLiteral("case%1").arg(++n_));
        QDir().mkpath(d);
        return d + QLatin1Char('/') + name;
    }

    // A real history database of several pages, closed (WAL folded in).
    static void makeRealDatabase(const QString& path) {
        HistoryStore s(path);
        const qint64 c = s.createConversation(QStringLiteral("real"));
        qint64 parent = 0;
        for (int i = 0; i < 40; ++i) parent = s.addMessage(c, parent, Role::User, QString(500, QChar(u'a' + i % 26)));
    }

    static QStringList sidecars(const QString& path) {
        QStringList out;
        for (const char* s : {"-wal", "-shm", "-journal"})
            if (QFileInfo::exists(path + QLatin1String(s))) out << QLatin1String(s);
        return out;
    }

private slots:
    void badFilesAreNeverModified_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("random bytes") << "random" << int(K::Corrupt);
        QTest::newRow("text file") << "text" << int(K::Corrupt);
        QTest::newRow("short file") << "short" << int(K::Corrupt);
        QTest::newRow("truncated database") << "truncated" << int(K::Corrupt);
        QTest::newRow("damaged page") << "damaged" << int(K::Corrupt);
        QTest::newRow("another program's database") << "foreign" << int(K::NotHistory);
    }

    void badFilesAreNeverModified() {
        QFETCH(QString, kind);
        QFETCH(int, expected);
        const QString path = fresh();
        if (kind == QLatin1String("random")) {
            QByteArray b(8192, Qt::Uninitialized);
            for (char& c : b) c = static_cast<char>(QRandomGenerator::global()->bounded(256));
            histtest::writeFile(path, b);
        } else if (kind == QLatin1String("text")) {
            histtest::writeFile(path, QByteArray("my notes\n").repeated(500));
        } else if (kind == QLatin1String("short")) {
            histtest::writeFile(path, QByteArray("SQLite format 3"));
        } else if (kind == QLatin1String("truncated") || kind == QLatin1String("damaged")) {
            makeRealDatabase(path);
            QByteArray b = histtest::fileBytes(path);
            QVERIFY(b.size() >= 8 * 4096);
            if (kind == QLatin1String("truncated")) {
                b.truncate(b.size() / 2 / 4096 * 4096);
            } else {
                for (int i = 0; i < 4096; ++i) b[5 * 4096 + i] = static_cast<char>(0xA5 ^ i);
                for (int i = 0; i < 64; ++i) b[1 * 4096 + i] = static_cast<char>(0x5A ^ i);
            }
            histtest::writeFile(path, b);
        } else {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO invoices (amount) VALUES (12.5)")));
        }
        QVERIFY(sidecars(path).isEmpty());
        const QByteArray before = histtest::fileBytes(path);
        const QString msg = histtest::expectError(static_cast<K>(expected), [&] { HistoryStore s(path); });
        QVERIFY2(msg.contains(path), qPrintable(msg));  // names the file
        QVERIFY2(msg.contains(QStringLiteral("untouched")), qPrintable(msg));
        QCOMPARE(histtest::fileBytes(path), before);
        QCOMPARE(sidecars(path), QStringList());
        // A second attempt is just as harmless.
        QVERIFY(!histtest::expectError(static_cast<K>(expected), [&] { HistoryStore s(path); }).isEmpty());
        QCOMPARE(histtest::fileBytes(path), before);

        // The user agrees to move it aside: the bytes are kept under a new name, a fresh history starts.
        const QString aside = moveAside(path);
        QVERIFY2(aside.startsWith(path + QStringLiteral(".corrupt-")), qPrintable(aside));
        QCOMPARE(histtest::fileBytes(aside), before);
        QVERIFY(!QFileInfo::exists(path));
        HistoryStore s(path);
        s.createConversation(QStringLiteral("fresh"));
        QCOMPARE(s.conversations().size(), 1);
        QCOMPARE(histtest::fileBytes(aside), before);
    }

    void moveAsideKeepsCompanionsAndNeverOverwrites() {
        const QString path = fresh();
        histtest::writeFile(path, "junk");
        histtest::writeFile(path + QStringLiteral("-wal"), "wal junk");
        const QString first = moveAside(path);
        QCOMPARE(histtest::fileBytes(first + QStringLiteral("-wal")), QByteArray("wal junk"));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        histtest::writeFile(path, "junk 2");
        const QString second = moveAside(path);  // same second: a different name
        QVERIFY(second != first);
        QCOMPARE(histtest::fileBytes(first), QByteArray("junk"));
        QCOMPARE(histtest::fileBytes(second), QByteArray("junk 2"));
        QVERIFY_THROWS_EXCEPTION(HistoryError, moveAside(path));  // nothing there any more
    }

    void readOnlyFolderAndFile() {
        // Root ignores permissions: the probe then runs as "nobody" in a child process.
        const bool root = ::geteuid() == 0;
        const QString base = dir_.filePath(QStringLiteral("ro-base"));
        QDir().mkpath(base + QStringLiteral("/ro"));
        ::chmod(qPrintable(dir_.path()), 0755);
        ::chmod(qPrintable(base), 0755);
        const QString existing = base + QStringLiteral("/ro/existing.sqlite");
        makeRealDatabase(existing);
        ::chmod(qPrintable(existing), 0644);
        ::chmod(qPrintable(base + QStringLiteral("/ro")), 0555);
        const QByteArray before = histtest::fileBytes(existing);

        auto probe = [&](const QString& path) -> QString {
            if (!root) {
                try {
                    HistoryStore s(path);
                    s.createConversation(QStringLiteral("probe"));
                    return QStringLiteral("ok");
                } catch (const HistoryError& e) {
                    return QStringLiteral("error %1 %2").arg(QLatin1String(HistoryError::kindName(e.kind())), e.message());
                }
            }
            QProcess p;
            p.setChildProcessModifier([] {
                if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(99);
            });
            p.start(QStringLiteral(KILL_WRITER), {QStringLiteral("probe"), path});
            if (!p.waitForFinished(10000)) return QStringLiteral("probe did not finish");
            if (p.exitCode() == 99) return QStringLiteral("cannot drop privileges");
            return QString::fromUtf8(p.readAllStandardOutput()).trimmed() + QString::fromUtf8(p.readAllStandardError());
        };
        const QString created = probe(base + QStringLiteral("/ro/new.sqlite"));
        if (created.contains(QStringLiteral("Permission denied")) || created.contains(QStringLiteral("cannot drop")))
            QSKIP(qPrintable(QStringLiteral("cannot run the probe as another user: ") + created));
        QVERIFY2(created.startsWith(QStringLiteral("error read_only")), qPrintable(created));
        QVERIFY2(created.contains(base + QStringLiteral("/ro/new.sqlite")), qPrintable(created));
        QVERIFY(!QFileInfo::exists(base + QStringLiteral("/ro/new.sqlite")));
        const QString written = probe(existing);
        QVERIFY2(written.startsWith(QStringLiteral("error read_only")), qPrintable(written));
        QCOMPARE(histtest::fileBytes(existing), before);
        ::chmod(qPrintable(base + QStringLiteral("/ro")), 0755);
        HistoryStore s(existing);  // and it is all still there
        QCOMPARE(s.messages(s.conversations().front().id).size(), 40);
    }

    void lockedByAnotherConnection() {
        const QString path = fresh();
        HistoryStore::Options o;
        o.busyTimeoutMs = 300;
        HistoryStore s(path, o);
        const qint64 c = s.createConversation(QStringLiteral("mine"));
        const qint64 u = s.addMessage(c, 0, Role::User, QStringLiteral("before the lock"));
        StreamingWriter w(s, c, u, {}, 0);
        w.append(QStringLiteral("streamed "));

        RawConnection other(path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));  // "another Glassbox"
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(other.exec(QStringLiteral("INSERT INTO conversations (title, created_at, updated_at) VALUES ('theirs', 0, 0)")));

        QElapsedTimer t;
        t.start();
        const QString msg = histtest::expectError(K::Locked, [&] { s.addMessage(c, u, Role::User, QStringLiteral("blocked")); });
        QVERIFY(t.elapsed() >= 250);  // waited for the busy timeout first
        QVERIFY2(msg.contains(QStringLiteral("locked")) && msg.contains(path), qPrintable(msg));
        QVERIFY(!histtest::expectError(K::Locked, [&] { HistoryStore second(path, o); }).isEmpty());
        w.append(QStringLiteral("while locked"));  // the stream goes on; the checkpoint fails quietly
        QVERIFY(w.lastError() && w.lastError()->kind() == K::Locked);
        QVERIFY(s.search(QStringLiteral("before")).size() == 1);  // reading still works (WAL)

        QVERIFY(other.exec(QStringLiteral("COMMIT")));
        QVERIFY(w.checkpoint());
        w.finish({});
        s.addMessage(c, u, Role::User, QStringLiteral("after the lock"));
        QCOMPARE(s.conversations().size(), 2);  // theirs and mine
        QCOMPARE(s.message(w.messageId()).content, QStringLiteral("streamed while locked"));
        QCOMPARE(s.messages(c).size(), 3);
        QCOMPARE(s.integrityCheck(), QStringLiteral("ok"));
    }

    void diskFull() {
        const QString path = fresh();
        HistoryStore s(path);
        const qint64 c = s.createConversation(QStringLiteral("full"));
        const qint64 u = s.addMessage(c, 0, Role::User, QStringLiteral("fits"));
        auto setLimit = [&](const QString& value) {
            QSqlQuery q(s.database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = ") + value));
        };
        QSqlQuery pages(s.database());
        QVERIFY(pages.exec(QStringLiteral("PRAGMA page_count")) && pages.next());
        const int n = pages.value(0).toInt();
        pages.finish();
        setLimit(QString::number(n + 1));  // "the disk" has one page left
        const QString big(300000, QLatin1Char('x'));
        const QString msg = histtest::expectError(K::DiskFull, [&] { s.addMessage(c, u, Role::Assistant, big); });
        QVERIFY2(msg.contains(QStringLiteral("disk full")) && msg.contains(path), qPrintable(msg));
        QCOMPARE(s.messages(c).size(), 1);  // earlier data intact, the failed write left nothing
        QCOMPARE(s.message(u).content, QStringLiteral("fits"));

        StreamingWriter w(s, c, u, {}, 0);
        w.append(QStringLiteral("small start "));
        QVERIFY(!w.lastError());
        w.append(big);  // the checkpoint fails, the stream goes on
        QVERIFY(w.lastError() && w.lastError()->kind() == K::DiskFull);
        QCOMPARE(s.message(w.messageId()).content, QStringLiteral("small start "));  // last good checkpoint
        QVERIFY_THROWS_EXCEPTION(HistoryError, w.finish({}));
        QVERIFY(!s.message(w.messageId()).complete);

        setLimit(QStringLiteral("1073741823"));  // space freed
        w.finish({});
        QCOMPARE(s.message(w.messageId()).content.size(), big.size() + 12);
        QVERIFY(s.message(w.messageId()).complete);
        QCOMPARE(s.integrityCheck(), QStringLiteral("ok"));
    }

    void folderIsCreatedAndPathsChecked() {
        const QString nested = dir_.filePath(QStringLiteral("a/b/c/history.sqlite"));
        { HistoryStore s(nested); }
        QVERIFY(QFileInfo::exists(nested));
        QVERIFY(!histtest::expectError(K::BadInput, [&] { HistoryStore s{QString()}; }).isEmpty());
        QVERIFY(!histtest::expectError(K::BadInput, [&] { HistoryStore s(dir_.path()); }).isEmpty());
        const QString empty = fresh();
        histtest::writeFile(empty, QByteArray());  // an empty file is an empty database
        HistoryStore s(empty);
        QCOMPARE(s.conversations().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryFaults)
#include "test_history_faults.moc"
