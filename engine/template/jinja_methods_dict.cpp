// Methods of dicts: get, items, keys, values, dictsort (also usable as filters).
#include <algorithm>

#include "template/jinja_builtins.h"
#include "template/jinja_interp.h"

namespace gb::jinja {
namespace {

Value pairs(const Value& object) {
    std::vector<Value> out;
    for (const auto& [k, v] : object.object().entries) out.push_back(Value::array({Value::string(k), v}));
    return Value::array(std::move(out));
}

Value dictsort(const Value& object, const std::vector<Value>& args) {
    std::vector<Value> positional;
    const ObjectData* kwargs = nullptr;
    for (const auto& a : args) {
        if (a.is(Kind::KwArgs)) kwargs = &a.object();
        else positional.push_back(a);
    }
    auto pick = [&](size_t i, const char* key, Value fallback) { return argOr(positional, kwargs, i, key, std::move(fallback)); };
    const Value caseSensitive = pick(0, "case_sensitive", Value::boolean(false));
    if (!caseSensitive.is(Kind::Boolean)) fail("case_sensitive must be a boolean");
    const Value by = pick(1, "by", Value::string("key"));
    if (!by.isString()) fail("by must be a string");
    if (by.str() != "key" && by.str() != "value") fail("by must be either 'key' or 'value'");
    const Value reverse = pick(2, "reverse", Value::boolean(false));
    if (!reverse.is(Kind::Boolean)) fail("reverse must be a boolean");
    const size_t index = by.str() == "key" ? 0 : 1;
    std::vector<Value> items = pairs(object).items();
    std::stable_sort(items.begin(), items.end(), [&](const Value& a, const Value& b) {
        const int r = compareValues(a.items()[index], b.items()[index], caseSensitive.boolean());
        return (reverse.boolean() ? -r : r) < 0;
    });
    return Value::array(std::move(items));
}

}  // namespace

std::optional<Value> objectMember(const Value& object, const std::string& name) {
    using Method = Value (*)(const Value&, const std::vector<Value>&);
    Method method = nullptr;
    if (name == "get") {
        method = [](const Value& self, const std::vector<Value>& args) {
            const Value key = args.empty() ? Value() : args[0];
            if (!key.isString()) fail(std::string("Object key must be a string: got ") + kindName(key.kind()));
            if (const Value* v = self.object().find(key.str())) return *v;
            return args.size() > 1 ? args[1] : Value::null();
        };
    } else if (name == "items") {
        method = [](const Value& self, const std::vector<Value>&) { return pairs(self); };
    } else if (name == "keys") {
        method = [](const Value& self, const std::vector<Value>&) {
            std::vector<Value> out;
            for (const auto& e : self.object().entries) out.push_back(Value::string(e.first));
            return Value::array(std::move(out));
        };
    } else if (name == "values") {
        method = [](const Value& self, const std::vector<Value>&) {
            std::vector<Value> out;
            for (const auto& e : self.object().entries) out.push_back(e.second);
            return Value::array(std::move(out));
        };
    } else if (name == "dictsort") {
        method = dictsort;
    } else {
        return std::nullopt;
    }
    return Value::function([self = object, method](Interpreter&, std::vector<Value>& args, const EnvPtr&) { return method(self, args); });
}

}  // namespace gb::jinja
