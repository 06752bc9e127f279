// glassbox-cli as a user (or a script) meets it: the JSON fields the issues promise, and for
// every kind of bad input an exit status of 1 or 2 with one `error:` line — never a crash.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "common/test_models.h"

namespace {

struct Run {
    int code = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run cli(const QStringList& args) {
    QProcess p;
    p.start(GLASSBOX_CLI_PATH, args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.exitStatus(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString model(const char* name) { return gbtest::modelsDir() + "/" + name; }

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return f.fileName();
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    void expectCleanError(const Run& r, const QString& mention) {
        QCOMPARE(r.status, QProcess::NormalExit);  // no signal, no abort
        QVERIFY2(r.code == 1 || r.code == 2, qPrintable(QString("exit %1").arg(r.code)));
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith("error: "), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(mention, Qt::CaseInsensitive), r.err.constData());
    }

private slots:
    void generateJsonContract() {
        auto r = cli({"generate", model("stories260K-f32.gguf"), "--prompt", "Once upon a time", "-n", "8", "--temp", "0",
                      "--json", "--top-alternatives", "3"});
        QCOMPARE(r.code, 0);
        const QJsonObject j = r.json();
        for (const char* k : {"prompt_tokens", "tokens", "text", "stop_reason", "timings", "alternatives"}) QVERIFY2(j.contains(k), k);
        for (const char* k : {"prompt_ms", "gen_ms", "prompt_tok_s", "gen_tok_s"}) QVERIFY2(j["timings"].toObject().contains(k), k);
        QCOMPARE(j["tokens"].toArray().size(), 8);
        QCOMPARE(j["stop_reason"].toString(), QString("length"));
        QCOMPARE(j["prompt_tokens"].toArray()[0].toInt(), 1);  // BOS
        const QJsonArray alts = j["alternatives"].toArray();
        QCOMPARE(alts.size(), 8);
        // Greedy: the chosen token is the first alternative, and probabilities are sorted.
        for (int i = 0; i < 8; ++i) {
            const QJsonArray a = alts[i].toArray();
            QCOMPARE(a.size(), 3);
            QCOMPARE(a[0].toObject()["token"].toInt(), j["tokens"].toArray()[i].toInt());
            QVERIFY(a[0].toObject()["prob"].toDouble() >= a[1].toObject()["prob"].toDouble());
            QVERIFY(a[0].toObject().contains("piece"));
        }
    }
    void generateStopsAtEos() {
        // The polyglot model was trained on short fortunes ending in </s>: this one ends after 22 tokens.
        auto r = cli({"generate", model("polyglot-moe-4m-f32.gguf"), "--prompt", "Любовь", "-n", "120", "--temp", "0", "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json()["stop_reason"].toString(), QString("eos"));
        QVERIFY(r.json()["tokens"].toArray().size() < 120);
    }
    void tokenizeJsonContract() {
        auto r = cli({"tokenize", model("vocab/llama3-vocab.gguf"), "--text", "Hello world", "--json"});
        QCOMPARE(r.code, 0);
        // llama.cpp adds BOS 128000 for Llama 3; "Hello world" is 9906 1917 (README's example).
        QCOMPARE(r.json()["tokens"].toArray(), QJsonArray({128000, 9906, 1917}));
        QCOMPARE(r.json()["pieces"].toArray()[2].toString(), QString(" world"));
    }
    void infoJson() {
        auto r = cli({"info", model("polyglot-moe-4m-q8_0.gguf"), "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["architecture"].toString(), QString("llama"));
        QCOMPARE(j["shape"].toObject()["experts"].toInt(), 8);
        QCOMPARE(j["shape"].toObject()["experts_used"].toInt(), 2);
        QCOMPARE(j["shape"].toObject()["kv_heads"].toInt(), 2);
        QCOMPARE(j["quantization"].toString(), QString("Q8_0"));
        QCOMPARE(j["parameters"].toInteger(), 3871872);  // the README's count
        // KV bytes per token: 2 × 4 layers × 2 KV heads × 32 × 4 bytes.
        QCOMPARE(j["memory"].toObject()["kv_bytes_per_token"].toInteger(), 2 * 4 * 2 * 32 * 4);
    }
    void inspectJson() {
        auto r = cli({"inspect", model("polyglot-moe-4m-f32.gguf"), "--prompt", "Love is", "-n", "3", "--temp", "0",
                      "--layers", "0,3", "--heads", "1", "--logit-lens", "2", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject j = r.json();
        const int prompt = j["prompt_tokens"].toArray().size();
        const int processed = prompt + 3 - 1;  // the last generated token is never evaluated
        const QJsonArray att = j["attention"].toArray();
        QCOMPARE(att.size(), 2);  // layers 0 and 3, head 1
        for (const auto& a : att) {
            const QJsonArray rows = a.toObject()["rows"].toArray();
            QCOMPARE(rows.size(), processed);
            QCOMPARE(a.toObject()["kv_head"].toInt(), 0);  // 4 heads over 2 KV heads: head 1 reads KV head 0
            for (int q = 0; q < rows.size(); ++q) {
                QCOMPARE(rows[q].toArray().size(), q + 1);
                double sum = 0;
                for (const auto& p : rows[q].toArray()) sum += p.toDouble();
                QVERIFY(std::abs(sum - 1.0) < 1e-4);
            }
        }
        const QJsonArray routing = j["routing"].toArray();
        QCOMPARE(routing.size(), 2);
        const QJsonArray pos = routing[0].toObject()["positions"].toArray();
        QCOMPARE(pos.size(), processed);
        // The README: the BOS position always routes to expert 1 in the last layer.
        QCOMPARE(routing[1].toObject()["layer"].toInt(), 3);
        QCOMPARE(routing[1].toObject()["positions"].toArray()[0].toObject()["experts"].toArray()[0].toInt(), 1);
        const QJsonObject p0 = pos[0].toObject();
        QCOMPARE(p0["experts"].toArray().size(), 2);
        QCOMPARE(p0["router"].toArray().size(), 8);
        QVERIFY(std::abs(p0["weights"].toArray()[0].toDouble() + p0["weights"].toArray()[1].toDouble() - 1.0) < 1e-5);
        const QJsonArray lens = j["logit_lens"].toArray();
        QCOMPARE(lens.size(), 2);
        QCOMPARE(lens[0].toObject()["positions"].toArray()[0].toArray().size(), 2);
        // Dense models carry no routing.
        auto dense = cli({"inspect", model("stories260K-f32.gguf"), "--prompt", "Once", "-n", "2", "--json"});
        QCOMPARE(dense.code, 0);
        QVERIFY(!dense.json().contains("routing"));
    }

    void badInputGivesOneErrorLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mention");
        const QString ok = model("stories260K-f32.gguf");
        const QByteArray good = fileBytes(ok);
        QTest::newRow("missing file") << QStringList{"generate", "/nonexistent/x.gguf", "--prompt", "a"} << "cannot open";
        QTest::newRow("not a GGUF") << QStringList{"info", writeFile(dir_, "text.gguf", "hello, I am text")} << "not a GGUF";
        QTest::newRow("empty file") << QStringList{"info", writeFile(dir_, "empty.gguf", "")} << "GGUF";
        QTest::newRow("truncated header") << QStringList{"info", writeFile(dir_, "t1.gguf", good.left(100))} << "truncated";
        QTest::newRow("truncated data") << QStringList{"generate", writeFile(dir_, "t2.gguf", good.left(good.size() - 1000)), "--prompt", "a"} << "past the end";
        QByteArray v99 = good;
        v99[4] = 99;
        QTest::newRow("bad version") << QStringList{"info", writeFile(dir_, "v99.gguf", v99)} << "version";
        QByteArray arch = good;
        const int at = arch.indexOf("llama");
        arch.replace(at, 5, "bloom");
        QTest::newRow("unknown architecture") << QStringList{"generate", writeFile(dir_, "arch.gguf", arch), "--prompt", "a"} << "architecture";
        QTest::newRow("vocab-only model") << QStringList{"generate", model("vocab/ggml-vocab-llama-spm.gguf"), "--prompt", "a"} << "";
        QString longPrompt;
        for (int i = 0; i < 300; ++i) longPrompt += "Lily and Ben. ";
        QTest::newRow("prompt longer than context") << QStringList{"generate", model("aidreams260K-f32.gguf"), "--prompt", longPrompt} << "context";
        QTest::newRow("missing prompt") << QStringList{"generate", ok} << "--prompt";
        QTest::newRow("unknown option") << QStringList{"generate", ok, "--prompt", "a", "--frobnicate", "1"} << "unknown option";
        QTest::newRow("bad number") << QStringList{"generate", ok, "--prompt", "a", "-n", "many"} << "integer";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command";
    }
    void badInputGivesOneErrorLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        expectCleanError(cli(args), mention);
    }

    void invalidUtf8AndNulAreTokenized() {
        auto r = cli({"tokenize", model("stories260K-f32.gguf"), "--text", QString::fromUtf8("caf\xc3\xa9 \xe4\xbd\xa0"), "--json"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.json()["tokens"].toArray().size() > 3);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
