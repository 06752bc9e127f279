// glassbox-cli history and chat, run as a user would: list/show/search/export/import with --json
// and text output, errors with their exit codes (a corrupt database is reported and left as it
// was), and chat on a real model appending to a conversation across runs.
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "common/test_models.h"
#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "history_test_util.h"

using namespace gb::history;

namespace {

struct Run {
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run cli(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(GLASSBOX_CLI), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A copy of `source` whose tokenizer.chat_template is `chatTemplate`.
void writeWithTemplate(const std::string& source, const QString& target, const std::string& chatTemplate) {
    auto f = gb::GgufFile::open(source);
    gb::GgufWriter w(f->version());
    for (const auto& [key, value] : f->metadata())
        if (key != "general.alignment") w.set(key, value);
    w.setString("tokenizer.chat_template", chatTemplate);
    for (const gb::GgufTensorInfo& t : f->tensors()) w.addTensorView(t.name, t.dims, t.type, t.data, t.nbytes);
    w.write(target.toStdString());
}

const char* kChatml =
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

}  // namespace

class TestHistoryCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString db_;
    qint64 conv_ = 0, answer2_ = 0;

private slots:
    void initTestCase() {
        db_ = dir_.filePath(QStringLiteral("cli.sqlite"));
        HistoryStore s(db_);
        conv_ = s.createConversation(QStringLiteral("Trip to Москва"));
        const qint64 u = s.addMessage(conv_, 0, Role::User, QStringLiteral("What should I see in Москва?"));
        s.addMessage(conv_, u, Role::Assistant, QStringLiteral("The Kremlin."));
        answer2_ = s.addMessage(conv_, u, Role::Assistant, QStringLiteral("Red Square and the metro."));
        s.addMessage(s.createConversation(QStringLiteral("其他")), 0, Role::User, QStringLiteral("北京大学在哪里"));
    }

    void list() {
        const Run r = cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray convs = r.json().value(QStringLiteral("conversations")).toArray();
        QCOMPARE(convs.size(), 2);
        QCOMPARE(convs[1].toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Trip to Москва"));
        QCOMPARE(convs[1].toObject().value(QStringLiteral("message_count")).toInt(), 3);
        const Run text = cli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--db"), db_});
        QCOMPARE(text.code, 0);
        QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("Trip to Москва")));
    }

    void show() {
        const Run r = cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("show"), QString::number(conv_),
                           QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("messages")).toArray().size(), 3);
        const QJsonArray branch = r.json().value(QStringLiteral("current_branch")).toArray();
        QCOMPARE(branch.size(), 2);
        QCOMPARE(branch[1].toInteger(), answer2_);
        const Run text = cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("show"), QString::number(conv_)});
        QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("version 2 of 2")));
        QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("Red Square")));
    }

    void search() {
        const Run r = cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("search"), QStringLiteral("москва"),
                           QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 1);
        QVERIFY(results[0].toObject().value(QStringLiteral("snippet")).toString().contains(QStringLiteral("[Москва]")));
        QCOMPARE(results[0].toObject().value(QStringLiteral("conversation_id")).toInteger(), conv_);
        const Run zh = cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("search"), QStringLiteral("北京"),
                            QStringLiteral("--json")});
        QCOMPARE(zh.json().value(QStringLiteral("results")).toArray().size(), 1);
    }

    void exportAndImport() {
        const Run j = cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("export"), QString::number(conv_),
                           QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(j.code == 0, j.err.constData());
        QCOMPARE(j.json().value(QStringLiteral("format")).toString(), QStringLiteral("glassbox-history"));
        const Run md = cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("export"), QString::number(conv_),
                            QStringLiteral("--format"), QStringLiteral("md")});
        QVERIFY(md.out.startsWith("# Trip to"));
        const QString file = dir_.filePath(QStringLiteral("all.json"));
        QCOMPARE(cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("export"), QStringLiteral("all"),
                      QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), file}).code, 0);
        const QString other = dir_.filePath(QStringLiteral("other.sqlite"));
        const Run imp = cli({QStringLiteral("history"), QStringLiteral("--db"), other, QStringLiteral("import"), file, QStringLiteral("--json")});
        QVERIFY2(imp.code == 0, imp.err.constData());
        QCOMPARE(imp.json().value(QStringLiteral("imported")).toArray().size(), 2);
        HistoryStore s(other);
        QCOMPARE(s.conversations().size(), 2);
    }

    void errors() {
        const QString bad = dir_.filePath(QStringLiteral("corrupt.sqlite"));
        histtest::writeFile(bad, QByteArray("this is a text file, not a database\n").repeated(50));
        const QByteArray before = histtest::fileBytes(bad);
        const Run r = cli({QStringLiteral("history"), QStringLiteral("--db"), bad, QStringLiteral("list")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith("error: ") && r.err.contains(bad.toUtf8()), r.err.constData());
        QCOMPARE(histtest::fileBytes(bad), before);
        const Run moved = cli({QStringLiteral("history"), QStringLiteral("--db"), bad, QStringLiteral("move-aside"), QStringLiteral("--json")});
        QCOMPARE(moved.code, 0);
        QCOMPARE(histtest::fileBytes(moved.json().value(QStringLiteral("moved_to")).toString()), before);

        QCOMPARE(cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("show"), QStringLiteral("999")}).code, 1);
        QCOMPARE(cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("bogus")}).code, 2);
        QCOMPARE(cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("show"), QStringLiteral("x")}).code, 2);
        QCOMPARE(cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("export"), QString::number(conv_),
                      QStringLiteral("--format"), QStringLiteral("pdf")}).code, 2);
        QCOMPARE(cli({QStringLiteral("history"), QStringLiteral("--db"), db_, QStringLiteral("list"), QStringLiteral("--nope")}).code, 2);
    }

    void chatAppendsToConversations() {
        const QString model = QString::fromStdString(gbtest::modelPath("stories260K-f32.gguf"));
        if (!QFileInfo::exists(model)) QSKIP("stories260K-f32.gguf not found");
        const QString db = dir_.filePath(QStringLiteral("chat.sqlite"));
        const QStringList common = {QStringLiteral("--db"), db, QStringLiteral("-n"), QStringLiteral("12"), QStringLiteral("--seed"),
                                    QStringLiteral("42"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--json")};
        const Run first = cli(QStringList{QStringLiteral("chat"), model, QStringLiteral("--message"), QStringLiteral("Once upon a time")} + common);
        QVERIFY2(first.code == 0, first.err.constData());
        const QJsonObject j1 = first.json();
        const qint64 conv = j1.value(QStringLiteral("conversation_id")).toInteger();
        const qint64 msg = j1.value(QStringLiteral("message_id")).toInteger();
        QVERIFY(conv > 0 && msg > 0);
        QVERIFY(j1.contains(QStringLiteral("reply")));
        const Run second = cli(QStringList{QStringLiteral("chat"), model, QStringLiteral("--conversation"), QString::number(conv),
                                           QStringLiteral("--message"), QStringLiteral("What happened next?")} + common);
        QVERIFY2(second.code == 0, second.err.constData());
        QCOMPARE(second.json().value(QStringLiteral("conversation_id")).toInteger(), conv);

        HistoryStore s(db);
        const QList<Message> branch = s.currentBranch(conv);
        QCOMPARE(branch.size(), 4);
        QCOMPARE(branch[0].content, QStringLiteral("Once upon a time"));
        QCOMPARE(branch[1].id, msg);
        QCOMPARE(branch[1].content, j1.value(QStringLiteral("reply")).toString());
        QCOMPARE(branch[3].content, second.json().value(QStringLiteral("reply")).toString());
        const Message& a = branch[1];
        QVERIFY(a.complete && a.role == Role::Assistant && a.generation);
        QCOMPARE(a.generation->modelFile, QStringLiteral("stories260K-f32.gguf"));
        QCOMPARE(a.generation->modelHash,
                 QStringLiteral("sha256:dfbbeeb0f4e9b06ed18541350325990880d7fc5b8ea847200c81b172ea7e5432"));
        QCOMPARE(a.generation->architecture, QStringLiteral("llama"));
        QCOMPARE(a.generation->seed, 42u);
        QCOMPARE(a.generation->tokens.size(), a.generation->genTokens);
        QVERIFY(a.generation->genTokens > 0);
        QVERIFY(!a.generation->stopReason.isEmpty());
        QCOMPARE(a.generation->sampler.value(QStringLiteral("max_tokens")).toInt(), 12);

        const Run bad = cli({QStringLiteral("chat"), model, QStringLiteral("--db"), db, QStringLiteral("--conversation"),
                             QStringLiteral("999"), QStringLiteral("--message"), QStringLiteral("x")});
        QCOMPARE(bad.code, 1);
        QCOMPARE(cli({QStringLiteral("chat"), model, QStringLiteral("--db"), db}).code, 2);  // no --message
        QCOMPARE(a.generation->chatTemplate, QStringLiteral("plain"));  // the model has no template
    }

    void chatUsesTheModelsTemplateWithAFallback() {
        const std::string source = gbtest::modelPath("stories260K-f32.gguf");
        if (!QFileInfo::exists(QString::fromStdString(source))) QSKIP("stories260K-f32.gguf not found");
        const QString withTemplate = dir_.filePath(QStringLiteral("chatml.gguf"));
        const QString broken = dir_.filePath(QStringLiteral("broken.gguf"));
        writeWithTemplate(source, withTemplate, kChatml);
        writeWithTemplate(source, broken, "{% for %}");
        const QString db = dir_.filePath(QStringLiteral("template.sqlite"));
        const QStringList common = {QStringLiteral("--db"), db, QStringLiteral("-n"), QStringLiteral("6"), QStringLiteral("--threads"),
                                    QStringLiteral("1"), QStringLiteral("--system"), QStringLiteral("Be kind."), QStringLiteral("--json")};
        const Run ok = cli(QStringList{QStringLiteral("chat"), withTemplate, QStringLiteral("--message"), QStringLiteral("Hi")} + common);
        QVERIFY2(ok.code == 0, ok.err.constData());
        const Run fallback = cli(QStringList{QStringLiteral("chat"), broken, QStringLiteral("--message"), QStringLiteral("Hi")} + common);
        QVERIFY2(fallback.code == 0, fallback.err.constData());
        QVERIFY2(fallback.err.contains("chat template failed"), fallback.err.constData());
        HistoryStore s(db);
        const QList<Message> a = s.currentBranch(ok.json().value(QStringLiteral("conversation_id")).toInteger());
        QCOMPARE(a.size(), 3);  // system, user, reply
        QCOMPARE(a[0].role, Role::System);
        QCOMPARE(a[2].generation->chatTemplate, QString::fromLatin1(kChatml));
        const QList<Message> b = s.currentBranch(fallback.json().value(QStringLiteral("conversation_id")).toInteger());
        QCOMPARE(b[2].generation->chatTemplate, QStringLiteral("plain"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "test_history_cli.moc"
