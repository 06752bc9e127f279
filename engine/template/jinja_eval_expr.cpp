// Expressions: operators, member access and slicing, calls, dict literals; each with the
// operand types and results of @huggingface/jinja (JS numbers, JS string conversion).
#include <cmath>
#include <limits>

#include "template/jinja_builtins.h"
#include "template/jinja_convert.h"
#include "template/jinja_interp.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

Value arithmetic(const std::string& op, const Value& left, const Value& right, bool& handled) {
    handled = true;
    const double a = left.number(), b = right.number();
    const bool isFloat = left.is(Kind::Float) || right.is(Kind::Float);
    if (op == "+") return Value::number(a + b, isFloat);
    if (op == "-") return Value::number(a - b, isFloat);
    if (op == "*") return Value::number(a * b, isFloat);
    if (op == "/") return Value::floating(a / b);
    if (op == "//") return Value::number(std::floor(a / b), isFloat);
    if (op == "%") return Value::number(std::fmod(a, b), isFloat);
    if (op == "<") return Value::boolean(a < b);
    if (op == ">") return Value::boolean(a > b);
    if (op == ">=") return Value::boolean(a >= b);
    if (op == "<=") return Value::boolean(a <= b);
    handled = false;
    return Value();
}

Value power(const Value& left, const Value& right) {
    const double a = left.numericLike(), b = right.numericLike();
    if (a == 0 && b < 0) fail("0.0 cannot be raised to a negative power");
    double r = std::pow(a, b);
    if (std::isinf(b) && std::fabs(a) == 1) r = std::numeric_limits<double>::quiet_NaN();  // JS, unlike C
    if (!std::isfinite(r)) fail("Exponentiation result is not a finite real number");
    return Value::number(r, left.is(Kind::Float) || right.is(Kind::Float) || b < 0);
}

// Python-style slice bounds as the reference's slice() computes them.
std::vector<size_t> sliceIndices(size_t size, const Value& startV, const Value& stopV, const Value& stepV) {
    const double len = static_cast<double>(size);
    const double step = stepV.isUndefined() ? 1 : stepV.number();
    const double direction = step > 0 ? 1 : step < 0 ? -1 : 0;
    double start, stop;
    if (direction >= 0) {
        start = startV.isUndefined() ? 0 : startV.number();
        start = start < 0 ? std::max(len + start, 0.0) : std::min(start, len);
        stop = stopV.isUndefined() ? len : stopV.number();
        stop = stop < 0 ? std::max(len + stop, 0.0) : std::min(stop, len);
    } else {
        start = startV.isUndefined() ? len - 1 : startV.number();
        start = start < 0 ? std::max(len + start, -1.0) : std::min(start, len - 1);
        stop = stopV.isUndefined() ? -1 : stopV.number();
        stop = stop < -1 ? std::max(len + stop, -1.0) : std::min(stop, len - 1);
    }
    std::vector<size_t> out;
    if (direction == 0) return out;
    for (double i = start; direction * i < direction * stop; i += step) out.push_back(static_cast<size_t>(i));
    return out;
}

}  // namespace

Value Interpreter::evalBinary(const Node& n, const EnvPtr& env) {
    const std::string& op = n.text;
    Value left = eval(*n.a, env);
    if (op == "and") return left.truthy() ? eval(*n.b, env) : left;
    if (op == "or") return left.truthy() ? left : eval(*n.b, env);
    const Value right = eval(*n.b, env);
    if (op == "==") return Value::boolean(looseEquals(left, right, limits_));
    if (op == "!=") return Value::boolean(!looseEquals(left, right, limits_));

    const bool membership = op == "in" || op == "not in";
    if (left.isUndefined() || right.isUndefined()) {
        if (right.isUndefined() && membership) return Value::boolean(op == "not in");
        fail("Cannot perform operation " + op + " on undefined values");
    }
    if (left.isNull() || right.isNull()) fail("Cannot perform operation on null values");
    if (op == "~") return concat(rawString(left, limits_), rawString(right, limits_));
    if (op == "**" && left.isNumericLike() && right.isNumericLike()) return power(left, right);
    if (left.isNumber() && right.isNumber()) {
        bool handled = false;
        Value v = arithmetic(op, left, right, handled);
        if (handled) return v;
    } else if (left.isArray() && right.isArray()) {
        if (op == "+") {
            checkList(left.items().size() + right.items().size());
            std::vector<Value> items = left.items();
            items.insert(items.end(), right.items().begin(), right.items().end());
            return Value::array(std::move(items));
        }
    } else if (right.isArray() && membership) {
        bool found = false;
        for (const auto& x : right.items()) {
            if (strictEquals(x, left)) {
                found = true;
                break;
            }
        }
        return Value::boolean(found == (op == "in"));
    }
    if ((left.isString() || right.isString()) && op == "+") return concat(rawString(left, limits_), rawString(right, limits_));
    if (left.isString() && right.isString() && membership)
        return Value::boolean((right.str().find(left.str()) != std::string::npos) == (op == "in"));
    if (left.isString() && right.isObject() && membership)
        return Value::boolean((right.object().find(left.str()) != nullptr) == (op == "in"));
    fail("Unknown operator \"" + op + "\" between " + kindName(left.kind()) + " and " + kindName(right.kind()));
}

Value Interpreter::evalUnary(const Node& n, const EnvPtr& env) {
    const Value v = eval(*n.a, env);
    if (n.text == "not") return Value::boolean(!v.truthy());
    if (!v.isNumericLike()) fail("Unknown operator \"" + n.text + "\" for " + kindName(v.kind()));
    const double sign = n.text == "-" ? -1 : 1;
    return Value::number(sign * v.numericLike(), v.is(Kind::Float));
}

Value Interpreter::evalSlice(const Value& object, const Node& slice, const EnvPtr& env) {
    if (!object.isArray() && !object.isString()) fail("Slice object must be an array or string");
    Value parts[3];
    const Node* nodes[3] = {slice.a.get(), slice.b.get(), slice.c.get()};
    const char* names[3] = {"start", "stop", "step"};
    for (int i = 0; i < 3; ++i) {
        if (nodes[i]) parts[i] = eval(*nodes[i], env);
        if (!parts[i].is(Kind::Integer) && !parts[i].isUndefined()) fail(std::string("Slice ") + names[i] + " must be numeric or undefined");
    }
    if (object.isArray()) {
        const auto& items = object.items();
        std::vector<Value> out;
        for (size_t i : sliceIndices(items.size(), parts[0], parts[1], parts[2])) out.push_back(items[i]);
        return Value::array(std::move(out));
    }
    const auto chars = splitCodePoints(object.str());
    std::string out;
    for (size_t i : sliceIndices(chars.size(), parts[0], parts[1], parts[2])) out += chars[i];
    return Value::string(std::move(out));
}

Value Interpreter::evalMember(const Node& n, const EnvPtr& env) {
    const Value object = eval(*n.a, env);
    Value property;
    if (n.flag) {
        if (n.b->kind == NodeKind::Slice) return evalSlice(object, *n.b, env);
        property = eval(*n.b, env);
    } else if (n.b->kind == NodeKind::IntegerLiteral) {
        property = Value::integer(n.b->number);
    } else {
        property = Value::string(n.b->text);
    }

    std::optional<Value> value;
    if (object.isAttributeContainer()) {
        if (!property.isString()) fail(std::string("Cannot access property with non-string: got ") + kindName(property.kind()));
        if (const Value* v = object.object().find(property.str())) value = *v;
        else if (object.isObject()) value = builtinMember(*this, object, property.str());
    } else if (object.isArray() || object.isString()) {
        if (property.is(Kind::Integer)) {
            if (object.isString()) {
                if (auto ch = utf16At(object.str(), property.number())) value = Value::string(*ch);
            } else {
                const auto& items = object.items();
                double i = std::trunc(property.number());
                if (i < 0) i += static_cast<double>(items.size());
                if (i >= 0 && i < static_cast<double>(items.size())) value = items[static_cast<size_t>(i)];
            }
        } else if (property.isString()) {
            value = builtinMember(*this, object, property.str());
        } else {
            fail(std::string("Cannot access property with non-string/non-number: got ") + kindName(property.kind()));
        }
    } else {
        if (!property.isString()) fail(std::string("Cannot access property with non-string: got ") + kindName(property.kind()));
        value = builtinMember(*this, object, property.str());
    }
    return value ? *value : Value();
}

Value Interpreter::evalCall(const Node& n, const EnvPtr& env) {
    CallArgs a = evalArgs(n.list, env);
    if (!a.keywords->entries.empty()) a.positional.push_back(Value::object(a.keywords, Kind::KwArgs));
    const Value fn = eval(*n.a, env);
    if (!fn.is(Kind::Function)) fail(std::string("Cannot call something that is not a function: got ") + kindName(fn.kind()));
    return fn.fn()(*this, a.positional, env);
}

Value Interpreter::evalObjectLiteral(const Node& n, const EnvPtr& env) {
    auto data = std::make_shared<ObjectData>();
    for (size_t i = 0; i < n.list.size(); ++i) {
        const Value key = eval(*n.list[i], env);
        if (!key.isString()) fail(std::string("Object keys must be strings: got ") + kindName(key.kind()));
        data->set(key.str(), eval(*n.list2[i], env));
    }
    return Value::object(std::move(data));
}

}  // namespace gb::jinja
