#pragma once
// SentencePiece-style BPE as llama.cpp runs it for tokenizer.ggml.model = "llama": spaces become
// "▁" (plus one in front of each text run), then adjacent symbols are merged best score first
// as long as the merged text is a token; what stays unknown falls back to <0xNN> byte tokens.
#include <array>

#include "tokenizer/special_tokens.h"
#include "tokenizer/tokenizer.h"

namespace gb {

class SpmTokenizer final : public Tokenizer {
public:
    explicit SpmTokenizer(Vocab v);
    std::vector<int32_t> encode(std::string_view text, bool addSpecial, bool parseSpecial) const override;

protected:
    std::string renderPiece(int32_t id) const override;

private:
    void encodeRun(const std::string& escaped, std::vector<int32_t>& out) const;

    SpecialTokenSplitter specials_;
    std::array<int32_t, 256> byteToken_;  // <0xNN> (or the byte itself as a token), else unk, else -1
};

}  // namespace gb
