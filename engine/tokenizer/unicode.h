#pragma once
// UTF-8 and Unicode character classes, the way llama.cpp's tokenizers see them.
//
// Two decoders on purpose: the lenient one reproduces llama.cpp's tokenizer input handling
// (no overlong or surrogate checks; a byte that starts no sequence becomes U+FFFD), so our
// token ids match its ids even on broken input. The strict one is for showing text to people.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gb::unicode {

constexpr uint32_t kReplacement = 0xFFFD;

// Bytes a sequence spans judging by its first byte alone (llama.cpp's table, indexed by the
// high nibble): continuation bytes and 0xF8..0xFF count as 1 and 4. Callers clamp to what is left.
size_t utf8LengthFromLead(uint8_t lead);

struct Decoded {
    uint32_t cp;
    size_t len;  // bytes consumed, >= 1
};

// One code point at s[pos] (pos < s.size()). A lead byte without its continuation bytes, a stray
// continuation byte, 0xF8..0xFF and anything above U+10FFFF decode as U+FFFD of length 1.
// Overlong forms and surrogates are accepted, as llama.cpp accepts them.
Decoded decodeLenient(std::string_view s, size_t pos);
std::vector<uint32_t> decodeLenient(std::string_view s);

// Appends cp (<= 0x10FFFF; surrogates included) as UTF-8.
void appendUtf8(std::string& out, uint32_t cp);
std::string toUtf8(uint32_t cp);

// Strict check of the sequence at s[pos] for display: Valid (len = its bytes), Invalid
// (len = the maximal ill-formed subpart to replace by one U+FFFD, as Unicode recommends), or
// Incomplete (a valid prefix cut off by the end of s; len = the bytes present).
enum class SeqStatus { Valid, Invalid, Incomplete };
SeqStatus checkStrict(std::string_view s, size_t pos, size_t& len);

// Character classes the pre-tokenizers need: general category groups (ICU) and the Unicode
// White_Space property, which is not the same as category Z (U+0085 is White_Space, U+200B is not).
enum CharFlag : uint16_t {
    kUndefined = 1 << 0,  // unassigned (Cn)
    kNumber = 1 << 1,     // \p{N}
    kLetter = 1 << 2,     // \p{L}
    kSeparator = 1 << 3,  // \p{Z}
    kMark = 1 << 4,       // \p{M}
    kPunct = 1 << 5,      // \p{P}
    kSymbol = 1 << 6,     // \p{S}
    kControl = 1 << 7,    // \p{C} other than Cn
    kWhitespace = 1 << 8, // White_Space
};
uint16_t charFlags(uint32_t cp);

inline bool isLetter(uint32_t cp) { return charFlags(cp) & kLetter; }
inline bool isNumber(uint32_t cp) { return charFlags(cp) & kNumber; }
inline bool isWhitespace(uint32_t cp) { return charFlags(cp) & kWhitespace; }

}  // namespace gb::unicode
