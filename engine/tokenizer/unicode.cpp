#include "tokenizer/unicode.h"

#include <unicode/uchar.h>

namespace gb::unicode {

size_t utf8LengthFromLead(uint8_t lead) {
    static constexpr uint8_t kByHighNibble[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4};
    return kByHighNibble[lead >> 4];
}

namespace {
bool isContinuation(std::string_view s, size_t i) {
    return i < s.size() && (static_cast<uint8_t>(s[i]) & 0xC0) == 0x80;
}
uint32_t bits(std::string_view s, size_t i) { return static_cast<uint8_t>(s[i]) & 0x3F; }
}  // namespace

Decoded decodeLenient(std::string_view s, size_t pos) {
    const uint8_t b0 = static_cast<uint8_t>(s[pos]);
    if (b0 < 0x80) return {b0, 1};
    if (b0 >= 0xC0 && b0 < 0xE0 && isContinuation(s, pos + 1))
        return {(uint32_t(b0 & 0x1F) << 6) | bits(s, pos + 1), 2};
    if (b0 >= 0xE0 && b0 < 0xF0 && isContinuation(s, pos + 1) && isContinuation(s, pos + 2))
        return {(uint32_t(b0 & 0x0F) << 12) | (bits(s, pos + 1) << 6) | bits(s, pos + 2), 3};
    if (b0 >= 0xF0 && b0 < 0xF8 && isContinuation(s, pos + 1) && isContinuation(s, pos + 2) &&
        isContinuation(s, pos + 3)) {
        const uint32_t cp = (uint32_t(b0 & 0x07) << 18) | (bits(s, pos + 1) << 12) | (bits(s, pos + 2) << 6) | bits(s, pos + 3);
        // llama.cpp decodes these but then fails to re-encode them; we treat them as invalid.
        if (cp <= 0x10FFFF) return {cp, 4};
    }
    return {kReplacement, 1};
}

std::vector<uint32_t> decodeLenient(std::string_view s) {
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t pos = 0; pos < s.size();) {
        const Decoded d = decodeLenient(s, pos);
        out.push_back(d.cp);
        pos += d.len;
    }
    return out;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | ((cp >> 18) & 0x07));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string toUtf8(uint32_t cp) {
    std::string s;
    appendUtf8(s, cp);
    return s;
}

SeqStatus checkStrict(std::string_view s, size_t pos, size_t& len) {
    const uint8_t b0 = static_cast<uint8_t>(s[pos]);
    len = 1;
    if (b0 < 0x80) return SeqStatus::Valid;
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Unicode table 3-7)
    if (b0 >= 0xC2 && b0 <= 0xDF) need = 1;
    else if (b0 == 0xE0) need = 2, lo = 0xA0;
    else if (b0 >= 0xE1 && b0 <= 0xEC) need = 2;
    else if (b0 == 0xED) need = 2, hi = 0x9F;
    else if (b0 >= 0xEE && b0 <= 0xEF) need = 2;
    else if (b0 == 0xF0) need = 3, lo = 0x90;
    else if (b0 >= 0xF1 && b0 <= 0xF3) need = 3;
    else if (b0 == 0xF4) need = 3, hi = 0x8F;
    else return SeqStatus::Invalid;
    for (size_t k = 1; k <= need; ++k) {
        if (pos + k >= s.size()) return SeqStatus::Incomplete;  // len = bytes present so far
        const uint8_t b = static_cast<uint8_t>(s[pos + k]);
        const bool ok = k == 1 ? (b >= lo && b <= hi) : (b & 0xC0) == 0x80;
        if (!ok) return SeqStatus::Invalid;
        len = k + 1;
    }
    return SeqStatus::Valid;
}

uint16_t charFlags(uint32_t cp) {
    if (cp > 0x10FFFF) return 0;
    uint16_t f = 0;
    switch (u_charType(static_cast<UChar32>(cp))) {
        case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER: case U_OTHER_LETTER:
            f = kLetter; break;
        case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
            f = kNumber; break;
        case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
            f = kMark; break;
        case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
        case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION:
        case U_FINAL_PUNCTUATION:
            f = kPunct; break;
        case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
            f = kSymbol; break;
        case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
            f = kSeparator; break;
        case U_CONTROL_CHAR: case U_FORMAT_CHAR: case U_PRIVATE_USE_CHAR: case U_SURROGATE:
            f = kControl; break;
        default:
            f = kUndefined; break;
    }
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) f |= kWhitespace;
    return f;
}

}  // namespace gb::unicode
