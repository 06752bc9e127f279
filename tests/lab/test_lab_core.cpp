// The prompt lab without a model run: {{variable}} substitution and its errors, the built-in
// templates (three kinds in three languages, their worked examples), JSON import/export, the
// CSV reader's edge cases, scoring, divergence, and the prompt preview (chat templates, special
// tokens, token counts per part) on real vocabularies.
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "common/test_models.h"
#include "lab/builtin_templates.h"
#include "lab/lab_csv.h"
#include "lab/lab_error.h"
#include "lab/lab_json.h"
#include "lab/lab_runner.h"
#include "lab/lab_scoring.h"
#include "lab/prompt_builder.h"
#include "lab/prompt_template.h"
#include "lab/template_library.h"
#include "model/model.h"
#include "tokenizer/tokenizer.h"

using namespace gb::lab;

namespace {

// Runs f and returns the TemplateVariableError it throws (fails the test when it does not).
template <class F>
TemplateVariableError variableError(F f) {
    try {
        f();
    } catch (const TemplateVariableError& e) {
        return e;
    }
    qWarning("no TemplateVariableError");
    return TemplateVariableError(TemplateVariableError::Kind::Syntax, QStringLiteral("<none>"));
}

template <class F>
QString labError(F f) {
    try {
        f();
    } catch (const LabError& e) {
        return e.message();
    }
    return QStringLiteral("<no LabError>");
}

QString joined(const QList<PromptSegment>& segs, PromptPart part) {
    QString s;
    for (const PromptSegment& seg : segs)
        if (seg.part == part) s += seg.text;
    return s;
}

const char* kChatML =
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

}  // namespace

class TestLabCore : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    // --- substitution ---
    void substitutesVariables() {
        const Substitution s = substitute(QStringLiteral("Hi {{name}}, {{ name }}! {{greeting}}."),
                                          {{"name", "Лена"}, {"greeting", "你好"}});
        QCOMPARE(s.text, QStringLiteral("Hi Лена, Лена! 你好."));
        QVERIFY(s.unused.isEmpty());
        // Values are not scanned again: a value holding "{{x}}" stays as it is.
        QCOMPARE(substitute(QStringLiteral("[{{a}}]"), {{"a", "{{b}}"}}).text, QStringLiteral("[{{b}}]"));
        // Text without variables, and lone braces, pass through.
        QCOMPARE(substitute(QStringLiteral("a } b }} c {"), {}).text, QStringLiteral("a } b }} c {"));
    }

    void segmentsTagWhereTextCameFrom() {
        const Substitution s = substitute(QStringLiteral("Q: {{question}}\n{{examples}}!"),
                                          {{"question", "why"}, {"examples", "E"}},
                                          {{"question", PromptPart::User}, {"examples", PromptPart::Examples}},
                                          PromptPart::System);
        const QList<PromptSegment> want = {{PromptPart::System, "Q: "},
                                           {PromptPart::User, "why"},
                                           {PromptPart::System, "\n"},
                                           {PromptPart::Examples, "E"},
                                           {PromptPart::System, "!"}};
        QCOMPARE(s.segments, want);
    }

    void missingVariablesAreNamed() {
        const auto e = variableError([] { substitute(QStringLiteral("{{a}} {{b}} {{a}} {{c}}"), {{"b", "1"}}); });
        QCOMPARE(e.kind(), TemplateVariableError::Kind::Missing);
        QCOMPARE(e.names(), QStringList({"a", "c"}));
        QCOMPARE(e.message(), QStringLiteral("no values for {{a}}, {{c}}"));
        const auto one = variableError([] { substitute(QStringLiteral("x {{topic}}"), {}); });
        QCOMPARE(one.message(), QStringLiteral("no value for {{topic}}"));
    }

    void unusedValuesAreReported() {
        const Substitution s = substitute(QStringLiteral("{{a}}"), {{"a", "1"}, {"tone", "2"}, {"question", "q"}});
        QCOMPARE(s.unused, QStringList({"tone"}));  // the lab's own names never count as unused
    }

    void malformedVariablesAreSyntaxErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("unclosed") << "Hello {{name" << 1 << 7;
        QTest::addRow("empty") << "a\nb {{ }}" << 2 << 3;
        QTest::addRow("digit first") << "{{1x}}" << 1 << 1;
        QTest::addRow("two words") << "x\n\n  {{first name}}" << 3 << 3;
        QTest::addRow("jinja expression") << "{{ name | upper }}" << 1 << 1;
        QTest::addRow("single close") << "{{name}" << 1 << 1;
    }

    void malformedVariablesAreSyntaxErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto e = variableError([&] { substitute(text, {{"name", "x"}, {"first", "x"}, {"x", "1"}}); });
        QCOMPARE(e.kind(), TemplateVariableError::Kind::Syntax);
        QCOMPARE(e.line(), line);
        QCOMPARE(e.column(), column);
        QVERIFY2(e.message().startsWith(QStringLiteral("line %1, column %2:").arg(line).arg(column)), qPrintable(e.message()));
    }

    void variablesOfATemplate() {
        PromptTemplate t;
        t.body = QStringLiteral("{{examples}} {{tone}} {{question}} {{ tone }} {{input}} {{audience}}");
        QCOMPARE(t.variables(), QStringList({"examples", "tone", "question", "input", "audience"}));
        QCOMPARE(t.ownVariables(), QStringList({"tone", "audience"}));
    }

    void examplesRenderWithTheirFormat() {
        PromptTemplate t;
        t.exampleFormat = QStringLiteral("In: {{input}} / Out: {{output}}");
        t.exampleSeparator = QStringLiteral("\n---\n");
        t.examples = {{"1+1", "2"}, {"2+2", "4"}};
        QCOMPARE(renderExamples(t), QStringLiteral("In: 1+1 / Out: 2\n---\nIn: 2+2 / Out: 4"));
        t.exampleFormat = QStringLiteral("{{input}} {{answer}}");
        const auto e = variableError([&] { buildPrompt(t, {"q", {}}); });
        QVERIFY2(e.message().startsWith(QStringLiteral("example format: no value for {{answer}}")), qPrintable(e.message()));
    }

    // --- building prompts ---
    void plainPromptHasSystemExamplesUser() {
        PromptTemplate t;
        t.system = QStringLiteral("You are precise.");
        t.body = QStringLiteral("{{examples}}\n\nQ: {{question}} ({{unit}})\nA:");
        t.examples = {{"1+1", "2"}};
        t.exampleFormat = QStringLiteral("Q: {{input}}\nA: {{output}}");
        const BuiltPrompt p = buildPrompt(t, {"3+4", {{"unit", "apples"}, {"colour", "red"}}});
        QCOMPARE(p.text, QStringLiteral("You are precise.\n\nQ: 1+1\nA: 2\n\nQ: 3+4 (apples)\nA:"));
        QCOMPARE(joined(p.segments, PromptPart::System), QStringLiteral("You are precise.\n\n"));
        QCOMPARE(joined(p.segments, PromptPart::Examples), QStringLiteral("Q: 1+1\nA: 2"));
        QCOMPARE(joined(p.segments, PromptPart::User), QStringLiteral("\n\nQ: 3+4 (apples)\nA:"));
        QVERIFY(!p.chatTemplateUsed);
        QCOMPARE(p.warnings.size(), 1);
        QVERIFY(p.warnings[0].contains(QStringLiteral("colour")));
        // Asking for the chat template of a model that has none: the plain prompt, and why.
        const BuiltPrompt q = buildPrompt(t, {"3+4", {{"unit", "apples"}}}, ChatWrap::Message, {});
        QCOMPARE(q.text, p.text);
        QVERIFY(q.chatTemplateError.contains(QStringLiteral("no chat template")));
    }

    void chatTemplateWrapsTheRenderedPrompt() {
        PromptTemplate t;
        t.system = QStringLiteral("Be brief.");
        t.body = QStringLiteral("{{examples}}\nQ: {{question}}");
        t.exampleFormat = QStringLiteral("Q: {{input}} A: {{output}}");
        t.exampleSeparator = QStringLiteral("\n");
        t.examples = {{"a", "1"}, {"b", "2"}};
        ChatContext chat{kChatML, "<s>", "</s>"};
        const BuiltPrompt p = buildPrompt(t, {"c", {}}, ChatWrap::Message, chat);
        QVERIFY(p.chatTemplateUsed);
        QCOMPARE(p.text, QStringLiteral("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nQ: a A: 1\nQ: b A: 2\nQ: "
                                        "c<|im_end|>\n<|im_start|>assistant\n"));
        QCOMPARE(joined(p.segments, PromptPart::System), QStringLiteral("Be brief."));
        QCOMPARE(joined(p.segments, PromptPart::Examples), QStringLiteral("Q: a A: 1\nQ: b A: 2"));
        QCOMPARE(joined(p.segments, PromptPart::User), QStringLiteral("\nQ: c"));
        QCOMPARE(joined(p.segments, PromptPart::Markup),
                 QStringLiteral("<|im_start|>system\n<|im_end|>\n<|im_start|>user\n<|im_end|>\n<|im_start|>assistant\n"));
        // Examples as earlier turns: {{examples}} is empty, each example is a user/assistant pair.
        const BuiltPrompt turns = buildPrompt(t, {"c", {}}, ChatWrap::ExamplesAsTurns, chat);
        QCOMPARE(turns.text, QStringLiteral("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nQ: a<|im_end|>\n"
                                            "<|im_start|>assistant\n1<|im_end|>\n<|im_start|>user\nQ: b<|im_end|>\n"
                                            "<|im_start|>assistant\n2<|im_end|>\n<|im_start|>user\nQ: c<|im_end|>\n"
                                            "<|im_start|>assistant\n"));
        QCOMPARE(joined(turns.segments, PromptPart::History), QStringLiteral("Q: a1Q: b2"));
        QCOMPARE(joined(turns.segments, PromptPart::User), QStringLiteral("Q: c"));
        QCOMPARE(joined(turns.segments, PromptPart::Examples), QString());
        QString all;
        for (const PromptSegment& s : turns.segments) all += s.text;
        QCOMPARE(all, turns.text);
    }

    void emptyExamplesLeaveNoBlankLines() {
        PromptTemplate t;
        t.body = QStringLiteral("Answer.\n\n{{examples}}\n\nQ: {{question}}");
        QCOMPARE(buildPrompt(t, {"x", {}}).text, QStringLiteral("Answer.\n\nQ: x"));
        t.body = QStringLiteral("{{examples}}\nQ: {{question}}\n{{ examples }}");
        QCOMPARE(buildPrompt(t, {"x", {}}).text, QStringLiteral("Q: x"));
        t.examples = {{"a", "b"}};
        t.exampleFormat = QStringLiteral("{{input}}={{output}}");
        QCOMPARE(buildPrompt(t, {"x", {}}).text, QStringLiteral("a=b\nQ: x\na=b"));
    }

    void brokenChatTemplateFallsBackToPlain() {
        PromptTemplate t;
        t.body = QStringLiteral("Q: {{question}}");
        const BuiltPrompt p = buildPrompt(t, {"x", {}}, ChatWrap::Message, {"{% for m in messages %}{{ m.role", "", ""});
        QVERIFY(!p.chatTemplateUsed);
        QCOMPARE(p.text, QStringLiteral("Q: x"));
        QVERIFY2(p.chatTemplateError.contains(QStringLiteral("chat template failed")), qPrintable(p.chatTemplateError));
        const BuiltPrompt raised = buildPrompt(t, {"x", {}}, ChatWrap::Message, {"{{ raise_exception('no users here') }}", "", ""});
        QVERIFY(raised.chatTemplateError.contains(QStringLiteral("no users here")));
    }

    // --- built-in templates ---
    void builtinsCoverThreeKindsInThreeLanguages() {
        const QList<PromptTemplate>& all = builtinTemplates();
        QCOMPARE(all.size(), 9);
        for (const QString lang : {"en", "ru", "zh"})
            for (TemplateKind k : {TemplateKind::ZeroShot, TemplateKind::FewShot, TemplateKind::ChainOfThought}) {
                const QString id = kindKey(k) + u'-' + lang;
                const PromptTemplate* t = findBuiltin(id);
                QVERIFY2(t, qPrintable(id));
                QVERIFY(t->builtin);
                QCOMPARE(t->language, lang);
                QCOMPARE(t->kind, k);
                QVERIFY(!t->name.isEmpty() && !t->description.isEmpty());
                QVERIFY(t->variables().contains(QStringLiteral("question")));
                QVERIFY(t->ownVariables().isEmpty());
                QCOMPARE(t->examples.isEmpty(), k == TemplateKind::ZeroShot);
                if (k != TemplateKind::ZeroShot) QVERIFY(t->variables().contains(QStringLiteral("examples")));
                QVERIFY(!buildPrompt(*t, {"?", {}}).text.isEmpty());
            }
        QCOMPARE(all.first().id, QStringLiteral("zero-shot-en"));
        QVERIFY(findBuiltin(QStringLiteral("cot-ru"))->body.contains(QStringLiteral("шаг за шагом")));
        QVERIFY(findBuiltin(QStringLiteral("cot-zh"))->body.contains(QStringLiteral("一步一步")));
        QVERIFY(findBuiltin(QStringLiteral("cot-en"))->body.contains(QStringLiteral("step by step")));
    }

    void builtinExamplesAgreeAcrossKindsAndLanguages() {
        // The same three problems in every language; the chain-of-thought solutions end in the
        // answer the few-shot template states, and the arithmetic they show is right.
        const QStringList answers = {"5", "19", "17"};
        const QMap<QString, QString> prefix = {{"en", "Answer:"}, {"ru", "Ответ:"}, {"zh", "答案："}};
        for (const QString lang : {"en", "ru", "zh"}) {
            const PromptTemplate* few = findBuiltin("few-shot-" + lang);
            const PromptTemplate* cot = findBuiltin("cot-" + lang);
            QCOMPARE(few->examples.size(), 3);
            QCOMPARE(cot->examples.size(), 3);
            QCOMPARE(cot->answerPrefix, prefix[lang]);
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(few->examples[i].output, answers[i]);
                QCOMPARE(cot->examples[i].input, few->examples[i].input);
                QCOMPARE(extractAnswer(cot->examples[i].output, cot->answerPrefix), answers[i]);
                QVERIFY(scoreOutput(cot->examples[i].output, answers[i], cot->answerPrefix).exact);
            }
            // 2 + 6 = 8, 8 - 3 = 5 · 4 × 6 = 24, 24 - 5 = 19 · 2 × 7 = 14, 14 + 3 = 17
            QVERIFY(cot->examples[0].output.contains(QStringLiteral("2 + 6 = 8")) && cot->examples[0].output.contains(QStringLiteral("8 - 3 = 5")));
            QVERIFY(cot->examples[1].output.contains(QStringLiteral("4 × 6 = 24")) && cot->examples[1].output.contains(QStringLiteral("24 - 5 = 19")));
            QVERIFY(cot->examples[2].output.contains(QStringLiteral("2 × 7 = 14")) && cot->examples[2].output.contains(QStringLiteral("14 + 3 = 17")));
        }
    }

    void builtinWordProblems() {
        const QList<BuiltinInputSet> sets = builtinInputSets();
        QCOMPARE(sets.size(), 3);
        QCOMPARE(sets[0].id, QStringLiteral("word-problems-en"));
        const QStringList answers = {"6", "15", "17", "45", "7", "5", "15", "28"};
        for (const BuiltinInputSet& s : sets) {
            const QList<LabInput> in = builtinInputs(s.id);
            QCOMPARE(in.size(), answers.size());
            for (int i = 0; i < in.size(); ++i) QCOMPARE(in[i].expected, answers[i]);
        }
        const QList<LabInput> en = builtinInputs(QStringLiteral("word-problems-en"));
        QVERIFY(en[0].input.startsWith(QStringLiteral("Lena had 3 candies in one hand and 5 in the other, and gave 2 away.")));
        QVERIFY(builtinInputs(QStringLiteral("word-problems-ru"))[0].input.contains(QStringLiteral("Лены")));
        QVERIFY(builtinInputs(QStringLiteral("word-problems-zh"))[0].input.contains(QStringLiteral("莉娜")));
        QVERIFY(labError([] { builtinInputs(QStringLiteral("nope")); }).contains(QStringLiteral("nope")));
    }

    // --- JSON ---
    void jsonRoundTrip() {
        QList<PromptTemplate> list = {*findBuiltin(QStringLiteral("cot-zh")), *findBuiltin(QStringLiteral("few-shot-ru"))};
        PromptTemplate odd;
        odd.id = QStringLiteral("user-1");
        odd.name = QStringLiteral("Quotes \" and \\ backslashes, 😀");
        odd.kind = TemplateKind::FewShot;
        odd.system = QStringLiteral("line1\nline2\ttab");
        odd.body = QStringLiteral("{{examples}}|{{question}}|{{tone}}");
        odd.exampleFormat = QStringLiteral("<{{input}}>{{output}}");
        odd.exampleSeparator = QString();
        odd.examples = {{"", ""}, {"a,b", "\"c\""}};
        odd.stopStrings = {"\n", "END"};
        list << odd;
        const QByteArray json = TemplateLibrary::exportJson(list);
        QList<PromptTemplate> back = templatesFromJsonDocument(json);
        for (PromptTemplate& t : list) t.builtin = false;  // not part of the file
        QCOMPARE(back, list);
        // Also a bare list or one template object.
        const QByteArray single = QJsonDocument(templateToJson(odd)).toJson();
        QCOMPARE(templatesFromJsonDocument(single), QList<PromptTemplate>{odd});
    }

    void badJsonIsExplained_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mention");
        QTest::addRow("not json") << QByteArray("{oops") << "not a JSON file";
        QTest::addRow("no templates") << QByteArray(R"({"a": 1})") << "no prompt templates";
        QTest::addRow("no body") << QByteArray(R"({"templates": [{"name": "x"}]})") << "“x” has no body";
        QTest::addRow("bad kind") << QByteArray(R"([{"name": "x", "body": "b", "kind": "tree"}])") << "unknown kind “tree”";
        QTest::addRow("bad variable") << QByteArray(R"([{"name": "x", "body": "a\n{{ b c }}"}])") << "line 2, column 1";
        QTest::addRow("bad examples") << QByteArray(R"([{"name": "x", "body": "b", "examples": [{"input": 1}]}])") << "every example";
        QTest::addRow("newer") << QByteArray(R"({"version": 7, "templates": []})") << "version 7";
        QTest::addRow("empty") << QByteArray(R"({"templates": []})") << "no templates";
    }

    void badJsonIsExplained() {
        QFETCH(QByteArray, json);
        QFETCH(QString, mention);
        const QString msg = labError([&] { templatesFromJsonDocument(json); });
        QVERIFY2(msg.contains(mention), qPrintable(msg));
    }

    void libraryResolvesIdsAndFilesAndImports() {
        TemplateLibrary lib;
        QCOMPARE(lib.all().size(), 9);
        PromptTemplate mine;
        mine.name = QStringLiteral("Mine");
        mine.body = QStringLiteral("Q: {{question}}");
        const QString file = dir_.filePath(QStringLiteral("mine.json"));
        lib.exportFile({mine}, file);
        const QList<PromptTemplate> r = lib.resolve({"few-shot-en", " cot-zh ", file});
        QCOMPARE(r.size(), 3);
        QCOMPARE(r[0].id, QStringLiteral("few-shot-en"));
        QCOMPARE(r[2].name, QStringLiteral("Mine"));
        QCOMPARE(r[2].id, QStringLiteral("mine"));  // a file's template without an id is named after the file
        const QString msg = labError([&] { lib.resolve({"few-shot-xx"}); });
        QVERIFY(msg.contains(QStringLiteral("few-shot-xx")) && msg.contains(QStringLiteral("zero-shot-en")));
        // Import makes new user templates; built-ins cannot be removed; saving a built-in copies it.
        const QList<PromptTemplate> added = lib.importFile(file);
        QCOMPARE(added.size(), 1);
        QVERIFY(added[0].id.startsWith(QStringLiteral("user-")));
        QCOMPARE(lib.all().size(), 10);
        QVERIFY(labError([&] { lib.remove(QStringLiteral("cot-en")); }).contains(QStringLiteral("built in")));
        const PromptTemplate copy = lib.save(*findBuiltin(QStringLiteral("cot-en")));
        QVERIFY(copy.id.startsWith(QStringLiteral("user-")));
        QVERIFY(!copy.builtin);
        QCOMPARE(findBuiltin(QStringLiteral("cot-en"))->body, copy.body);
        lib.remove(copy.id);
        QCOMPARE(lib.all().size(), 10);
        QVERIFY(labError([&] { lib.importFile(dir_.filePath(QStringLiteral("missing.json"))); }).contains(QStringLiteral("cannot read")));
    }

    // --- CSV ---
    void csvEdgeCases_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addRow("plain") << QByteArray("a,b\n1,2\n") << QList<QStringList>{{"a", "b"}, {"1", "2"}};
        QTest::addRow("no final newline") << QByteArray("a,b\n1,2") << QList<QStringList>{{"a", "b"}, {"1", "2"}};
        QTest::addRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QList<QStringList>{{"a", "b"}, {"1", "2"}};
        QTest::addRow("lone cr") << QByteArray("a,b\r1,2\r") << QList<QStringList>{{"a", "b"}, {"1", "2"}};
        QTest::addRow("comma in quotes") << QByteArray("\"x, y\",z\n") << QList<QStringList>{{"x, y", "z"}};
        QTest::addRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n") << QList<QStringList>{{"say \"hi\"", "\""}};
        QTest::addRow("newline in quotes") << QByteArray("\"one\ntwo\",3\n\"a\r\nb\",4\n")
                                           << QList<QStringList>{{"one\ntwo", "3"}, {"a\r\nb", "4"}};
        QTest::addRow("empty fields") << QByteArray(",,\n\"\",x,\n") << QList<QStringList>{{"", "", ""}, {"", "x", ""}};
        QTest::addRow("blank lines skipped") << QByteArray("a\n\n\r\nb\n\n") << QList<QStringList>{{"a"}, {"b"}};
        QTest::addRow("quoted empty record kept") << QByteArray("a\n\"\"\n") << QList<QStringList>{{"a"}, {""}};
        QTest::addRow("utf-8") << QByteArray("вопрос,答案\n\"Лена, 3 конфеты\",六 😀\n")
                               << QList<QStringList>{{"вопрос", "答案"}, {"Лена, 3 конфеты", "六 😀"}};
        QTest::addRow("bom") << QByteArray("\xEF\xBB\xBFinput,expected\n") << QList<QStringList>{{"input", "expected"}};
        QTest::addRow("spaces kept") << QByteArray(" a , b \n") << QList<QStringList>{{" a ", " b "}};
        QTest::addRow("quote inside unquoted") << QByteArray("5\" pipe,x\n") << QList<QStringList>{{"5\" pipe", "x"}};
    }

    void csvEdgeCases() {
        QFETCH(QByteArray, csv);
        QFETCH(QList<QStringList>, rows);
        QCOMPARE(parseCsv(csv), rows);
    }

    void csvErrorsNameTheLine_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("mention");
        QTest::addRow("unterminated") << QByteArray("input\nok\n\"never\nclosed\n") << "CSV line 3: a quoted field is never closed";
        QTest::addRow("after quote") << QByteArray("input\n\"a\"b\n") << "CSV line 2: text after a closing quote";
        QTest::addRow("field count") << QByteArray("input,expected\n\"multi\nline\",1\nx,1,2\n") << "CSV line 4: 3 fields, but the header has 2";
        QTest::addRow("no input column") << QByteArray("question,answer\nq,a\n") << "no “input” column";
        QTest::addRow("duplicate column") << QByteArray("input,Input\nq,a\n") << "appears twice";
        QTest::addRow("empty") << QByteArray("") << "empty";
        QTest::addRow("header only") << QByteArray("input,expected\n") << "no rows";
        QTest::addRow("bad utf-8") << QByteArray("input\n\xff\xfe\n") << "not valid UTF-8";
    }

    void csvErrorsNameTheLine() {
        QFETCH(QByteArray, csv);
        QFETCH(QString, mention);
        const QString msg = labError([&] { inputsFromCsv(csv); });
        QVERIFY2(msg.contains(mention), qPrintable(msg));
    }

    void csvInputsHeaderAndVariables() {
        const QList<LabInput> in = inputsFromCsv("Expected , INPUT ,tone\r\n6,\"Lena had 3, then 5\",kind\n,no answer,\n");
        QCOMPARE(in.size(), 2);
        QCOMPARE(in[0].input, QStringLiteral("Lena had 3, then 5"));
        QCOMPARE(in[0].expected, QStringLiteral("6"));
        QCOMPARE(in[0].variables, (QMap<QString, QString>{{"tone", "kind"}}));
        QCOMPARE(in[1].expected, QString());
        // Written and read back unchanged, whatever the fields hold.
        QList<LabInput> tricky = {{"a, \"b\"\nc", " 7 ", {{"x", "1"}}}, {"щ 中", "", {{"x", ""}}}, {"", "0", {{"x", "\r\n"}}}};
        QCOMPARE(inputsFromCsv(inputsToCsv(tricky).toUtf8()), tricky);
    }

    // --- scoring and divergence ---
    void scoring_data() {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("exact");
        QTest::addColumn<bool>("contains");
        QTest::addRow("same") << " 6" << "6" << "" << true << true;
        QTest::addRow("case and spaces") << "  Paris   is\tNICE \n" << "paris is nice" << "" << true << true;
        QTest::addRow("final period") << "6." << "6" << "" << true << true;
        QTest::addRow("first line only") << "6\nQuestion: next" << "6" << "" << true << true;
        QTest::addRow("longer answer") << "She has 6 candies" << "6" << "" << false << true;
        QTest::addRow("wrong") << "7" << "6" << "" << false << false;
        QTest::addRow("contains is substring") << "16" << "6" << "" << false << true;
        QTest::addRow("cot answer") << "3 + 5 = 8, 8 - 2 = 6.\nAnswer: 6" << "6" << "Answer:" << true << true;
        QTest::addRow("last answer wins") << "Answer: 5\nanswer: 6" << "6" << "Answer:" << true << true;
        QTest::addRow("prefix missing") << "the total is 6" << "6" << "Answer:" << false << true;
        QTest::addRow("full-width digits") << "答案：６" << "6" << "答案：" << true << true;
        QTest::addRow("ascii colon for prefix") << "所以是6。\n答案:6。" << "6" << "答案：" << true << true;
        QTest::addRow("cyrillic case") << "ОТВЕТ: Шесть" << "шесть" << "Ответ:" << true << true;
        QTest::addRow("no expected") << "6" << "  " << "" << false << false;
    }

    void scoring() {
        QFETCH(QString, output);
        QFETCH(QString, expected);
        QFETCH(QString, prefix);
        QFETCH(bool, exact);
        QFETCH(bool, contains);
        const Score s = scoreOutput(output, expected, prefix);
        QCOMPARE(s.exact, exact);
        QCOMPARE(s.contains, contains);
    }

    void divergence() {
        QCOMPARE(firstDivergence({}), -1);
        QCOMPARE(firstDivergence({{1, 2, 3}}), -1);
        QCOMPARE(firstDivergence({{1, 2, 3}, {1, 2, 3}}), -1);
        QCOMPARE(firstDivergence({{1, 2, 3}, {1, 9, 3}}), 1);
        QCOMPARE(firstDivergence({{5}, {6}}), 0);
        QCOMPARE(firstDivergence({{1, 2}, {1, 2, 3}}), 2);      // one ends first
        QCOMPARE(firstDivergence({{1, 2, 3}, {1, 2}}), 2);
        QCOMPARE(firstDivergence({{1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 7, 4}}), 2);
        QCOMPARE(firstDivergence({{}, {}}), -1);
        QCOMPARE(firstDivergence({{}, {4}}), 0);
    }

    // --- the preview: tokens per part on real vocabularies ---
    void tokenCountsPerPartPlain() {
        auto model = gb::Model::load(gbtest::modelPath("vocab/ggml-vocab-llama-spm.gguf"), {.vocabOnly = true});
        const PromptTemplate* t = findBuiltin(QStringLiteral("few-shot-en"));
        PromptTemplate withSystem = *t;
        withSystem.system = QStringLiteral("You solve word problems.");
        const BuiltPrompt p = buildPrompt(withSystem, {"Lena had 3 candies.", {}});
        const TokenizedPrompt tp = tokenizePrompt(p, model->tokenizer());
        QVERIFY(tp.aligned);
        QCOMPARE(tp.ids, model->tokenizer().encode(p.text.toStdString(), true, true));
        int sum = 0;
        for (int c : tp.counts) sum += c;
        QCOMPARE(sum, static_cast<int>(tp.ids.size()));
        QCOMPARE(tp.count(PromptPart::Markup), 1);  // the BOS the vocabulary adds
        QCOMPARE(tp.tokens[0].start, 0);
        QCOMPARE(tp.tokens[0].end, 0);
        QVERIFY(tp.tokens[0].special);
        // The system text alone, and the examples alone, tokenize to about what the part counts.
        const int sys = static_cast<int>(model->tokenizer().encode("You solve word problems.", false, false).size());
        QVERIFY2(qAbs(tp.count(PromptPart::System) - sys) <= 2, qPrintable(QString::number(tp.count(PromptPart::System))));
        const int ex = static_cast<int>(model->tokenizer().encode(renderExamples(*t).toStdString(), false, false).size());
        QVERIFY2(qAbs(tp.count(PromptPart::Examples) - ex) <= 2, qPrintable(QString::number(tp.count(PromptPart::Examples))));
        QVERIFY(tp.count(PromptPart::User) > 5);
        // Spans tile the text.
        int at = 0;
        for (const PromptToken& tok : tp.tokens) {
            QCOMPARE(tok.start, at);
            at = tok.end;
        }
        QCOMPARE(at, p.text.size());
    }

    void byteTokensOfOneCharacterShareItsSpan() {
        // The demo model's vocabulary spells most Chinese characters as 3 byte tokens.
        auto model = gb::Model::load(gbtest::modelPath("polyglot-moe-4m-q8_0.gguf"), {.vocabOnly = true});
        PromptTemplate t;
        t.body = QStringLiteral("问题：{{question}}");
        const BuiltPrompt p = buildPrompt(t, {"莉娜有3颗糖，鑫", {}});
        const TokenizedPrompt tp = tokenizePrompt(p, model->tokenizer());
        QVERIFY(tp.aligned);
        int shared = 0, covered = 0;
        for (int k = 1; k < tp.tokens.size(); ++k) {
            const PromptToken& a = tp.tokens[k - 1];
            const PromptToken& b = tp.tokens[k];
            QVERIFY(b.start >= a.start && b.end >= a.end && b.start <= b.end);
            QVERIFY(b.start <= a.end);  // no gaps
            if (a.start == b.start && a.end == b.end && a.start != a.end) ++shared;
            QCOMPARE(b.part, PromptPart::User);
            covered = b.end;
        }
        QVERIFY2(shared > 0, "no character was split into byte tokens");
        QCOMPARE(covered, p.text.size());
    }

    void chatTemplateTokensAreSpecial() {
        // Qwen3's own template (with <|im_start|> control tokens) and Russian/Chinese text.
        auto model = gb::Model::load(gbtest::modelPath("vocab/qwen3-vocab.gguf"), {.vocabOnly = true});
        const ChatContext chat = chatContextOf(*model);
        QVERIFY(chat.available());
        PromptTemplate t = *findBuiltin(QStringLiteral("few-shot-zh"));
        t.system = QStringLiteral("Отвечай кратко.");
        const BuiltPrompt p = buildPrompt(t, {"莉娜有3颗糖。", {}}, ChatWrap::Message, chat);
        QVERIFY2(p.chatTemplateUsed, qPrintable(p.chatTemplateError));
        QVERIFY(p.text.contains(QStringLiteral("<|im_start|>user\n")));
        const TokenizedPrompt tp = tokenizePrompt(p, model->tokenizer());
        QVERIFY(tp.aligned);
        const int32_t imStart = model->tokenizer().vocab().index.at("<|im_start|>");
        int specials = 0;
        for (const PromptToken& tok : tp.tokens) {
            if (tok.id == imStart) {
                QVERIFY(tok.special);
                QCOMPARE(tok.part, PromptPart::Markup);
                QCOMPARE(p.text.mid(tok.start, tok.end - tok.start), QStringLiteral("<|im_start|>"));
                ++specials;
            }
        }
        QCOMPARE(specials, 3);  // system, user, assistant
        QVERIFY(tp.count(PromptPart::System) > 0);
        QVERIFY(tp.count(PromptPart::Examples) > 20);
        QVERIFY(tp.count(PromptPart::User) > 0);
        QVERIFY(tp.count(PromptPart::Markup) >= 9);
    }

    void noSecondBosWhenTheTemplateWritesIt() {
        // Llama 3's template writes <|begin_of_text|> and the vocabulary adds BOS: only one.
        auto model = gb::Model::load(gbtest::modelPath("vocab/llama3-vocab.gguf"), {.vocabOnly = true});
        const BuiltPrompt p = buildPrompt(*findBuiltin(QStringLiteral("zero-shot-en")), {"2+2?", {}}, ChatWrap::Message,
                                          chatContextOf(*model));
        QVERIFY(p.chatTemplateUsed);
        QVERIFY(p.text.startsWith(QStringLiteral("<|begin_of_text|>")));
        const TokenizedPrompt tp = tokenizePrompt(p, model->tokenizer());
        QCOMPARE(tp.ids[0], 128000);
        QVERIFY(tp.ids[1] != 128000);
        QCOMPARE(tp.tokens[0].end, QStringLiteral("<|begin_of_text|>").size());
        QVERIFY(tp.aligned);
    }
};

QTEST_GUILESS_MAIN(TestLabCore)
#include "test_lab_core.moc"
