// The prompt lab's tables in the history database: user templates and runs saved and read
// back exactly (uint64 seeds, token log-probabilities, Unicode), the list of runs, and the
// upgrade of a database written before the lab existed (schema version 3) with its chats kept.
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "history/history_error.h"
#include "history/history_store.h"
#include "history/schema.h"
#include "lab/builtin_templates.h"
#include "lab/lab_store.h"
#include "lab/template_library.h"

using namespace gb::lab;
using gb::history::HistoryError;

namespace {

RunSpec sampleSpec() {
    RunSpec spec;
    spec.mode = RunSpec::Mode::Batch;
    spec.title = QStringLiteral("задачи 中文");
    spec.modelPath = QStringLiteral("/models/a model.gguf");
    spec.modelHash = QStringLiteral("sha256:abc");
    spec.seed = 0xFFFFFFFFFFFFFFF1ULL;  // above 2^63: kept bit for bit
    for (const QString id : {"few-shot-en", "cot-zh"}) {
        LabColumn c;
        c.label = id;
        c.tmpl = *findBuiltin(id);
        c.tmpl.builtin = false;
        c.sampling.temperature = 0.7f;
        c.sampling.topK = 17;
        c.sampling.topP = 0.9f;
        c.sampling.repeatPenalty = 1.1f;
        c.maxTokens = 33;
        c.wrap = ChatWrap::ExamplesAsTurns;
        spec.columns << c;
    }
    spec.inputs = {{"Lena had 3, then 5", "6", {{"tone", "kind"}}}, {"莉娜", "", {}}};
    spec.threads = 1;
    spec.contextSize = 256;
    return spec;
}

RunResult sampleResult() {
    RunResult r;
    r.complete = true;
    for (int i = 0; i < 2; ++i) {
        QList<CellResult> row;
        for (int c = 0; c < 2; ++c) {
            CellResult cell;
            cell.prompt = QStringLiteral("prompt %1 %2").arg(i).arg(c);
            cell.promptTokens = 40 + c;
            cell.output = QStringLiteral("Answer: 6 😀");
            cell.answer = QStringLiteral("6 😀");
            for (int k = 0; k < 3; ++k) {
                TokenInfo t;
                t.id = 100 + k + (c == 1 && k == 2 ? 50 : 0);  // the columns differ at token 2
                t.text = QStringLiteral("t%1").arg(k);
                t.logProb = -0.123456789012345 * (k + 1);
                t.prob = 0.5f;
                t.rank = k;
                t.alternatives = {"a", "b"};
                t.alternativeProbs = {0.25f, 0.125f};
                cell.tokens << t;
                cell.logProb += t.logProb;
            }
            cell.genTokS = 100 + c;
            cell.stopReason = QStringLiteral("length");
            cell.scored = i == 0;
            cell.exact = c == 0 && i == 0;
            cell.contains = i == 0;
            row << cell;
        }
        r.cells << row;
    }
    return r;
}

// A plain connection to a database file (no checks), for building old versions.
struct Raw {
    QString name = QStringLiteral("raw-%1").arg(quintptr(this));
    explicit Raw(const QString& path) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Raw() {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(name, false); }
};

}  // namespace

class TestLabStore : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int n_ = 0;
    QString fresh() { return dir_.filePath(QStringLiteral("lab-%1.sqlite").arg(++n_)); }

private slots:
    void userTemplatesPersist() {
        const QString path = fresh();
        PromptTemplate saved;
        {
            LabStore store(path);
            QCOMPARE(gb::history::schemaVersion(store.database()), gb::history::latestSchemaVersion());
            QVERIFY(store.templates().isEmpty());
            PromptTemplate t = *findBuiltin(QStringLiteral("cot-ru"));
            t.name = QStringLiteral("Мой шаблон");
            saved = store.saveTemplate(t);
            QVERIFY(saved.id.startsWith(QStringLiteral("user-")));
            QVERIFY(!saved.builtin);
            PromptTemplate second;
            second.name = QStringLiteral("second");
            second.body = QStringLiteral("{{question}}?");
            store.saveTemplate(second);
        }
        LabStore store(path);
        QList<PromptTemplate> list = store.templates();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0], saved);
        QCOMPARE(list[1].name, QStringLiteral("second"));
        // An update keeps the id and the order; a delete removes it.
        saved.body += QStringLiteral("\n(проверь ответ)");
        QCOMPARE(store.saveTemplate(saved).id, saved.id);
        list = store.templates();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].body, saved.body);
        store.deleteTemplate(list[1].id);
        QCOMPARE(store.templates().size(), 1);
    }

    void libraryWithStore() {
        const QString path = fresh();
        {
            LabStore store(path);
            TemplateLibrary lib(&store);
            const QList<PromptTemplate> added =
                lib.importJson(TemplateLibrary::exportJson({*findBuiltin(QStringLiteral("zero-shot-zh"))}));
            QCOMPARE(added.size(), 1);
            QCOMPARE(lib.all().size(), 10);
        }
        LabStore store(path);
        TemplateLibrary lib(&store);
        QCOMPARE(lib.all().size(), 10);
        const PromptTemplate mine = lib.all().last();
        QCOMPARE(mine.body, findBuiltin(QStringLiteral("zero-shot-zh"))->body);
        QVERIFY(lib.find(mine.id).has_value());
        lib.remove(mine.id);
        QCOMPARE(LabStore(path).templates().size(), 0);
    }

    void runsRoundTrip() {
        const QString path = fresh();
        LabStore store(path);
        const RunSpec spec = sampleSpec();
        const RunResult result = sampleResult();
        const qint64 id = store.saveRun(spec, result);
        QVERIFY(id > 0);
        const SavedRun back = store.run(id);
        QCOMPARE(back.id, id);
        QVERIFY(back.createdMs > 0);
        QCOMPARE(back.spec.seed, spec.seed);
        QCOMPARE(back.spec.title, spec.title);
        QCOMPARE(back.spec.modelPath, spec.modelPath);
        QCOMPARE(back.spec.modelHash, spec.modelHash);
        QCOMPARE(back.spec.threads, 1);
        QCOMPARE(back.spec.contextSize, 256);
        QCOMPARE(back.spec.inputs, spec.inputs);
        QCOMPARE(back.spec.columns.size(), 2);
        for (int c = 0; c < 2; ++c) {
            QCOMPARE(back.spec.columns[c].tmpl, spec.columns[c].tmpl);
            QCOMPARE(back.spec.columns[c].label, spec.columns[c].label);
            QCOMPARE(back.spec.columns[c].maxTokens, 33);
            QCOMPARE(back.spec.columns[c].wrap, ChatWrap::ExamplesAsTurns);
            const gb::SamplingParams& s = back.spec.columns[c].sampling;
            QCOMPARE(s.temperature, 0.7f);
            QCOMPARE(s.topK, 17);
            QCOMPARE(s.topP, 0.9f);
            QCOMPARE(s.repeatPenalty, 1.1f);
        }
        QCOMPARE(back.result.cells.size(), 2);
        for (int i = 0; i < 2; ++i)
            for (int c = 0; c < 2; ++c) {
                const CellResult& a = result.cells[i][c];
                const CellResult& b = back.result.cells[i][c];
                QCOMPARE(b.tokens, a.tokens);  // ids, texts, log-probs bit for bit, alternatives
                QCOMPARE(b.output, a.output);
                QCOMPARE(b.logProb, a.logProb);
                QCOMPARE(b.promptTokens, a.promptTokens);
                QCOMPARE(b.exact, a.exact);
                QCOMPARE(b.scored, a.scored);
            }
        // Divergence and scores are recomputed from the cells.
        QCOMPARE(back.result.divergence, (QList<int>{2, 2}));
        QCOMPARE(back.result.scores[0].n, 1);
        QCOMPARE(back.result.scores[0].exact, 1);
        QCOMPARE(back.result.scores[1].exact, 0);
        QCOMPARE(back.result.scores[1].contains, 1);
        QVERIFY(back.result.complete);
    }

    void runListNewestFirstAndDelete() {
        LabStore store(fresh());
        RunSpec a = sampleSpec();
        a.title = QStringLiteral("first");
        RunSpec b = sampleSpec();
        b.title = QStringLiteral("second");
        b.mode = RunSpec::Mode::Compare;
        const qint64 ida = store.saveRun(a, sampleResult());
        const qint64 idb = store.saveRun(b, sampleResult());
        const QList<RunSummary> list = store.runs();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].id, idb);
        QCOMPARE(list[0].title, QStringLiteral("second"));
        QCOMPARE(list[0].mode, RunSpec::Mode::Compare);
        QCOMPARE(list[1].mode, RunSpec::Mode::Batch);
        QCOMPARE(list[1].seed, a.seed);
        QCOMPARE(list[1].columns, (QStringList{"few-shot-en", "cot-zh"}));
        QCOMPARE(list[1].inputs, 2);
        QCOMPARE(list[1].modelHash, QStringLiteral("sha256:abc"));
        QCOMPARE(store.runs(1).size(), 1);
        store.deleteRun(ida);
        QCOMPARE(store.runs().size(), 1);
        try {
            store.run(ida);
            QFAIL("no error for a deleted run");
        } catch (const HistoryError& e) {
            QCOMPARE(e.kind(), HistoryError::Kind::NotFound);
        }
    }

    void upgradesADatabaseFromBeforeTheLab() {
        // A history written by the version before the lab: a conversation and its messages.
        const QString path = fresh();
        {
            Raw raw(path);
            gb::history::migrate(raw.db(), kLabSchemaVersion - 1);
            QSqlQuery q(raw.db());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO conversations (id, title, created_at, updated_at) VALUES (1, 'старый чат', 1, 2)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO messages (id, conversation_id, role, content, created_at) "
                                          "VALUES (1, 1, 'user', 'Привет, 世界', 3)")));
            QCOMPARE(gb::history::schemaVersion(raw.db()), kLabSchemaVersion - 1);
            QVERIFY(!raw.db().tables().contains(QStringLiteral("lab_runs")));
        }
        {
            LabStore store(path);  // opens through HistoryStore: upgraded in place
            QCOMPARE(gb::history::schemaVersion(store.database()), gb::history::latestSchemaVersion());
            QVERIFY(store.database().tables().contains(QStringLiteral("lab_templates")));
            QVERIFY(store.database().tables().contains(QStringLiteral("lab_runs")));
            PromptTemplate t;
            t.name = QStringLiteral("after upgrade");
            t.body = QStringLiteral("{{question}}");
            store.saveTemplate(t);
            store.saveRun(sampleSpec(), sampleResult());
        }
        gb::history::HistoryStore history(path);
        QCOMPARE(history.conversations().size(), 1);
        QCOMPARE(history.conversation(1).title, QStringLiteral("старый чат"));
        QCOMPARE(history.messages(1).at(0).content, QStringLiteral("Привет, 世界"));
        QCOMPARE(history.search(QStringLiteral("Привет")).size(), 1);
        QCOMPARE(history.integrityCheck(), QStringLiteral("ok"));
        LabStore again(history.database());  // a store on an existing connection
        QCOMPARE(again.templates().size(), 1);
        QCOMPARE(again.runs().size(), 1);
    }

    void damagedJsonIsReported() {
        const QString path = fresh();
        LabStore store(path);
        const qint64 id = store.saveRun(sampleSpec(), sampleResult());
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE lab_runs SET spec = '{not json' WHERE id = %1").arg(id)));
        try {
            store.run(id);
            QFAIL("no error");
        } catch (const std::exception& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("damaged")), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestLabStore)
#include "test_lab_store.moc"
