#include "template/jinja_convert.h"

#include <cmath>

#include "template/jinja_failure.h"
#include "template/jinja_json.h"
#include "template/jinja_number.h"

namespace gb::jinja {

std::string displayString(const Value& v, const TemplateLimits& limits) {
    switch (v.kind()) {
        case Kind::Undefined:
        case Kind::Null: return "undefined";  // the reference's NullValue holds JS undefined
        case Kind::Boolean: return v.boolean() ? "true" : "false";
        case Kind::Integer: return jsNumberToString(v.number());
        case Kind::Float: return jsFloatToString(v.number());
        case Kind::String: return v.str();
        case Kind::Function: fail("cannot convert a function to a string");
        default: return toJson(v, JsonOptions{}, false, limits);
    }
}

std::string rawString(const Value& v, const TemplateLimits& limits) {
    switch (v.kind()) {
        case Kind::Integer:
        case Kind::Float: return jsNumberToString(v.number());
        case Kind::Array:
        case Kind::Tuple: {
            // Array.prototype.join(","): each element's RuntimeValue.toString().
            std::string out;
            bool first = true;
            for (const auto& item : v.items()) {
                if (!first) out += ',';
                first = false;
                out += displayString(item, limits);
                if (out.size() > limits.maxOutputBytes) failLimit("string longer than " + std::to_string(limits.maxOutputBytes) + " bytes");
            }
            return out;
        }
        case Kind::Object:
        case Kind::KwArgs:
        case Kind::Namespace: return "[object Map]";
        default: return displayString(v, limits);
    }
}

namespace {

// A JS primitive, or an object (list, dict, function) by identity.
struct Prim {
    enum T { Undef, Null, Bool, Num, Str, Obj } t;
    double n = 0;
    std::string s;
    const Value* obj = nullptr;

    static Prim number(double x) { return {Num, x, {}, nullptr}; }
    static Prim string(std::string x) { return {Str, 0, std::move(x), nullptr}; }
};

Prim toPrim(const Value& v) {
    switch (v.kind()) {
        case Kind::Undefined: return {Prim::Undef, 0, {}, nullptr};
        case Kind::Null: return {Prim::Null, 0, {}, nullptr};
        case Kind::Boolean: return {Prim::Bool, v.boolean() ? 1.0 : 0.0, {}, nullptr};
        case Kind::Integer:
        case Kind::Float: return Prim::number(v.number());
        case Kind::String: return Prim::string(v.str());
        default: return {Prim::Obj, 0, {}, &v};
    }
}

bool looseEq(Prim x, Prim y, const TemplateLimits& limits) {
    if (x.t == y.t) {
        switch (x.t) {
            case Prim::Undef:
            case Prim::Null: return true;
            case Prim::Bool:
            case Prim::Num: return x.n == y.n;
            case Prim::Str: return x.s == y.s;
            case Prim::Obj: return x.obj->identity() == y.obj->identity();
        }
    }
    auto nullish = [](const Prim& p) { return p.t == Prim::Undef || p.t == Prim::Null; };
    if (nullish(x) || nullish(y)) return nullish(x) && nullish(y);
    if (x.t == Prim::Num && y.t == Prim::Str) return x.n == jsStringToNumber(y.s);
    if (x.t == Prim::Str && y.t == Prim::Num) return jsStringToNumber(x.s) == y.n;
    if (x.t == Prim::Bool) return looseEq(Prim::number(x.n), y, limits);
    if (y.t == Prim::Bool) return looseEq(x, Prim::number(y.n), limits);
    // An object against a number or string: compare its primitive (its toString()).
    if (x.t == Prim::Obj) {
        if (x.obj->is(Kind::Function)) return false;
        return looseEq(Prim::string(rawString(*x.obj, limits)), y, limits);
    }
    if (y.t == Prim::Obj) {
        if (y.obj->is(Kind::Function)) return false;
        return looseEq(x, Prim::string(rawString(*y.obj, limits)), limits);
    }
    return false;
}

}  // namespace

bool looseEquals(const Value& a, const Value& b, const TemplateLimits& limits) { return looseEq(toPrim(a), toPrim(b), limits); }

}  // namespace gb::jinja
