#pragma once
// The parser's class, shared by jinja_parser.cpp (statements) and jinja_parser_expr.cpp
// (expressions). Internal to the renderer.
#include <initializer_list>
#include <string>
#include <vector>

#include "template/jinja_ast.h"
#include "template/jinja_failure.h"
#include "template/jinja_lexer.h"

namespace gb::jinja {

class Parser {
public:
    Parser(const std::vector<Token>& t, size_t end, int maxDepth) : t_(t), end_(end), maxDepth_(maxDepth) {}

    NodePtr program() {
        auto p = node(NodeKind::Program, 0);
        while (cur_ < t_.size()) p->body.push_back(any());
        return p;
    }

private:
    struct Depth {
        Parser& p;
        explicit Depth(Parser& parser) : p(parser) {
            if (++p.depth_ > p.maxDepth_) {
                throw Failure{Failure::Kind::Limit, "template nested too deeply (limit " + std::to_string(p.maxDepth_) + ")", p.here()};
            }
        }
        ~Depth() { --p.depth_; }
    };
    // A left-associative chain (a + b + c, a.b.c, x|f|g) nests one level per link.
    struct Chain {
        Parser& p;
        int links = 0;
        explicit Chain(Parser& parser) : p(parser) {}
        void grow() {
            ++links;
            if (++p.depth_ > p.maxDepth_) {
                throw Failure{Failure::Kind::Limit, "template nested too deeply (limit " + std::to_string(p.maxDepth_) + ")", p.here()};
            }
        }
        ~Chain() { p.depth_ -= links; }
    };

    size_t here() const { return cur_ < t_.size() ? t_[cur_].pos : end_; }
    NodePtr node(NodeKind k, size_t pos) { return std::make_unique<Node>(k, pos); }
    [[noreturn]] void error(const std::string& msg) const { failSyntax(msg, here()); }
    std::string describe() const {
        if (cur_ >= t_.size()) return "end of template";
        return std::string(tokName(t_[cur_].type)) + " '" + t_[cur_].value + "'";
    }

    bool is(Tok t, size_t ahead = 0) const { return cur_ + ahead < t_.size() && t_[cur_ + ahead].type == t; }
    bool isIdent(const char* name, size_t ahead = 0) const { return is(Tok::Identifier, ahead) && t_[cur_ + ahead].value == name; }
    bool isStatement(std::initializer_list<const char*> names) const {
        if (!is(Tok::OpenStatement) || !is(Tok::Identifier, 1)) return false;
        for (const char* n : names)
            if (t_[cur_ + 1].value == n) return true;
        return false;
    }
    const Token& expect(Tok type, const char* what) {
        if (!is(type)) error(std::string("expected ") + what + ", found " + describe());
        return t_[cur_++];
    }
    void expectIdent(const char* name) {
        if (!isIdent(name)) error(std::string("expected '") + name + "', found " + describe());
        ++cur_;
    }
    void expectEnd(const char* name) {
        expect(Tok::OpenStatement, "'{%'");
        expectIdent(name);
        expect(Tok::CloseStatement, "'%}'");
    }
    // Statements up to one of the given closing tags; running out of tokens is an error.
    void bodyUntil(NodeList& out, std::initializer_list<const char*> names, const char* opener) {
        while (!isStatement(names)) {
            if (cur_ >= t_.size()) error(std::string("unexpected end of template: '") + opener + "' is not closed");
            out.push_back(any());
        }
    }

    // An optional {% else %} and the statements after it, up to {% end %}.
    void elseBlock(NodeList& out, const char* end, const char* opener) {
        if (!isStatement({"else"})) return;
        cur_ += 2;
        expect(Tok::CloseStatement, "'%}'");
        bodyUntil(out, {end}, opener);
    }

    NodePtr any();
    NodePtr statement();
    NodePtr setStatement(size_t pos);
    NodePtr ifStatement(size_t pos);
    NodePtr macroStatement(size_t pos);
    NodePtr forStatement(size_t pos);
    NodePtr callStatement(size_t pos);
    NodePtr filterStatement(size_t pos);
    NodePtr expressionSequence(bool primary);
    NodePtr expression() { return ifExpression(); }
    NodePtr ifExpression();
    NodePtr orExpression();
    NodePtr andExpression();
    NodePtr notExpression();
    NodePtr comparison();
    NodePtr additive();
    NodePtr multiplicative();
    NodePtr power();
    NodePtr testExpression();
    NodePtr filterExpression();
    NodePtr unarySign();
    NodePtr callMember();
    NodePtr callExpression(NodePtr callee);
    NodeList args(bool parameters);
    NodePtr subscript(size_t pos);
    NodePtr member(NodePtr object);
    NodePtr primary();
    NodePtr binary(const Token& op, NodePtr l, NodePtr r, const std::string& text) {
        auto n = node(NodeKind::Binary, op.pos);
        n->text = text;
        n->a = std::move(l);
        n->b = std::move(r);
        return n;
    }

    const std::vector<Token>& t_;
    size_t end_;
    int maxDepth_;
    size_t cur_ = 0;
    int depth_ = 0;
};

}  // namespace gb::jinja
