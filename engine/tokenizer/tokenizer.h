#pragma once
// Text <-> token ids, exactly as llama.cpp does it (llama_tokenize / llama_token_to_piece).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer/vocab.h"

namespace gb {

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // SentencePiece-style ("llama") or byte-level BPE ("gpt2") by tokenizer.ggml.model.
    static std::unique_ptr<Tokenizer> create(Vocab vocab);  // throws gb::Error for unknown models

    // addSpecial: BOS/EOS as the vocabulary's add_bos_token / add_eos_token say.
    // parseSpecial: the text of control / user-defined tokens becomes that token.
    // Invalid UTF-8 never throws: bytes are tokenized as llama.cpp would (byte fallback / byte-level).
    virtual std::vector<int32_t> encode(std::string_view text, bool addSpecial, bool parseSpecial) const = 0;

    // The bytes this token stands for (may be part of a UTF-8 character).
    // Control tokens give "" unless renderSpecial.
    virtual std::string piece(int32_t id, bool renderSpecial = false) const = 0;

    // Whole-sequence detokenization as llama_detokenize (cleanup rules of the vocabulary included).
    virtual std::string decode(const std::vector<int32_t>& ids, bool renderSpecial = false) const;

    const Vocab& vocab() const { return vocab_; }

protected:
    explicit Tokenizer(Vocab v) : vocab_(std::move(v)) {}
    Vocab vocab_;
};

// Streams pieces as text: holds back an incomplete UTF-8 sequence until it is complete,
// so a character split over byte tokens is never emitted half. Invalid bytes come out as U+FFFD.
class StreamingDetokenizer {
public:
    explicit StreamingDetokenizer(const Tokenizer& t, bool renderSpecial = false) : tok_(t), special_(renderSpecial) {}
    std::string push(int32_t id);  // text that became complete with this token
    std::string flush();           // whatever is held back, invalid tails as U+FFFD
private:
    const Tokenizer& tok_;
    bool special_;
    std::string pending_;
};

}  // namespace gb
