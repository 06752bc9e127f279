// Global names every template sees: true/false/none (and True/False/None), namespace(),
// raise_exception(), range() and strftime_now(), as @huggingface/jinja's setupGlobals.
// Nothing here reaches files, the network or the environment; the clock is the one given
// to the interpreter.
#include <cmath>
#include <ctime>

#include "template/jinja_builtins.h"
#include "template/jinja_convert.h"
#include "template/jinja_interp.h"
#include "template/jinja_number.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

Value makeNamespace(Interpreter& in, std::vector<Value>& args, const EnvPtr&) {
    std::vector<Value> positional = args;
    const ObjectData* kwargs = nullptr;
    if (!positional.empty() && positional.back().is(Kind::KwArgs)) {
        kwargs = &args.back().object();
        positional.pop_back();
    }
    if (positional.size() > 1) fail("namespace expected at most 1 argument, got " + std::to_string(positional.size()));
    auto data = std::make_shared<ObjectData>();
    if (positional.size() == 1) {
        const Value& source = positional[0];
        if (source.isObject()) {
            for (const auto& [k, v] : source.object().entries) data->set(k, v);
        } else if (source.isArray()) {
            for (const auto& pair : source.items()) {
                std::vector<Value> kv;
                if (pair.isArray()) kv = pair.items();
                else if (pair.isString())
                    for (auto cp : splitCodePoints(pair.str())) kv.push_back(Value::string(std::string(cp)));
                if (kv.size() != 2) fail("namespace expected an object or an iterable of [key, value] pairs");
                if (!kv[0].isString()) fail("namespace keys must be strings");
                data->set(kv[0].str(), kv[1]);
            }
        } else {
            fail(std::string("'") + kindName(source.kind()) + "' object is not iterable");
        }
    }
    if (kwargs)
        for (const auto& [k, v] : kwargs->entries) data->set(k, v);
    Value ns = Value::object(std::move(data), Kind::Namespace);
    in.heap().noteMutable(ns);
    return ns;
}

// raise_exception(message): the error's text is the message, nothing added.
Value raiseException(Interpreter& in, std::vector<Value>& args, const EnvPtr&) {
    std::string message;
    if (!args.empty() && !args[0].isUndefined() && !args[0].isNull()) message = rawString(args[0], in.limits());
    throw Failure{Failure::Kind::Raised, std::move(message)};
}

double rangeArg(const Value& v) {
    if (!v.isNumericLike()) fail(std::string("range() arguments must be numbers, not ") + kindName(v.kind()));
    return v.numericLike();
}

Value range(Interpreter& in, std::vector<Value>& args, const EnvPtr&) {
    if (args.empty() || args.size() > 3) fail("range() takes 1 to 3 arguments");
    double start = rangeArg(args[0]), stop = 0, step = 1;
    if (args.size() == 1) std::swap(start, stop);
    else stop = rangeArg(args[1]);
    if (args.size() == 3) step = rangeArg(args[2]);
    if (step == 0) fail("range() step must not be zero");
    const double count = step > 0 ? std::ceil((stop - start) / step) : std::ceil((start - stop) / -step);
    if (count > static_cast<double>(in.limits().maxListLength)) in.checkList(static_cast<size_t>(std::min(count, 1e18)));
    std::vector<Value> out;
    for (double i = start; step > 0 ? i < stop : i > stop; i += step) {
        out.push_back(Value::number(i, std::trunc(i) != i));
        in.checkList(out.size());
    }
    return Value::array(std::move(out));
}

Value strftimeNow(Interpreter& in, std::vector<Value>& args, const EnvPtr&) {
    if (args.empty() || !args[0].isString()) fail("strftime_now() needs a format string");
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    const std::time_t t = std::chrono::system_clock::to_time_t(in.now());
    std::tm tm{};
    localtime_r(&t, &tm);
    auto pad2 = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    const std::string& f = args[0].str();
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] != '%' || i + 1 >= f.size()) {
            out += f[i];
            continue;
        }
        const char c = f[i + 1];
        switch (c) {
            case 'Y': out += std::to_string(tm.tm_year + 1900); break;
            case 'm': out += pad2(tm.tm_mon + 1); break;
            case 'd': out += pad2(tm.tm_mday); break;
            case 'b': out += std::string(kMonths[tm.tm_mon]).substr(0, 3); break;
            case 'B': out += kMonths[tm.tm_mon]; break;
            case 'H': out += pad2(tm.tm_hour); break;
            case 'M': out += pad2(tm.tm_min); break;
            case '%': out += '%'; break;
            default: out += '%'; continue;  // not a directive: keep the '%' and go on from the next character
        }
        ++i;
    }
    return Value::string(std::move(out));
}

}  // namespace

void installGlobals(Env& env) {
    env.set("namespace", Value::function(makeNamespace));
    env.set("false", Value::boolean(false));
    env.set("true", Value::boolean(true));
    env.set("none", Value::null());
    env.set("raise_exception", Value::function(raiseException));
    env.set("range", Value::function(range));
    env.set("strftime_now", Value::function(strftimeNow));
    env.set("True", Value::boolean(true));
    env.set("False", Value::boolean(false));
    env.set("None", Value::null());
}

}  // namespace gb::jinja
