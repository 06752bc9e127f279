#include "tokenizer/bpe_tokenizer.h"

#include <cstdio>

#include "tokenizer/byte_level.h"
#include "tokenizer/merge_queue.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/unicode.h"
#include "util/error.h"

namespace gb {

namespace {

PreSplit splitRules(const Vocab& v) {
    const auto info = lookupPreType(v.pre);
    if (!info) throw Error("unsupported BPE pre-tokenizer '" + v.pre + "' (tokenizer.ggml.pre)");
    return info->split;
}

struct Symbol {
    int prev, next;
    size_t offset, len;  // bytes of the byte-level word; len 0 once merged into its left neighbour
    int32_t side;        // MergeRanks side id of the symbol's text
};

struct Bigram {  // 16 bytes: long words put millions of these in the queue
    int32_t rank;
    int left, right;
    uint32_t len;  // left.len + right.len when queued; both only grow, so a change shows
};

// Lowest rank first; on equal ranks the leftmost pair.
struct First {
    bool operator()(const Bigram& a, const Bigram& b) const {
        return a.rank < b.rank || (a.rank == b.rank && a.left < b.left);
    }
};

}  // namespace

BpeTokenizer::BpeTokenizer(Vocab v)
    : Tokenizer(std::move(v)), split_(splitRules(vocab_)), specials_(vocab_), merges_(vocab_.merges) {
    cachePieces();
}

std::string BpeTokenizer::renderPiece(int32_t id) const {
    const std::string& text = vocab_.tokens[id];
    switch (vocab_.types[id]) {
        case TokenType::Control: case TokenType::Unknown: case TokenType::UserDefined:
            return text;
        case TokenType::Normal: {
            // Back from the byte alphabet. A character outside it is shown as llama.cpp shows it.
            std::string out;
            for (uint32_t cp : unicode::decodeLenient(text)) {
                const int b = bytelevel::decodeCodePoint(cp);
                if (b >= 0) {
                    out += char(b);
                    continue;
                }
                out += "[UNK_BYTE_0x";
                for (unsigned char c : unicode::toUtf8(cp)) {
                    char hex[3];
                    std::snprintf(hex, sizeof hex, "%02x", c);
                    out += hex;
                }
                out += text + "]";
            }
            return out;
        }
        case TokenType::Byte: {  // "<0xNN>" in the few BPE vocabularies that have them
            unsigned b = 0;
            char close = 0;
            if (text.size() == 6 && std::sscanf(text.c_str(), "<0x%2x%c", &b, &close) == 2 && close == '>')
                return std::string(1, char(b));
            return {};
        }
        default:
            return {};
    }
}

void BpeTokenizer::encodeWord(const std::string& word, std::vector<int32_t>& out) const {
    if (vocab_.ignoreMerges) {
        if (auto it = vocab_.index.find(word); it != vocab_.index.end()) {
            out.push_back(it->second);
            return;
        }
    }

    std::vector<Symbol> sym;
    sym.reserve(word.size());
    for (size_t off = 0; off < word.size();) {
        const size_t len = std::min(unicode::utf8LengthFromLead(uint8_t(word[off])), word.size() - off);
        const int i = int(sym.size());
        sym.push_back({i - 1, off + len == word.size() ? -1 : i + 1, off, len,
                       merges_.side(std::string_view(word).substr(off, len))});
        off += len;
    }

    std::vector<Bigram> initial;
    for (int i = 1; i < int(sym.size()); ++i)
        if (const int32_t rank = merges_.rank(sym[i - 1].side, sym[i].side); rank >= 0)
            initial.push_back({rank, i - 1, i, uint32_t(sym[i - 1].len + sym[i].len)});
    MergeQueue<Bigram, First> queue(std::move(initial));
    auto tryPair = [&](int left, int right) {
        if (left < 0 || right < 0) return;
        const int32_t rank = merges_.rank(sym[left].side, sym[right].side);
        if (rank >= 0) queue.push({rank, left, right, uint32_t(sym[left].len + sym[right].len)});
    };

    while (!queue.empty()) {
        const Bigram b = queue.pop();
        Symbol& l = sym[b.left];
        Symbol& r = sym[b.right];
        if (l.len == 0 || r.len == 0 || l.len + r.len != b.len) continue;  // one side changed since
        l.len += r.len;
        r.len = 0;
        l.next = r.next;
        if (r.next >= 0) sym[r.next].prev = b.left;
        l.side = merges_.side(std::string_view(word).substr(l.offset, l.len));
        tryPair(l.prev, b.left);
        tryPair(b.left, l.next);
    }

    std::string text;
    for (int i = sym.empty() ? -1 : 0; i >= 0; i = sym[i].next) {
        text.assign(word, sym[i].offset, sym[i].len);
        if (auto it = vocab_.index.find(text); it != vocab_.index.end()) {
            out.push_back(it->second);
            continue;
        }
        // Not a token (a vocabulary lacking part of the byte alphabet): llama.cpp tries each
        // byte on its own and drops what is not a token either.
        for (char c : text)
            if (auto it = vocab_.index.find(std::string(1, c)); it != vocab_.index.end()) out.push_back(it->second);
    }
}

void BpeTokenizer::encodeRun(std::string_view text, std::vector<int32_t>& out) const {
    // Code points as llama.cpp reads them: each invalid byte is U+FFFD, so such input
    // tokenizes as the replacement character's bytes.
    const std::vector<uint32_t> cpts = unicode::decodeLenient(text);
    std::string utf8, word;
    size_t begin = 0;
    for (size_t len : preTokenize(split_, cpts)) {
        utf8.clear();
        for (size_t i = begin; i < begin + len; ++i) unicode::appendUtf8(utf8, cpts[i]);
        word.clear();
        for (unsigned char c : utf8) word += bytelevel::encodeByte(c);
        encodeWord(word, out);
        begin += len;
    }
}

std::vector<int32_t> BpeTokenizer::encode(std::string_view text, bool addSpecial, bool parseSpecial) const {
    checkInputSize(text);
    std::vector<int32_t> out;
    if (addSpecial && vocab_.addBos && vocab_.bos >= 0) out.push_back(vocab_.bos);
    for (const auto& f : specials_.split(text, parseSpecial)) {
        if (f.token >= 0) out.push_back(f.token);
        else encodeRun(f.text, out);
    }
    if (addSpecial && vocab_.addEos && vocab_.eos >= 0) out.push_back(vocab_.eos);
    return out;
}

}  // namespace gb
