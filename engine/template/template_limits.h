#pragma once
// Budgets for rendering an untrusted template: exceeding any one stops the render with a
// gb::TemplateError (kind Limit) instead of hanging, exhausting memory or the stack.
#include <cstddef>
#include <cstdint>

namespace gb {

struct TemplateLimits {
    size_t maxSourceBytes = 1u << 20;         // the template text
    uint64_t maxSteps = 1'000'000;            // evaluated syntax nodes plus loop iterations
    int maxDepth = 200;                       // syntax nesting, evaluation recursion (macro calls), nesting of values
    size_t maxOutputBytes = 16u << 20;        // the rendered text, and any one string built on the way
    uint64_t maxLoopIterations = 1'000'000;   // iterations of all loops together
    size_t maxListLength = 1'000'000;         // elements of any one list (range(), concatenation, …)
};

}  // namespace gb
