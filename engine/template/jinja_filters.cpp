// Filters written without arguments (x|name), per operand type as @huggingface/jinja has
// them; a name it does not know for that type may still be one of the extra filters.
#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "template/jinja_builtins.h"
#include "template/jinja_convert.h"
#include "template/jinja_interp.h"
#include "template/jinja_json.h"
#include "template/jinja_number.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

// Keeps the first of equal items, equal as a JS Set sees them (SameValueZero).
Value uniqueItems(const std::vector<Value>& items) {
    std::unordered_set<std::string> strings;
    std::unordered_set<double> numbers;
    std::unordered_set<const void*> objects;
    bool seenNaN = false, seenTrue = false, seenFalse = false, seenNull = false;
    std::vector<Value> out;
    for (const auto& x : items) {
        bool fresh = false;
        switch (x.kind()) {
            case Kind::String: fresh = strings.insert(x.str()).second; break;
            case Kind::Integer:
            case Kind::Float:
                if (std::isnan(x.number())) fresh = !std::exchange(seenNaN, true);
                else fresh = numbers.insert(x.number() == 0 ? 0.0 : x.number()).second;
                break;
            case Kind::Boolean: fresh = !std::exchange(x.boolean() ? seenTrue : seenFalse, true); break;
            case Kind::Null:
            case Kind::Undefined: fresh = !std::exchange(seenNull, true); break;  // both JS undefined underneath
            default: fresh = objects.insert(x.identity()).second;
        }
        if (fresh) out.push_back(x);
    }
    return Value::array(std::move(out));
}

Value arrayFilter(Interpreter& in, const Value& v, const std::string& name, bool& ok) {
    ok = true;
    const auto& items = v.items();
    if (name == "list") return v;
    if (name == "first") return items.empty() ? Value() : items.front();
    if (name == "last") return items.empty() ? Value() : items.back();
    if (name == "length") return Value::integer(static_cast<double>(items.size()));
    if (name == "reverse") return Value::array(std::vector<Value>(items.rbegin(), items.rend()));
    if (name == "sort") {
        std::vector<Value> sorted = items;
        std::stable_sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) { return compareValues(a, b, false) < 0; });
        return Value::array(std::move(sorted));
    }
    if (name == "join") {
        std::string out;
        for (const auto& x : items) {
            out += joinPiece(in, x);
            in.checkString(out.size());
        }
        return Value::string(std::move(out));
    }
    if (name == "string") return Value::string(toJson(v, JsonOptions{}, false, in.limits()));
    if (name == "unique") return uniqueItems(items);
    ok = false;
    return Value();
}

Value stringFilter(Interpreter& in, const Value& v, const std::string& name, bool& ok) {
    ok = true;
    const std::string& s = v.str();
    if (name == "length") return Value::integer(static_cast<double>(utf16Length(s)));
    if (name == "upper") return Value::string(jsToUpper(s));
    if (name == "lower") return Value::string(jsToLower(s));
    if (name == "title") return Value::string(titleCase(s));
    if (name == "capitalize") return Value::string(capitalize(s));
    if (name == "trim") return Value::string(std::string(jsTrim(s)));
    if (name == "indent") {
        std::string out;
        size_t start = 0;
        for (bool first = true;; first = false) {
            const size_t nl = s.find('\n', start);
            const std::string_view line = std::string_view(s).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            if (!first) out += '\n';
            if (!first && !line.empty()) out += "    ";
            out += line;
            in.checkString(out.size());
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        return Value::string(std::move(out));
    }
    if (name == "join" || name == "string") return v;
    if (name == "int") {
        const double n = jsParseInt(s);
        return Value::integer(std::isnan(n) ? 0 : n);
    }
    if (name == "float") {
        const double n = jsParseFloat(s);
        return Value::floating(std::isnan(n) ? 0 : n);
    }
    ok = false;
    return Value();
}

Value numberFilter(Interpreter& in, const Value& v, const std::string& name, bool& ok) {
    ok = true;
    if (name == "abs") return Value::number(std::fabs(v.number()), v.is(Kind::Float));
    if (name == "int") return Value::integer(std::floor(v.number()));
    if (name == "float") return Value::floating(v.number());
    if (name == "string") return Value::string(displayString(v, in.limits()));
    ok = false;
    return Value();
}

Value booleanFilter(const Value& v, const std::string& name, bool& ok) {
    ok = true;
    if (name == "bool") return Value::boolean(v.boolean());
    if (name == "int") return Value::integer(v.boolean() ? 1 : 0);
    if (name == "float") return Value::floating(v.boolean() ? 1 : 0);
    if (name == "string") return Value::string(v.boolean() ? "true" : "false");
    ok = false;
    return Value();
}

}  // namespace

Value applyFilter(Interpreter& in, const Value& operand, const Node& filter, const EnvPtr& env) {
    if (filter.kind == NodeKind::Identifier) return filterByName(in, operand, filter.text, env);
    if (filter.kind == NodeKind::Call) {
        if (filter.a->kind != NodeKind::Identifier) fail("Unknown filter: not a name");
        return filterWithArgs(in, operand, filter, env);
    }
    fail("Unknown filter");
}

Value filterByName(Interpreter& in, const Value& operand, const std::string& name, const EnvPtr& env) {
    if (name == "safe") return operand;
    if (name == "tojson") return Value::string(toJson(operand, JsonOptions{}, true, in.limits()));
    bool ok = false;
    Value result;
    std::string typeName;
    if (operand.isArray()) {
        result = arrayFilter(in, operand, name, ok);
        typeName = "ArrayValue";
    } else if (operand.isString()) {
        result = stringFilter(in, operand, name, ok);
        typeName = "StringValue";
    } else if (operand.isNumber()) {
        result = numberFilter(in, operand, name, ok);
        typeName = "NumericValue";
    } else if (operand.isObject()) {
        typeName = "ObjectValue";
        if (name == "length") {
            ok = true;
            result = Value::integer(static_cast<double>(operand.object().entries.size()));
        } else if (auto member = builtinMember(in, operand, name)) {
            ok = true;
            std::vector<Value> none;
            result = member->is(Kind::Function) ? member->fn()(in, none, env) : *member;
        }
    } else if (operand.is(Kind::Boolean)) {
        result = booleanFilter(operand, name, ok);
        typeName = "BooleanValue";
    }
    if (ok) return result;
    if (auto extra = extraFilter(in, name, operand, {}, ObjectData{}, env)) return *extra;
    if (typeName.empty()) fail("Cannot apply filter \"" + name + "\" to type: " + kindName(operand.kind()));
    fail("Unknown " + typeName + " filter: " + name);
}

}  // namespace gb::jinja
