#pragma once
// Numbers the way JavaScript writes and reads them (every number is a double, as in JS).
#include <string>
#include <string_view>

namespace gb::jinja {

std::string jsNumberToString(double x);  // Number.prototype.toString(): 1, 0.5, 1e+21, NaN
std::string jsFloatToString(double x);   // @huggingface/jinja FloatValue: 3.0, -0.0, 0.5
double jsParseInt(std::string_view s);   // parseInt(s, 10); NaN when there are no digits
double jsParseFloat(std::string_view s); // parseFloat(s)
double jsStringToNumber(std::string_view s);  // Number(s), as loose equality converts

}  // namespace gb::jinja
