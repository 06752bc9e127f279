// Members of values: string methods (upper, strip, split, replace, …), dict methods (get,
// items, keys, values, dictsort), `length` of strings and lists, and list.append (a Jinja2
// method @huggingface/jinja lacks). Plus the helpers filters share with them.
#include <algorithm>
#include <cmath>
#include <limits>

#include "template/jinja_builtins.h"
#include "template/jinja_convert.h"
#include "template/jinja_interp.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {

std::string titleCase(const std::string& s) {  // /\b\w/g -> upper case: ASCII words only
    std::string out = s;
    for (size_t i = 0; i < out.size(); ++i)
        if (isAsciiWordChar(out[i]) && (i == 0 || !isAsciiWordChar(out[i - 1])) && out[i] >= 'a' && out[i] <= 'z') out[i] -= 32;
    return out;
}

std::string capitalize(const std::string& s) {  // first UTF-16 unit upper-cased, the rest unchanged
    if (s.empty()) return s;
    size_t i = 0;
    const char32_t c = decodeUtf8(s, i);
    if (c > 0xFFFF) return s;
    return jsToUpper(std::string_view(s).substr(0, i)) + s.substr(i);
}

const Value* findArg(const std::vector<Value>& args, const ObjectData* kwargs, size_t i, const char* key) {
    if (i < args.size()) return &args[i];
    return kwargs && key ? kwargs->find(key) : nullptr;
}

bool rawTruthy(const Value& v) {
    if (v.isArray() || v.isAttributeContainer() || v.is(Kind::Function)) return true;
    return v.truthy();
}

std::string joinPiece(Interpreter& in, const Value& v) {
    if (v.isNull() || v.isUndefined()) return "";
    return rawString(v, in.limits());
}

int compareValues(const Value& a, const Value& b, bool caseSensitive) {
    if (a.isNull() && b.isNull()) return 0;
    if (a.isNull() || b.isNull()) fail(std::string("Cannot compare ") + kindName(a.kind()) + " with " + kindName(b.kind()));
    if (a.isUndefined() && b.isUndefined()) return 0;
    if (a.isUndefined() || b.isUndefined()) fail(std::string("Cannot compare ") + kindName(a.kind()) + " with " + kindName(b.kind()));
    if (a.isNumericLike() && b.isNumericLike()) {
        const double x = a.numericLike(), y = b.numericLike();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.kind() != b.kind()) fail(std::string("Cannot compare different types: ") + kindName(a.kind()) + " and " + kindName(b.kind()));
    if (!a.isString()) fail(std::string("Cannot compare type: ") + kindName(a.kind()));
    if (caseSensitive) return compareUtf16(a.str(), b.str());
    return compareUtf16(jsToLower(a.str()), jsToLower(b.str()));
}

Value attributeOf(const Value& item, const std::string& path) {
    Value v = item;
    size_t start = 0;
    while (true) {
        const size_t dot = path.find('.', start);
        const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (v.isAttributeContainer()) {
            const Value* found = v.object().find(part);
            v = found ? *found : Value();
        } else if (v.isArray()) {
            size_t k = 0;
            while (k < part.size() && part[k] >= '0' && part[k] <= '9') ++k;
            if (k == 0 || k > 9) return Value();
            const size_t index = std::stoul(part.substr(0, k));
            if (index >= v.items().size()) return Value();
            v = v.items()[index];
        } else {
            return Value();
        }
        if (dot == std::string::npos) return v;
        start = dot + 1;
    }
}

std::string jsReplace(Interpreter& in, const std::string& s, const std::string& from, const std::string& to, double count) {
    double remaining = std::isnan(count) || count < 0 ? std::numeric_limits<double>::infinity() : count;
    std::string out;
    if (from.empty()) {  // an insertion at every code point boundary, both ends included
        for (size_t i = 0;; ) {
            if (remaining > 0) {
                out += to;
                --remaining;
            }
            if (i >= s.size()) break;
            const size_t start = i;
            decodeUtf8(s, i);
            out.append(s, start, i - start);
            in.checkString(out.size());
        }
        return out;
    }
    size_t pos = 0;
    while (remaining > 0) {
        const size_t hit = s.find(from, pos);
        if (hit == std::string::npos) break;
        out.append(s, pos, hit - pos);
        out += to;
        in.checkString(out.size());
        pos = hit + from.size();
        --remaining;
    }
    out.append(s, pos);
    in.checkString(out.size());
    return out;
}

namespace {

Value bind(Value self, Value (*method)(Interpreter&, const Value&, std::vector<Value>&)) {
    return Value::function([self = std::move(self), method](Interpreter& in, std::vector<Value>& args, const EnvPtr&) {
        return method(in, self, args);
    });
}

Value affix(const Value& self, std::vector<Value>& args, bool start, const char* name) {
    if (args.empty()) fail(std::string(name) + "() requires at least one argument");
    const std::string& s = self.str();
    auto test = [&](const std::string& p) {
        return p.size() <= s.size() && (start ? s.compare(0, p.size(), p) == 0 : s.compare(s.size() - p.size(), p.size(), p) == 0);
    };
    if (args[0].isString()) return Value::boolean(test(args[0].str()));
    if (args[0].isArray()) {
        for (const auto& item : args[0].items()) {
            if (!item.isString()) fail(std::string(name) + "() tuple elements must be strings");
            if (test(item.str())) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    fail(std::string(name) + "() argument must be a string or tuple of strings");
}

Value split(Interpreter& in, const Value& self, std::vector<Value>& args) {
    const Value sep = args.size() > 0 ? args[0] : Value::null();
    if (!sep.isString() && !sep.isNull()) fail("sep argument must be a string or null");
    const Value maxsplit = args.size() > 1 ? args[1] : Value::integer(-1);
    if (!maxsplit.is(Kind::Integer)) fail("maxsplit argument must be a number");
    const double max = maxsplit.number();
    std::vector<Value> parts;
    if (sep.isNull()) {
        const std::string_view text = jsTrimStart(self.str());
        for (size_t i = 0; i < text.size();) {
            size_t start = i;
            while (start < text.size()) {  // skip whitespace to the next word
                size_t next = start;
                if (!isJsWhitespace(decodeUtf8(text, next))) break;
                start = next;
            }
            if (start >= text.size()) break;
            size_t end = start;
            while (end < text.size()) {
                size_t next = end;
                if (isJsWhitespace(decodeUtf8(text, next))) break;
                end = next;
            }
            if (max != -1 && static_cast<double>(parts.size()) >= max) {
                parts.push_back(Value::string(std::string(text.substr(start))));
                break;
            }
            parts.push_back(Value::string(std::string(text.substr(start, end - start))));
            i = end;
        }
    } else {
        const std::string& s = self.str();
        const std::string& d = sep.str();
        if (d.empty()) fail("empty separator");
        std::vector<std::string> pieces;
        for (size_t pos = 0;;) {
            const size_t hit = s.find(d, pos);
            pieces.push_back(s.substr(pos, hit == std::string::npos ? std::string::npos : hit - pos));
            if (hit == std::string::npos) break;
            pos = hit + d.size();
        }
        const double n = static_cast<double>(pieces.size());
        if (max != -1 && n > max) {
            const size_t keep = static_cast<size_t>(max < 0 ? std::max(n + max, 0.0) : max);
            std::string tail;
            for (size_t i = keep; i < pieces.size(); ++i) tail += (i > keep ? d : "") + pieces[i];
            pieces.resize(keep);
            pieces.push_back(std::move(tail));
        }
        for (auto& p : pieces) parts.push_back(Value::string(std::move(p)));
    }
    in.checkList(parts.size());
    return Value::array(std::move(parts));
}

Value replace(Interpreter& in, const Value& self, std::vector<Value>& args) {
    if (args.size() < 2) fail("replace() requires at least two arguments");
    if (!args[0].isString() || !args[1].isString()) fail("replace() arguments must be strings");
    Value count = Value::null();
    if (args.size() > 2) {
        if (args[2].is(Kind::KwArgs)) {
            const Value* c = args[2].object().find("count");
            count = c ? *c : Value::null();
        } else {
            count = args[2];
        }
    }
    if (!count.is(Kind::Integer) && !count.isNull()) fail("replace() count argument must be a number or null");
    const double n = count.isNull() ? -1 : count.number();
    return Value::string(jsReplace(in, self.str(), args[0].str(), args[1].str(), n));
}

std::optional<Value> stringMember(const Value& s, const std::string& name) {
    if (name == "length") return Value::integer(static_cast<double>(utf16Length(s.str())));
    using M = Value (*)(Interpreter&, const Value&, std::vector<Value>&);
    static const std::pair<const char*, M> methods[] = {
        {"upper", [](Interpreter&, const Value& v, std::vector<Value>&) { return Value::string(jsToUpper(v.str())); }},
        {"lower", [](Interpreter&, const Value& v, std::vector<Value>&) { return Value::string(jsToLower(v.str())); }},
        {"strip", [](Interpreter&, const Value& v, std::vector<Value>&) { return Value::string(std::string(jsTrim(v.str()))); }},
        {"lstrip", [](Interpreter&, const Value& v, std::vector<Value>&) { return Value::string(std::string(jsTrimStart(v.str()))); }},
        {"rstrip", [](Interpreter&, const Value& v, std::vector<Value>&) { return Value::string(std::string(jsTrimEnd(v.str()))); }},
        {"title", [](Interpreter&, const Value& v, std::vector<Value>&) { return Value::string(titleCase(v.str())); }},
        {"capitalize", [](Interpreter&, const Value& v, std::vector<Value>&) { return Value::string(capitalize(v.str())); }},
        {"startswith", [](Interpreter&, const Value& v, std::vector<Value>& a) { return affix(v, a, true, "startswith"); }},
        {"endswith", [](Interpreter&, const Value& v, std::vector<Value>& a) { return affix(v, a, false, "endswith"); }},
        {"split", split},
        {"replace", replace},
    };
    for (const auto& [n, m] : methods)
        if (name == n) return bind(s, m);
    return std::nullopt;
}

}  // namespace

std::optional<Value> builtinMember(Interpreter& in, const Value& object, const std::string& name) {
    if (object.isString()) return stringMember(object, name);
    if (object.isObject()) return objectMember(object, name);
    if (object.isArray()) {
        if (name == "length") return Value::integer(static_cast<double>(object.items().size()));
        if (name == "append" && object.is(Kind::Array)) {
            return bind(object, [](Interpreter& in, const Value& self, std::vector<Value>& args) {
                if (args.size() != 1) fail("append() takes exactly one argument");
                in.checkList(self.items().size() + 1);
                self.items().push_back(args[0]);
                in.heap().noteMutable(self);
                return Value::null();
            });
        }
    }
    return std::nullopt;
}

}  // namespace gb::jinja
