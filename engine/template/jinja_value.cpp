#include "template/jinja_value.h"

#include <cmath>

namespace gb::jinja {

const char* kindName(Kind k) {
    static const char* const names[] = {
        "UndefinedValue", "NullValue",  "BooleanValue", "IntegerValue",          "FloatValue",     "StringValue",
        "ArrayValue",     "TupleValue", "ObjectValue",  "KeywordArgumentsValue", "NamespaceValue", "FunctionValue",
    };
    return names[static_cast<int>(k)];
}

// ---- Deferred destruction -----------------------------------------------------------------
// Freeing a deeply nested list must not recurse once per level (the stack would overflow):
// a container being destroyed hands its elements to a queue that the outermost destructor
// drains in a loop.
namespace {

thread_local std::vector<Value>* tGraveyard = nullptr;

template <class Range>
void bury(Range& values) {
    if (tGraveyard) {
        for (auto& v : values) tGraveyard->push_back(std::move(v));
        return;
    }
    std::vector<Value> grave;
    tGraveyard = &grave;
    for (auto& v : values) grave.push_back(std::move(v));
    while (!grave.empty()) {
        Value v = std::move(grave.back());
        grave.pop_back();
    }  // v's destructor may push more onto grave
    tGraveyard = nullptr;
}

}  // namespace

ArrayData::~ArrayData() { bury(items); }

ObjectData::~ObjectData() {
    std::vector<Value> values;
    values.reserve(entries.size());
    for (auto& e : entries) values.push_back(std::move(e.second));
    bury(values);
}

const Value* ObjectData::find(const std::string& key) const {
    auto it = index.find(key);
    return it == index.end() ? nullptr : &entries[it->second].second;
}

void ObjectData::set(const std::string& key, Value v) {
    auto [it, inserted] = index.emplace(key, entries.size());
    if (inserted) entries.emplace_back(key, std::move(v));
    else entries[it->second].second = std::move(v);
}

// ---- Value -------------------------------------------------------------------------------
Value Value::boolean(bool b) {
    Value v(Kind::Boolean);
    v.b_ = b;
    return v;
}

Value Value::integer(double n) {
    Value v(Kind::Integer);
    v.n_ = n;
    return v;
}

Value Value::floating(double n) {
    Value v(Kind::Float);
    v.n_ = n;
    return v;
}

Value Value::string(std::string s) {
    Value v(Kind::String);
    v.p_ = std::make_shared<const std::string>(std::move(s));
    return v;
}

Value Value::array(std::vector<Value> items, Kind kind) {
    Value v(kind);
    auto data = std::shared_ptr<ArrayData>(new ArrayData);
    data->items = std::move(items);
    v.p_ = std::move(data);
    return v;
}

Value Value::object(std::shared_ptr<ObjectData> data, Kind kind) {
    Value v(kind);
    v.p_ = std::move(data);
    return v;
}

Value Value::function(NativeFn fn) {
    Value v(Kind::Function);
    v.p_ = std::make_shared<const FunctionData>(FunctionData{std::move(fn)});
    return v;
}

const std::string& Value::str() const { return *static_cast<const std::string*>(p_.get()); }
std::vector<Value>& Value::items() const { return const_cast<ArrayData*>(static_cast<const ArrayData*>(p_.get()))->items; }
ObjectData& Value::object() const { return *const_cast<ObjectData*>(static_cast<const ObjectData*>(p_.get())); }
const NativeFn& Value::fn() const { return static_cast<const FunctionData*>(p_.get())->fn; }
std::shared_ptr<ArrayData> Value::arrayPtr() const { return std::const_pointer_cast<ArrayData>(std::static_pointer_cast<const ArrayData>(p_)); }
std::shared_ptr<ObjectData> Value::objectPtr() const {
    return std::const_pointer_cast<ObjectData>(std::static_pointer_cast<const ObjectData>(p_));
}

bool Value::truthy() const {
    switch (kind_) {
        case Kind::Undefined:
        case Kind::Null: return false;
        case Kind::Boolean: return b_;
        case Kind::Integer:
        case Kind::Float: return n_ != 0 && !std::isnan(n_);
        case Kind::String: return !str().empty();
        case Kind::Array:
        case Kind::Tuple: return !items().empty();
        case Kind::Object:
        case Kind::KwArgs: return !object().entries.empty();
        case Kind::Namespace:
        case Kind::Function: return true;
    }
    return false;
}

// JS primitives compare by value (integers and floats are both numbers); lists, dicts,
// namespaces and functions by reference. The reference's NullValue holds JS undefined (it is
// constructed without a value), so none === undefined.
bool strictEquals(const Value& a, const Value& b) {
    if (a.isNumber() && b.isNumber()) return a.number() == b.number();
    if ((a.isNull() || a.isUndefined()) && (b.isNull() || b.isUndefined())) return true;
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
        case Kind::Undefined:
        case Kind::Null: return true;
        case Kind::Boolean: return a.boolean() == b.boolean();
        case Kind::String: return a.str() == b.str();
        default: return a.identity() == b.identity();
    }
}

bool sameValueZero(const Value& a, const Value& b) {
    if (a.isNumber() && b.isNumber() && std::isnan(a.number()) && std::isnan(b.number())) return true;
    return strictEquals(a, b);
}

Value Env::lookup(const std::string& name) const {
    for (const Env* e = this; e; e = e->parent.get()) {
        auto it = e->vars.find(name);
        if (it != e->vars.end()) return it->second;
    }
    return Value();
}

// ---- Heap --------------------------------------------------------------------------------
void Heap::noteMutable(const Value& container) {
    if (container.isArray()) arrays_.push_back(container.arrayPtr());
    else if (container.isAttributeContainer()) objects_.push_back(container.objectPtr());
    if (arrays_.size() + objects_.size() >= compactAt_) {
        std::erase_if(arrays_, [](const auto& w) { return w.expired(); });
        std::erase_if(objects_, [](const auto& w) { return w.expired(); });
        compactAt_ = 2 * (arrays_.size() + objects_.size()) + 1024;
    }
}

Heap::~Heap() {
    // Keep every survivor alive while emptying them all, so that no destructor runs
    // half-way through; then let them go, each already empty.
    std::vector<std::shared_ptr<ArrayData>> arrays;
    std::vector<std::shared_ptr<ObjectData>> objects;
    for (auto& w : arrays_)
        if (auto p = w.lock()) arrays.push_back(std::move(p));
    for (auto& w : objects_)
        if (auto p = w.lock()) objects.push_back(std::move(p));
    std::vector<Value> dropped;
    for (auto& a : arrays) {
        for (auto& v : a->items) dropped.push_back(std::move(v));
        a->items.clear();
    }
    for (auto& o : objects) {
        for (auto& e : o->entries) dropped.push_back(std::move(e.second));
        o->entries.clear();
        o->index.clear();
    }
    bury(dropped);
}

}  // namespace gb::jinja
