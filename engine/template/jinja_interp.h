#pragma once
// The tree-walking evaluator, following @huggingface/jinja's Interpreter, with budgets:
// every evaluated node is a step, nesting of evaluation is bounded (macro recursion), and
// strings and lists are checked against their size limits as they grow.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "template/jinja_ast.h"
#include "template/jinja_failure.h"
#include "template/jinja_value.h"
#include "template/template_limits.h"

namespace gb::jinja {

// {% break %} and {% continue %} travel as exceptions, as in the reference: the output of
// the interrupted iteration is dropped.
struct BreakSignal {};
struct ContinueSignal {};

struct CallArgs {
    std::vector<Value> positional;
    std::shared_ptr<ObjectData> keywords = std::make_shared<ObjectData>();
};

class Interpreter {
public:
    Interpreter(const TemplateLimits& limits, std::chrono::system_clock::time_point now) : limits_(limits), now_(now) {}

    const TemplateLimits& limits() const { return limits_; }
    Heap& heap() { return heap_; }
    std::chrono::system_clock::time_point now() const { return now_; }

    std::string run(const Node& program, const EnvPtr& global);
    Value eval(const Node& n, const EnvPtr& env);
    std::string evalBlock(const NodeList& body, const EnvPtr& env);
    CallArgs evalArgs(const NodeList& args, const EnvPtr& env);

    // Size checks for strings and lists that are about to be built.
    void checkString(size_t bytes) const {
        if (bytes > limits_.maxOutputBytes) failLimit("output larger than " + std::to_string(limits_.maxOutputBytes) + " bytes");
    }
    void checkList(size_t n) const {
        if (n > limits_.maxListLength) failLimit("list longer than " + std::to_string(limits_.maxListLength) + " items");
    }
    void countIteration() {
        if (++iterations_ > limits_.maxLoopIterations)
            failLimit("more than " + std::to_string(limits_.maxLoopIterations) + " loop iterations");
        step();
    }
    void step() {
        if (++steps_ > limits_.maxSteps) failLimit("template took more than " + std::to_string(limits_.maxSteps) + " evaluation steps");
    }
    Value concat(const std::string& a, const std::string& b) const {
        checkString(a.size() + b.size());
        return Value::string(a + b);
    }

private:
    Value dispatch(const Node& n, const EnvPtr& env);
    // Statements (jinja_eval.cpp)
    Value evalSet(const Node& n, const EnvPtr& env);
    Value evalFor(const Node& n, const EnvPtr& env);
    // Macros and call blocks (jinja_macro.cpp)
    Value evalMacro(const Node& n, const EnvPtr& env);
    Value evalCallStatement(const Node& n, const EnvPtr& env);
    void bindMacroArguments(const std::string& displayName, const NodeList& params, bool acceptsKwargs, bool acceptsVarargs,
                            std::vector<Value> args, const EnvPtr& scope);
    // Expressions (jinja_eval_expr.cpp)
    Value evalBinary(const Node& n, const EnvPtr& env);
    Value evalUnary(const Node& n, const EnvPtr& env);
    Value evalMember(const Node& n, const EnvPtr& env);
    Value evalSlice(const Value& object, const Node& slice, const EnvPtr& env);
    Value evalCall(const Node& n, const EnvPtr& env);
    Value evalObjectLiteral(const Node& n, const EnvPtr& env);

    const TemplateLimits& limits_;
    std::chrono::system_clock::time_point now_;
    Heap heap_;
    uint64_t steps_ = 0, iterations_ = 0;
    int depth_ = 0;
};

}  // namespace gb::jinja
