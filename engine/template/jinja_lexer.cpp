// The tokenizer, step for step as @huggingface/jinja's lexer.ts, on preprocessed text.
#include "template/jinja_lexer.h"

#include <array>
#include <utility>

#include "template/jinja_failure.h"
#include "template/jinja_unicode.h"

namespace gb::jinja {

const char* tokName(Tok t) {
    static const char* const names[] = {
        "Text", "NumericLiteral", "StringLiteral", "Identifier", "Equals", "OpenParen", "CloseParen",
        "OpenStatement", "CloseStatement", "OpenExpression", "CloseExpression", "OpenSquareBracket",
        "CloseSquareBracket", "OpenCurlyBracket", "CloseCurlyBracket", "Comma", "Dot", "Colon", "Pipe",
        "AdditiveBinaryOperator", "MultiplicativeBinaryOperator", "ExponentiationBinaryOperator",
        "ComparisonBinaryOperator", "UnaryOperator", "Comment",
    };
    return names[static_cast<int>(t)];
}

namespace {

// Longer sequences first where one is a prefix of another, as in the reference table.
const std::array<std::pair<const char*, Tok>, 29> kMapping = {{
    {"{%", Tok::OpenStatement}, {"%}", Tok::CloseStatement}, {"{{", Tok::OpenExpression},
    {"}}", Tok::CloseExpression}, {"(", Tok::OpenParen}, {")", Tok::CloseParen},
    {"{", Tok::OpenCurlyBracket}, {"}", Tok::CloseCurlyBracket}, {"[", Tok::OpenSquareBracket},
    {"]", Tok::CloseSquareBracket}, {",", Tok::Comma}, {".", Tok::Dot}, {":", Tok::Colon}, {"|", Tok::Pipe},
    {"<=", Tok::ComparisonBinaryOperator}, {">=", Tok::ComparisonBinaryOperator},
    {"==", Tok::ComparisonBinaryOperator}, {"!=", Tok::ComparisonBinaryOperator},
    {"<", Tok::ComparisonBinaryOperator}, {">", Tok::ComparisonBinaryOperator},
    {"+", Tok::AdditiveBinaryOperator}, {"-", Tok::AdditiveBinaryOperator}, {"~", Tok::AdditiveBinaryOperator},
    {"**", Tok::ExponentiationBinaryOperator}, {"*", Tok::MultiplicativeBinaryOperator},
    {"//", Tok::MultiplicativeBinaryOperator}, {"/", Tok::MultiplicativeBinaryOperator},
    {"%", Tok::MultiplicativeBinaryOperator}, {"=", Tok::Equals},
}};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
int hexValue(char c) {
    if (isDigit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Lexer {
public:
    explicit Lexer(MappedText src) : m_(std::move(src)), s_(m_.text) {}

    std::vector<Token> run();

private:
    size_t orig(size_t i) const { return i < m_.origin.size() ? m_.origin[i] : (m_.origin.empty() ? 0 : m_.origin.back() + 1); }
    [[noreturn]] void error(const std::string& msg, size_t at) const { failSyntax(msg, orig(at)); }
    bool startsWith(const char* seq) const { return s_.compare(pos_, std::char_traits<char>::length(seq), seq) == 0; }
    bool whitespaceAt(size_t i, size_t* next = nullptr) const;
    Tok lastType() const { return tokens_.empty() ? Tok::Text : tokens_.back().type; }
    void push(Tok t, std::string v, size_t at) { tokens_.push_back({t, std::move(v), orig(at)}); }
    void stripTrailingWhitespace();
    void skipLeadingWhitespace();
    template <class Pred> std::string consumeWhile(Pred pred);
    std::string readEscape();
    void flushSurrogate(std::string& out);
    void lexComment();
    void lexSign(char c);

    MappedText m_;
    const std::string& s_;
    size_t pos_ = 0;
    int curlyDepth_ = 0;
    char32_t pendingHigh_ = 0;  // a \uD800-\uDBFF escape waiting for its low half
    std::vector<Token> tokens_;
};

bool Lexer::whitespaceAt(size_t i, size_t* next) const {
    if (i >= s_.size()) return false;
    size_t j = i;
    const bool ws = isJsWhitespace(decodeUtf8(s_, j));
    if (next) *next = j;
    return ws;
}

void Lexer::stripTrailingWhitespace() {
    if (tokens_.empty() || tokens_.back().type != Tok::Text) return;
    std::string& v = tokens_.back().value;
    v.resize(jsTrimEnd(v).size());
    if (v.empty()) tokens_.pop_back();
}

void Lexer::skipLeadingWhitespace() {
    size_t next;
    while (whitespaceAt(pos_, &next)) pos_ = next;
}

// A lone high surrogate from a \uD8xx escape becomes U+FFFD, as Node prints it.
void Lexer::flushSurrogate(std::string& out) {
    if (pendingHigh_) appendUtf8(out, 0xFFFD);
    pendingHigh_ = 0;
}

// Reads one escape after a backslash (pos_ is on the character after it).
std::string Lexer::readEscape() {
    if (pos_ >= s_.size()) error("Unexpected end of input", pos_);
    const char e = s_[pos_++];
    std::string out;
    if (e == 'x' || e == 'u') {
        const size_t len = e == 'x' ? 2 : 4;
        char32_t v = 0;
        for (size_t k = 0; k < len; ++k) {
            const int h = pos_ + k < s_.size() ? hexValue(s_[pos_ + k]) : -1;
            if (h < 0) error(std::string("Invalid hexadecimal escape sequence: \\") + e + s_.substr(pos_, len), pos_ - 2);
            v = v * 16 + static_cast<char32_t>(h);
        }
        pos_ += len;
        if (v >= 0xDC00 && v <= 0xDFFF && pendingHigh_) {
            appendUtf8(out, 0x10000 + ((pendingHigh_ - 0xD800) << 10) + (v - 0xDC00));
            pendingHigh_ = 0;
            return out;
        }
        flushSurrogate(out);
        if (v >= 0xD800 && v <= 0xDBFF) pendingHigh_ = v;
        else appendUtf8(out, v);
        return out;
    }
    flushSurrogate(out);
    switch (e) {
        case 'n': return out + "\n";
        case 't': return out + "\t";
        case 'r': return out + "\r";
        case 'b': return out + "\b";
        case 'f': return out + "\f";
        case 'v': return out + "\v";
        case '\'': return out + "'";
        case '"': return out + "\"";
        case '\\': return out + "\\";
        default: error(std::string("Unexpected escaped character: ") + e, pos_ - 2);
    }
}

template <class Pred>
std::string Lexer::consumeWhile(Pred pred) {
    std::string str;
    while (pos_ < s_.size() && pred(s_[pos_])) {
        if (s_[pos_] == '\\') {
            ++pos_;
            str += readEscape();
            continue;
        }
        flushSurrogate(str);
        str += s_[pos_++];
        if (pos_ >= s_.size()) error("Unexpected end of input", pos_);
    }
    if (pos_ >= s_.size()) error("Unexpected end of input", pos_);
    flushSurrogate(str);
    return str;
}

void Lexer::lexComment() {
    const size_t start = pos_;
    pos_ += 2;
    const bool stripBefore = pos_ < s_.size() && s_[pos_] == '-';
    if (stripBefore) ++pos_;
    std::string comment;
    while (!(pos_ + 1 < s_.size() && s_[pos_] == '#' && s_[pos_ + 1] == '}')) {
        if (pos_ + 2 >= s_.size()) error("Missing end of comment tag", start);
        comment += s_[pos_++];
    }
    const bool stripAfter = !comment.empty() && comment.back() == '-';
    if (stripAfter) comment.pop_back();
    if (stripBefore) stripTrailingWhitespace();
    push(Tok::Comment, std::move(comment), start);
    pos_ += 2;
    if (stripAfter) skipLeadingWhitespace();
}

// A '-' or '+' where no operand precedes it: a signed number literal or a unary operator.
void Lexer::lexSign(char c) {
    const size_t start = pos_++;
    std::string num = consumeWhile(isDigit);
    if (!num.empty() && pos_ + 1 < s_.size() && s_[pos_] == '.' && isDigit(s_[pos_ + 1])) {
        ++pos_;
        num += "." + consumeWhile(isDigit);
    }
    push(num.empty() ? Tok::UnaryOperator : Tok::NumericLiteral, std::string(1, c) + num, start);
}

std::vector<Token> Lexer::run() {
    while (pos_ < s_.size()) {
        const Tok last = lastType();
        if (tokens_.empty() || last == Tok::CloseStatement || last == Tok::CloseExpression || last == Tok::Comment) {
            const size_t start = pos_;
            while (pos_ < s_.size() &&
                   !(s_[pos_] == '{' && pos_ + 1 < s_.size() && (s_[pos_ + 1] == '%' || s_[pos_ + 1] == '{' || s_[pos_ + 1] == '#')))
                ++pos_;
            if (pos_ > start) {
                push(Tok::Text, s_.substr(start, pos_ - start), start);
                continue;
            }
        }
        if (startsWith("{#")) {
            lexComment();
            continue;
        }
        if (startsWith("{%-")) {
            stripTrailingWhitespace();
            push(Tok::OpenStatement, "{%", pos_);
            pos_ += 3;
            continue;
        }
        if (startsWith("{{-")) {
            stripTrailingWhitespace();
            push(Tok::OpenExpression, "{{", pos_);
            curlyDepth_ = 0;
            pos_ += 3;
            continue;
        }
        skipLeadingWhitespace();  // whitespace inside a tag
        if (pos_ >= s_.size()) error("Unexpected end of input", pos_);
        if (startsWith("-%}") || startsWith("-}}")) {
            const bool stmt = s_[pos_ + 1] == '%';
            push(stmt ? Tok::CloseStatement : Tok::CloseExpression, stmt ? "%}" : "}}", pos_);
            pos_ += 3;
            skipLeadingWhitespace();
            continue;
        }
        const char c = s_[pos_];
        if (c == '-' || c == '+') {
            const Tok prev = lastType();
            if (tokens_.empty() || prev == Tok::Text) error(std::string("Unexpected character: ") + c, pos_);
            if (prev != Tok::Identifier && prev != Tok::NumericLiteral && prev != Tok::StringLiteral &&
                prev != Tok::CloseParen && prev != Tok::CloseSquareBracket) {
                lexSign(c);
                continue;
            }
        }
        bool matched = false;
        for (const auto& [seq, type] : kMapping) {
            if (type == Tok::CloseExpression && curlyDepth_ > 0) continue;
            if (!startsWith(seq)) continue;
            push(type, seq, pos_);
            if (type == Tok::OpenExpression) curlyDepth_ = 0;
            else if (type == Tok::OpenCurlyBracket) ++curlyDepth_;
            else if (type == Tok::CloseCurlyBracket) --curlyDepth_;
            pos_ += std::char_traits<char>::length(seq);
            matched = true;
            break;
        }
        if (matched) continue;
        if (c == '\'' || c == '"') {
            const size_t start = pos_++;
            std::string str = consumeWhile([c](char ch) { return ch != c; });
            push(Tok::StringLiteral, std::move(str), start);
            ++pos_;
            continue;
        }
        if (isDigit(c)) {
            const size_t start = pos_;
            std::string num = consumeWhile(isDigit);
            if (lastType() != Tok::Dot && pos_ + 1 < s_.size() && s_[pos_] == '.' && isDigit(s_[pos_ + 1])) {
                ++pos_;
                num += "." + consumeWhile(isDigit);
            }
            push(Tok::NumericLiteral, std::move(num), start);
            continue;
        }
        if (isAsciiWordChar(c)) {
            const size_t start = pos_;
            push(Tok::Identifier, consumeWhile(isAsciiWordChar), start);
            continue;
        }
        size_t end = pos_;
        decodeUtf8(s_, end);
        error("Unexpected character: " + s_.substr(pos_, end - pos_), pos_);
    }
    return std::move(tokens_);
}

}  // namespace

std::vector<Token> tokenize(std::string_view source) { return Lexer(preprocessTemplate(source)).run(); }

}  // namespace gb::jinja
