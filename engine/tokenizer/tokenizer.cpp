#include "tokenizer/tokenizer.h"

#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/cleanup_spaces.h"
#include "tokenizer/spm_tokenizer.h"
#include "util/error.h"

namespace gb {

std::unique_ptr<Tokenizer> Tokenizer::create(Vocab vocab) {
    switch (vocab.kind) {
        case Vocab::Kind::Spm: return std::make_unique<SpmTokenizer>(std::move(vocab));
        case Vocab::Kind::Bpe: return std::make_unique<BpeTokenizer>(std::move(vocab));
    }
    throw Error("unsupported tokenizer '" + vocab.model + "'");
}

void Tokenizer::cachePieces() {
    pieces_.resize(vocab_.tokens.size());
    for (int32_t id = 0; id < vocab_.size(); ++id) pieces_[id] = renderPiece(id);
}

void Tokenizer::checkInputSize(std::string_view text) {
    if (text.size() >= (size_t(1) << 30)) throw Error("the text is too long to tokenize (1 GiB or more)");
}

std::string Tokenizer::piece(int32_t id, bool renderSpecial) const {
    if (!vocab_.valid(id) || size_t(id) >= pieces_.size()) return {};
    const TokenType t = vocab_.types[id];
    if (!renderSpecial && (t == TokenType::Control || t == TokenType::Unknown)) return {};
    return pieces_[id];
}

std::string Tokenizer::decode(const std::vector<int32_t>& ids, bool renderSpecial, bool removeSpecial) const {
    size_t begin = 0, end = ids.size();
    // The space prefix the tokenizer added comes off the first piece, whatever that piece is
    // (a BOS kept in the output "uses up" the removal, as in llama.cpp).
    bool stripSpace = vocab_.addSpacePrefix;
    if (removeSpecial && vocab_.addBos && end > begin && ids[begin] == vocab_.bos) {
        stripSpace = false;
        ++begin;
    }
    if (removeSpecial && vocab_.addEos && end > begin && ids[end - 1] == vocab_.eos) --end;

    std::string text;
    for (size_t i = begin; i < end; ++i) {
        std::string p = piece(ids[i], renderSpecial);
        if (stripSpace && !p.empty() && p[0] == ' ') p.erase(0, 1);
        stripSpace = false;
        text += p;
    }
    return vocab_.cleanSpaces ? cleanUpTokenizationSpaces(text) : text;
}

}  // namespace gb
