#include "tokenizer/cleanup_spaces.h"

namespace gb {

namespace {

// Each pass looks at the characters as they were before the pass ("prev" is the input's
// previous character, not the output's), exactly as llama.cpp's in-place loops do.

std::string punctuation(const std::string& t) {
    std::string out;
    out.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
        const char x = t[i];
        if (i > 0 && t[i - 1] == ' ' && (x == '?' || x == '!' || x == '.' || x == ','))
            out.pop_back();
        out += x;
    }
    return out;
}

std::string loneApostrophe(const std::string& t) {
    std::string out;
    out.reserve(t.size());
    char prev = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        const char x = t[i];
        if (i > 0 && x == '\'' && prev == ' ' && i + 1 < t.size() && t[i + 1] == ' ') {
            out.pop_back();
            out += x;
            ++i;       // the space after it is dropped too…
            prev = 0;  // …and is no longer there to precede the next character
            continue;
        }
        out += x;
        prev = x;
    }
    return out;
}

std::string contractions(const std::string& t) {
    std::string out;
    out.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
        const char x = t[i];
        if (i > 0 && t[i - 1] == ' ' && x == '\'' && i + 1 < t.size()) {
            const char a = t[i + 1];
            const char b = i + 2 < t.size() ? t[i + 2] : 0;
            const bool join = a == 's' || a == 'm' ||
                              (a != 't' && a != 'd' && ((a == 'r' && b == 'e') || (a == 'v' && b == 'e')));
            if (join) out.pop_back();
        }
        out += x;
    }
    return out;
}

}  // namespace

std::string cleanUpTokenizationSpaces(const std::string& text) {
    return contractions(loneApostrophe(punctuation(text)));
}

}  // namespace gb
