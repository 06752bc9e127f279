#include "tokenizer/spm_tokenizer.h"

#include <cstdio>

#include "tokenizer/merge_queue.h"
#include "tokenizer/unicode.h"

namespace gb {

namespace {

const std::string kSpaceMark = "\xE2\x96\x81";  // "▁", U+2581

std::string escapeSpaces(std::string_view text, bool prefix) {
    std::string out;
    out.reserve(text.size() + 8);
    if (prefix) out += kSpaceMark;
    for (char c : text) {
        if (c == ' ') out += kSpaceMark;
        else out += c;
    }
    return out;
}

std::string unescapeSpaces(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, kSpaceMark.size(), kSpaceMark) == 0) {
            out += ' ';
            i += kSpaceMark.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The byte of a "<0xNN>" token text, or -1.
int byteOfTokenText(const std::string& t) {
    if (t.size() != 6 || t.compare(0, 3, "<0x") != 0 || t[5] != '>') return -1;
    const int hi = hexDigit(t[3]), lo = hexDigit(t[4]);
    return (hi < 0 || lo < 0) ? -1 : hi * 16 + lo;
}

struct Symbol {
    int prev, next;
    size_t offset, len;  // bytes of the escaped text; len 0 once merged into its left neighbour
};

struct Bigram {  // 16 bytes: long texts put millions of these in the queue
    float score;
    int left, right;
    uint32_t len;  // left.len + right.len when queued; both only grow, so a change shows
};

// Highest score first; on equal scores the leftmost pair.
struct First {
    bool operator()(const Bigram& a, const Bigram& b) const {
        return a.score > b.score || (a.score == b.score && a.left < b.left);
    }
};

}  // namespace

SpmTokenizer::SpmTokenizer(Vocab v) : Tokenizer(std::move(v)), specials_(vocab_) {
    for (int b = 0; b < 256; ++b) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "<0x%02X>", b);
        auto it = vocab_.index.find(hex);
        if (it == vocab_.index.end()) it = vocab_.index.find(std::string(1, char(b)));  // llama.cpp's second choice
        // llama.cpp would throw here; an unknown token keeps a vocabulary without byte tokens usable.
        byteToken_[b] = it != vocab_.index.end() ? it->second : vocab_.unk;
    }
    cachePieces();
}

std::string SpmTokenizer::renderPiece(int32_t id) const {
    const std::string& text = vocab_.tokens[id];
    switch (vocab_.types[id]) {
        case TokenType::Control: case TokenType::Unknown: case TokenType::UserDefined:
            return text;
        case TokenType::Normal:
            return unescapeSpaces(text);
        case TokenType::Byte: {
            const int b = byteOfTokenText(text);
            return b < 0 ? std::string() : std::string(1, char(b));
        }
        default:  // unused / undefined: llama.cpp renders nothing
            return {};
    }
}

void SpmTokenizer::encodeRun(const std::string& text, std::vector<int32_t>& out) const {
    // One symbol per UTF-8 character as llama.cpp cuts them (by lead byte only), so that
    // invalid bytes end up as byte tokens exactly where llama.cpp puts them.
    std::vector<Symbol> sym;
    sym.reserve(text.size());
    for (size_t off = 0; off < text.size();) {
        const size_t len = std::min(unicode::utf8LengthFromLead(uint8_t(text[off])), text.size() - off);
        const int i = int(sym.size());
        sym.push_back({i - 1, off + len == text.size() ? -1 : i + 1, off, len});
        off += len;
    }

    std::string scratch;
    // The pair (left, right) when its text is a token.
    auto pairOf = [&](int left, int right, Bigram& b) {
        if (left < 0 || right < 0) return false;
        scratch.assign(text, sym[left].offset, sym[left].len + sym[right].len);
        auto it = vocab_.index.find(scratch);
        if (it == vocab_.index.end()) return false;
        b = {vocab_.scores.empty() ? 0.0f : vocab_.scores[it->second], left, right, uint32_t(scratch.size())};
        return true;
    };
    std::vector<Bigram> initial;
    for (int i = 1; i < int(sym.size()); ++i)
        if (Bigram b; pairOf(i - 1, i, b)) initial.push_back(b);
    MergeQueue<Bigram, First> queue(std::move(initial));
    auto tryPair = [&](int left, int right) {
        if (Bigram b; pairOf(left, right, b)) queue.push(b);
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
        tryPair(l.prev, b.left);
        tryPair(b.left, l.next);
    }

    // Every merged symbol is a token; a single character that is not one goes out as bytes.
    for (int i = sym.empty() ? -1 : 0; i >= 0; i = sym[i].next) {
        scratch.assign(text, sym[i].offset, sym[i].len);
        auto it = vocab_.index.find(scratch);
        if (it != vocab_.index.end()) {
            out.push_back(it->second);
            continue;
        }
        for (char c : scratch)
            if (int32_t t = byteToken_[uint8_t(c)]; t >= 0) out.push_back(t);
    }
}

std::vector<int32_t> SpmTokenizer::encode(std::string_view text, bool addSpecial, bool parseSpecial) const {
    checkInputSize(text);
    std::vector<int32_t> out;
    if (addSpecial && vocab_.addBos && vocab_.bos >= 0) out.push_back(vocab_.bos);
    // A text run gets the "▁" prefix at the start and after every special token.
    bool afterSpecial = true;
    for (const auto& f : specials_.split(text, parseSpecial)) {
        if (f.token >= 0) {
            out.push_back(f.token);
            afterSpecial = true;
            continue;
        }
        encodeRun(escapeSpaces(f.text, vocab_.addSpacePrefix && afterSpecial), out);
        afterSpecial = false;
    }
    if (addSpecial && vocab_.addEos && vocab_.eos >= 0) out.push_back(vocab_.eos);
    return out;
}

}  // namespace gb
