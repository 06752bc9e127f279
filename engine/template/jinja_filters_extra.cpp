// Filters that @huggingface/jinja does not have (it raises "Unknown filter" for them), with
// the meaning Jinja2 gives them, so that templates written for Python still render:
// count, round, escape/e/forceescape, select, reject, sum, min, max, attr, wordcount,
// list (of a string or dict), map('filter').
#include <algorithm>
#include <cmath>

#include "template/jinja_builtins.h"
#include "template/jinja_convert.h"
#include "template/jinja_interp.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

const Value* arg(const std::vector<Value>& args, const ObjectData& kwargs, size_t i, const char* key) {
    return findArg(args, &kwargs, i, key);
}

Value roundFilter(const Value& operand, const std::vector<Value>& args, const ObjectData& kwargs) {
    if (!operand.isNumericLike()) fail(std::string("Cannot apply filter \"round\" to type: ") + kindName(operand.kind()));
    const Value* p = arg(args, kwargs, 0, "precision");
    const Value* m = arg(args, kwargs, 1, "method");
    const double precision = p && p->isNumber() ? p->number() : 0;
    const std::string method = m && m->isString() ? m->str() : "common";
    const double scale = std::pow(10.0, precision), x = operand.numericLike() * scale;
    double r;
    if (method == "common") r = std::nearbyint(x);  // ties to even, as Python's round()
    else if (method == "ceil") r = std::ceil(x);
    else if (method == "floor") r = std::floor(x);
    else fail("method must be 'common', 'ceil' or 'floor'");
    return Value::floating(r / scale);
}

Value escapeFilter(Interpreter& in, const Value& operand) {
    const std::string s = operand.isString() ? operand.str() : displayString(operand, in.limits());
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&#34;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    in.checkString(out.size());
    return Value::string(std::move(out));
}

Value selectFilter(Interpreter& in, bool select, const Value& operand, const std::vector<Value>& args) {
    if (!operand.isArray()) fail(std::string("Cannot apply filter \"") + (select ? "select" : "reject") + "\" to type: " + kindName(operand.kind()));
    if (!args.empty() && (!args[0].isString() || !hasTest(args[0].str()))) fail("Unknown test: " + displayString(args[0], in.limits()));
    std::vector<Value> out;
    for (const auto& item : operand.items()) {
        in.step();
        const bool r = args.empty() ? item.truthy() : runTest(args[0].str(), item, args.size() > 1 ? &args[1] : nullptr);
        if (r == select) out.push_back(item);
    }
    return Value::array(std::move(out));
}

Value sumFilter(const Value& operand, const std::vector<Value>& args, const ObjectData& kwargs) {
    if (!operand.isArray()) fail(std::string("Cannot apply filter \"sum\" to type: ") + kindName(operand.kind()));
    const Value* attribute = arg(args, kwargs, 0, "attribute");
    const Value* start = arg(args, kwargs, 1, "start");
    double total = start && start->isNumericLike() ? start->numericLike() : 0;
    bool isFloat = start && start->is(Kind::Float);
    for (const auto& item : operand.items()) {
        const Value v = attribute && attribute->isString() ? attributeOf(item, attribute->str()) : item;
        if (!v.isNumericLike()) fail(std::string("sum: cannot add ") + kindName(v.kind()));
        total += v.numericLike();
        isFloat = isFloat || v.is(Kind::Float);
    }
    return Value::number(total, isFloat);
}

Value minMaxFilter(bool wantMax, const Value& operand, const ObjectData& kwargs) {
    if (!operand.isArray()) fail(std::string("Cannot apply filter \"") + (wantMax ? "max" : "min") + "\" to type: " + kindName(operand.kind()));
    const Value* cs = kwargs.find("case_sensitive");
    const Value* attribute = kwargs.find("attribute");
    const bool caseSensitive = cs && cs->truthy();
    auto key = [&](const Value& v) { return attribute && attribute->isString() ? attributeOf(v, attribute->str()) : v; };
    const auto& items = operand.items();
    if (items.empty()) return Value();
    size_t best = 0;
    for (size_t i = 1; i < items.size(); ++i) {
        const int c = compareValues(key(items[i]), key(items[best]), caseSensitive);
        if (wantMax ? c > 0 : c < 0) best = i;
    }
    return items[best];
}

}  // namespace

std::optional<Value> extraFilter(Interpreter& in, const std::string& name, const Value& operand,
                                 const std::vector<Value>& args, const ObjectData& kwargs, const EnvPtr& env) {
    if (name == "count") {
        if (operand.isString()) return Value::integer(static_cast<double>(utf16Length(operand.str())));
        if (operand.isArray()) return Value::integer(static_cast<double>(operand.items().size()));
        if (operand.isAttributeContainer()) return Value::integer(static_cast<double>(operand.object().entries.size()));
        fail(std::string("Cannot apply filter \"count\" to type: ") + kindName(operand.kind()));
    }
    if (name == "round") return roundFilter(operand, args, kwargs);
    if (name == "escape" || name == "e" || name == "forceescape") return escapeFilter(in, operand);
    if (name == "select" || name == "reject") return selectFilter(in, name == "select", operand, args);
    if (name == "sum") return sumFilter(operand, args, kwargs);
    if (name == "min" || name == "max") return minMaxFilter(name == "max", operand, kwargs);
    if (name == "attr") {
        if (args.empty() || !args[0].isString()) fail("attr needs an attribute name");
        if (!operand.isAttributeContainer()) return Value();
        const Value* v = operand.object().find(args[0].str());
        return v ? *v : Value();
    }
    if (name == "wordcount" && operand.isString()) {
        size_t words = 0;
        bool inWord = false;
        const std::string& s = operand.str();
        for (size_t i = 0; i < s.size();) {
            const bool space = isJsWhitespace(decodeUtf8(s, i));
            if (!space && !inWord) ++words;
            inWord = !space;
        }
        return Value::integer(static_cast<double>(words));
    }
    if (name == "list" && operand.isString()) {
        std::vector<Value> chars;
        for (auto cp : splitCodePoints(operand.str())) chars.push_back(Value::string(std::string(cp)));
        in.checkList(chars.size());
        return Value::array(std::move(chars));
    }
    if (name == "list" && operand.isObject()) {
        std::vector<Value> keys;
        for (const auto& e : operand.object().entries) keys.push_back(Value::string(e.first));
        return Value::array(std::move(keys));
    }
    if (name == "map" && operand.isArray() && !args.empty() && args[0].isString()) {
        std::vector<Value> out;
        for (const auto& item : operand.items()) {
            in.step();
            out.push_back(filterByName(in, item, args[0].str(), env));
        }
        return Value::array(std::move(out));
    }
    return std::nullopt;
}

}  // namespace gb::jinja
