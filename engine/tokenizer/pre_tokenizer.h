#pragma once
// The split that runs before byte-level BPE merges: hand-written matchers with the exact
// semantics of the regexes llama.cpp uses for each tokenizer.ggml.pre (leftmost-first
// alternation, greedy quantifiers; pieces no rule matches stay pieces of their own).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "tokenizer/pre_type.h"

namespace gb {

// Lengths, in code points, of the consecutive pre-tokens of cpts (they sum to cpts.size()).
std::vector<size_t> preTokenize(PreSplit rules, const std::vector<uint32_t>& cpts);

}  // namespace gb
