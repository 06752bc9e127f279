#pragma once
// Tokens -> syntax tree, with @huggingface/jinja's grammar and operator precedence
// (lowest first): ternary / `if` select, or, and, not, comparisons and (not) in,
// + - ~, * / // %, **, is-tests, |filters, unary sign, member access and calls.
#include <vector>

#include "template/jinja_ast.h"
#include "template/jinja_lexer.h"

namespace gb::jinja {

// Throws Failure (Syntax) naming the offending token's offset; nesting deeper than
// maxDepth is a Limit failure.
NodePtr parseTemplate(const std::vector<Token>& tokens, size_t sourceSize, int maxDepth);

}  // namespace gb::jinja
