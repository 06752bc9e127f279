#pragma once
// GGML tensor element types as stored in GGUF files, with their block geometry.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gb {

enum class TensorType : uint32_t {
    F32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q5_0 = 6, Q5_1 = 7, Q8_0 = 8, Q8_1 = 9,
    Q2_K = 10, Q3_K = 11, Q4_K = 12, Q5_K = 13, Q6_K = 14, Q8_K = 15,
    I8 = 24, I16 = 25, I32 = 26, I64 = 27, F64 = 28, BF16 = 30,
};

struct TensorTypeTraits {
    TensorType type;
    std::string_view name;
    uint32_t blockElems;   // elements per block
    uint32_t blockBytes;   // bytes per block
    bool supported;        // can the engine dequantize / compute with it
};

// Traits for a raw type id from a file; nullopt for ids we do not know at all.
std::optional<TensorTypeTraits> tensorTypeTraits(uint32_t rawType);
const TensorTypeTraits& traitsOf(TensorType t);
std::string_view tensorTypeName(TensorType t);

// Bytes of a row of n elements; n must be a multiple of blockElems.
inline size_t rowBytes(const TensorTypeTraits& t, uint64_t n) { return n / t.blockElems * t.blockBytes; }

}  // namespace gb
