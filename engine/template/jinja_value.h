#pragma once
// Runtime values, with the kinds of @huggingface/jinja's runtime (IntegerValue, FloatValue,
// StringValue, …). Numbers are doubles as in JS; an Integer is a double with an integral
// origin. Strings, lists, dicts and functions are shared, like JS references: copying a
// Value never copies the data, and identity (`is` the same list) is pointer identity.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gb::jinja {

enum class Kind : uint8_t { Undefined, Null, Boolean, Integer, Float, String, Array, Tuple, Object, KwArgs, Namespace, Function };
const char* kindName(Kind k);  // "UndefinedValue", "IntegerValue", … as in error messages

class Value;
class Interpreter;
struct Env;
using EnvPtr = std::shared_ptr<Env>;

struct ArrayData {
    std::vector<Value> items;
    ~ArrayData();
};

// Insertion-ordered string-keyed map (a JS Map).
struct ObjectData {
    std::vector<std::pair<std::string, Value>> entries;
    std::unordered_map<std::string, size_t> index;

    const Value* find(const std::string& key) const;
    void set(const std::string& key, Value v);
    ~ObjectData();
};

// A callable: args holds the positional arguments and, when keyword arguments were given,
// a KwArgs value last (as @huggingface/jinja passes them).
using NativeFn = std::function<Value(Interpreter&, std::vector<Value>& args, const EnvPtr& scope)>;
struct FunctionData {
    NativeFn fn;
};

class Value {
public:
    Value() = default;  // undefined
    static Value null() { return Value(Kind::Null); }
    static Value boolean(bool b);
    static Value integer(double n);
    static Value floating(double n);
    static Value number(double n, bool isFloat) { return isFloat ? floating(n) : integer(n); }
    static Value string(std::string s);
    static Value array(std::vector<Value> items, Kind kind = Kind::Array);
    static Value object(std::shared_ptr<ObjectData> data, Kind kind = Kind::Object);
    static Value function(NativeFn fn);

    Kind kind() const { return kind_; }
    bool is(Kind k) const { return kind_ == k; }
    bool isUndefined() const { return kind_ == Kind::Undefined; }
    bool isNull() const { return kind_ == Kind::Null; }
    bool isNumber() const { return kind_ == Kind::Integer || kind_ == Kind::Float; }
    bool isNumericLike() const { return isNumber() || kind_ == Kind::Boolean; }
    bool isString() const { return kind_ == Kind::String; }
    bool isArray() const { return kind_ == Kind::Array || kind_ == Kind::Tuple; }   // instanceof ArrayValue
    bool isObject() const { return kind_ == Kind::Object || kind_ == Kind::KwArgs; }  // instanceof ObjectValue
    bool isAttributeContainer() const { return isObject() || kind_ == Kind::Namespace; }

    bool boolean() const { return b_; }
    double number() const { return n_; }
    double numericLike() const { return kind_ == Kind::Boolean ? (b_ ? 1 : 0) : n_; }
    const std::string& str() const;
    std::vector<Value>& items() const;  // arrays and tuples
    ObjectData& object() const;         // objects, kwargs and namespaces
    const NativeFn& fn() const;
    const void* identity() const { return p_.get(); }
    std::shared_ptr<ArrayData> arrayPtr() const;
    std::shared_ptr<ObjectData> objectPtr() const;

    bool truthy() const;  // __bool__

private:
    explicit Value(Kind k) : kind_(k) {}

    Kind kind_ = Kind::Undefined;
    bool b_ = false;
    double n_ = 0;
    std::shared_ptr<const void> p_;
};

bool strictEquals(const Value& a, const Value& b);  // JS === on the underlying values
bool sameValueZero(const Value& a, const Value& b); // as a JS Set compares (NaN equals NaN)

// A variable scope; lookups walk up to the global scope.
struct Env {
    EnvPtr parent;
    std::unordered_map<std::string, Value> vars;

    explicit Env(EnvPtr p = nullptr) : parent(std::move(p)) {}
    Value lookup(const std::string& name) const;
    void set(const std::string& name, Value v) { vars[name] = std::move(v); }
};

// Containers that a template mutated (namespaces, lists it appended to) can end up in
// reference cycles; the heap empties them when a render finishes so that they are freed.
class Heap {
public:
    Heap() = default;
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    ~Heap();
    void noteMutable(const Value& container);

private:
    std::vector<std::weak_ptr<ArrayData>> arrays_;
    std::vector<std::weak_ptr<ObjectData>> objects_;
    size_t compactAt_ = 1024;
};

}  // namespace gb::jinja
