#pragma once
// UTF-8 text helpers with JavaScript's notion of strings, so that the renderer agrees with
// @huggingface/jinja: JS whitespace (String.prototype.trim, /\s/), lengths and indices in
// UTF-16 code units, comparison in UTF-16 order, and Unicode upper/lower case.
// Ill-formed UTF-8 decodes as U+FFFD, one per maximal subpart (as Node decodes files).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gb::jinja {

char32_t decodeUtf8(std::string_view s, size_t& i);  // the code point at s[i]; advances i
void appendUtf8(std::string& out, char32_t cp);       // surrogates and out-of-range become U+FFFD
std::string wellFormedUtf8(std::string_view s);       // ill-formed sequences replaced by U+FFFD

bool isJsWhitespace(char32_t c);  // WhiteSpace or LineTerminator, as in /\s/
std::string_view jsTrimStart(std::string_view s);
std::string_view jsTrimEnd(std::string_view s);
std::string_view jsTrim(std::string_view s);

size_t utf16Length(std::string_view s);
// s.at(index) in JS: one UTF-16 unit; half of a surrogate pair comes back as U+FFFD.
std::optional<std::string> utf16At(std::string_view s, double index);
int compareUtf16(std::string_view a, std::string_view b);  // <0, 0, >0
std::vector<std::string_view> splitCodePoints(std::string_view s);  // Array.from(string)

// String.prototype.toUpperCase / toLowerCase: full Unicode case mapping (ICU, root locale),
// as V8 does it.
std::string jsToUpper(std::string_view s);
std::string jsToLower(std::string_view s);
bool isAsciiWordChar(char c);  // /\w/

}  // namespace gb::jinja
