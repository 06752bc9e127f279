#pragma once
// Template source -> tokens, as @huggingface/jinja's lexer does it: the same preprocessing
// (one trailing newline dropped, lstrip_blocks and trim_blocks on, the transformers-specific
// {% generation %} tags removed), the same whitespace control ({%- -%} {{- -}} {#- -#}) and
// the same token kinds. Each token remembers where it starts in the original source.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gb::jinja {

enum class Tok {
    Text, NumericLiteral, StringLiteral, Identifier, Equals, OpenParen, CloseParen,
    OpenStatement, CloseStatement, OpenExpression, CloseExpression, OpenSquareBracket,
    CloseSquareBracket, OpenCurlyBracket, CloseCurlyBracket, Comma, Dot, Colon, Pipe,
    AdditiveBinaryOperator, MultiplicativeBinaryOperator, ExponentiationBinaryOperator,
    ComparisonBinaryOperator, UnaryOperator, Comment,
};
const char* tokName(Tok t);

struct Token {
    Tok type;
    std::string value;
    size_t pos;  // byte offset of the token's start in the original source
};

// Preprocessed text with, for every byte, its offset in the original source.
struct MappedText {
    std::string text;
    std::vector<uint32_t> origin;

    void push(char c, uint32_t from) {
        text += c;
        origin.push_back(from);
    }
    void append(const MappedText& src, size_t begin, size_t end) {
        text.append(src.text, begin, end - begin);
        origin.insert(origin.end(), src.origin.begin() + static_cast<long>(begin), src.origin.begin() + static_cast<long>(end));
    }
};

MappedText preprocessTemplate(std::string_view source);
std::vector<Token> tokenize(std::string_view source);  // throws Failure (Syntax)

}  // namespace gb::jinja
