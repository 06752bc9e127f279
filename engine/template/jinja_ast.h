#pragma once
// The syntax tree: one node type whose fields mean different things per kind (table below),
// mirroring @huggingface/jinja's ast.ts.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace gb::jinja {

enum class NodeKind {
    Program, Text, If, For, Break, Continue, Set, Macro, Comment, CallStatement, FilterStatement,
    Member, Call, Identifier, IntegerLiteral, FloatLiteral, StringLiteral, ArrayLiteral, TupleLiteral,
    ObjectLiteral, Binary, Filter, Select, Test, Unary, Slice, KeywordArg, Spread, KeywordSpread, Ternary,
};

struct Node;
using NodePtr = std::unique_ptr<Node>;
using NodeList = std::vector<NodePtr>;

//  kind             text        number  flag       a          b          c      list        list2 / body / alternate
//  Program                                                                                   body
//  Text             the text
//  If                                              test                                      body, alternate
//  For                                             loop var   iterable (maybe Select)        body, alternate (else block)
//  Set                                             target     value|null                     body (block set)
//  Macro            name                                                         params      body
//  CallStatement                       has params  call                          params      body
//  FilterStatement                                 filter (Identifier|Call)                  body
//  Member                              computed    object     property
//  Call                                            callee                        args
//  Identifier       name
//  Integer/FloatLiteral         value
//  StringLiteral    value
//  Array/TupleLiteral                                                            items
//  ObjectLiteral                                                                 keys        list2 = values
//  Binary           operator                       left       right
//  Filter                                          operand    filter (Identifier|Call)
//  Select                                          lhs        test
//  Test             test name          negate      operand
//  Unary            operator                       operand
//  Slice                                           start?     stop?      step?
//  KeywordArg       key                            value
//  Spread/KeywordSpread                            operand
//  Ternary                                         condition  if true    if false
struct Node {
    NodeKind kind;
    size_t pos = 0;  // byte offset in the original source, for error messages
    std::string text;
    double number = 0;
    bool flag = false;
    NodePtr a, b, c;
    NodeList list, list2, body, alternate;

    Node(NodeKind k, size_t p) : kind(k), pos(p) {}
};

}  // namespace gb::jinja
