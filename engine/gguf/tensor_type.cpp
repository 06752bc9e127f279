#include "gguf/tensor_type.h"

#include <array>
#include <stdexcept>

namespace gb {
namespace {
constexpr std::array kTraits = {
    TensorTypeTraits{TensorType::F32, "F32", 1, 4, true},
    TensorTypeTraits{TensorType::F16, "F16", 1, 2, true},
    TensorTypeTraits{TensorType::Q4_0, "Q4_0", 32, 18, true},
    TensorTypeTraits{TensorType::Q4_1, "Q4_1", 32, 20, true},
    TensorTypeTraits{TensorType::Q5_0, "Q5_0", 32, 22, true},
    TensorTypeTraits{TensorType::Q5_1, "Q5_1", 32, 24, true},
    TensorTypeTraits{TensorType::Q8_0, "Q8_0", 32, 34, true},
    TensorTypeTraits{TensorType::Q8_1, "Q8_1", 32, 36, false},
    TensorTypeTraits{TensorType::Q2_K, "Q2_K", 256, 84, true},
    TensorTypeTraits{TensorType::Q3_K, "Q3_K", 256, 110, true},
    TensorTypeTraits{TensorType::Q4_K, "Q4_K", 256, 144, true},
    TensorTypeTraits{TensorType::Q5_K, "Q5_K", 256, 176, true},
    TensorTypeTraits{TensorType::Q6_K, "Q6_K", 256, 210, true},
    TensorTypeTraits{TensorType::Q8_K, "Q8_K", 256, 292, false},
    TensorTypeTraits{TensorType::I8, "I8", 1, 1, false},
    TensorTypeTraits{TensorType::I16, "I16", 1, 2, false},
    TensorTypeTraits{TensorType::I32, "I32", 1, 4, false},
    TensorTypeTraits{TensorType::I64, "I64", 1, 8, false},
    TensorTypeTraits{TensorType::F64, "F64", 1, 8, false},
    TensorTypeTraits{TensorType::BF16, "BF16", 1, 2, true},
};
}  // namespace

std::optional<TensorTypeTraits> tensorTypeTraits(uint32_t rawType) {
    for (const auto& t : kTraits)
        if (static_cast<uint32_t>(t.type) == rawType) return t;
    return std::nullopt;
}

const TensorTypeTraits& traitsOf(TensorType t) {
    for (const auto& tr : kTraits)
        if (tr.type == t) return tr;
    throw std::logic_error("unknown tensor type");
}

std::string_view tensorTypeName(TensorType t) { return traitsOf(t).name; }

}  // namespace gb
