#include "tokenizer/pre_tokenizer.h"

#include "tokenizer/unicode.h"

namespace gb {

namespace {

using Pieces = std::vector<size_t>;
using unicode::kLetter, unicode::kNumber, unicode::kPunct, unicode::kWhitespace;

constexpr uint32_t kOutside = 0xFFFFFFFF;

// One piece [begin, end) of the text: every lookup past `end` sees "nothing", as a regex
// sees the end of its input (the pieces of one rule are the inputs of the next).
class Span {
public:
    Span(const std::vector<uint32_t>& cp, const std::vector<uint16_t>& fl, size_t end) : cp_(cp), fl_(fl), end_(end) {}
    uint32_t cp(size_t i) const { return i < end_ ? cp_[i] : kOutside; }
    uint16_t flags(size_t i) const { return i < end_ ? fl_[i] : 0; }
    bool letter(size_t i) const { return flags(i) & kLetter; }
    bool number(size_t i) const { return flags(i) & kNumber; }
    bool space(size_t i) const { return flags(i) & kWhitespace; }
    // [^\s\p{L}\p{N}]
    bool other(size_t i) const { return i < end_ && !(fl_[i] & (kWhitespace | kLetter | kNumber)); }
    size_t end() const { return end_; }

private:
    const std::vector<uint32_t>& cp_;
    const std::vector<uint16_t>& fl_;
    size_t end_;
};

uint32_t asciiLower(uint32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// 's|'t|'re|'ve|'m|'ll|'d at pos; returns the end, or pos when none matches.
size_t contraction(const Span& s, size_t pos, bool anyCase) {
    if (s.cp(pos) != '\'') return pos;
    auto at = [&](size_t i) { return anyCase ? asciiLower(s.cp(i)) : s.cp(i); };
    const uint32_t a = at(pos + 1), b = at(pos + 2);
    if (a == 's' || a == 't' || a == 'm' || a == 'd') return pos + 2;
    if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return pos + 3;
    return pos;
}

// \s+(?!\S)|\s+ at pos (pos is whitespace): a run followed by more text leaves its last
// character to what follows; a run of one, or one ending the piece, is taken whole.
size_t spaceRun(const Span& s, size_t pos) {
    size_t e = pos;
    while (s.space(e)) ++e;
    return (e - pos > 1 && e < s.end()) ? e - 1 : e;
}

// GPT-2: 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
size_t matchGpt2(const Span& s, size_t pos) {
    if (size_t e = contraction(s, pos, false); e != pos) return e;
    const size_t p = pos + (s.cp(pos) == ' ' ? 1 : 0);
    size_t e = p;
    if (s.letter(p)) {
        while (s.letter(e)) ++e;
        return e;
    }
    if (s.number(p)) {
        while (s.number(e)) ++e;
        return e;
    }
    if (s.other(p)) {
        while (s.other(e)) ++e;
        return e;
    }
    if (s.space(pos)) return spaceRun(s, pos);
    return pos + 1;
}

// Llama 3 / Qwen 2:
// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,maxDigits}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
size_t matchLlama3(const Span& s, size_t pos, size_t maxDigits) {
    if (size_t e = contraction(s, pos, true); e != pos) return e;
    const uint32_t c = s.cp(pos);
    if (c != '\r' && c != '\n' && !s.number(pos) && (s.letter(pos) || s.letter(pos + 1))) {
        size_t e = pos + 1;  // the letter itself, or the one optional non-letter before the letters
        while (s.letter(e)) ++e;
        return e;
    }
    if (s.number(pos)) {
        size_t e = pos;
        while (s.number(e) && e - pos < maxDigits) ++e;
        return e;
    }
    const size_t p = pos + (c == ' ' ? 1 : 0);
    if (s.other(p)) {
        size_t e = p;
        while (s.other(e)) ++e;
        while (s.cp(e) == '\r' || s.cp(e) == '\n') ++e;
        return e;
    }
    if (s.space(pos)) {
        // \s*[\r\n]+ : the whitespace run up to and including its last line break.
        size_t e = pos, afterBreak = 0;
        for (; s.space(e); ++e)
            if (s.cp(e) == '\r' || s.cp(e) == '\n') afterBreak = e + 1;
        if (afterBreak) return afterBreak;
        return spaceRun(s, pos);
    }
    return pos + 1;
}

// Rules that cover every character: each piece is cut into consecutive matches.
template <class Match>
Pieces cutEach(const Pieces& in, const std::vector<uint32_t>& cp, const std::vector<uint16_t>& fl, Match match) {
    Pieces out;
    out.reserve(in.size() * 2);
    size_t begin = 0;
    for (size_t len : in) {
        const Span s(cp, fl, begin + len);
        for (size_t pos = begin; pos < s.end();) {
            const size_t e = match(s, pos);
            out.push_back(e - pos);
            pos = e;
        }
        begin += len;
    }
    return out;
}

// A rule that only matches some characters, applied as std::regex_iterator would: each match
// becomes a piece, and so does each stretch between matches. match returns pos when none.
template <class Match>
Pieces findEach(const Pieces& in, const std::vector<uint32_t>& cp, const std::vector<uint16_t>& fl, Match match) {
    Pieces out;
    out.reserve(in.size() * 2);
    size_t begin = 0;
    for (size_t len : in) {
        const Span s(cp, fl, begin + len);
        size_t last = begin;
        for (size_t pos = begin; pos < s.end();) {
            const size_t e = match(s, pos);
            if (e == pos) {
                ++pos;
                continue;
            }
            if (pos > last) out.push_back(pos - last);
            out.push_back(e - pos);
            pos = last = e;
        }
        if (last < s.end()) out.push_back(s.end() - last);
        begin += len;
    }
    return out;
}

// [\p{P}\$\+<=>\^~\|]+ (Falcon adds the backtick)
size_t matchPunctRun(const Span& s, size_t pos, bool backtick) {
    auto extra = [&](uint32_t c) {
        return c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '~' || c == '|' ||
               (backtick && c == '`');
    };
    size_t e = pos;
    while ((s.flags(e) & kPunct) || extra(s.cp(e))) ++e;
    return e;
}

size_t matchNumberRun(const Span& s, size_t pos) {  // \p{N}+
    size_t e = pos;
    while (s.number(e)) ++e;
    return e;
}

size_t matchOneNumber(const Span& s, size_t pos) { return s.number(pos) ? pos + 1 : pos; }  // \p{N}

size_t matchAsciiTriple(const Span& s, size_t pos) {  // [0-9][0-9][0-9]
    for (size_t i = 0; i < 3; ++i)
        if (s.cp(pos + i) < '0' || s.cp(pos + i) > '9') return pos;
    return pos + 3;
}

}  // namespace

std::vector<size_t> preTokenize(PreSplit rules, const std::vector<uint32_t>& cp) {
    if (cp.empty()) return {};
    std::vector<uint16_t> fl(cp.size());
    for (size_t i = 0; i < cp.size(); ++i) fl[i] = unicode::charFlags(cp[i]);

    Pieces p{cp.size()};
    auto gpt2 = [](const Span& s, size_t pos) { return matchGpt2(s, pos); };
    switch (rules) {
        case PreSplit::Llama3:
            return cutEach(p, cp, fl, [](const Span& s, size_t pos) { return matchLlama3(s, pos, 3); });
        case PreSplit::Qwen2:
            return cutEach(p, cp, fl, [](const Span& s, size_t pos) { return matchLlama3(s, pos, 1); });
        case PreSplit::Gpt2:
            return cutEach(p, cp, fl, gpt2);
        case PreSplit::Smollm:
            p = findEach(p, cp, fl, matchOneNumber);
            return cutEach(p, cp, fl, gpt2);
        case PreSplit::Falcon:
            p = findEach(p, cp, fl, [](const Span& s, size_t pos) { return matchPunctRun(s, pos, true); });
            p = cutEach(p, cp, fl, gpt2);
            return findEach(p, cp, fl, matchAsciiTriple);
        case PreSplit::Default:
            p = findEach(p, cp, fl, [](const Span& s, size_t pos) { return matchPunctRun(s, pos, false); });
            p = cutEach(p, cp, fl, gpt2);
            p = findEach(p, cp, fl, matchNumberRun);
            return findEach(p, cp, fl, matchAsciiTriple);
    }
    return p;
}

}  // namespace gb
