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

    // The bytes this token stands for (may be part of a UTF-8 character), as llama_token_to_piece.
    // Control and unknown tokens give "" unless renderSpecial; unused tokens and ids outside the
    // vocabulary always give "".
    virtual std::string piece(int32_t id, bool renderSpecial = false) const;

    // Whole-sequence detokenization as llama_detokenize(remove_special, unparse_special = renderSpecial):
    // the space prefix the vocabulary adds is taken off the first piece, and vocabularies that ask
    // for it get clean_up_tokenization_spaces. removeSpecial drops a leading BOS / trailing EOS
    // where the vocabulary adds them.
    virtual std::string decode(const std::vector<int32_t>& ids, bool renderSpecial = false,
                               bool removeSpecial = false) const;

    const Vocab& vocab() const { return vocab_; }

protected:
    explicit Tokenizer(Vocab v) : vocab_(std::move(v)) {}

    // The piece of id with special tokens rendered; derived constructors call cachePieces()
    // once their tables are ready, and piece() answers from that cache.
    virtual std::string renderPiece(int32_t id) const = 0;
    void cachePieces();
    // Symbol indices are ints: refuse texts of 1 GiB and more with a gb::Error instead of overflowing.
    static void checkInputSize(std::string_view text);

    Vocab vocab_;
    std::vector<std::string> pieces_;
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
