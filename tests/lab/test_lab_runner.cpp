// The prompt lab run for real on the shared models (stories260K, polyglot-moe-4m): the same seed
// gives the same tokens, the divergence index is where the token lists part (checked against
// the lists themselves), log-probabilities add up, built-in templates run in three languages,
// a saved run re-runs exactly, and `glassbox-cli lab` end to end (JSON fields, table, errors).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "common/test_models.h"
#include "history/model_fingerprint.h"
#include "lab/builtin_templates.h"
#include "lab/lab_error.h"
#include "lab/lab_json.h"
#include "lab/lab_runner.h"
#include "lab/lab_store.h"
#include "model/model.h"

using namespace gb::lab;

namespace {

QString model(const char* name) { return gbtest::modelsDir() + "/" + name; }

PromptTemplate plain(const QString& id, const QString& body, const QStringList& stops = {}) {
    PromptTemplate t;
    t.id = id;
    t.name = id;
    t.body = body;
    t.stopStrings = stops;
    return t;
}

LabColumn column(const PromptTemplate& t, float temperature, int maxTokens) {
    LabColumn c;
    c.label = t.id;
    c.tmpl = t;
    c.sampling.temperature = temperature;
    c.maxTokens = maxTokens;
    return c;
}

RunSpec compare(const QList<LabColumn>& columns, const QString& input, quint64 seed) {
    RunSpec s;
    s.columns = columns;
    s.inputs = {{input, {}, {}}};
    s.seed = seed;
    return s;
}

// The divergence index worked out directly from two token lists.
int byHand(const QList<int32_t>& a, const QList<int32_t>& b) {
    int k = 0;
    while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
    return k == a.size() && k == b.size() ? -1 : k;
}

struct Cli {
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Cli cli(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(GLASSBOX_CLI_PATH), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

}  // namespace

class TestLabRunner : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::shared_ptr<const gb::Model> stories_, polyglot_;
    std::unique_ptr<LabRunner> storiesRunner_, polyRunner_;

    QString writeFile(const QString& name, const QByteArray& bytes) {
        QFile f(dir_.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return f.fileName();
    }

private slots:
    void initTestCase() {
        stories_ = gb::Model::load(model("stories260K-f32.gguf").toStdString());
        polyglot_ = gb::Model::load(model("polyglot-moe-4m-q8_0.gguf").toStdString());
        storiesRunner_ = std::make_unique<LabRunner>(stories_);
        polyRunner_ = std::make_unique<LabRunner>(polyglot_);
    }

    void sameSeedSameOutputs() {
        const PromptTemplate t = plain("story", "Once upon a time, {{question}}");
        const RunSpec spec = compare({column(t, 0.9f, 24), column(t, 1.3f, 24)}, "there was a little dog", 1234);
        const RunResult a = storiesRunner_->run(spec);
        LabRunner other(stories_);  // a fresh session gives the same too
        const RunResult b = other.run(spec);
        QVERIFY(a.complete);
        for (int c = 0; c < 2; ++c) {
            QCOMPARE(a.cells[0][c].tokens.size(), 24);
            QCOMPARE(b.cells[0][c].tokens, a.cells[0][c].tokens);
            QCOMPARE(b.cells[0][c].output, a.cells[0][c].output);
            QCOMPARE(b.cells[0][c].logProb, a.cells[0][c].logProb);
        }
        RunSpec reseeded = spec;
        reseeded.seed = 1235;
        const RunResult c = storiesRunner_->run(reseeded);
        QVERIFY(c.cells[0][0].tokenIds() != a.cells[0][0].tokenIds() || c.cells[0][1].tokenIds() != a.cells[0][1].tokenIds());
    }

    void divergenceOfTwoTemplates() {
        const PromptTemplate girl = plain("girl", "Once upon a time, there was a little girl named {{question}}.");
        const PromptTemplate boy = plain("boy", "Once upon a time, there was a little boy named {{question}}.");
        const RunResult r = storiesRunner_->run(compare({column(girl, 0, 24), column(boy, 0, 24)}, "Lily", 7));
        const QList<int32_t> a = r.cells[0][0].tokenIds(), b = r.cells[0][1].tokenIds();
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QCOMPARE(r.divergence[0], byHand(a, b));
        qInfo("girl/boy outputs part at token %d:\n  %s\n  %s", r.divergence[0], qPrintable(r.cells[0][0].output),
              qPrintable(r.cells[0][1].output));
        // The same prompt with a shorter limit: identical greedy tokens up to the limit, then one ends.
        const RunResult s = storiesRunner_->run(compare({column(girl, 0, 20), column(girl, 0, 9)}, "Lily", 7));
        QCOMPARE(s.cells[0][1].tokenIds(), s.cells[0][0].tokenIds().mid(0, 9));
        QCOMPARE(s.divergence[0], 9);
        // Sampler settings as columns: greedy against a hot sampler, same template and seed.
        const RunResult h = storiesRunner_->run(compare({column(girl, 0, 24), column(girl, 1.5f, 24)}, "Lily", 99));
        QCOMPARE(h.divergence[0], byHand(h.cells[0][0].tokenIds(), h.cells[0][1].tokenIds()));
        // And three columns: the first index where any of them differs.
        const RunResult three =
            storiesRunner_->run(compare({column(girl, 0, 24), column(girl, 0, 24), column(boy, 0, 24)}, "Lily", 7));
        QCOMPARE(three.divergence[0], byHand(three.cells[0][0].tokenIds(), three.cells[0][2].tokenIds()));
    }

    void logProbsAddUp() {
        const PromptTemplate t = plain("story", "Once upon a time, {{question}}");
        const RunResult r = storiesRunner_->run(compare({column(t, 0, 16)}, "there was a cat", 1));
        const CellResult& cell = r.cells[0][0];
        double sum = 0;
        QString text;
        for (const TokenInfo& tok : cell.tokens) {
            QVERIFY(tok.logProb <= 0);
            QCOMPARE(tok.rank, 0);  // greedy: the most likely token every time
            QVERIFY(std::abs(tok.logProb - std::log(tok.alternativeProbs.value(0))) < 1e-5);
            sum += tok.logProb;
            text += tok.text;
        }
        QVERIFY(std::abs(sum - cell.logProb) < 1e-6 * std::max(1.0, std::abs(sum)));
        QCOMPARE(text, cell.output);
        QVERIFY(cell.genTokS > 0);
        QVERIFY(cell.promptTokens > 5);
        QCOMPARE(cell.prompt, QStringLiteral("Once upon a time, there was a cat"));
        QCOMPARE(r.scores[0].n, 0);  // nothing expected: nothing scored
        QVERIFY(std::abs(r.scores[0].meanLogProb - cell.logProb) < 1e-9);
    }

    void stopStringsCutTheOutput() {
        const PromptTemplate t = plain("story", "Once upon a time, {{question}}");
        const CellResult full = storiesRunner_->runCell(column(t, 0, 32), {"there was a cat", {}, {}}, 1);
        const QString stop = full.output.mid(10, 4);
        QVERIFY(!stop.trimmed().isEmpty());
        const CellResult cut =
            storiesRunner_->runCell(column(plain("s", t.body, {stop}), 0, 32), {"there was a cat", {}, {}}, 1);
        QCOMPARE(cut.stopReason, QStringLiteral("stop"));
        QCOMPARE(cut.output, full.output.left(full.output.indexOf(stop)));
    }

    void builtinTemplatesInThreeLanguages() {
        // The demo model's context is 256 tokens: the few-shot prompts in Russian and Chinese and
        // every chain-of-thought prompt are longer (cot-zh is checked below to fail clearly).
        RunSpec spec;
        spec.mode = RunSpec::Mode::Batch;
        spec.seed = 42;
        for (const QString id : {"zero-shot-en", "zero-shot-ru", "zero-shot-zh"}) spec.columns << column(*findBuiltin(id), 0, 12);
        for (const QString lang : {"en", "ru", "zh"}) spec.inputs << builtinInputs("word-problems-" + lang).first();
        int cells = 0;
        const RunResult r = polyRunner_->run(spec, [&](int, int, const CellResult&) { ++cells; });
        QCOMPARE(cells, 9);
        QVERIFY(r.complete);
        for (int i = 0; i < 3; ++i)
            for (int c = 0; c < 3; ++c) {
                const CellResult& cell = r.cells[i][c];
                QVERIFY2(cell.error.isEmpty(), qPrintable(cell.error));
                QVERIFY(cell.scored);
                QVERIFY(cell.tokens.size() > 0 || cell.stopReason == QLatin1String("eos"));
                QVERIFY(cell.prompt.contains(spec.inputs[i].input));
                QVERIFY(cell.genTokS > 0 || cell.tokens.isEmpty());
            }
        QVERIFY(r.cells[0][0].prompt.startsWith(QStringLiteral("Answer the question with the final answer only.")));
        QVERIFY(r.cells[1][1].prompt.startsWith(QStringLiteral("Ответь на вопрос.")));
        QVERIFY(r.cells[2][2].prompt.endsWith(QStringLiteral("答案：")));
        for (const ColumnScore& s : r.scores) {
            QCOMPARE(s.n, 3);
            QCOMPARE(s.errors, 0);
        }
        for (int c = 0; c < 3; ++c)
            qInfo("%s: %s | %s | %s", qPrintable(spec.columns[c].label), qPrintable(r.cells[0][c].output.simplified()),
                  qPrintable(r.cells[1][c].output.simplified()), qPrintable(r.cells[2][c].output.simplified()));
        // A prompt longer than the context is that cell's error, said plainly, with the way out.
        const CellResult tooLong = polyRunner_->runCell(column(*findBuiltin(QStringLiteral("cot-zh")), 0, 4), spec.inputs[2], 1);
        QVERIFY2(tooLong.error.contains(QStringLiteral("context holds only 256")), qPrintable(tooLong.error));
        QVERIFY(tooLong.error.contains(QStringLiteral("larger context")));
        QCOMPARE(tooLong.stopReason, QStringLiteral("error"));
        // With a larger context every built-in runs; few-shot examples cost tokens.
        RunSpec all = spec;
        all.contextSize = 1024;
        all.columns.clear();
        for (const PromptTemplate& t : builtinTemplates()) all.columns << column(t, 0, 6);
        const RunResult big = polyRunner_->run(all);
        for (int i = 0; i < 3; ++i)
            for (int c = 0; c < all.columns.size(); ++c) QVERIFY2(big.cells[i][c].error.isEmpty(), qPrintable(big.cells[i][c].error));
        QCOMPARE(big.cells[0][1].prompt.count(QStringLiteral("Question:")), 4);  // few-shot-en: 3 examples + the question
        QVERIFY(big.cells[0][1].promptTokens > big.cells[0][0].promptTokens + 100);
        QVERIFY(big.cells[0][2].promptTokens > big.cells[0][1].promptTokens);  // worked examples are longer
        QCOMPARE(polyRunner_->contextSize(), 1024);
    }

    void savedRunReRunsExactly() {
        RunSpec spec;
        spec.mode = RunSpec::Mode::Batch;
        spec.title = QStringLiteral("re-run");
        spec.modelPath = model("polyglot-moe-4m-q8_0.gguf");
        spec.modelHash = gb::history::modelFingerprint(spec.modelPath);
        spec.seed = 0xDEADBEEFCAFEF00DULL;
        spec.contextSize = 512;
        LabColumn hot = column(*findBuiltin(QStringLiteral("zero-shot-en")), 0.8f, 12);
        hot.sampling.topK = 20;
        spec.columns = {column(*findBuiltin(QStringLiteral("few-shot-en")), 0, 12), hot};
        spec.inputs = builtinInputs(QStringLiteral("word-problems-en")).mid(0, 2);
        const RunResult first = polyRunner_->run(spec);
        LabStore store(dir_.filePath(QStringLiteral("runs.sqlite")));
        const qint64 id = store.saveRun(spec, first);
        const SavedRun saved = store.run(id);
        checkSpec(saved.spec, gb::history::modelFingerprint(saved.spec.modelPath));  // same file: fine
        LabRunner fresh(gb::Model::load(saved.spec.modelPath.toStdString()));
        const RunResult again = fresh.run(saved.spec);
        for (int i = 0; i < 2; ++i)
            for (int c = 0; c < 2; ++c) {
                QVERIFY(!first.cells[i][c].tokens.isEmpty() || first.cells[i][c].stopReason == QLatin1String("eos"));
                QCOMPARE(again.cells[i][c].tokenIds(), first.cells[i][c].tokenIds());
                QCOMPARE(again.cells[i][c].output, first.cells[i][c].output);
                QCOMPARE(again.cells[i][c].prompt, saved.result.cells[i][c].prompt);
            }
        QCOMPARE(again.divergence, saved.result.divergence);
        // Another file under the same name is refused.
        RunSpec moved = saved.spec;
        moved.modelHash = QStringLiteral("sha256:0000");
        try {
            checkSpec(moved, gb::history::modelFingerprint(saved.spec.modelPath));
            QFAIL("a different model was accepted");
        } catch (const LabError& e) {
            QVERIFY(e.message().contains(QStringLiteral("not the one this run used")));
        }
    }

    void cellErrorsDoNotStopTheRun() {
        const PromptTemplate needsTone = plain("tone", "Say {{question}} in a {{tone}} way.");
        const PromptTemplate ok = plain("ok", "Once upon a time, {{question}}");
        RunSpec spec = compare({column(needsTone, 0, 4), column(ok, 0, 4)}, "hello", 1);
        spec.inputs[0].expected = QStringLiteral("x");
        const RunResult r = storiesRunner_->run(spec);
        QCOMPARE(r.cells[0][0].error, QStringLiteral("no value for {{tone}}"));
        QVERIFY(r.cells[0][1].error.isEmpty());
        QCOMPARE(r.scores[0].errors, 1);
        QCOMPARE(r.scores[0].n, 1);  // counted as a miss
        QCOMPARE(r.divergence[0], -1);
        // With the variable (an extra CSV column, say) it runs.
        spec.inputs[0].variables[QStringLiteral("tone")] = QStringLiteral("kind");
        QVERIFY(storiesRunner_->run(spec).cells[0][0].error.isEmpty());
    }

    void stopFlagEndsTheRun() {
        std::atomic<bool> stop{true};
        const RunResult r = storiesRunner_->run(compare({column(plain("a", "{{question}}"), 0, 8)}, "x", 1), {}, &stop);
        QVERIFY(!r.complete);
        QVERIFY(r.cells.isEmpty() || r.cells[0].isEmpty());
    }

    // --- glassbox-cli lab ---
    void cliJsonScoresTemplates() {
        // The greedy output of zero-shot-en for one input, found in-process, is that row's
        // expected answer: the CLI (same engine, same defaults) must score it an exact match.
        const LabColumn zero = column(*findBuiltin(QStringLiteral("zero-shot-en")), 0, 8);
        const CellResult mine = storiesRunner_->runCell(zero, {"Once upon a time", {}, {}}, 0xC0FFEE);
        QVERIFY(!mine.answer.isEmpty());
        const QString csv = writeFile(QStringLiteral("in.csv"),
                                      (QStringLiteral("input,expected\r\n\"Once upon a time\",\"%1\"\r\n\"Lena had 3, and 5\",6\r\n")
                                           .arg(QString(mine.answer).replace("\"", "\"\"")))
                                          .toUtf8());
        PromptTemplate custom = plain("", "Tell a story: {{question}}", {"\n"});
        custom.name = QStringLiteral("custom");
        const QString tfile = writeFile(QStringLiteral("custom.json"), QJsonDocument(templateToJson(custom)).toJson());
        const QString db = dir_.filePath(QStringLiteral("cli.sqlite"));
        const Cli r = cli({"lab", model("stories260K-f32.gguf"), "--templates", "zero-shot-en," + tfile, "--inputs", csv,
                           "--json", "-n", "8", "--db", db});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        const QJsonArray templates = j["templates"].toArray();
        QCOMPARE(templates.size(), 2);
        QCOMPARE(templates[0].toObject()["id"].toString(), QStringLiteral("zero-shot-en"));
        QCOMPARE(templates[1].toObject()["id"].toString(), QStringLiteral("custom"));
        for (const QJsonValue& tv : templates) {
            const QJsonObject t = tv.toObject();
            for (const char* k : {"id", "exact_match", "contains", "n", "rows"}) QVERIFY2(t.contains(k), k);
            QCOMPARE(t["n"].toInt(), 2);
            const QJsonArray rows = t["rows"].toArray();
            QCOMPARE(rows.size(), 2);
            for (const QJsonValue& rv : rows)
                for (const char* k : {"input", "expected", "output", "exact", "contains", "log_prob"})
                    QVERIFY2(rv.toObject().contains(k), k);
            QCOMPARE(rows[1].toObject()["input"].toString(), QStringLiteral("Lena had 3, and 5"));
        }
        const QJsonObject row0 = templates[0].toObject()["rows"].toArray()[0].toObject();
        QCOMPARE(row0["output"].toString(), mine.output);
        QVERIFY(row0["exact"].toBool());
        QVERIFY(std::abs(row0["log_prob"].toDouble() - mine.logProb) < 1e-4);
        QCOMPARE(templates[0].toObject()["exact_match"].toDouble(), 0.5);
        QCOMPARE(j["seed"].toInteger(), 0xC0FFEE);
        // The run was saved and can be read back.
        QVERIFY(j["run_id"].toInteger() > 0);
        LabStore store(db);
        const SavedRun saved = store.run(j["run_id"].toInteger());
        QCOMPARE(saved.spec.columns.size(), 2);
        QCOMPARE(saved.result.cells[0][0].output, mine.output);
    }

    void cliPrintsATable() {
        const QString csv = writeFile(QStringLiteral("table.csv"), "input,expected\nOnce upon a time,x\n");
        const Cli r = cli({"lab", model("stories260K-f32.gguf"), "--templates", "zero-shot-en,few-shot-en", "--inputs", csv,
                           "-n", "4"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QStringList lines = QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        for (const char* h : {"template", "exact", "contains", "n"}) QVERIFY(lines[0].contains(h));
        QVERIFY(lines[1].startsWith(QStringLiteral("zero-shot-en")));
        QVERIFY(lines[2].startsWith(QStringLiteral("few-shot-en")));
        QVERIFY(lines[1].contains(QStringLiteral("(0/1)")));
    }

    void cliErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mention");
        const QString m = model("stories260K-f32.gguf");
        QTest::addRow("unknown template") << QStringList{"lab", m, "--templates", "nope", "--inputs", "IN"} << 1 << "no template “nope”";
        QTest::addRow("no inputs") << QStringList{"lab", m, "--templates", "cot-en"} << 2 << "--inputs";
        QTest::addRow("no templates") << QStringList{"lab", m, "--inputs", "IN"} << 2 << "--templates";
        QTest::addRow("bad csv") << QStringList{"lab", m, "--templates", "cot-en", "--inputs", "BAD"} << 1 << "line 2";
        QTest::addRow("missing csv") << QStringList{"lab", m, "--templates", "cot-en", "--inputs", "/nonexistent.csv"} << 1 << "cannot read";
        QTest::addRow("missing model") << QStringList{"lab", "/nonexistent.gguf", "--templates", "cot-en", "--inputs", "IN"} << 1 << "nonexistent";
        QTest::addRow("unknown flag") << QStringList{"lab", m, "--templates", "cot-en", "--inputs", "IN", "--frobnicate"} << 2 << "frobnicate";
    }

    void cliErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, mention);
        const QString in = writeFile(QStringLiteral("ok.csv"), "input,expected\nq,a\n");
        const QString bad = writeFile(QStringLiteral("bad.csv"), "input,expected\n\"q,a\n");
        args.replaceInStrings(QRegularExpression("^IN$"), in);
        args.replaceInStrings(QRegularExpression("^BAD$"), bad);
        const Cli r = cli(args);
        QCOMPARE(r.code, code);
        const QStringList lines = QString::fromUtf8(r.err).trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith(QStringLiteral("error: ")) && lines[0].contains(mention), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestLabRunner)
#include "test_lab_runner.moc"
