// The evaluator's core: node dispatch with budgets, blocks, set, for, arguments.
#include "template/jinja_builtins.h"
#include "template/jinja_convert.h"
#include "template/jinja_interp.h"

namespace gb::jinja {

std::string Interpreter::run(const Node& program, const EnvPtr& global) { return evalBlock(program.body, global); }

Value Interpreter::eval(const Node& n, const EnvPtr& env) {
    step();
    struct Depth {
        int& d;
        explicit Depth(int& depth, int max) : d(depth) {
            if (++d > max) {
                --d;
                failLimit("template recursion deeper than " + std::to_string(max) + " levels");
            }
        }
        ~Depth() { --d; }
    } depth(depth_, limits_.maxDepth);
    try {
        return dispatch(n, env);
    } catch (Failure& f) {
        if (f.offset == Failure::kNoOffset) f.offset = n.pos;  // the innermost node names the place
        throw;
    }
}

Value Interpreter::dispatch(const Node& n, const EnvPtr& env) {
    switch (n.kind) {
        case NodeKind::Program: return Value::string(evalBlock(n.body, env));
        case NodeKind::Text: return Value::string(n.text);
        case NodeKind::Comment: return Value::null();
        case NodeKind::Set: return evalSet(n, env);
        case NodeKind::If: return Value::string(evalBlock(eval(*n.a, env).truthy() ? n.body : n.alternate, env));
        case NodeKind::For: return evalFor(n, env);
        case NodeKind::Macro: return evalMacro(n, env);
        case NodeKind::CallStatement: return evalCallStatement(n, env);
        case NodeKind::FilterStatement: return applyFilter(*this, Value::string(evalBlock(n.body, env)), *n.a, env);
        case NodeKind::Break: throw BreakSignal{};
        case NodeKind::Continue: throw ContinueSignal{};
        case NodeKind::IntegerLiteral: return Value::integer(n.number);
        case NodeKind::FloatLiteral: return Value::floating(n.number);
        case NodeKind::StringLiteral: return Value::string(n.text);
        case NodeKind::ArrayLiteral:
        case NodeKind::TupleLiteral: {
            std::vector<Value> items;
            items.reserve(n.list.size());
            for (const auto& e : n.list) items.push_back(eval(*e, env));
            return Value::array(std::move(items), n.kind == NodeKind::TupleLiteral ? Kind::Tuple : Kind::Array);
        }
        case NodeKind::ObjectLiteral: return evalObjectLiteral(n, env);
        case NodeKind::Identifier: return env->lookup(n.text);
        case NodeKind::Call: return evalCall(n, env);
        case NodeKind::Member: return evalMember(n, env);
        case NodeKind::Unary: return evalUnary(n, env);
        case NodeKind::Binary: return evalBinary(n, env);
        case NodeKind::Filter: {
            Value operand = eval(*n.a, env);
            return applyFilter(*this, operand, *n.b, env);
        }
        case NodeKind::Test: {
            Value operand = eval(*n.a, env);
            if (!hasTest(n.text)) fail("Unknown test: " + n.text);
            return Value::boolean(runTest(n.text, operand, nullptr) != n.flag);
        }
        case NodeKind::Select: return eval(*n.b, env).truthy() ? eval(*n.a, env) : Value();
        case NodeKind::Ternary: return eval(*n.a, env).truthy() ? eval(*n.b, env) : eval(*n.c, env);
        default: fail("this expression cannot stand here");
    }
}

std::string Interpreter::evalBlock(const NodeList& body, const EnvPtr& env) {
    std::string out;
    for (const auto& statement : body) {
        const Value v = eval(*statement, env);
        if (v.isNull() || v.isUndefined()) continue;
        if (v.isString()) out += v.str();
        else out += displayString(v, limits_);
        checkString(out.size());
    }
    return out;
}

Value Interpreter::evalSet(const Node& n, const EnvPtr& env) {
    Value rhs = n.b ? eval(*n.b, env) : Value::string(evalBlock(n.body, env));
    const Node& target = *n.a;
    if (target.kind == NodeKind::Identifier) {
        env->set(target.text, std::move(rhs));
    } else if (target.kind == NodeKind::TupleLiteral) {
        if (!rhs.isArray()) fail(std::string("Cannot unpack non-iterable type in set: ") + kindName(rhs.kind()));
        const auto& items = rhs.items();
        if (items.size() != target.list.size())
            fail(std::string("Too ") + (target.list.size() > items.size() ? "few" : "many") + " items to unpack in set");
        for (size_t i = 0; i < items.size(); ++i) {
            if (target.list[i]->kind != NodeKind::Identifier) fail("Cannot unpack to non-identifier in set");
            env->set(target.list[i]->text, items[i]);
        }
    } else if (target.kind == NodeKind::Member) {
        const Value object = eval(*target.a, env);
        if (!object.is(Kind::Namespace)) fail("cannot assign attribute on non-namespace object");
        if (target.b->kind != NodeKind::Identifier) fail("Cannot assign to member with non-identifier property");
        object.object().set(target.b->text, std::move(rhs));
    } else {
        fail("Invalid left-hand side in assignment");
    }
    return Value::null();
}

namespace {

// Binds the loop variable(s) of `target` to `item` in `scope`.
void assignLoopTarget(const Node& target, const Value& item, Env& scope) {
    if (target.kind == NodeKind::Identifier) {
        scope.set(target.text, item);
        return;
    }
    for (size_t j = 0; j < target.list.size(); ++j) {
        if (target.list[j]->kind != NodeKind::Identifier) fail("Cannot unpack non-identifier type");
        scope.set(target.list[j]->text, item.items()[j]);
    }
}

}  // namespace

Value Interpreter::evalFor(const Node& n, const EnvPtr& env) {
    auto scope = std::make_shared<Env>(env);
    const Node* test = nullptr;
    Value iterable;
    if (n.b->kind == NodeKind::Select) {
        iterable = eval(*n.b->a, scope);
        test = n.b->b.get();
    } else {
        iterable = eval(*n.b, scope);
    }
    if (!iterable.isArray() && !iterable.isObject())
        fail(std::string("Expected iterable or object type in for loop: got ") + kindName(iterable.kind()));
    // The items are those present when the loop starts (as the reference's snapshot): a
    // list that grows while the loop runs (append) is read up to its initial length.
    std::shared_ptr<ArrayData> source;
    if (iterable.isObject()) {  // a dict iterates over its keys
        source = std::make_shared<ArrayData>();
        for (const auto& e : iterable.object().entries) source->items.push_back(Value::string(e.first));
    } else {
        source = iterable.arrayPtr();
    }
    const size_t sourceCount = source->items.size();

    // First pass, as the reference does: check unpacking and apply the `if` filter.
    const Node& target = *n.a;
    std::vector<size_t> picked;  // indices into source, when there is a filter
    for (size_t i = 0; i < sourceCount; ++i) {
        const Value current = source->items[i];  // a copy: the filter may append to the list
        if (target.kind == NodeKind::TupleLiteral) {
            if (!current.is(Kind::Array)) fail(std::string("Cannot unpack non-iterable type: ") + kindName(current.kind()));
            if (current.items().size() != target.list.size())
                fail(std::string("Too ") + (target.list.size() > current.items().size() ? "few" : "many") + " items to unpack");
        }
        if (test) {
            step();
            auto loopScope = std::make_shared<Env>(scope);
            assignLoopTarget(target, current, *loopScope);
            if (eval(*test, loopScope).truthy()) picked.push_back(i);
        }
    }
    const size_t count = test ? picked.size() : sourceCount;
    auto item = [&](size_t k) -> Value { return source->items[test ? picked[k] : k]; };

    std::string out;
    bool noIteration = true;
    const double total = static_cast<double>(count);
    std::shared_ptr<ObjectData> loop;
    for (size_t i = 0; i < count; ++i) {
        countIteration();
        const double k = static_cast<double>(i);
        Value fields[] = {Value::integer(k + 1), Value::integer(k), Value::integer(total - k), Value::integer(total - k - 1),
                          Value::boolean(i == 0), Value::boolean(i + 1 == count), Value::integer(total),
                          i > 0 ? item(i - 1) : Value(), i + 1 < count ? item(i + 1) : Value()};
        // A fresh `loop` per iteration, unless nobody kept the previous one: then it is
        // updated in place (the same fields in the same order).
        if (!loop || loop.use_count() > 2) {
            static const char* const names[] = {"index", "index0", "revindex", "revindex0", "first", "last", "length", "previtem", "nextitem"};
            loop = std::make_shared<ObjectData>();
            for (size_t f = 0; f < 9; ++f) loop->set(names[f], std::move(fields[f]));
            scope->set("loop", Value::object(loop));
        } else {
            for (size_t f = 0; f < 9; ++f) loop->entries[f].second = std::move(fields[f]);
            auto bound = scope->vars.find("loop");
            if (bound == scope->vars.end() || bound->second.identity() != loop.get()) scope->set("loop", Value::object(loop));
        }
        assignLoopTarget(target, item(i), *scope);
        try {
            out += evalBlock(n.body, scope);
            checkString(out.size());
        } catch (const ContinueSignal&) {
            continue;
        } catch (const BreakSignal&) {
            break;
        }
        noIteration = false;
    }
    if (noIteration) out += evalBlock(n.alternate, scope);
    checkString(out.size());
    return Value::string(std::move(out));
}

CallArgs Interpreter::evalArgs(const NodeList& args, const EnvPtr& env) {
    CallArgs out;
    for (const auto& a : args) {
        if (a->kind == NodeKind::Spread) {
            const Value v = eval(*a->a, env);
            if (!v.isArray()) fail(std::string("Cannot unpack non-iterable type: ") + kindName(v.kind()));
            for (const auto& item : v.items()) out.positional.push_back(item);
            checkList(out.positional.size());
        } else if (a->kind != NodeKind::KeywordArg && a->kind != NodeKind::KeywordSpread) {
            out.positional.push_back(eval(*a, env));
        }
    }
    auto add = [&](const std::string& key, Value v) {
        if (out.keywords->find(key)) fail("Got multiple values for keyword argument '" + key + "'");
        out.keywords->set(key, std::move(v));
    };
    for (const auto& a : args) {
        if (a->kind == NodeKind::KeywordArg) {
            add(a->text, eval(*a->a, env));
        } else if (a->kind == NodeKind::KeywordSpread) {
            const Value v = eval(*a->a, env);
            if (!v.isObject()) fail(std::string("Argument after ** must be a mapping, not ") + kindName(v.kind()));
            for (const auto& [k, val] : v.object().entries) add(k, val);
        }
    }
    return out;
}

}  // namespace gb::jinja
