// The recursive-descent parser, rule for rule as @huggingface/jinja's parser.ts: statements.
#include "template/jinja_parser.h"

#include "template/jinja_parser_impl.h"

namespace gb::jinja {

NodePtr Parser::any() {
    Depth d(*this);
    const Token& tok = t_[cur_];
    switch (tok.type) {
        case Tok::Comment: ++cur_; return node(NodeKind::Comment, tok.pos);
        case Tok::Text: {
            auto n = node(NodeKind::Text, tok.pos);
            n->text = tok.value;
            ++cur_;
            return n;
        }
        case Tok::OpenStatement: return statement();
        case Tok::OpenExpression: {
            ++cur_;
            auto e = expression();
            expect(Tok::CloseExpression, "'}}'");
            return e;
        }
        default: error("unexpected " + describe());
    }
}

NodePtr Parser::statement() {
    const size_t pos = t_[cur_].pos;
    expect(Tok::OpenStatement, "'{%'");
    if (!is(Tok::Identifier)) error("expected a statement name, found " + describe());
    const std::string name = t_[cur_].value;
    if (name == "set") return ++cur_, setStatement(pos);
    if (name == "if") {
        ++cur_;
        auto n = ifStatement(pos);
        expectEnd("endif");
        return n;
    }
    if (name == "macro") {
        ++cur_;
        auto n = macroStatement(pos);
        expectEnd("endmacro");
        return n;
    }
    if (name == "for") {
        ++cur_;
        auto n = forStatement(pos);
        expectEnd("endfor");
        return n;
    }
    if (name == "call") return ++cur_, callStatement(pos);
    if (name == "filter") return ++cur_, filterStatement(pos);
    if (name == "break" || name == "continue") {
        ++cur_;
        expect(Tok::CloseStatement, "'%}'");
        return node(name == "break" ? NodeKind::Break : NodeKind::Continue, pos);
    }
    error("unknown statement '" + name + "'");
}

NodePtr Parser::setStatement(size_t pos) {
    auto n = node(NodeKind::Set, pos);
    n->a = expressionSequence(false);
    if (is(Tok::Equals)) {
        ++cur_;
        n->b = expressionSequence(false);
    } else {
        expect(Tok::CloseStatement, "'=' or '%}'");
        bodyUntil(n->body, {"endset"}, "set");
        expect(Tok::OpenStatement, "'{%'");
        expectIdent("endset");
    }
    expect(Tok::CloseStatement, "'%}'");
    return n;
}

NodePtr Parser::ifStatement(size_t pos) {
    Depth d(*this);
    auto n = node(NodeKind::If, pos);
    n->a = expression();
    expect(Tok::CloseStatement, "'%}'");
    bodyUntil(n->body, {"elif", "else", "endif"}, "if");
    if (isStatement({"elif"})) {
        const size_t elifPos = t_[cur_].pos;
        cur_ += 2;
        n->alternate.push_back(ifStatement(elifPos));
    } else {
        elseBlock(n->alternate, "endif", "if");
    }
    return n;
}

NodePtr Parser::macroStatement(size_t pos) {
    auto n = node(NodeKind::Macro, pos);
    auto name = primary();
    if (name->kind != NodeKind::Identifier) error("expected a macro name");
    n->text = name->text;
    n->list = args(true);
    expect(Tok::CloseStatement, "'%}'");
    bodyUntil(n->body, {"endmacro"}, "macro");
    return n;
}

NodePtr Parser::forStatement(size_t pos) {
    auto n = node(NodeKind::For, pos);
    n->a = expressionSequence(true);
    if (n->a->kind != NodeKind::Identifier && n->a->kind != NodeKind::TupleLiteral)
        failSyntax("expected a loop variable name or tuple", n->a->pos);
    if (!isIdent("in")) error("expected 'in' after the loop variable, found " + describe());
    ++cur_;
    n->b = expression();
    expect(Tok::CloseStatement, "'%}'");
    bodyUntil(n->body, {"endfor", "else"}, "for");
    elseBlock(n->alternate, "endfor", "for");
    return n;
}

NodePtr Parser::callStatement(size_t pos) {
    auto n = node(NodeKind::CallStatement, pos);
    if (is(Tok::OpenParen)) {
        n->flag = true;
        n->list = args(true);
    }
    auto callee = primary();
    if (callee->kind != NodeKind::Identifier) failSyntax("expected a macro name after 'call'", callee->pos);
    auto call = node(NodeKind::Call, callee->pos);
    call->a = std::move(callee);
    call->list = args(false);
    n->a = std::move(call);
    expect(Tok::CloseStatement, "'%}'");
    bodyUntil(n->body, {"endcall"}, "call");
    expectEnd("endcall");
    return n;
}

NodePtr Parser::filterStatement(size_t pos) {
    auto n = node(NodeKind::FilterStatement, pos);
    auto f = primary();
    if (f->kind == NodeKind::Identifier && is(Tok::OpenParen)) f = callExpression(std::move(f));
    n->a = std::move(f);
    expect(Tok::CloseStatement, "'%}'");
    bodyUntil(n->body, {"endfilter"}, "filter");
    expectEnd("endfilter");
    return n;
}

NodePtr parseTemplate(const std::vector<Token>& tokens, size_t sourceSize, int maxDepth) {
    return Parser(tokens, sourceSize, maxDepth).program();
}

}  // namespace gb::jinja
