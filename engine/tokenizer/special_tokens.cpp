#include "tokenizer/special_tokens.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace gb {

SpecialTokenSplitter::SpecialTokenSplitter(const Vocab& v) {
    for (int32_t id = 0; id < v.size(); ++id) {
        const TokenType t = v.types[id];
        if (t == TokenType::Control || t == TokenType::Unknown || t == TokenType::UserDefined)
            candidates_.push_back({id, uint32_t(v.tokens[id].size()), t != TokenType::UserDefined,
                                   std::binary_search(v.lstrip.begin(), v.lstrip.end(), id),
                                   std::binary_search(v.rstrip.begin(), v.rstrip.end(), id)});
    }
    // Longest first, as llama.cpp sorts them; equal lengths by id (llama.cpp leaves that order
    // unspecified; it only matters for equally long texts that overlap in the input).
    std::stable_sort(candidates_.begin(), candidates_.end(),
                     [](const Candidate& a, const Candidate& b) { return a.length > b.length; });

    terminal_.push_back(-1);
    for (uint32_t rank = 0; rank < candidates_.size(); ++rank) {
        const std::string& text = v.tokens[candidates_[rank].id];
        if (text.empty()) continue;  // cannot happen: Vocab names empty tokens
        rootByte_[static_cast<uint8_t>(text[0])] = true;
        int32_t node = 0;
        for (char ch : text) {
            const uint64_t key = (uint64_t(node) << 8) | static_cast<uint8_t>(ch);
            auto it = edges_.find(key);
            if (it == edges_.end()) {
                it = edges_.emplace(key, int32_t(terminal_.size())).first;
                terminal_.push_back(-1);
            }
            node = it->second;
        }
        terminal_[node] = int32_t(rank);  // texts are unique in a Vocab
    }
}

void SpecialTokenSplitter::collect(std::string_view text, bool parseSpecial, std::vector<Occurrence>& out) const {
    for (size_t start = 0; start < text.size(); ++start) {
        if (!rootByte_[static_cast<uint8_t>(text[start])]) continue;
        int32_t node = 0;
        for (size_t i = start; i < text.size(); ++i) {
            auto it = edges_.find((uint64_t(node) << 8) | static_cast<uint8_t>(text[i]));
            if (it == edges_.end()) break;
            node = it->second;
            const int32_t rank = terminal_[node];
            if (rank >= 0 && (parseSpecial || !candidates_[rank].needsParseSpecial))
                out.push_back({uint32_t(rank), start});
        }
    }
}

std::vector<SpecialTokenSplitter::Fragment> SpecialTokenSplitter::split(std::string_view text, bool parseSpecial) const {
    std::vector<Fragment> out;
    if (text.empty()) return out;

    std::vector<Occurrence> occ;
    if (!candidates_.empty()) collect(text, parseSpecial, occ);
    std::sort(occ.begin(), occ.end(),
              [](const Occurrence& a, const Occurrence& b) { return a.rank != b.rank ? a.rank < b.rank : a.pos < b.pos; });

    // llama.cpp takes the candidates one by one and cuts every text fragment left at each
    // leftmost non-overlapping match. The same result: in priority order, accept every
    // occurrence that does not touch an accepted one (fragments only ever shrink).
    std::map<size_t, std::pair<size_t, uint32_t>> taken;  // start -> (end, rank)
    for (const Occurrence& o : occ) {
        const size_t end = o.pos + candidates_[o.rank].length;
        auto next = taken.lower_bound(o.pos);
        if (next != taken.end() && next->first < end) continue;
        if (next != taken.begin() && std::prev(next)->second.first > o.pos) continue;
        taken.emplace(o.pos, std::make_pair(end, o.rank));
    }

    // Whitespace next to a stripping token goes (llama.cpp strips while partitioning; stripping
    // afterwards only differs for special tokens made of whitespace, which stripping models lack).
    auto isSpace = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    size_t pos = 0;
    bool stripNext = false;
    auto raw = [&](size_t from, size_t to, bool stripEnd) {
        if (stripNext)
            while (from < to && isSpace(text[from])) ++from;
        if (stripEnd)
            while (to > from && isSpace(text[to - 1])) --to;
        if (to > from) out.push_back({-1, text.substr(from, to - from)});
    };
    for (const auto& [start, t] : taken) {
        const Candidate& c = candidates_[t.second];
        if (start > pos) raw(pos, start, c.lstrip);
        out.push_back({c.id, text.substr(start, t.first - start)});
        stripNext = c.rstrip;
        pos = t.first;
    }
    raw(pos, text.size(), false);
    return out;
}

}  // namespace gb
