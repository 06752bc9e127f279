#pragma once
// Printing JSON the way every command does: one object, invalid UTF-8 replaced, newline.
#include <cstdio>
#include <nlohmann/json.hpp>

namespace cli {

inline void printJson(const nlohmann::json& j) {
    std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(s.data(), 1, s.size(), stdout);
    std::fputc('\n', stdout);
}

}  // namespace cli
