// Source preprocessing before tokenizing, pass by pass as @huggingface/jinja does it with
// regular expressions (Template() turns lstrip_blocks and trim_blocks on):
//   1. one trailing "\n" is dropped;
//   2. lstrip_blocks: /^[ \t]*({[#%-])/gm -> "$1";
//   3. trim_blocks:   /([#%-]})\n/g      -> "$1";
//   4. /(\s*){%(-?)\s*(?:end)?generation\s*(-?)%}(\s*)/g is removed, keeping the
//      surrounding whitespace unless the tag has the matching "-".
#include "template/jinja_lexer.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

MappedText identity(std::string_view source) {
    MappedText m;
    m.text.assign(source);
    m.origin.resize(source.size());
    for (size_t i = 0; i < source.size(); ++i) m.origin[i] = static_cast<uint32_t>(i);
    return m;
}

// After "\n", "\r", U+2028 or U+2029 (a JS LineTerminator), or at the start.
bool atLineStart(const std::string& s, size_t i) {
    if (i == 0) return true;
    const char p = s[i - 1];
    if (p == '\n' || p == '\r') return true;
    return i >= 3 && s.compare(i - 3, 2, "\xE2\x80") == 0 && (s[i - 1] == '\xA8' || s[i - 1] == '\xA9');
}

MappedText lstripBlocks(const MappedText& in) {
    MappedText out;
    const std::string& s = in.text;
    for (size_t i = 0; i < s.size();) {
        if (atLineStart(s, i)) {
            size_t j = i;
            while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
            if (j + 1 < s.size() && s[j] == '{' && (s[j + 1] == '#' || s[j + 1] == '%' || s[j + 1] == '-')) {
                out.append(in, j, j + 2);
                i = j + 2;
                continue;
            }
        }
        out.push(s[i], in.origin[i]);
        ++i;
    }
    return out;
}

MappedText trimBlocks(const MappedText& in) {
    MappedText out;
    const std::string& s = in.text;
    for (size_t i = 0; i < s.size();) {
        if (i + 2 < s.size() && (s[i] == '#' || s[i] == '%' || s[i] == '-') && s[i + 1] == '}' && s[i + 2] == '\n') {
            out.append(in, i, i + 2);
            i += 3;
            continue;
        }
        out.push(s[i], in.origin[i]);
        ++i;
    }
    return out;
}

size_t skipWhitespace(const std::string& s, size_t i) {
    while (i < s.size()) {
        size_t next = i;
        if (!isJsWhitespace(decodeUtf8(s, next))) break;
        i = next;
    }
    return i;
}

// Matches {%(-?)\s*(?:end)?generation\s*(-?)%} at i; returns the end or npos.
size_t matchGenerationTag(const std::string& s, size_t i, bool& lstrip, bool& rstrip) {
    if (s.compare(i, 2, "{%") != 0) return std::string::npos;
    i += 2;
    lstrip = i < s.size() && s[i] == '-';
    if (lstrip) ++i;
    i = skipWhitespace(s, i);
    if (s.compare(i, 3, "end") == 0 && s.compare(i + 3, 10, "generation") == 0) i += 3;
    if (s.compare(i, 10, "generation") != 0) return std::string::npos;
    i = skipWhitespace(s, i + 10);
    rstrip = i < s.size() && s[i] == '-';
    if (rstrip) ++i;
    if (s.compare(i, 2, "%}") != 0) return std::string::npos;
    return i + 2;
}

MappedText removeGenerationTags(const MappedText& in) {
    const std::string& s = in.text;
    if (s.find("generation") == std::string::npos) return in;
    MappedText out;
    for (size_t i = 0; i < s.size();) {
        const size_t tagStart = skipWhitespace(s, i);
        bool lstrip = false, rstrip = false;
        const size_t tagEnd = tagStart < s.size() ? matchGenerationTag(s, tagStart, lstrip, rstrip) : std::string::npos;
        if (tagEnd != std::string::npos) {
            const size_t after = skipWhitespace(s, tagEnd);
            if (!lstrip) out.append(in, i, tagStart);
            if (!rstrip) out.append(in, tagEnd, after);
            i = after;
            continue;
        }
        const size_t stop = tagStart > i ? tagStart : i + 1;
        out.append(in, i, stop);
        i = stop;
    }
    return out;
}

}  // namespace

MappedText preprocessTemplate(std::string_view source) {
    if (!source.empty() && source.back() == '\n') source.remove_suffix(1);
    return removeGenerationTags(trimBlocks(lstripBlocks(identity(source))));
}

}  // namespace gb::jinja
