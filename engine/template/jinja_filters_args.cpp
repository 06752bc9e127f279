// Filters called with arguments (x|name(…)), as @huggingface/jinja implements them.
#include <algorithm>
#include <cmath>

#include "template/jinja_builtins.h"
#include "template/jinja_interp.h"
#include "template/jinja_json.h"
#include "template/jinja_number.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

Value pick(const CallArgs& a, size_t i, const char* key, Value fallback) {
    return argOr(a.positional, a.keywords.get(), i, key, std::move(fallback));
}

Value tojsonFilter(Interpreter& in, const Value& operand, const CallArgs& a) {
    JsonOptions opt;
    const Value indent = pick(a, SIZE_MAX, "indent", Value::null());
    if (!indent.is(Kind::Integer) && !indent.isNull()) fail("If set, indent must be a number");
    if (indent.is(Kind::Integer)) opt.indent = indent.number();
    const Value ascii = pick(a, SIZE_MAX, "ensure_ascii", Value::boolean(false));
    if (!ascii.is(Kind::Boolean)) fail("If set, ensure_ascii must be a boolean");
    opt.ensureAscii = ascii.boolean();
    const Value sortKeys = pick(a, SIZE_MAX, "sort_keys", Value::boolean(false));
    if (!sortKeys.is(Kind::Boolean)) fail("If set, sort_keys must be a boolean");
    opt.sortKeys = sortKeys.boolean();
    const Value seps = pick(a, SIZE_MAX, "separators", Value::null());
    if (seps.isArray()) {
        const auto& s = seps.items();
        if (s.size() != 2 || !s[0].isString() || !s[1].isString()) fail("separators must be a tuple of two strings");
        opt.separators = std::make_pair(s[0].str(), s[1].str());
    } else if (!seps.isNull()) {
        fail("If set, separators must be a tuple of two strings");
    }
    return Value::string(toJson(operand, opt, true, in.limits()));
}

Value joinFilter(Interpreter& in, const Value& operand, const CallArgs& a) {
    if (!operand.isString() && !operand.isArray()) fail(std::string("Cannot apply filter \"join\" to type: ") + kindName(operand.kind()));
    const Value sep = pick(a, 0, "separator", Value::string(""));
    if (!sep.isString()) fail("separator must be a string");
    std::string out;
    bool first = true;
    auto add = [&](std::string_view piece) {
        if (!first) out += sep.str();
        first = false;
        out += piece;
        in.checkString(out.size());
    };
    if (operand.isString()) {
        for (auto cp : splitCodePoints(operand.str())) add(cp);
    } else {
        for (const auto& x : operand.items()) add(joinPiece(in, x));
    }
    return Value::string(std::move(out));
}

Value numberConversion(const std::string& name, const Value& operand, const CallArgs& a) {
    const bool toInt = name == "int";
    const Value fallback = pick(a, 0, "default", toInt ? Value::integer(0) : Value::floating(0));
    if (operand.isString()) {
        const double v = toInt ? jsParseInt(operand.str()) : jsParseFloat(operand.str());
        return std::isnan(v) ? fallback : Value::number(v, !toInt);
    }
    if (operand.isNumber()) return operand;
    if (operand.is(Kind::Boolean)) return Value::number(operand.boolean() ? 1 : 0, !toInt);
    fail("Cannot apply filter \"" + name + "\" to type: " + kindName(operand.kind()));
}

Value sortFilter(const Value& operand, const CallArgs& a) {
    const Value reverse = pick(a, 0, "reverse", Value::boolean(false));
    if (!reverse.is(Kind::Boolean)) fail("reverse must be a boolean");
    const Value caseSensitive = pick(a, 1, "case_sensitive", Value::boolean(false));
    if (!caseSensitive.is(Kind::Boolean)) fail("case_sensitive must be a boolean");
    const Value attribute = pick(a, 2, "attribute", Value::null());
    if (!attribute.isString() && !attribute.is(Kind::Integer) && !attribute.isNull()) fail("attribute must be a string, integer, or null");
    const std::string path = attribute.isString() ? attribute.str() : attribute.isNull() ? "" : jsNumberToString(attribute.number());
    auto key = [&](const Value& item) { return attribute.isNull() ? item : attributeOf(item, path); };
    std::vector<Value> sorted = operand.items();
    std::stable_sort(sorted.begin(), sorted.end(), [&](const Value& x, const Value& y) {
        const int r = compareValues(key(x), key(y), caseSensitive.boolean());
        return (reverse.boolean() ? -r : r) < 0;
    });
    return Value::array(std::move(sorted));
}

Value selectAttr(Interpreter& in, const std::string& name, const Value& operand, const Node& call, const EnvPtr& env) {
    for (const auto& item : operand.items())
        if (!item.isAttributeContainer()) fail("`" + name + "` can only be applied to array of objects");
    std::vector<Value> args;
    for (const auto& arg : call.list) {
        if (arg->kind != NodeKind::StringLiteral) fail("arguments of `" + name + "` must be strings");
        args.push_back(in.eval(*arg, env));
    }
    if (args.empty()) fail("`" + name + "` needs an attribute name");
    const bool select = name == "selectattr";
    if (args.size() > 1 && !hasTest(args[1].str())) fail("Unknown test: " + args[1].str());
    std::vector<Value> out;
    for (const auto& item : operand.items()) {
        in.step();
        const Value* attr = item.object().find(args[0].str());
        bool result = false;
        if (attr) result = args.size() > 1 ? runTest(args[1].str(), *attr, args.size() > 2 ? &args[2] : nullptr) : attr->truthy();
        if (result == select) out.push_back(item);
    }
    return Value::array(std::move(out));
}

Value mapFilter(const Value& operand, const CallArgs& a) {
    const Value* attr = a.keywords->find("attribute");
    if (!attr) fail("`map` expressions without `attribute` set are not currently supported.");
    if (!attr->isString()) fail("attribute must be a string");
    const Value* fallback = a.keywords->find("default");
    std::vector<Value> out;
    for (const auto& item : operand.items()) {
        if (!item.isAttributeContainer()) fail("items in map must be an object");
        Value v = attributeOf(item, attr->str());
        out.push_back(v.isUndefined() && fallback ? *fallback : v);
    }
    return Value::array(std::move(out));
}

Value indentFilter(Interpreter& in, const Value& operand, const CallArgs& a) {
    const Value width = pick(a, 0, "width", Value::integer(4));
    if (!width.is(Kind::Integer)) fail("width must be a number");
    if (width.number() < 0 || width.number() > static_cast<double>(in.limits().maxOutputBytes))
        fail("Invalid count value: " + jsNumberToString(width.number()));
    const bool first = rawTruthy(pick(a, 1, "first", Value::boolean(false)));
    const bool blank = rawTruthy(pick(a, 2, "blank", Value::boolean(false)));
    const std::string pad(static_cast<size_t>(width.number()), ' ');
    const std::string& s = operand.str();
    std::string out;
    size_t start = 0;
    for (size_t i = 0;; ++i) {
        const size_t nl = s.find('\n', start);
        const std::string_view line = std::string_view(s).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (i) out += '\n';
        if (!((!first && i == 0) || (!blank && line.empty()))) out += pad;
        out += line;
        in.checkString(out.size());
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return Value::string(std::move(out));
}

}  // namespace

Value filterWithArgs(Interpreter& in, const Value& operand, const Node& call, const EnvPtr& env) {
    const std::string& name = call.a->text;
    if (name == "selectattr" || name == "rejectattr") {
        if (operand.isArray()) return selectAttr(in, name, operand, call, env);
    }
    const CallArgs a = in.evalArgs(call.list, env);
    if (name == "tojson") return tojsonFilter(in, operand, a);
    if (name == "join") return joinFilter(in, operand, a);
    if (name == "int" || name == "float") return numberConversion(name, operand, a);
    if (name == "default") {
        const Value fallback = a.positional.empty() ? Value::string("") : a.positional[0];
        const Value boolean = pick(a, 1, "boolean", Value::boolean(false));
        if (!boolean.is(Kind::Boolean)) fail("`default` filter flag must be a boolean");
        return operand.isUndefined() || (boolean.boolean() && !operand.truthy()) ? fallback : operand;
    }
    const char* typeName = nullptr;
    if (operand.isArray()) {
        typeName = "ArrayValue";
        if (name == "sort") return sortFilter(operand, a);
        if (name == "map" && a.keywords->find("attribute")) return mapFilter(operand, a);
        if (name == "map" && a.positional.empty()) return mapFilter(operand, a);
    } else if (operand.isString()) {
        typeName = "StringValue";
        if (name == "indent") return indentFilter(in, operand, a);
        if (name == "replace") {
            std::vector<Value> args = a.positional;
            args.push_back(Value::object(a.keywords, Kind::KwArgs));
            return (*builtinMember(in, operand, "replace")).fn()(in, args, env);
        }
    } else if (operand.isObject()) {
        typeName = "ObjectValue";
        auto member = builtinMember(in, operand, name);
        if (member && member->is(Kind::Function)) {
            std::vector<Value> args = a.positional;
            if (!a.keywords->entries.empty()) args.push_back(Value::object(a.keywords, Kind::KwArgs));
            return member->fn()(in, args, env);
        }
    }
    if (auto extra = extraFilter(in, name, operand, a.positional, *a.keywords, env)) return *extra;
    if (!typeName) fail("Cannot apply filter \"" + name + "\" to type: " + kindName(operand.kind()));
    fail(std::string("Unknown ") + typeName + " filter: " + name);
}

}  // namespace gb::jinja
