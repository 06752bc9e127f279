// The chat-template API: real templates, messages with extra fields, context variables,
// reuse across threads, the fallback renderer and the prompt split into parts.
#include <QFile>
#include <chrono>
#include <future>

#include "../common/test_models.h"
#include "jinja_test_util.h"

namespace {

std::string sharedTemplate(const char* file) {
    QFile f(gbtest::modelsDir() + "/../chat-templates/" + file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

gb::ChatMessage msg(const char* role, const char* content) { return {role, content, nlohmann::ordered_json::object()}; }

const char* kQwen = "18-qwen2-1-5b-instruct-q4-0-gguf.jinja";
const char* kLlama32 = "06-llama-3-2-1b-instruct-q4-0-gguf.jinja";

}  // namespace

class TestChatTemplate : public QObject {
    Q_OBJECT

private slots:
    void rendersARealTemplate();
    void toolCallsAndContextVariables();
    void strftimeNowUsesTheGivenClock();
    void contextNamesMustNotRepeatBuiltins();
    void reusableAcrossThreads();
    void fallbackRenderer();
    void promptParts();
    void errorsCarryTheirKind();
};

// The bodies are hidden from moc, whose tokenizer trips over some raw string literals.
#ifndef Q_MOC_RUN
void TestChatTemplate::rendersARealTemplate() {
    const std::string src = sharedTemplate(kQwen);
    if (src.empty()) QSKIP("shared chat templates not found");
    gb::ChatTemplateOptions opt;
    const auto out = gb::renderChatTemplate(src, {msg("user", "Hi"), msg("assistant", "Hello"), msg("user", "Bye")}, opt);
    // reference
    QCOMPARE(jt::q(out), QString("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                                 "<|im_start|>assistant\nHello<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n"));
    opt.addGenerationPrompt = false;
    QVERIFY(!QString::fromStdString(gb::renderChatTemplate(src, {msg("user", "Hi")}, opt)).endsWith("assistant\n"));
}

void TestChatTemplate::toolCallsAndContextVariables() {
    const std::string src = sharedTemplate(kLlama32);
    if (src.empty()) QSKIP("shared chat templates not found");
    std::vector<gb::ChatMessage> messages = {msg("system", "Be brief."), msg("user", "Weather?"), msg("assistant", ""), msg("tool", "sunny")};
    messages[2].extra["tool_calls"] = nlohmann::ordered_json::parse(
        R"([{"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}])");
    gb::ChatTemplateOptions opt;
    opt.bosToken = "<|begin_of_text|>";
    opt.eosToken = "<|eot_id|>";
    opt.extraContext["tools"] = nlohmann::ordered_json::parse(
        R"([{"type": "function", "function": {"name": "get_weather", "description": "Weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}])");
    opt.extraContext["date_string"] = "26 Jul 2024";
    // reference
    const char* expected =
        "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nEnvironment: ipython\nCutting Knowledge Date: December 2023\n"
        "Today Date: 26 Jul 2024\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nGiven the following functions, please "
        "respond with a JSON for a function call with its proper arguments that best answers the given prompt.\n\nRespond in the format "
        "{\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.\n\n{\n    \"type\": "
        "\"function\",\n    \"function\": {\n        \"name\": \"get_weather\",\n        \"description\": \"Weather\",\n        "
        "\"parameters\": {\n            \"type\": \"object\",\n            \"properties\": {\n                \"city\": {\n                    "
        "\"type\": \"string\"\n                }\n            }\n        }\n    }\n}\n\nWeather?<|eot_id|><|start_header_id|>assistant"
        "<|end_header_id|>\n\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}<|eot_id|><|start_header_id|>ipython"
        "<|end_header_id|>\n\n\"sunny\"<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n";
    QCOMPARE(jt::q(gb::renderChatTemplate(src, messages, opt)), QString(expected));
}

void TestChatTemplate::strftimeNowUsesTheGivenClock() {
    const std::string src = sharedTemplate(kLlama32);
    if (src.empty()) QSKIP("shared chat templates not found");
    gb::ChatTemplateOptions opt;
    opt.now = std::chrono::system_clock::from_time_t(1721995200);  // 2024-07-26 12:00 UTC
    // by hand (the date is the same in every time zone within ±11 h)
    QVERIFY(QString::fromStdString(gb::renderChatTemplate(src, {msg("user", "Hi")}, opt)).contains("Today Date: 26 Jul 2024\n"));
}

void TestChatTemplate::contextNamesMustNotRepeatBuiltins() {
    gb::ChatTemplateOptions opt;
    opt.extraContext["range"] = 1;
    try {
        gb::renderChatTemplate("{{ 1 }}", {}, opt);
        QFAIL("rendered");
    } catch (const gb::TemplateError& e) {
        QCOMPARE(QString(e.what()), QString("Variable already declared: range"));  // reference
    }
}

void TestChatTemplate::reusableAcrossThreads() {
    const gb::ChatTemplate tmpl("{% for m in messages %}{{ m.role|upper }}:{{ m.content|title }};{% endfor %}{{ range(3)|join(',') }}");
    gb::ChatTemplateOptions opt;
    const std::vector<gb::ChatMessage> messages = {msg("user", "hello world"), msg("assistant", "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82")};
    const std::string expected = "USER:Hello World;ASSISTANT:\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82;0,1,2";  // by hand
    std::vector<std::future<bool>> runs;
    for (int t = 0; t < 4; ++t)
        runs.push_back(std::async(std::launch::async, [&] {
            for (int i = 0; i < 50; ++i)
                if (tmpl.render(messages, opt) != expected) return false;
            return true;
        }));
    for (auto& r : runs) QVERIFY(r.get());
}

void TestChatTemplate::fallbackRenderer() {
    gb::ChatTemplateOptions opt;
    opt.bosToken = "<s>";
    const std::vector<gb::ChatMessage> messages = {msg("system", "S"), msg("user", "U")};
    // by hand
    QCOMPARE(jt::q(gb::renderFallbackChat(messages, opt)),
             QString("<s><|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n"));
    QCOMPARE(jt::q(gb::renderFallbackChat(messages, opt, gb::FallbackStyle::Plain)), QString("<s>system: S\nuser: U\nassistant:"));
    opt.addGenerationPrompt = false;
    QCOMPARE(jt::q(gb::renderFallbackChat(messages, opt, gb::FallbackStyle::Plain)), QString("<s>system: S\nuser: U\n"));
}

void TestChatTemplate::promptParts() {
    const std::string src = sharedTemplate(kQwen);
    if (src.empty()) QSKIP("shared chat templates not found");
    const gb::ChatTemplate tmpl(src);
    gb::ChatTemplateOptions opt;
    const std::vector<gb::ChatMessage> messages = {msg("user", "Hi"), msg("assistant", "Hello"), msg("user", "Bye")};
    const auto parts = gb::renderChatTemplateParts(tmpl, messages, opt);
    QVERIFY(parts.exact);
    QCOMPARE(parts.whole(), tmpl.render(messages, opt));
    // by hand
    QCOMPARE(jt::q(parts.lastMessage), QString("<|im_start|>user\nBye<|im_end|>\n"));
    QCOMPARE(jt::q(parts.generationPrompt), QString("<|im_start|>assistant\n"));
    QVERIFY(QString::fromStdString(parts.history).startsWith("<|im_start|>system\n"));

    // A template that changes earlier text when a message is added: one piece, not exact.
    const gb::ChatTemplate counting("{{ messages|length }}{% for m in messages %}{{ m.content }}{% endfor %}");
    const auto whole = gb::renderChatTemplateParts(counting, messages, opt);
    QVERIFY(!whole.exact);
    QCOMPARE(jt::q(whole.lastMessage), QString("3HiHelloBye"));
}

void TestChatTemplate::errorsCarryTheirKind() {
    try {
        gb::ChatTemplate t("{% if %}");
        QFAIL("parsed");
    } catch (const gb::TemplateError& e) {
        QCOMPARE(static_cast<int>(e.kind()), static_cast<int>(gb::TemplateError::Kind::Syntax));
        QCOMPARE(e.line(), 1);
    }
    const std::string gemma = sharedTemplate("02-gemma-2-9b-it-q4-0-gguf.jinja");
    if (gemma.empty()) QSKIP("shared chat templates not found");
    try {
        gb::renderChatTemplate(gemma, {msg("system", "S"), msg("user", "U")}, {});
        QFAIL("rendered");
    } catch (const gb::TemplateError& e) {
        QCOMPARE(static_cast<int>(e.kind()), static_cast<int>(gb::TemplateError::Kind::Raised));
        QCOMPARE(QString(e.what()), QString("System role not supported"));  // reference
    }
}
#endif

int runChatTemplateTests(int argc, char** argv) {
    TestChatTemplate t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_chat_template.moc"
