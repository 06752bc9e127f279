#pragma once
// Turns a conversation into the text a model expects: the model's own chat_template rendered by
// the engine's Jinja renderer; when that fails, the format its markers suggest written by hand;
// a model without a template (the demo model) gets plain text that it continues.
#include <optional>
#include <string>
#include <vector>

#include "engine/engine_types.h"

namespace glassbox {

struct PromptTurn {
    ChatTurn::Role role;
    std::string text;
};

class PromptFormat {
public:
    // bos/eos: the text of those tokens, for templates that write them.
    explicit PromptFormat(const std::string& chatTemplate = {}, const std::string& bos = {}, const std::string& eos = {});

    const std::string& name() const { return name_; }  // "chatml", "llama3", "mistral", "gemma", "phi3", "zephyr", "plain"
    bool isPlain() const { return name_ == "plain"; }

    // The prompt for `turns` (system first if any). With `openReply`, the last turn is an assistant
    // reply to continue: it is written without its end-of-turn marker.
    std::string render(const std::vector<PromptTurn>& turns, bool openReply) const;
    // Strings that end a reply in this format (besides the vocabulary's end-of-generation tokens).
    std::vector<std::string> stopStrings() const;

private:
    std::string renderBuiltIn(const std::vector<PromptTurn>& turns, bool openReply) const;
    std::optional<std::string> renderTemplate(const std::vector<PromptTurn>& turns, bool openReply) const;
    std::string template_, bos_, eos_;
    std::string name_;
};

}  // namespace glassbox
