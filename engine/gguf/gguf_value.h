#pragma once
// A GGUF metadata value: a scalar, a string or a (possibly nested) array.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gb {

enum class GgufType : uint32_t {
    U8 = 0, I8 = 1, U16 = 2, I16 = 3, U32 = 4, I32 = 5, F32 = 6, Bool = 7,
    String = 8, Array = 9, U64 = 10, I64 = 11, F64 = 12,
};

const char* ggufTypeName(GgufType t);

struct GgufValue {
    GgufType type = GgufType::U8;
    // Scalars: integers in i (signed types) or u (unsigned and bool), floats in f.
    int64_t i = 0;
    uint64_t u = 0;
    double f = 0;
    std::string str;
    // Arrays: element type and items. Arrays of strings keep items as strings.
    GgufType elemType = GgufType::U8;
    std::vector<GgufValue> items;

    bool isInteger() const;
    bool isNumber() const { return isInteger() || type == GgufType::F32 || type == GgufType::F64; }
    std::optional<int64_t> asInt() const;     // integer or bool types
    std::optional<double> asDouble() const;   // any number
    std::string toString(size_t maxItems = 8) const;  // for `info` displays
};

}  // namespace gb
