#pragma once
// Cutting text at the literal text of special tokens before the tokenizer proper runs, with
// llama.cpp's rules (tokenizer_st_partition): control, unknown and user-defined tokens are
// candidates; longer texts win over shorter ones, then leftmost; matches never overlap.
// Without parseSpecial only user-defined tokens are matched (HF does the same).
// Tokens with the lstrip / rstrip attribute also swallow the whitespace next to them.
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokenizer/vocab.h"

namespace gb {

class SpecialTokenSplitter {
public:
    explicit SpecialTokenSplitter(const Vocab& v);

    struct Fragment {
        int32_t token = -1;     // >= 0: this special token; -1: text to tokenize
        std::string_view text;  // the raw text (for tokens: the matched text)
    };
    std::vector<Fragment> split(std::string_view text, bool parseSpecial) const;

private:
    struct Candidate {
        int32_t id;
        uint32_t length;
        bool needsParseSpecial;  // control / unknown, as opposed to user-defined
        bool lstrip, rstrip;     // drop ASCII whitespace before / after a match
    };
    struct Occurrence {
        uint32_t rank;  // index into candidates_, i.e. priority
        size_t pos;
    };
    void collect(std::string_view text, bool parseSpecial, std::vector<Occurrence>& out) const;

    std::vector<Candidate> candidates_;  // in priority order
    // A byte trie over the candidates' texts: node 0 is the root.
    std::unordered_map<uint64_t, int32_t> edges_;  // (node << 8 | byte) -> child
    std::vector<int32_t> terminal_;                // node -> rank of the candidate ending there, or -1
    bool rootByte_[256] = {};                      // quick reject of positions no candidate starts at
};

}  // namespace gb
