#include "tokenizer/bpe_merges.h"

namespace gb {

MergeRanks::MergeRanks(const std::vector<std::string>& merges) {
    ranks_.reserve(merges.size());
    for (size_t i = 0; i < merges.size(); ++i) {
        const std::string& m = merges[i];
        // Split at the first space after the first character, as llama.cpp does; a line
        // without one can never match (both sides empty).
        const size_t space = m.find(' ', 1);
        if (space == std::string::npos) continue;
        const uint64_t key = (uint64_t(uint32_t(intern(m.substr(0, space)))) << 32) | uint32_t(intern(m.substr(space + 1)));
        ranks_.emplace(key, int32_t(i));  // a repeated pair keeps its first (best) rank
    }
}

int32_t MergeRanks::intern(const std::string& s) {
    return sides_.emplace(s, int32_t(sides_.size())).first->second;
}

int32_t MergeRanks::side(std::string_view text) const {
    auto it = sides_.find(text);
    return it == sides_.end() ? -1 : it->second;
}

int32_t MergeRanks::rank(int32_t left, int32_t right) const {
    if (left < 0 || right < 0) return -1;
    auto it = ranks_.find((uint64_t(uint32_t(left)) << 32) | uint32_t(right));
    return it == ranks_.end() ? -1 : it->second;
}

}  // namespace gb
