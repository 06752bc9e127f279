#include "template/jinja_json.h"

#include <algorithm>
#include <cmath>

#include "template/jinja_failure.h"
#include "template/jinja_number.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

const char kHex[] = "0123456789abcdef";

void appendU16Escape(std::string& out, unsigned unit) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(unit >> shift) & 0xF];
}

class JsonWriter {
public:
    JsonWriter(const JsonOptions& o, bool undefinedAsNull, const TemplateLimits& limits)
        : o_(o), undefinedAsNull_(undefinedAsNull), limits_(limits) {
        if (o_.indent != 0) {
            if (o_.indent < 0 || o_.indent > static_cast<double>(limits.maxOutputBytes)) fail("Invalid count value: " + jsNumberToString(o_.indent));
            indent_.assign(static_cast<size_t>(o_.indent), ' ');
        }
        if (o_.separators) {
            itemSep_ = o_.separators->first;
            keySep_ = o_.separators->second;
        } else {
            itemSep_ = o_.indent != 0 ? "," : ", ";
            keySep_ = ": ";
        }
    }

    void write(const Value& v, int depth) {
        if (depth > limits_.maxDepth) failLimit("value nested too deeply to convert to JSON (limit " + std::to_string(limits_.maxDepth) + ")");
        switch (v.kind()) {
            case Kind::Null: put("null"); break;
            case Kind::Undefined: put(undefinedAsNull_ ? "null" : "undefined"); break;
            case Kind::Integer:
            case Kind::Float: put(std::isfinite(v.number()) ? jsNumberToString(v.number()) : "null"); break;
            case Kind::Boolean: put(v.boolean() ? "true" : "false"); break;
            case Kind::String: put(jsonQuote(v.str(), o_.ensureAscii)); break;
            case Kind::Array: writeArray(v, depth); break;
            case Kind::Object:
            case Kind::Namespace: writeObject(v, depth); break;
            default: fail(std::string("Cannot convert to JSON: ") + kindName(v.kind()));
        }
    }

    std::string take() { return std::move(out_); }

private:
    void put(std::string_view s) {
        out_ += s;
        if (out_.size() > limits_.maxOutputBytes) failLimit("output larger than " + std::to_string(limits_.maxOutputBytes) + " bytes");
    }
    void padding(int depth, bool child) {
        put("\n");
        for (int i = 0; i < depth + (child ? 1 : 0); ++i) put(indent_);
    }

    void writeArray(const Value& v, int depth) {
        const auto& items = v.items();
        const bool pretty = !indent_.empty() && !items.empty();
        put("[");
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) put(itemSep_);
            if (pretty) padding(depth, true);
            write(items[i], depth + 1);
        }
        if (pretty) padding(depth, false);
        put("]");
    }

    void writeObject(const Value& v, int depth) {
        const auto& entries = v.object().entries;
        std::vector<size_t> order(entries.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        if (o_.sortKeys)
            std::stable_sort(order.begin(), order.end(),
                             [&](size_t a, size_t b) { return localeCompare(entries[a].first, entries[b].first) < 0; });
        const bool pretty = !indent_.empty() && !entries.empty();
        put("{");
        for (size_t i = 0; i < order.size(); ++i) {
            if (i) put(itemSep_);
            if (pretty) padding(depth, true);
            put(jsonQuote(entries[order[i]].first, o_.ensureAscii));
            put(keySep_);
            write(entries[order[i]].second, depth + 1);
        }
        if (pretty) padding(depth, false);
        put("}");
    }

    const JsonOptions& o_;
    bool undefinedAsNull_;
    const TemplateLimits& limits_;
    std::string indent_, itemSep_, keySep_, out_;
};

// For localeCompare: punctuation and symbols < digits < letters, letters compared without
// case first, then lower case before upper case (as ICU's root collation orders ASCII).
int collationClass(char32_t c) {
    if (c >= '0' && c <= '9') return 1;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return 2;
    return 0;
}

bool isArrayIndex(const std::string& k) {
    if (k.empty() || k.size() > 10 || (k.size() > 1 && k[0] == '0')) return false;
    if (!std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return std::stoull(k) < 4294967295ULL;
}

}  // namespace

std::string toJson(const Value& v, const JsonOptions& opt, bool undefinedAsNull, const TemplateLimits& limits) {
    JsonWriter w(opt, undefinedAsNull, limits);
    w.write(v, 0);
    return w.take();
}

std::string jsonQuote(std::string_view s, bool ensureAscii) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (size_t i = 0; i < s.size();) {
        const size_t start = i;
        const char32_t c = decodeUtf8(s, i);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    appendU16Escape(out, c);
                } else if (ensureAscii && c >= 0x7F) {
                    if (c > 0xFFFF) {
                        appendU16Escape(out, 0xD800 + ((c - 0x10000) >> 10));
                        appendU16Escape(out, 0xDC00 + ((c - 0x10000) & 0x3FF));
                    } else {
                        appendU16Escape(out, c);
                    }
                } else if (c == 0xFFFD && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) {
                    out += "\xEF\xBF\xBD";  // an invalid byte
                } else {
                    out.append(s.substr(start, i - start));
                }
        }
    }
    out += '"';
    return out;
}

int localeCompare(std::string_view a, std::string_view b) {
    auto one = [](char32_t c) {
        std::string s;
        appendUtf8(s, c);
        return s;
    };
    int caseTie = 0;  // lower case first, decided by the first difference in case only
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const char32_t ca = decodeUtf8(a, i), cb = decodeUtf8(b, j);
        if (ca == cb) continue;
        const int ka = collationClass(ca), kb = collationClass(cb);
        if (ka != kb) return ka < kb ? -1 : 1;
        const std::string la = jsToLower(one(ca)), lb = jsToLower(one(cb));
        if (la != lb) return compareUtf16(la, lb);
        if (caseTie == 0) caseTie = one(ca) == la ? -1 : 1;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return caseTie;
}

Value valueFromJson(const nlohmann::ordered_json& j, const TemplateLimits& limits, int depth) {
    if (depth > limits.maxDepth) failLimit("JSON data nested too deeply (limit " + std::to_string(limits.maxDepth) + ")");
    switch (j.type()) {
        case nlohmann::json::value_t::null: return Value::null();
        case nlohmann::json::value_t::boolean: return Value::boolean(j.get<bool>());
        case nlohmann::json::value_t::number_integer: return Value::integer(static_cast<double>(j.get<int64_t>()));
        case nlohmann::json::value_t::number_unsigned: return Value::integer(static_cast<double>(j.get<uint64_t>()));
        case nlohmann::json::value_t::number_float: {
            const double d = j.get<double>();
            return Value::number(d, !(std::isfinite(d) && std::trunc(d) == d));
        }
        case nlohmann::json::value_t::string: return Value::string(j.get<std::string>());
        case nlohmann::json::value_t::array: {
            if (j.size() > limits.maxListLength) failLimit("JSON list longer than " + std::to_string(limits.maxListLength));
            std::vector<Value> items;
            items.reserve(j.size());
            for (const auto& e : j) items.push_back(valueFromJson(e, limits, depth + 1));
            return Value::array(std::move(items));
        }
        case nlohmann::json::value_t::object: {
            auto data = std::make_shared<ObjectData>();
            std::vector<std::pair<uint32_t, std::string>> indexKeys;
            for (auto it = j.begin(); it != j.end(); ++it)
                if (isArrayIndex(it.key())) indexKeys.emplace_back(static_cast<uint32_t>(std::stoull(it.key())), it.key());
            std::sort(indexKeys.begin(), indexKeys.end());
            for (const auto& ik : indexKeys) data->set(ik.second, valueFromJson(j.at(ik.second), limits, depth + 1));
            for (auto it = j.begin(); it != j.end(); ++it)
                if (!isArrayIndex(it.key())) data->set(it.key(), valueFromJson(it.value(), limits, depth + 1));
            return Value::object(std::move(data));
        }
        default: fail("unsupported JSON value");
    }
}

}  // namespace gb::jinja
