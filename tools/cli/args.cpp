#include "args.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace cli {

Args::Args(std::vector<std::string> argv, std::set<std::string> flags) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 1 && a[0] == '-' && !(a.size() > 1 && (std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == '.'))) {
            std::string name = a;
            auto eq = a.find('=');
            if (eq != std::string::npos && a.rfind("--", 0) == 0) {
                options_.emplace_back(a.substr(0, eq), a.substr(eq + 1));
                continue;
            }
            if (flags.count(name)) {
                flagsGiven_.insert(name);
                continue;
            }
            if (i + 1 >= argv.size()) throw UsageError("option " + name + " needs a value");
            options_.emplace_back(name, argv[++i]);
        } else {
            positionals_.push_back(a);
        }
    }
}

std::string Args::positional(size_t i, const char* what) const {
    if (i >= positionals_.size()) throw UsageError(std::string("missing ") + what);
    return positionals_[i];
}

bool Args::flag(const std::string& name) {
    used_.insert(name);
    return flagsGiven_.count(name) > 0;
}

std::optional<std::string> Args::get(const std::string& name) {
    used_.insert(name);
    std::optional<std::string> v;
    for (const auto& [k, val] : options_)
        if (k == name) v = val;
    return v;
}

std::string Args::get(const std::string& name, const std::string& fallback) { return get(name).value_or(fallback); }

std::vector<std::string> Args::all(const std::string& name) {
    used_.insert(name);
    std::vector<std::string> out;
    for (const auto& [k, val] : options_)
        if (k == name) out.push_back(val);
    return out;
}

long long Args::getInt(const std::string& name, long long fallback) {
    auto v = get(name);
    if (!v) return fallback;
    errno = 0;
    char* end = nullptr;
    long long x = std::strtoll(v->c_str(), &end, 10);
    if (errno || end == v->c_str() || *end) throw UsageError("option " + name + " needs an integer, not '" + *v + "'");
    return x;
}

double Args::getDouble(const std::string& name, double fallback) {
    auto v = get(name);
    if (!v) return fallback;
    errno = 0;
    char* end = nullptr;
    double x = std::strtod(v->c_str(), &end);
    if (errno || end == v->c_str() || *end) throw UsageError("option " + name + " needs a number, not '" + *v + "'");
    return x;
}

void Args::finish() const {
    for (const auto& [k, v] : options_)
        if (!used_.count(k)) throw UsageError("unknown option " + k);
    for (const auto& f : flagsGiven_)
        if (!used_.count(f)) throw UsageError("unknown option " + f);
    if (positionals_.size() > maxPositionals_) throw UsageError("unexpected argument '" + positionals_[maxPositionals_] + "'");
}

}  // namespace cli
