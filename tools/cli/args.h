#pragma once
// Command-line arguments of one glassbox-cli command: positionals, `--opt value`, flags.
// Every option a command reads is marked used; anything left over is an error.
#include <optional>
#include <stdexcept>
#include <set>
#include <string>
#include <vector>

namespace cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // flags: options that take no value (e.g. "--json").
    Args(std::vector<std::string> argv, std::set<std::string> flags);

    const std::vector<std::string>& positionals() const { return positionals_; }
    std::string positional(size_t i, const char* what) const;  // throws UsageError when missing

    bool flag(const std::string& name);
    std::optional<std::string> get(const std::string& name);
    std::string get(const std::string& name, const std::string& fallback);
    std::vector<std::string> all(const std::string& name);  // repeatable option
    long long getInt(const std::string& name, long long fallback);
    double getDouble(const std::string& name, double fallback);

    void finish() const;  // throws UsageError naming an unknown option or a surplus positional
    void allowPositionals(size_t n) { maxPositionals_ = n; }

private:
    std::vector<std::pair<std::string, std::string>> options_;
    std::set<std::string> flagsGiven_;
    std::set<std::string> used_;
    std::vector<std::string> positionals_;
    size_t maxPositionals_ = 1;
};

}  // namespace cli
