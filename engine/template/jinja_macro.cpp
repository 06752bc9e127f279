// {% macro %} and {% call %}: macros are functions evaluated in a scope below the caller's
// (as in @huggingface/jinja); `caller()` renders the call block; `kwargs` and `varargs`
// collect surplus arguments when the body uses them.
#include <optional>

#include "template/jinja_interp.h"

namespace gb::jinja {
namespace {

struct SpecialArgs {
    bool kwargs = false, varargs = false;
};

// Does the body read `kwargs` / `varargs` (names that are not parameters)?
void scanSpecial(const Node& n, SpecialArgs& found) {
    if (n.kind == NodeKind::Identifier) {
        if (n.text == "kwargs") found.kwargs = true;
        if (n.text == "varargs") found.varargs = true;
        return;
    }
    if (n.kind == NodeKind::Member && !n.flag) return scanSpecial(*n.a, found);  // .name is not a variable
    if (n.kind == NodeKind::Filter) {
        scanSpecial(*n.a, found);
        if (n.b->kind == NodeKind::Call)
            for (const auto& arg : n.b->list) scanSpecial(*arg, found);
        return;
    }
    if (n.kind == NodeKind::FilterStatement && n.a->kind == NodeKind::Call)
        for (const auto& arg : n.a->list) scanSpecial(*arg, found);
    for (const Node* child : {n.a.get(), n.b.get(), n.c.get()})
        if (child && !(n.kind == NodeKind::FilterStatement && child == n.a.get())) scanSpecial(*child, found);
    for (const NodeList* list : {&n.list, &n.list2, &n.body, &n.alternate})
        for (const auto& child : *list) scanSpecial(*child, found);
}

SpecialArgs specialArgs(const NodeList& params, const NodeList& body) {
    SpecialArgs found;
    for (const auto& s : body) scanSpecial(*s, found);
    for (const auto& p : params) {
        if (p->text == "kwargs") found.kwargs = false;
        if (p->text == "varargs") found.varargs = false;
    }
    return found;
}

}  // namespace

void Interpreter::bindMacroArguments(const std::string& displayName, const NodeList& params, bool acceptsKwargs,
                                     bool acceptsVarargs, std::vector<Value> args, const EnvPtr& scope) {
    std::vector<std::pair<std::string, Value>> keywords;
    if (!args.empty() && args.back().is(Kind::KwArgs)) {
        keywords = args.back().object().entries;
        args.pop_back();
    }
    std::vector<std::pair<std::string, const Node*>> pendingDefaults;
    for (size_t i = 0; i < params.size(); ++i) {
        const Node& p = *params[i];
        std::optional<Value> value;
        if (i < args.size()) value = args[i];
        if (!value) {
            for (auto it = keywords.begin(); it != keywords.end(); ++it) {
                if (it->first != p.text) continue;
                value = it->second;
                keywords.erase(it);
                break;
            }
        }
        if (!value && p.kind == NodeKind::KeywordArg) pendingDefaults.emplace_back(p.text, p.a.get());
        scope->set(p.text, value ? *value : Value());
    }
    if (acceptsKwargs) {
        auto data = std::make_shared<ObjectData>();
        for (auto& [k, v] : keywords) data->set(k, v);
        scope->set("kwargs", Value::object(std::move(data)));
    } else if (!keywords.empty()) {
        fail("macro " + displayName + " takes no keyword argument '" + keywords.front().first + "'");
    }
    if (acceptsVarargs) {
        std::vector<Value> rest;
        for (size_t i = params.size(); i < args.size(); ++i) rest.push_back(args[i]);
        scope->set("varargs", Value::array(std::move(rest)));
    } else if (args.size() > params.size()) {
        fail("macro " + displayName + " takes not more than " + std::to_string(params.size()) + " argument(s)");
    }
    for (const auto& [name, expr] : pendingDefaults) scope->set(name, eval(*expr, scope));
}

Value Interpreter::evalMacro(const Node& n, const EnvPtr& env) {
    const SpecialArgs special = specialArgs(n.list, n.body);
    const Node* node = &n;
    env->set(n.text, Value::function([node, special](Interpreter& in, std::vector<Value>& args, const EnvPtr& scope) {
        auto macroScope = std::make_shared<Env>(scope);
        in.bindMacroArguments("'" + node->text + "'", node->list, special.kwargs, special.varargs, args, macroScope);
        return Value::string(in.evalBlock(node->body, macroScope));
    }));
    return Value::null();
}

Value Interpreter::evalCallStatement(const Node& n, const EnvPtr& env) {
    const SpecialArgs special = specialArgs(n.list, n.body);
    const Node* node = &n;
    EnvPtr definedIn = env;
    Value caller = Value::function([node, special, definedIn](Interpreter& in, std::vector<Value>& args, const EnvPtr&) {
        auto blockScope = std::make_shared<Env>(definedIn);
        in.bindMacroArguments("None", node->list, special.kwargs, special.varargs, args, blockScope);
        return Value::string(in.evalBlock(node->body, blockScope));
    });
    const Node& call = *n.a;
    CallArgs a = evalArgs(call.list, env);
    a.positional.push_back(Value::object(a.keywords, Kind::KwArgs));
    const Value fn = eval(*call.a, env);
    if (!fn.is(Kind::Function)) fail(std::string("Cannot call something that is not a function: got ") + kindName(fn.kind()));
    auto callScope = std::make_shared<Env>(env);
    callScope->set("caller", std::move(caller));
    return fn.fn()(*this, a.positional, callScope);
}

}  // namespace gb::jinja
