#pragma once
// From a template and an input to the exact text and tokens the model reads, with every piece
// tagged by where it came from (system, examples, history, user, markup) so the preview can
// colour it and count tokens per part.
//
// Plain (ChatWrap::None): the system text (if any) and a blank line, then the body with its
// variables filled. With the model's chat template (tokenizer.chat_template, rendered by
// gb::renderChatTemplate): the system text is the system message and the filled body the user
// message (Message); or each example becomes an earlier user/assistant turn, written with the
// body itself, and {{examples}} is left empty (ExamplesAsTurns; an empty {{examples}} takes its
// surrounding blank lines with it). A model without a chat
// template, or a template that fails (gb::TemplateError), gets the plain prompt; the reason is
// kept in chatTemplateError.
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "prompt_template.h"

namespace gb {
class Model;
class Tokenizer;
}  // namespace gb

namespace gb::lab {

enum class ChatWrap { None, Message, ExamplesAsTurns };
QString chatWrapKey(ChatWrap w);  // "none", "message", "examples-as-turns"
bool chatWrapFromKey(const QString& key, ChatWrap* out);

// What a model offers for chat wrapping.
struct ChatContext {
    std::string source;    // tokenizer.chat_template ("" = none)
    std::string bos, eos;  // texts of the BOS / EOS tokens
    bool available() const { return !source.empty(); }
};
ChatContext chatContextOf(const gb::Model& model);

struct PromptInput {
    QString question;                  // fills {{question}} and {{input}}
    QMap<QString, QString> variables;  // the template's own variables (extra CSV columns, typed fields)
};

struct BuiltPrompt {
    QString text;                    // exactly what the model reads (special tokens as their text)
    QList<PromptSegment> segments;   // `text`, in order, tagged by part
    bool chatTemplateUsed = false;
    QString chatTemplateError;       // why the chat template was asked for but not used
    QStringList warnings;            // variables given but unused, …
};

// Throws TemplateVariableError (a malformed body or example format, a missing value).
BuiltPrompt buildPrompt(const PromptTemplate& t, const PromptInput& in, ChatWrap wrap = ChatWrap::None,
                        const ChatContext& chat = {});

// One token of a prompt and the text it covers.
struct PromptToken {
    int32_t id = 0;
    // UTF-16 offsets into BuiltPrompt::text; start == end: added by the tokenizer (BOS). Byte
    // tokens that split one character each span that whole character (spans then overlap).
    int start = 0, end = 0;
    bool special = false;    // a control / user-defined token (BOS, <|im_start|>, …)
    PromptPart part = PromptPart::Markup;
};

struct TokenizedPrompt {
    std::vector<int32_t> ids;                 // what generation evaluates
    QList<PromptToken> tokens;                // ids with their spans
    std::array<int, kPromptParts> counts{};   // tokens per PromptPart (sums to ids.size())
    bool aligned = true;                      // false: spans were estimated (pieces did not spell the text)
    int count(PromptPart p) const { return counts[static_cast<size_t>(p)]; }
};

// Tokenizes as generation does (special tokens parsed; BOS as the vocabulary says, but not a
// second one when the text already starts with it) and attributes each token to the part its
// first character belongs to.
TokenizedPrompt tokenizePrompt(const BuiltPrompt& prompt, const gb::Tokenizer& tok);

}  // namespace gb::lab
