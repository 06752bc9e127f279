#include "gguf/gguf_value.h"

#include <sstream>

namespace gb {

const char* ggufTypeName(GgufType t) {
    switch (t) {
        case GgufType::U8: return "u8";
        case GgufType::I8: return "i8";
        case GgufType::U16: return "u16";
        case GgufType::I16: return "i16";
        case GgufType::U32: return "u32";
        case GgufType::I32: return "i32";
        case GgufType::F32: return "f32";
        case GgufType::Bool: return "bool";
        case GgufType::String: return "string";
        case GgufType::Array: return "array";
        case GgufType::U64: return "u64";
        case GgufType::I64: return "i64";
        case GgufType::F64: return "f64";
    }
    return "?";
}

bool GgufValue::isInteger() const {
    switch (type) {
        case GgufType::U8: case GgufType::I8: case GgufType::U16: case GgufType::I16:
        case GgufType::U32: case GgufType::I32: case GgufType::U64: case GgufType::I64:
        case GgufType::Bool:
            return true;
        default:
            return false;
    }
}

std::optional<int64_t> GgufValue::asInt() const {
    switch (type) {
        case GgufType::U8: case GgufType::U16: case GgufType::U32: case GgufType::U64: case GgufType::Bool:
            if (u > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
            return static_cast<int64_t>(u);
        case GgufType::I8: case GgufType::I16: case GgufType::I32: case GgufType::I64:
            return i;
        default:
            return std::nullopt;
    }
}

std::optional<double> GgufValue::asDouble() const {
    if (type == GgufType::F32 || type == GgufType::F64) return f;
    if (auto v = asInt()) return static_cast<double>(*v);
    return std::nullopt;
}

std::string GgufValue::toString(size_t maxItems) const {
    std::ostringstream os;
    switch (type) {
        case GgufType::String: os << str; break;
        case GgufType::Bool: os << (u ? "true" : "false"); break;
        case GgufType::F32: case GgufType::F64: os << f; break;
        case GgufType::Array: {
            os << '[';
            for (size_t k = 0; k < items.size() && k < maxItems; ++k) os << (k ? ", " : "") << items[k].toString(maxItems);
            if (items.size() > maxItems) os << ", … (" << items.size() << " items)";
            os << ']';
            break;
        }
        default:
            if (type == GgufType::I8 || type == GgufType::I16 || type == GgufType::I32 || type == GgufType::I64) os << i;
            else os << u;
    }
    return os.str();
}

}  // namespace gb
