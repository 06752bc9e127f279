// Tests (`x is name`), the set @huggingface/jinja's Environment defines.
#include <cmath>

#include "template/jinja_builtins.h"
#include "template/jinja_failure.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

const char* const kTests[] = {
    "boolean", "callable", "odd",     "even",  "false",   "true",    "none",      "string",  "number", "integer",
    "iterable", "mapping", "sequence", "lower", "upper",  "defined", "undefined", "equalto", "eq",
};

bool parity(const Value& v, bool odd, const char* name) {
    if (!v.is(Kind::Integer)) fail(std::string("cannot ") + name + " on " + kindName(v.kind()));
    const bool isOdd = std::fmod(v.number(), 2) != 0;
    return odd == isOdd;
}

}  // namespace

bool hasTest(const std::string& name) {
    for (const char* t : kTests)
        if (name == t) return true;
    return false;
}

bool runTest(const std::string& name, const Value& v, const Value* arg) {
    if (name == "boolean") return v.is(Kind::Boolean);
    if (name == "callable") return v.is(Kind::Function);
    if (name == "odd") return parity(v, true, "odd");
    if (name == "even") return parity(v, false, "even");
    if (name == "false") return v.is(Kind::Boolean) && !v.boolean();
    if (name == "true") return v.is(Kind::Boolean) && v.boolean();
    if (name == "none") return v.isNull();
    if (name == "string") return v.isString();
    if (name == "number") return v.isNumber();
    if (name == "integer") return v.is(Kind::Integer);
    if (name == "iterable") return v.is(Kind::Array) || v.isString();  // not tuples, not dicts (as in the reference)
    if (name == "mapping") return v.isObject();
    if (name == "sequence") return v.isArray() || v.isObject() || v.isString();
    if (name == "lower") return v.isString() && v.str() == jsToLower(v.str());
    if (name == "upper") return v.isString() && v.str() == jsToUpper(v.str());
    if (name == "defined") return !v.isUndefined();
    if (name == "undefined") return v.isUndefined();
    if (name == "equalto" || name == "eq") {
        if (!arg) fail("the '" + name + "' test needs a value to compare with");
        return strictEquals(v, *arg);
    }
    fail("Unknown test: " + name);
}

}  // namespace gb::jinja
