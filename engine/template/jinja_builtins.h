#pragma once
// The renderer's built-in library: filters (x|f), tests (x is t), members of values
// (s.upper(), d.items(), l.length) and the global functions (range, namespace, …).
#include <optional>
#include <string>
#include <vector>

#include "template/jinja_ast.h"
#include "template/jinja_value.h"

namespace gb::jinja {

class Interpreter;

// jinja_filters.cpp: `filter` is an Identifier or a Call node naming the filter.
Value applyFilter(Interpreter& in, const Value& operand, const Node& filter, const EnvPtr& env);
Value filterByName(Interpreter& in, const Value& operand, const std::string& name, const EnvPtr& env);
// jinja_filters_args.cpp
Value filterWithArgs(Interpreter& in, const Value& operand, const Node& call, const EnvPtr& env);
// jinja_filters_extra.cpp: filters @huggingface/jinja lacks (count, round, select, …), with
// Jinja2's meaning; nullopt when `name` is not one of them.
std::optional<Value> extraFilter(Interpreter& in, const std::string& name, const Value& operand,
                                 const std::vector<Value>& args, const ObjectData& kwargs, const EnvPtr& env);

// jinja_tests.cpp
bool hasTest(const std::string& name);
bool runTest(const std::string& name, const Value& operand, const Value* argument);

// jinja_methods.cpp: a property or bound method of a string, list or dict; nullopt if none.
std::optional<Value> builtinMember(Interpreter& in, const Value& object, const std::string& name);
std::optional<Value> objectMember(const Value& object, const std::string& name);  // jinja_methods_dict.cpp
// Sorting order of sort/dictsort; throws for values that do not compare.
int compareValues(const Value& a, const Value& b, bool caseSensitive);
// Dotted attribute path ("a.b", "items.0") of a dict or list; undefined when missing.
Value attributeOf(const Value& item, const std::string& path);
std::string jsReplace(Interpreter& in, const std::string& s, const std::string& from, const std::string& to, double count);
std::string titleCase(const std::string& s);
std::string capitalize(const std::string& s);

// jinja_globals.cpp: namespace, raise_exception, range, strftime_now, true/false/none.
void installGlobals(Env& env);

// An optional argument as the reference reads it: args[i] ?? kwargs[key] (nullptr if neither).
const Value* findArg(const std::vector<Value>& args, const ObjectData* kwargs, size_t i, const char* key);
inline Value argOr(const std::vector<Value>& args, const ObjectData* kwargs, size_t i, const char* key, Value fallback) {
    const Value* v = findArg(args, kwargs, i, key);
    return v ? *v : std::move(fallback);
}

// The JS truthiness of a RuntimeValue's underlying value (lists and dicts always true).
bool rawTruthy(const Value& v);
// What Array.prototype.join writes for an element of a list's underlying values.
std::string joinPiece(Interpreter& in, const Value& v);

}  // namespace gb::jinja
