#include "engine/prompt_format.h"

#include "template/chat_template.h"

namespace glassbox {
namespace {

bool has(const std::string& s, const char* needle) { return s.find(needle) != std::string::npos; }

std::string detect(const std::string& t) {
    if (t.empty()) return "plain";
    if (has(t, "<|im_start|>")) return "chatml";
    if (has(t, "<|start_header_id|>")) return "llama3";
    if (has(t, "<start_of_turn>")) return "gemma";
    if (has(t, "<|user|>") && has(t, "<|end|>")) return "phi3";
    if (has(t, "<|user|>")) return "zephyr";
    if (has(t, "[INST]")) return "mistral";
    return "chatml";
}

const char* roleName(ChatTurn::Role r) {
    switch (r) {
    case ChatTurn::System: return "system";
    case ChatTurn::User: return "user";
    case ChatTurn::Assistant: return "assistant";
    }
    return "user";
}

// Formats where every turn is <open role> text <close>.
struct Markers {
    std::string open, mid, close;  // open + role + mid + text + close
};

std::string renderTagged(const std::vector<PromptTurn>& turns, bool openReply, const Markers& m, bool gemma) {
    std::string out;
    std::string pendingSystem;
    for (size_t i = 0; i < turns.size(); ++i) {
        const auto& t = turns[i];
        std::string role = roleName(t.role);
        std::string text = t.text;
        if (gemma) {  // Gemma has no system role: it goes in front of the first user turn.
            if (t.role == ChatTurn::System) {
                pendingSystem = t.text + "\n\n";
                continue;
            }
            if (t.role == ChatTurn::Assistant) role = "model";
            if (t.role == ChatTurn::User) text = pendingSystem + text, pendingSystem.clear();
        }
        const bool last = i + 1 == turns.size();
        out += m.open + role + m.mid + text;
        if (!(last && openReply)) out += m.close;
    }
    if (!openReply) out += m.open + (gemma ? "model" : "assistant") + m.mid;
    return out;
}

std::string renderMistral(const std::vector<PromptTurn>& turns, bool openReply) {
    std::string out, system;
    for (size_t i = 0; i < turns.size(); ++i) {
        const auto& t = turns[i];
        if (t.role == ChatTurn::System) {
            system = t.text + "\n\n";
        } else if (t.role == ChatTurn::User) {
            out += "[INST] " + system + t.text + " [/INST]";
            system.clear();
        } else {
            out += t.text;
            if (!(openReply && i + 1 == turns.size())) out += "</s>";
        }
    }
    return out;
}

// A text-completion model continues the text: the reply follows the user's words directly.
std::string renderPlain(const std::vector<PromptTurn>& turns) {
    std::string out;
    ChatTurn::Role prev = ChatTurn::System;
    for (size_t i = 0; i < turns.size(); ++i) {
        const auto& t = turns[i];
        if (i > 0 && !(t.role == ChatTurn::Assistant && prev == ChatTurn::User)) out += "\n\n";
        out += t.text;
        prev = t.role;
    }
    return out;
}

}  // namespace

PromptFormat::PromptFormat(const std::string& chatTemplate, const std::string& bos, const std::string& eos)
    : template_(chatTemplate), bos_(bos), eos_(eos), name_(detect(chatTemplate)) {}

std::string PromptFormat::render(const std::vector<PromptTurn>& turns, bool openReply) const {
    if (auto s = renderTemplate(turns, openReply)) return *s;
    return renderBuiltIn(turns, openReply);
}

std::optional<std::string> PromptFormat::renderTemplate(const std::vector<PromptTurn>& turns, bool openReply) const {
    if (template_.empty() || turns.empty()) return std::nullopt;
    // A reply to continue: the conversation before it with the generation prompt, then its text.
    const size_t n = openReply ? turns.size() - 1 : turns.size();
    std::vector<gb::ChatMessage> messages;
    for (size_t i = 0; i < n; ++i) messages.push_back({roleName(turns[i].role), turns[i].text});
    gb::ChatTemplateOptions opt;
    opt.bosToken = bos_;
    opt.eosToken = eos_;
    opt.addGenerationPrompt = true;
    try {
        std::string out = gb::renderChatTemplate(template_, messages, opt);
        if (openReply) out += turns.back().text;
        return out;
    } catch (const gb::Error&) {
        return std::nullopt;  // a template we cannot render: the hand-written format
    }
}

std::string PromptFormat::renderBuiltIn(const std::vector<PromptTurn>& turns, bool openReply) const {
    if (name_ == "chatml") return renderTagged(turns, openReply, {"<|im_start|>", "\n", "<|im_end|>\n"}, false);
    if (name_ == "llama3")
        return renderTagged(turns, openReply, {"<|start_header_id|>", "<|end_header_id|>\n\n", "<|eot_id|>"}, false);
    if (name_ == "gemma") return renderTagged(turns, openReply, {"<start_of_turn>", "\n", "<end_of_turn>\n"}, true);
    if (name_ == "phi3") return renderTagged(turns, openReply, {"<|", "|>\n", "<|end|>\n"}, false);
    if (name_ == "zephyr") return renderTagged(turns, openReply, {"<|", "|>\n", "</s>\n"}, false);
    if (name_ == "mistral") return renderMistral(turns, openReply);
    return renderPlain(turns);
}

std::vector<std::string> PromptFormat::stopStrings() const {
    if (name_ == "chatml") return {"<|im_end|>", "<|im_start|>"};
    if (name_ == "llama3") return {"<|eot_id|>", "<|start_header_id|>"};
    if (name_ == "gemma") return {"<end_of_turn>", "<start_of_turn>"};
    if (name_ == "phi3") return {"<|end|>", "<|user|>"};
    if (name_ == "zephyr") return {"</s>", "<|user|>"};
    if (name_ == "mistral") return {"[INST]"};
    return {};
}

}  // namespace glassbox
