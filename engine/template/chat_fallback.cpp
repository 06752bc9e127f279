// Prompts for models that ship no chat template, and the prompt split into parts.
#include "template/chat_template.h"

namespace gb {

std::string renderFallbackChat(const std::vector<ChatMessage>& messages, const ChatTemplateOptions& opt, FallbackStyle style) {
    std::string out = opt.bosToken;
    for (const auto& m : messages) {
        if (style == FallbackStyle::ChatML) out += "<|im_start|>" + m.role + "\n" + m.content + "<|im_end|>\n";
        else out += m.role + ": " + m.content + "\n";
    }
    if (opt.addGenerationPrompt) out += style == FallbackStyle::ChatML ? "<|im_start|>assistant\n" : "assistant:";
    return out;
}

ChatPromptParts renderChatTemplateParts(const ChatTemplate& tmpl, const std::vector<ChatMessage>& messages,
                                        const ChatTemplateOptions& opt) {
    ChatPromptParts parts;
    parts.lastMessage = tmpl.render(messages, opt);  // errors here are the caller's to see
    try {
        ChatTemplateOptions noPrompt = opt;
        noPrompt.addGenerationPrompt = false;
        const std::string withoutPrompt = opt.addGenerationPrompt ? tmpl.render(messages, noPrompt) : parts.lastMessage;
        if (parts.lastMessage.compare(0, withoutPrompt.size(), withoutPrompt) != 0) return parts;
        const std::string prompt = parts.lastMessage.substr(withoutPrompt.size());
        std::string history;
        if (!messages.empty()) {
            const std::vector<ChatMessage> earlier(messages.begin(), messages.end() - 1);
            history = tmpl.render(earlier, noPrompt);
            if (withoutPrompt.compare(0, history.size(), history) != 0) return parts;
        }
        parts.history = history;
        parts.lastMessage = withoutPrompt.substr(history.size());
        parts.generationPrompt = prompt;
        parts.exact = true;
    } catch (const TemplateError&) {
        // A template that refuses the shorter conversation (e.g. one that needs a user
        // message): keep the whole prompt in one piece.
    }
    return parts;
}

}  // namespace gb
