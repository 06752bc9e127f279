// The recursive-descent parser, rule for rule as @huggingface/jinja's parser.ts: expressions.
#include <set>

#include "template/jinja_number.h"
#include "template/jinja_parser_impl.h"

namespace gb::jinja {

NodePtr Parser::expressionSequence(bool primaryOnly) {
    const size_t pos = here();
    auto first = primaryOnly ? primary() : expression();
    if (!is(Tok::Comma)) return first;
    auto tuple = node(NodeKind::TupleLiteral, pos);
    tuple->list.push_back(std::move(first));
    while (is(Tok::Comma)) {
        ++cur_;
        tuple->list.push_back(primaryOnly ? primary() : expression());
    }
    return tuple;
}

NodePtr Parser::ifExpression() {
    Depth d(*this);
    auto a = orExpression();
    if (!isIdent("if")) return a;
    const size_t pos = t_[cur_++].pos;
    auto test = orExpression();
    if (isIdent("else")) {
        ++cur_;
        auto n = node(NodeKind::Ternary, pos);
        n->a = std::move(test);
        n->b = std::move(a);
        n->c = ifExpression();
        return n;
    }
    auto n = node(NodeKind::Select, pos);
    n->a = std::move(a);
    n->b = std::move(test);
    return n;
}

NodePtr Parser::orExpression() {
    auto left = andExpression();
    Chain chain(*this);
    while (isIdent("or")) {
        chain.grow();
        const Token& op = t_[cur_++];
        left = binary(op, std::move(left), andExpression(), "or");
    }
    return left;
}

NodePtr Parser::andExpression() {
    auto left = notExpression();
    Chain chain(*this);
    while (isIdent("and")) {
        chain.grow();
        const Token& op = t_[cur_++];
        left = binary(op, std::move(left), notExpression(), "and");
    }
    return left;
}

NodePtr Parser::notExpression() {
    if (!isIdent("not")) return comparison();
    Depth d(*this);
    auto n = node(NodeKind::Unary, t_[cur_++].pos);
    n->text = "not";
    n->a = notExpression();
    return n;
}

NodePtr Parser::comparison() {
    auto left = additive();
    Chain chain(*this);
    while (true) {
        chain.grow();
        if (isIdent("not") && isIdent("in", 1)) {
            const Token& op = t_[cur_];
            cur_ += 2;
            left = binary(op, std::move(left), additive(), "not in");
        } else if (isIdent("in") || is(Tok::ComparisonBinaryOperator)) {
            const Token& op = t_[cur_++];
            left = binary(op, std::move(left), additive(), op.value);
        } else {
            return left;
        }
    }
}

NodePtr Parser::additive() {
    auto left = multiplicative();
    Chain chain(*this);
    while (is(Tok::AdditiveBinaryOperator)) {
        chain.grow();
        const Token& op = t_[cur_++];
        left = binary(op, std::move(left), multiplicative(), op.value);
    }
    return left;
}

NodePtr Parser::multiplicative() {
    auto left = power();
    Chain chain(*this);
    while (is(Tok::MultiplicativeBinaryOperator)) {
        chain.grow();
        const Token& op = t_[cur_++];
        left = binary(op, std::move(left), power(), op.value);
    }
    return left;
}

NodePtr Parser::power() {
    auto left = testExpression();
    Chain chain(*this);
    while (is(Tok::ExponentiationBinaryOperator)) {
        chain.grow();
        const Token& op = t_[cur_++];
        left = binary(op, std::move(left), testExpression(), op.value);
    }
    return left;
}

NodePtr Parser::testExpression() {
    auto operand = filterExpression();
    Chain chain(*this);
    while (isIdent("is")) {
        chain.grow();
        auto n = node(NodeKind::Test, t_[cur_++].pos);
        n->flag = isIdent("not");
        if (n->flag) ++cur_;
        auto test = primary();
        if (test->kind != NodeKind::Identifier) failSyntax("expected a test name after 'is'", test->pos);
        n->text = test->text;
        n->a = std::move(operand);
        operand = std::move(n);
    }
    return operand;
}

NodePtr Parser::filterExpression() {
    auto operand = unarySign();
    Chain chain(*this);
    while (is(Tok::Pipe)) {
        chain.grow();
        auto n = node(NodeKind::Filter, t_[cur_++].pos);
        auto f = primary();
        if (f->kind != NodeKind::Identifier) failSyntax("expected a filter name after '|'", f->pos);
        if (is(Tok::OpenParen)) f = callExpression(std::move(f));
        n->a = std::move(operand);
        n->b = std::move(f);
        operand = std::move(n);
    }
    return operand;
}

NodePtr Parser::unarySign() {
    if ((is(Tok::UnaryOperator) || is(Tok::AdditiveBinaryOperator)) && (t_[cur_].value == "-" || t_[cur_].value == "+")) {
        Depth d(*this);
        auto n = node(NodeKind::Unary, t_[cur_].pos);
        n->text = t_[cur_++].value;
        n->a = unarySign();
        return n;
    }
    return callMember();
}

NodePtr Parser::callMember() {
    auto m = member(primary());
    return is(Tok::OpenParen) ? callExpression(std::move(m)) : std::move(m);
}

NodePtr Parser::callExpression(NodePtr callee) {
    Depth d(*this);
    auto n = node(NodeKind::Call, callee->pos);
    n->a = std::move(callee);
    n->list = args(false);
    NodePtr e = member(std::move(n));
    return is(Tok::OpenParen) ? callExpression(std::move(e)) : std::move(e);
}

NodeList Parser::args(bool parameters) {
    expect(Tok::OpenParen, "'('");
    NodeList out;
    std::set<std::string> names;
    bool sawKeyword = false, sawSpread = false;
    while (!is(Tok::CloseParen)) {
        if (cur_ >= t_.size()) error("unexpected end of template in an argument list");
        const size_t pos = here();
        const bool kwSpread = is(Tok::ExponentiationBinaryOperator);
        const bool spread = is(Tok::MultiplicativeBinaryOperator) && t_[cur_].value == "*";
        if (parameters && (kwSpread || spread)) error("argument unpacking is not allowed in parameter declarations");
        if (kwSpread) {
            ++cur_;
            auto n = node(NodeKind::KeywordSpread, pos);
            n->a = expression();
            out.push_back(std::move(n));
            if (is(Tok::Comma)) ++cur_;
            if (!is(Tok::CloseParen)) error("'**' must be applied to the final argument");
            break;
        }
        NodePtr arg;
        if (spread) {
            if (sawSpread) error("only one '*' argument unpacking is allowed");
            sawSpread = true;
            ++cur_;
            arg = node(NodeKind::Spread, pos);
            arg->a = expression();
        } else {
            arg = expression();
            if (is(Tok::Equals)) {
                ++cur_;
                if (arg->kind != NodeKind::Identifier)
                    failSyntax(parameters ? "expected a parameter name" : "expected a keyword argument name", arg->pos);
                auto kw = node(NodeKind::KeywordArg, arg->pos);
                kw->text = arg->text;
                kw->a = expression();
                arg = std::move(kw);
            }
            if (parameters) {
                if (arg->kind != NodeKind::Identifier && arg->kind != NodeKind::KeywordArg) failSyntax("expected a parameter name", arg->pos);
                if (!names.insert(arg->text).second) failSyntax("duplicate parameter name: " + arg->text, arg->pos);
            }
            if (arg->kind == NodeKind::KeywordArg) sawKeyword = true;
            else if (sawKeyword)
                failSyntax(parameters ? "non-default argument follows default argument" : "positional argument follows keyword argument", arg->pos);
            else if (sawSpread) failSyntax("positional argument follows '*' argument unpacking", arg->pos);
        }
        out.push_back(std::move(arg));
        if (is(Tok::Comma)) ++cur_;
    }
    expect(Tok::CloseParen, "')'");
    return out;
}

// Inside [ ]: an index, or a slice [start:stop:step] with any part left out.
NodePtr Parser::subscript(size_t pos) {
    NodeList parts;
    bool isSlice = false;
    while (!is(Tok::CloseSquareBracket)) {
        if (cur_ >= t_.size()) error("unexpected end of template in '[ ]'");
        if (is(Tok::Colon)) {
            parts.push_back(nullptr);
            ++cur_;
            isSlice = true;
        } else {
            parts.push_back(expression());
            if (is(Tok::Colon)) {
                ++cur_;
                isSlice = true;
            }
        }
    }
    if (parts.empty()) error("expected an index or a slice in '[ ]'");
    if (!isSlice) return std::move(parts[0]);
    if (parts.size() > 3) failSyntax("a slice has at most three parts", pos);
    auto n = node(NodeKind::Slice, pos);
    n->a = std::move(parts[0]);
    if (parts.size() > 1) n->b = std::move(parts[1]);
    if (parts.size() > 2) n->c = std::move(parts[2]);
    return n;
}

NodePtr Parser::member(NodePtr object) {
    Chain chain(*this);
    while (is(Tok::Dot) || is(Tok::OpenSquareBracket)) {
        chain.grow();
        const Token& op = t_[cur_++];
        auto n = node(NodeKind::Member, op.pos);
        n->flag = op.type == Tok::OpenSquareBracket;
        if (n->flag) {
            n->b = subscript(op.pos);
            expect(Tok::CloseSquareBracket, "']'");
        } else {
            n->b = primary();
            if (n->b->kind != NodeKind::Identifier && n->b->kind != NodeKind::IntegerLiteral)
                failSyntax("expected a name or an integer after '.'", n->b->pos);
        }
        n->a = std::move(object);
        object = std::move(n);
    }
    return object;
}

NodePtr Parser::primary() {
    Depth d(*this);
    if (cur_ >= t_.size()) error("unexpected end of template");
    const Token& tok = t_[cur_++];
    switch (tok.type) {
        case Tok::NumericLiteral: {
            const bool isFloat = tok.value.find('.') != std::string::npos;
            auto n = node(isFloat ? NodeKind::FloatLiteral : NodeKind::IntegerLiteral, tok.pos);
            n->number = jsStringToNumber(tok.value);
            return n;
        }
        case Tok::StringLiteral: {
            auto n = node(NodeKind::StringLiteral, tok.pos);
            n->text = tok.value;
            while (is(Tok::StringLiteral)) n->text += t_[cur_++].value;
            return n;
        }
        case Tok::Identifier: {
            auto n = node(NodeKind::Identifier, tok.pos);
            n->text = tok.value;
            return n;
        }
        case Tok::OpenParen: {
            auto e = expressionSequence(false);
            expect(Tok::CloseParen, "')'");
            return e;
        }
        case Tok::OpenSquareBracket: {
            auto n = node(NodeKind::ArrayLiteral, tok.pos);
            while (!is(Tok::CloseSquareBracket)) {
                if (cur_ >= t_.size()) error("unexpected end of template in a list");
                n->list.push_back(expression());
                if (is(Tok::Comma)) ++cur_;
            }
            ++cur_;
            return n;
        }
        case Tok::OpenCurlyBracket: {
            auto n = node(NodeKind::ObjectLiteral, tok.pos);
            while (!is(Tok::CloseCurlyBracket)) {
                if (cur_ >= t_.size()) error("unexpected end of template in a dict");
                n->list.push_back(expression());
                expect(Tok::Colon, "':'");
                n->list2.push_back(expression());
                if (is(Tok::Comma)) ++cur_;
            }
            ++cur_;
            return n;
        }
        default: --cur_; error("unexpected " + describe());
    }
}

}  // namespace gb::jinja
