#pragma once
// JSON in and out: values to JSON text as @huggingface/jinja's toJSON() writes it (the
// `tojson` filter and how lists and dicts print), and JSON data to values as the JS
// runtime converts render() arguments.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "template/jinja_value.h"
#include "template/template_limits.h"

namespace gb::jinja {

struct JsonOptions {
    double indent = 0;  // 0: no newlines; n: newlines and n spaces per level
    bool ensureAscii = false;
    bool sortKeys = false;
    std::optional<std::pair<std::string, std::string>> separators;  // item, key
};

// undefinedAsNull: `undefined` writes as null (tojson) or as the word undefined (printing).
std::string toJson(const Value& v, const JsonOptions& opt, bool undefinedAsNull, const TemplateLimits& limits);
std::string jsonQuote(std::string_view s, bool ensureAscii);  // JSON.stringify(string)
int localeCompare(std::string_view a, std::string_view b);     // approximates String.prototype.localeCompare

// Objects keep JS property order: integer-like keys ascending first, then the rest in
// document order. Throws Failure (Limit) past limits.maxDepth levels of nesting.
Value valueFromJson(const nlohmann::ordered_json& j, const TemplateLimits& limits, int depth = 0);

}  // namespace gb::jinja
