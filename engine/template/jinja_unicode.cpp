#include "template/jinja_unicode.h"

#include "tokenizer/unicode.h"

#include <cmath>

namespace gb::jinja {

// Ill-formed input gives one U+FFFD per maximal subpart (as the WHATWG decoder, and so
// Node, reads files).
char32_t decodeUtf8(std::string_view s, size_t& i) {
    if (static_cast<unsigned char>(s[i]) < 0x80) return static_cast<unsigned char>(s[i++]);
    size_t len = 1;
    if (unicode::checkStrict(s, i, len) != unicode::SeqStatus::Valid) {
        i += len;
        return 0xFFFD;
    }
    const char32_t cp = unicode::decodeLenient(s, i).cp;
    i += len;
    return cp;
}

std::string wellFormedUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {  // fast path: nothing to replace
        const size_t start = i;
        if (decodeUtf8(s, i) == 0xFFFD && s.compare(start, 3, "\xEF\xBF\xBD") != 0) {
            i = start;
            break;
        }
    }
    if (i >= s.size()) return std::string(s);
    std::string out(s.substr(0, i));
    while (i < s.size()) appendUtf8(out, decodeUtf8(s, i));
    return out;
}

void appendUtf8(std::string& out, char32_t cp) {
    unicode::appendUtf8(out, cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp);
}

bool isJsWhitespace(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

std::string_view jsTrimStart(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        size_t next = i;
        if (!isJsWhitespace(decodeUtf8(s, next))) break;
        i = next;
    }
    return s.substr(i);
}

std::string_view jsTrimEnd(std::string_view s) {
    size_t end = 0, i = 0;
    while (i < s.size()) {
        const char32_t c = decodeUtf8(s, i);
        if (!isJsWhitespace(c)) end = i;
    }
    return s.substr(0, end);
}

std::string_view jsTrim(std::string_view s) { return jsTrimEnd(jsTrimStart(s)); }

size_t utf16Length(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) n += decodeUtf8(s, i) > 0xFFFF ? 2 : 1;
    return n;
}

std::optional<std::string> utf16At(std::string_view s, double index) {
    const double len = static_cast<double>(utf16Length(s));
    if (std::isnan(index)) index = 0;
    index = std::trunc(index);
    if (index < 0) index += len;
    if (!(index >= 0 && index < len)) return std::nullopt;
    const auto want = static_cast<size_t>(index);
    size_t unit = 0;
    for (size_t i = 0; i < s.size();) {
        const char32_t c = decodeUtf8(s, i);
        const size_t width = c > 0xFFFF ? 2 : 1;
        if (want < unit + width) {
            std::string out;
            appendUtf8(out, width == 2 ? 0xFFFD : c);
            return out;
        }
        unit += width;
    }
    return std::nullopt;
}

int compareUtf16(std::string_view a, std::string_view b) {
    // Code point order, except that supplementary characters (surrogate pairs in UTF-16)
    // sort before U+E000..U+FFFF.
    auto key = [](char32_t c) -> char32_t { return c > 0xFFFF ? 0xD800 + ((c - 0x10000) >> 10) : c; };
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const char32_t ca = decodeUtf8(a, i), cb = decodeUtf8(b, j);
        if (ca == cb) continue;
        const char32_t ka = key(ca), kb = key(cb);
        if (ka != kb) return ka < kb ? -1 : 1;
        return ca < cb ? -1 : 1;  // same high surrogate: the low surrogates order like the code points
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

std::vector<std::string_view> splitCodePoints(std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
        const size_t start = i;
        decodeUtf8(s, i);
        out.push_back(s.substr(start, i - start));
    }
    return out;
}

bool isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace gb::jinja
