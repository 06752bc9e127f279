// Schema upgrades: a database left at every earlier version (0 = empty file, 1, 2, …) opens,
// is upgraded in place to the latest version, and keeps every conversation and message (and the
// upgrade adds what the new version needs: FTS index of old text, defaults of new columns).
// A newer database is refused and left untouched.
#include <QtTest>

#include "history/history_export.h"
#include "history/schema.h"
#include "history_test_util.h"

using namespace gb::history;
using histtest::RawConnection;

class TestHistoryMigrations : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int made_ = 0;

    // A database at schema `version` with data that version can hold: two conversations, one
    // with a branch (two answers to the same question) and Russian/Chinese text.
    QString makeDatabase(int version) {
        const QString path = dir_.filePath(QStringLiteral("v%1-%2.sqlite").arg(version).arg(++made_));
        RawConnection raw(path);
        [&] { QVERIFY(raw.ok()); }();
        migrate(raw.db(), version);
        if (version == 0) return path;
        auto exec = [&](const QString& sqlText, const QVariantList& binds) {
            QVERIFY2(raw.exec(sqlText, binds), qPrintable(sqlText));
        };
        const QString conv = QStringLiteral("INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)");
        const QString msg = QStringLiteral(
            "INSERT INTO messages (id, conversation_id, parent_id, role, content, created_at) VALUES (?, ?, ?, ?, ?, ?)");
        const QVariant null(QMetaType(QMetaType::LongLong));
        exec(conv, {1, QStringLiteral("old chat"), 1000, 2000});
        exec(conv, {2, QStringLiteral("второй"), 3000, 4000});
        exec(msg, {1, 1, null, QStringLiteral("user"), QStringLiteral("What is the capital of France?"), 1100});
        exec(msg, {2, 1, 1, QStringLiteral("assistant"), QStringLiteral("Paris."), 1200});
        exec(msg, {3, 1, 1, QStringLiteral("assistant"), QStringLiteral("It is Paris, of course."), 1300});
        exec(msg, {4, 2, null, QStringLiteral("user"), QStringLiteral("Привет! 北京大学在哪里？"), 3100});
        return path;
    }

    static QStringList schemaOf(const QString& path) {
        RawConnection raw(path);
        QSqlQuery q(raw.db());
        q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"));
        QStringList out;
        while (q.next()) out << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ') + q.value(2).toString();
        return out;
    }

private slots:
    void upgradesFromEveryEarlierVersion_data() {
        QTest::addColumn<int>("version");
        for (int v = 0; v < latestSchemaVersion(); ++v) QTest::addRow("from v%d", v) << v;
    }

    void upgradesFromEveryEarlierVersion() {
        QFETCH(int, version);
        const QString path = makeDatabase(version);
        HistoryStore s(path);
        QCOMPARE(schemaVersion(s.database()), latestSchemaVersion());
        QCOMPARE(s.integrityCheck(), QStringLiteral("ok"));
        if (version == 0) {
            QVERIFY(s.conversations().isEmpty());
            return;
        }
        const QList<Conversation> list = s.conversations();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].title, QStringLiteral("второй"));  // updated_at order kept
        const Conversation c1 = s.conversation(1);
        QCOMPARE(c1.createdMs, 1000);
        QCOMPARE(c1.updatedMs, 2000);
        QVERIFY(!c1.pinned);
        const QList<Message> m = s.messages(1);
        QCOMPARE(m.size(), 3);
        QCOMPARE(m[0].content, QStringLiteral("What is the capital of France?"));
        QCOMPARE(m[2].parentId, 1);
        QCOMPARE(m[2].createdMs, 1300);
        if (version < 2) QCOMPARE(m[2].updatedMs, 1300);  // filled in by the v2 step
        QVERIFY(m[2].complete);
        QCOMPARE(s.siblings(2).size(), 2);  // the branch survived
        QCOMPARE(s.currentBranch(1).back().id, 3);
        // Old text is in the full-text index.
        QCOMPARE(s.search(QStringLiteral("capital")).size(), 1);
        QCOMPARE(s.search(QStringLiteral("привет")).size(), 1);
        QCOMPARE(s.search(QStringLiteral("北京大学")).size(), 1);
        // New features work on old data.
        s.setPinned(1, true);
        s.setTags(1, {QStringLiteral("upgraded")});
        s.addMessage(1, 3, Role::User, QStringLiteral("thanks"));
        QCOMPARE(s.search(QStringLiteral("thanks")).size(), 1);
        QCOMPARE(s.integrityCheck(), QStringLiteral("ok"));
    }

    void upgradedSchemaEqualsFreshSchema() {
        const QString fresh = dir_.filePath(QStringLiteral("fresh.sqlite"));
        { HistoryStore s(fresh); }
        for (int v = 1; v < latestSchemaVersion(); ++v) {
            const QString path = dir_.filePath(QStringLiteral("schema-v%1.sqlite").arg(v));
            {
                RawConnection raw(path);
                migrate(raw.db(), v);
            }
            { HistoryStore s(path); }
            QCOMPARE(schemaOf(path), schemaOf(fresh));
        }
    }

    void reopeningTheLatestChangesNothing() {
        const QString path = dir_.filePath(QStringLiteral("again.sqlite"));
        { HistoryStore s(path); s.createConversation(QStringLiteral("x")); }
        { HistoryStore s(path); QCOMPARE(s.conversations().size(), 1); }
        HistoryStore s(path);
        migrate(s.database());  // no-op
        QCOMPARE(schemaVersion(s.database()), latestSchemaVersion());
    }

    void newerVersionIsRefusedUntouched() {
        const QString path = dir_.filePath(QStringLiteral("newer.sqlite"));
        {
            HistoryStore s(path);
            s.createConversation(QStringLiteral("from the future"));
        }
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestSchemaVersion() + 1)));
        }
        const QByteArray before = histtest::fileBytes(path);
        const QString msg = histtest::expectError(HistoryError::Kind::NewerVersion, [&] { HistoryStore s(path); });
        QVERIFY(msg.contains(path));
        QVERIFY(msg.contains(QStringLiteral("newer")));
        QCOMPARE(histtest::fileBytes(path), before);
        RawConnection raw(path);
        QVERIFY_THROWS_EXCEPTION(HistoryError, migrate(raw.db()));
    }

    void interruptedUpgradeIsRolledBack() {
        // A step that fails half-way leaves the previous version intact (each step is one transaction).
        const QString path = makeDatabase(1);
        {
            RawConnection raw(path);
            // Make the v2 step fail on its last statement: the table it creates already exists.
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE generations (x)")));
            QVERIFY_THROWS_EXCEPTION(HistoryError, migrate(raw.db()));
            QCOMPARE(schemaVersion(raw.db()), 1);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('conversations') WHERE name = 'pinned'")).toInt(), 0);
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE generations")));
        }
        HistoryStore s(path);
        QCOMPARE(s.messages(1).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestHistoryMigrations)
#include "test_history_migrations.moc"
