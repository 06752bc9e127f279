#pragma once
// The vocabulary a GGUF file carries under tokenizer.ggml.*, as llama.cpp reads it.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace gb {

class GgufFile;

enum class TokenType : int32_t {  // llama.cpp's llama_token_type
    Undefined = 0, Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6,
};

struct Vocab {
    enum class Kind { Spm, Bpe };
    Kind kind = Kind::Spm;
    std::string model;  // tokenizer.ggml.model ("llama", "gpt2")
    std::string pre;    // tokenizer.ggml.pre ("default", "llama-bpe", "qwen2", "smollm", …)
    std::vector<std::string> tokens;
    std::vector<float> scores;       // empty when absent
    std::vector<TokenType> types;    // Normal when absent
    std::vector<std::string> merges; // BPE only: "left right", in rank order
    int32_t bos = -1, eos = -1, unk = -1, pad = -1, eot = -1;
    int32_t eom = -1, sep = -1;
    bool addBos = false, addEos = false, addSpacePrefix = true;
    bool cleanSpaces = false;   // detokenization applies clean_up_tokenization_spaces (implied by pre)
    bool ignoreMerges = false;  // BPE: a pre-token that is a vocab entry is emitted whole (implied by pre)
    std::vector<int32_t> eog;   // sorted: every id that ends generation (eos, eot, eom, by-text EOG/FIM ids)
    // llama.cpp's LSTRIP / RSTRIP token attributes, which it sets by model name (Phi-3, a few
    // embedding models): ASCII whitespace before / after the token's text is dropped when that
    // text is matched as a special token. Sorted ids.
    std::vector<int32_t> lstrip, rstrip;
    std::unordered_map<std::string, int32_t> index;  // token text -> id
    std::vector<std::string> warnings;  // what llama.cpp would log while loading (ignored ids, …)

    int32_t size() const { return static_cast<int32_t>(tokens.size()); }
    bool valid(int32_t id) const { return id >= 0 && id < size(); }
    TokenType type(int32_t id) const { return valid(id) ? types[id] : TokenType::Undefined; }
    bool isEog(int32_t id) const;  // end-of-generation: eos, eot and the EOG tokens llama.cpp recognises by text

    // Reads tokenizer.ggml.* with llama.cpp's defaults and by-text fixes: text-recognised EOG
    // and FIM tokens become Control, empty tokens are named "[EMPTY_<id>]", out-of-range special
    // ids are ignored (recorded in warnings). Throws gb::Error when the vocabulary is absent or
    // inconsistent (array types or lengths, duplicate tokens, add_bos_token without a BOS).
    static Vocab fromGguf(const GgufFile& f);
};

}  // namespace gb
