#pragma once
// What tokenizer.ggml.pre means for a byte-level BPE vocabulary: which split rules run before
// the merges, and the flags llama.cpp ties to the name (no GGUF key carries them).
#include <optional>
#include <string_view>

namespace gb {

enum class PreSplit {
    Default,  // llama.cpp's fallback: punctuation runs, GPT-2 rules, digit runs, ASCII digit triples
    Gpt2,     // 's|'t|… | ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    Llama3,   // (?i:'s|…)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
    Qwen2,    // as Llama3 with \p{N} (one digit per pre-token)
    Smollm,   // single digits first, then the GPT-2 rules
    Falcon,   // punctuation runs (with `), GPT-2 rules, ASCII digit triples
};

struct PreTypeInfo {
    PreSplit split = PreSplit::Default;
    bool cleanSpaces = true;       // clean_up_tokenization_spaces when detokenizing
    bool ignoreMerges = false;     // a pre-token that is itself a vocab entry is emitted whole
    std::optional<bool> addBos;    // default for add_bos_token, when the name implies one
    bool noBos = false;            // the name disables the BOS token (chatglm)
};

// The pre-tokenizer llama.cpp uses for this name ("" = missing key = "default");
// nullopt for names this engine does not implement.
std::optional<PreTypeInfo> lookupPreType(std::string_view name);

}  // namespace gb
