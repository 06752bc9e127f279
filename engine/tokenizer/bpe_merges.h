#pragma once
// The merge table of a byte-level BPE vocabulary: "left right" lines in rank order, looked
// up by pair. Sides are interned to integers once, so the hot loop hashes two ints, not strings.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gb {

class MergeRanks {
public:
    explicit MergeRanks(const std::vector<std::string>& merges);

    // An id for text if it is the side of some merge, else -1 (such a symbol never merges).
    int32_t side(std::string_view text) const;
    // The rank of merging left with right (lower merges first), or -1.
    int32_t rank(int32_t left, int32_t right) const;

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    int32_t intern(const std::string& s);

    std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> sides_;
    std::unordered_map<uint64_t, int32_t> ranks_;
};

}  // namespace gb
