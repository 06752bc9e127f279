#pragma once
// The one exception type inside the renderer. The public API turns it into gb::TemplateError,
// adding line and column computed from `offset` (a byte offset into the original source).
#include <cstddef>
#include <string>

namespace gb::jinja {

struct Failure {
    enum class Kind { Syntax, Runtime, Raised, Limit };
    static constexpr size_t kNoOffset = static_cast<size_t>(-1);

    Kind kind = Kind::Runtime;
    std::string message;
    size_t offset = kNoOffset;
};

[[noreturn]] inline void fail(std::string message) { throw Failure{Failure::Kind::Runtime, std::move(message)}; }
[[noreturn]] inline void failSyntax(std::string message, size_t offset) {
    throw Failure{Failure::Kind::Syntax, std::move(message), offset};
}
[[noreturn]] inline void failLimit(std::string message) { throw Failure{Failure::Kind::Limit, std::move(message)}; }

}  // namespace gb::jinja
