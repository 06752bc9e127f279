#include "template/jinja_number.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

size_t digitsAt(std::string_view s, size_t i) {
    while (i < s.size() && isDigit(s[i])) ++i;
    return i;
}

// Length of the longest prefix of s that is a StrDecimalLiteral (sign, Infinity, digits,
// fraction, exponent); 0 if none.
size_t decimalPrefix(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (s.substr(i, 8) == "Infinity") return i + 8;
    const size_t intEnd = digitsAt(s, i);
    size_t end = intEnd;
    bool any = intEnd > i;
    if (end < s.size() && s[end] == '.') {
        const size_t fracEnd = digitsAt(s, end + 1);
        if (fracEnd > end + 1 || any) {
            any = any || fracEnd > end + 1;
            end = fracEnd;
        }
    }
    if (!any) return 0;
    if (end < s.size() && (s[end] == 'e' || s[end] == 'E')) {
        size_t e = end + 1;
        if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
        const size_t expEnd = digitsAt(s, e);
        if (expEnd > e) end = expEnd;
    }
    return end;
}

// Locale-independent (a Qt application may have set LC_NUMERIC to a comma locale).
double toDouble(std::string_view s) {
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    double v = 0;
    if (s == "Infinity") {
        v = std::numeric_limits<double>::infinity();
    } else {
        std::from_chars(s.data(), s.data() + s.size(), v);  // out of range: ±HUGE_VAL or 0 in v
        if (v == 0 && s.find_first_of("123456789") != std::string_view::npos) {
            // from_chars leaves v alone on overflow/underflow: decide by the exponent's sign.
            const size_t e = s.find_first_of("eE");
            const bool tiny = e != std::string_view::npos && s.find('-', e) != std::string_view::npos;
            v = tiny ? 0.0 : std::numeric_limits<double>::infinity();
        }
    }
    return negative ? -v : v;
}

}  // namespace

std::string jsNumberToString(double x) {
    if (std::isnan(x)) return "NaN";
    if (x == 0) return "0";
    if (std::isinf(x)) return x < 0 ? "-Infinity" : "Infinity";
    std::string sign = x < 0 ? "-" : "";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
    std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));  // d.ddde±XX
    const size_t ePos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, ePos))
        if (c != '.') digits += c;
    const int exponent = std::atoi(std::string(sci.substr(ePos + 1)).c_str());
    const int k = static_cast<int>(digits.size()), n = exponent + 1;
    if (k <= n && n <= 21) return sign + digits + std::string(static_cast<size_t>(n - k), '0');
    if (0 < n && n <= 21) return sign + digits.substr(0, static_cast<size_t>(n)) + "." + digits.substr(static_cast<size_t>(n));
    if (-6 < n && n <= 0) return sign + "0." + std::string(static_cast<size_t>(-n), '0') + digits;
    const int e = n - 1;
    std::string exp = (e < 0 ? "e-" : "e+") + std::to_string(std::abs(e));
    if (k == 1) return sign + digits + exp;
    return sign + digits.substr(0, 1) + "." + digits.substr(1) + exp;
}

std::string jsFloatToString(double x) {
    if (x == 0 && std::signbit(x)) return "-0.0";
    if (std::isfinite(x) && std::fmod(x, 1.0) == 0) {
        if (std::fabs(x) >= 1e21) return jsNumberToString(x);
        char buf[400];
        auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, 1);
        return std::string(buf, res.ptr);
    }
    return jsNumberToString(x);
}

double jsParseInt(std::string_view s) {
    s = jsTrimStart(s);
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    const size_t end = digitsAt(s, i);
    if (end == i) return std::numeric_limits<double>::quiet_NaN();
    const double v = toDouble(s.substr(i, end - i));
    return negative ? -v : v;
}

double jsParseFloat(std::string_view s) {
    s = jsTrimStart(s);
    const size_t len = decimalPrefix(s);
    if (len == 0) return std::numeric_limits<double>::quiet_NaN();
    return toDouble(s.substr(0, len));
}

double jsStringToNumber(std::string_view s) {
    s = jsTrim(s);
    if (s.empty()) return 0;
    if (s.size() > 2 && s[0] == '0') {
        const char p = s[1];
        const int base = (p == 'x' || p == 'X') ? 16 : (p == 'o' || p == 'O') ? 8 : (p == 'b' || p == 'B') ? 2 : 0;
        if (base) {
            double v = 0;
            for (char c : s.substr(2)) {
                int d = isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
                if (d >= base) return std::numeric_limits<double>::quiet_NaN();
                v = v * base + d;
            }
            return v;
        }
    }
    if (decimalPrefix(s) != s.size()) return std::numeric_limits<double>::quiet_NaN();
    return toDouble(s);
}

}  // namespace gb::jinja
