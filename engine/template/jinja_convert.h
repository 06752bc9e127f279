#pragma once
// The three ways @huggingface/jinja turns values into text or compares them loosely:
//   displayString  RuntimeValue.toString(): what {{ x }} prints (3.0 for a float, JSON for lists)
//   rawString      value.toString() of the JS value underneath: what `~` and `+` concatenate
//                  (3 for a float, "a,b" for a list, "[object Map]" for a dict)
//   looseEquals    JS `a.value == b.value`: what `==` and `!=` compare
#include <string>

#include "template/jinja_value.h"
#include "template/template_limits.h"

namespace gb::jinja {

std::string displayString(const Value& v, const TemplateLimits& limits);
std::string rawString(const Value& v, const TemplateLimits& limits);
bool looseEquals(const Value& a, const Value& b, const TemplateLimits& limits);

}  // namespace gb::jinja
