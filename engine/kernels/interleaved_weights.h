#pragma once
// Q8_0 and Q4_0 weights re-laid out at load time for the VNNI integer kernels: rows in groups
// of 16, and within a group and a 32-weight block, the bytes ordered so that one 64-byte load
// holds 4 consecutive weights of each of the 16 rows (the operand layout of vpdpbusd, which
// multiplies 4 unsigned bytes by 4 signed bytes per 32-bit lane). The block scales of a group
// are stored apart, 16 fp16 values per block. Same bytes as the file, so no extra memory.
//
//   Q8_0: per (group, block) 512 bytes; byte j·64 + r·4 + i = q[r][4j + i] + 128 (unsigned),
//         j = 0..7. The +128 is undone by the kernels with the activations' block sums.
//   Q4_0: per (group, block) 256 bytes; byte j·64 + r·4 + i = the file's qs[4j + i] of row r,
//         j = 0..3: its low nibble is q[r][4j + i], its high nibble q[r][16 + 4j + i]
//         (q in 0..15, the weight is d·(q − 8)).
// Rows past N (up to the next multiple of 16) are zero with zero scale.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "gguf/tensor_type.h"

namespace gb {

class InterleavedWeights {
public:
    static constexpr int kGroupRows = 16;

    static bool supports(TensorType t);
    // data: N rows of K elements of type t as in the GGUF file (K % 32 == 0).
    InterleavedWeights(TensorType t, const uint8_t* data, int64_t N, int64_t K);
    ~InterleavedWeights();
    InterleavedWeights(const InterleavedWeights&) = delete;
    InterleavedWeights& operator=(const InterleavedWeights&) = delete;

    TensorType type() const { return type_; }
    int64_t rows() const { return N_; }
    int64_t cols() const { return K_; }
    int64_t groups() const { return groups_; }
    int64_t blocks() const { return K_ / 32; }
    int blockBytes() const { return type_ == TensorType::Q8_0 ? 512 : 256; }
    // Quant bytes of (group g, block b) and its 16 fp16 scales.
    const uint8_t* quants(int64_t g, int64_t b) const { return q_ + (g * blocks() + b) * blockBytes(); }
    const uint16_t* scales(int64_t g, int64_t b) const { return d_ + (g * blocks() + b) * kGroupRows; }
    size_t bytes() const { return bytes_; }

private:
    TensorType type_;
    int64_t N_, K_, groups_;
    uint8_t* q_ = nullptr;
    uint16_t* d_ = nullptr;
    size_t bytes_ = 0, qBytes_ = 0;
};

}  // namespace gb
