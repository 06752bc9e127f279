#include "template/chat_template.h"

#include <new>

#include "template/jinja_ast.h"
#include "template/jinja_builtins.h"
#include "template/jinja_interp.h"
#include "template/jinja_json.h"
#include "template/jinja_lexer.h"
#include "template/jinja_parser.h"
#include "template/jinja_unicode.h"

namespace gb {
namespace {

std::string describe(TemplateError::Kind kind, const std::string& message, int line, int column) {
    if (kind == TemplateError::Kind::Raised || line == 0) return message;
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

TemplateError toTemplateError(const jinja::Failure& f, const std::string& source) {
    const auto kind = static_cast<TemplateError::Kind>(f.kind);
    if (f.offset == jinja::Failure::kNoOffset) return TemplateError(kind, f.message);
    const size_t end = std::min(f.offset, source.size());
    int line = 1, column = 1;
    for (size_t i = 0; i < end;) {
        if (source[i] == '\n') {
            ++line;
            column = 1;
            ++i;
        } else {
            jinja::decodeUtf8(source, i);
            ++column;
        }
    }
    return TemplateError(kind, f.message, line, column);
}

}  // namespace

TemplateError::TemplateError(Kind kind, std::string message, int line, int column)
    : Error(describe(kind, message, line, column)), kind_(kind), message_(std::move(message)), line_(line), column_(column) {}

ChatTemplate::ChatTemplate(std::string source, const TemplateLimits& limits) : source_(std::move(source)) {
    if (source_.size() > limits.maxSourceBytes)
        throw TemplateError(TemplateError::Kind::Limit, "template larger than " + std::to_string(limits.maxSourceBytes) + " bytes");
    try {
        program_ = jinja::parseTemplate(jinja::tokenize(source_), source_.size(), limits.maxDepth);
    } catch (const jinja::Failure& f) {
        throw toTemplateError(f, source_);
    }
}

ChatTemplate::~ChatTemplate() = default;
ChatTemplate::ChatTemplate(ChatTemplate&&) noexcept = default;
ChatTemplate& ChatTemplate::operator=(ChatTemplate&&) noexcept = default;

std::string ChatTemplate::renderJson(const nlohmann::ordered_json& messages, const ChatTemplateOptions& opt) const {
    using namespace jinja;
    try {
        Interpreter in(opt.limits, opt.now.value_or(std::chrono::system_clock::now()));
        auto global = std::make_shared<Env>();
        installGlobals(*global);
        auto declare = [&](const std::string& name, Value v) {
            if (global->vars.count(name)) throw Failure{Failure::Kind::Runtime, "Variable already declared: " + name};
            global->set(name, std::move(v));
        };
        declare("messages", valueFromJson(messages, opt.limits));
        declare("bos_token", Value::string(opt.bosToken));
        declare("eos_token", Value::string(opt.eosToken));
        declare("add_generation_prompt", Value::boolean(opt.addGenerationPrompt));
        if (opt.extraContext.is_object())
            for (auto it = opt.extraContext.begin(); it != opt.extraContext.end(); ++it)
                declare(it.key(), valueFromJson(it.value(), opt.limits));
        return in.run(*program_, global);
    } catch (const Failure& f) {
        throw toTemplateError(f, source_);
    } catch (const BreakSignal&) {
        throw TemplateError(TemplateError::Kind::Runtime, "'break' outside a loop");
    } catch (const ContinueSignal&) {
        throw TemplateError(TemplateError::Kind::Runtime, "'continue' outside a loop");
    } catch (const std::bad_alloc&) {
        throw TemplateError(TemplateError::Kind::Limit, "out of memory while rendering the template");
    }
}

nlohmann::ordered_json chatMessagesToJson(const std::vector<ChatMessage>& messages) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& m : messages) {
        nlohmann::ordered_json o = {{"role", m.role}, {"content", m.content}};
        if (m.extra.is_object())
            for (auto it = m.extra.begin(); it != m.extra.end(); ++it) o[it.key()] = it.value();
        list.push_back(std::move(o));
    }
    return list;
}

std::string wellFormedUtf8(std::string_view text) { return jinja::wellFormedUtf8(text); }

std::string ChatTemplate::render(const std::vector<ChatMessage>& messages, const ChatTemplateOptions& opt) const {
    return renderJson(chatMessagesToJson(messages), opt);
}

std::string renderChatTemplate(const std::string& source, const std::vector<ChatMessage>& messages, const ChatTemplateOptions& opt) {
    return ChatTemplate(source, opt.limits).render(messages, opt);
}

std::string renderChatTemplateJson(const std::string& source, const nlohmann::ordered_json& messages, const ChatTemplateOptions& opt) {
    return ChatTemplate(source, opt.limits).renderJson(messages, opt);
}

}  // namespace gb
