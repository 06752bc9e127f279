#pragma once
// Byte-level BPE as llama.cpp runs it for tokenizer.ggml.model = "gpt2": text between special
// tokens is split by the pre-tokenizer of tokenizer.ggml.pre, each piece is written in GPT-2's
// byte alphabet, and adjacent symbols merge lowest rank first.
#include "tokenizer/bpe_merges.h"
#include "tokenizer/pre_type.h"
#include "tokenizer/special_tokens.h"
#include "tokenizer/tokenizer.h"

namespace gb {

class BpeTokenizer final : public Tokenizer {
public:
    explicit BpeTokenizer(Vocab v);  // throws gb::Error for a pre-tokenizer this engine lacks
    std::vector<int32_t> encode(std::string_view text, bool addSpecial, bool parseSpecial) const override;

protected:
    std::string renderPiece(int32_t id) const override;

private:
    void encodeRun(std::string_view text, std::vector<int32_t>& out) const;
    void encodeWord(const std::string& word, std::vector<int32_t>& out) const;

    PreSplit split_;
    SpecialTokenSplitter specials_;
    MergeRanks merges_;
};

}  // namespace gb
