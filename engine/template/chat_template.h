#pragma once
// Chat templates: render a model's Jinja chat template (tokenizer.chat_template) for a
// conversation, byte for byte as the npm package @huggingface/jinja 0.5.11 renders it
// (lstrip_blocks and trim_blocks on, its filters, tests, undefined-value rules and errors).
// Jinja2 filters that package lacks (count, round, escape, select, reject, sum, min, max,
// attr, wordcount, map('filter'), list of a string) and list.append() are added; where
// the package raises an error for them, this renderer produces Jinja2's result.
//
// Templates are untrusted input: they cannot reach files, the network or the environment,
// and every render is bounded by TemplateLimits.
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "template/template_limits.h"
#include "util/error.h"

namespace gb {

namespace jinja {
struct Node;
}

// A template that does not parse or fails while rendering. what() is "line L, column C:
// message" (1-based, in the template source) except for raise_exception(msg), whose what()
// is exactly msg.
class TemplateError : public Error {
public:
    enum class Kind { Syntax, Runtime, Raised, Limit };
    TemplateError(Kind kind, std::string message, int line = 0, int column = 0);

    Kind kind() const { return kind_; }
    const std::string& message() const { return message_; }  // without the position
    int line() const { return line_; }                        // 0 when unknown
    int column() const { return column_; }

private:
    Kind kind_;
    std::string message_;
    int line_, column_;
};

struct ChatMessage {
    std::string role;
    std::string content;
    // More fields of the message (tool_calls, name, tool_call_id, …). They follow role and
    // content and may replace them (e.g. "content": null for a tool call).
    nlohmann::ordered_json extra = nlohmann::ordered_json::object();
};

struct ChatTemplateOptions {
    std::string bosToken, eosToken;  // the variables bos_token and eos_token
    bool addGenerationPrompt = true;  // add_generation_prompt
    // More variables (tools, documents, date_string, …); names must not repeat a built-in
    // (messages, bos_token, range, namespace, …).
    nlohmann::ordered_json extraContext = nlohmann::ordered_json::object();
    // The time strftime_now() formats (local time zone); the system clock when empty.
    std::optional<std::chrono::system_clock::time_point> now;
    TemplateLimits limits;
};

// A parsed template, to render many times.
class ChatTemplate {
public:
    explicit ChatTemplate(std::string source, const TemplateLimits& limits = {});  // throws TemplateError (Syntax, Limit)
    ~ChatTemplate();
    ChatTemplate(ChatTemplate&&) noexcept;
    ChatTemplate& operator=(ChatTemplate&&) noexcept;

    const std::string& source() const { return source_; }
    std::string render(const std::vector<ChatMessage>& messages, const ChatTemplateOptions& opt) const;
    // Messages as JSON objects, passed through as they are (any fields, in their order).
    std::string renderJson(const nlohmann::ordered_json& messages, const ChatTemplateOptions& opt) const;

private:
    std::string source_;
    std::unique_ptr<jinja::Node> program_;
};

// Parse and render in one go.
std::string renderChatTemplate(const std::string& source, const std::vector<ChatMessage>& messages, const ChatTemplateOptions& opt);
std::string renderChatTemplateJson(const std::string& source, const nlohmann::ordered_json& messages, const ChatTemplateOptions& opt);

nlohmann::ordered_json chatMessagesToJson(const std::vector<ChatMessage>& messages);

// Text with ill-formed UTF-8 replaced by U+FFFD, as Node decodes a file (for inputs that
// must match what the reference renderer sees).
std::string wellFormedUtf8(std::string_view text);

// For models without a template. ChatML: "<|im_start|>role\ncontent<|im_end|>\n" per message
// and "<|im_start|>assistant\n" to prompt; Plain: "role: content\n" per message and
// "assistant:" to prompt. Both start with the BOS text.
enum class FallbackStyle { ChatML, Plain };
std::string renderFallbackChat(const std::vector<ChatMessage>& messages, const ChatTemplateOptions& opt,
                               FallbackStyle style = FallbackStyle::ChatML);

// The rendered prompt in three consecutive pieces: everything before the last message, the
// last message, and the generation prompt. `exact` is false when the template does not
// render as such a sequence of prefixes (then `lastMessage` holds the whole prompt).
struct ChatPromptParts {
    std::string history, lastMessage, generationPrompt;
    bool exact = false;
    std::string whole() const { return history + lastMessage + generationPrompt; }
};
ChatPromptParts renderChatTemplateParts(const ChatTemplate& tmpl, const std::vector<ChatMessage>& messages,
                                        const ChatTemplateOptions& opt);

}  // namespace gb
