#pragma once
// The ggml quantization blocks, byte for byte as they lie in a GGUF file.
//
// Every block holds a fixed number of weights (32 for the "legacy" formats, QK_K = 256 for
// the K-quants) with its own fp16 scale(s). Fields named like ggml's so that its
// documentation applies; the layout notes say how dequantize*.cpp reads them.
// Half-precision fields are raw IEEE fp16 bits (see quant/fp16.h).
#include <cstdint>

namespace gb {

inline constexpr int QK4_0 = 32;
inline constexpr int QK4_1 = 32;
inline constexpr int QK5_0 = 32;
inline constexpr int QK5_1 = 32;
inline constexpr int QK8_0 = 32;
inline constexpr int QK_K = 256;  // weights per K-quant super-block
inline constexpr int K_SCALE_SIZE = 12;

#pragma pack(push, 1)

// x = d * (q - 8), q 4-bit. qs[j] low nibble = weight j, high nibble = weight j + 16.
struct block_q4_0 {
    uint16_t d;
    uint8_t qs[QK4_0 / 2];
};

// x = d * q + m, q 4-bit; same nibble order as Q4_0.
struct block_q4_1 {
    uint16_t d;
    uint16_t m;
    uint8_t qs[QK4_1 / 2];
};

// x = d * (q - 16), q 5-bit: low 4 bits as in Q4_0, bit 4 of weight j is bit j of qh
// (qh read as a little-endian uint32).
struct block_q5_0 {
    uint16_t d;
    uint8_t qh[4];
    uint8_t qs[QK5_0 / 2];
};

// x = d * q + m, q 5-bit laid out as in Q5_0.
struct block_q5_1 {
    uint16_t d;
    uint16_t m;
    uint8_t qh[4];
    uint8_t qs[QK5_1 / 2];
};

// x = d * q, q int8.
struct block_q8_0 {
    uint16_t d;
    int8_t qs[QK8_0];
};

// 16 sub-blocks of 16: x = d * (scales[s] & 15) * q - dmin * (scales[s] >> 4), q 2-bit.
// qs: per 128-weight half, byte l (0..31) holds weights l, l+32, l+64, l+96 in bit pairs 0,2,4,6.
struct block_q2_K {
    uint8_t scales[QK_K / 16];
    uint8_t qs[QK_K / 4];
    uint16_t d;
    uint16_t dmin;
};

// 16 sub-blocks of 16: x = d * (s - 32) * (q - 4), q 3-bit, s 6-bit.
// Low 2 bits of q in qs as in Q2_K; the third bit of weight j is bit (j / 32) of hmask[j % 32].
// scales: 12 bytes = 16 six-bit values: low nibbles of s0..s7 in bytes 0..7 (low half),
// of s8..s15 in bytes 0..7 (high half); the top 2 bits of s_j in byte 8 + j % 4, bits 2 * (j / 4).
struct block_q3_K {
    uint8_t hmask[QK_K / 8];
    uint8_t qs[QK_K / 4];
    uint8_t scales[K_SCALE_SIZE];
    uint16_t d;
};

// 8 sub-blocks of 32: x = d * sc * q - dmin * m, q 4-bit, sc and m 6-bit (packing in kquant_scales.h).
// qs: per 64-weight chunk, 32 bytes: low nibbles = first 32 weights, high nibbles = next 32.
struct block_q4_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[K_SCALE_SIZE];
    uint8_t qs[QK_K / 2];
};

// As Q4_K with a fifth bit: weight l of 64-chunk c takes its bit 4 from qh[l % 32],
// bit 2c (first 32) or 2c + 1 (second 32).
struct block_q5_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[K_SCALE_SIZE];
    uint8_t qh[QK_K / 8];
    uint8_t qs[QK_K / 2];
};

// 16 sub-blocks of 16: x = d * scales[s] * (q - 32), q 6-bit, scales int8.
// Per 128-weight half: ql 64 bytes (bytes 0..31 low nibbles = weights 0..31, high = 64..95;
// bytes 32..63 low = 32..63, high = 96..127), qh 32 bytes (bit pairs 0,2,4,6 = the top two
// bits of weights l, l+32, l+64, l+96).
struct block_q6_K {
    uint8_t ql[QK_K / 2];
    uint8_t qh[QK_K / 4];
    int8_t scales[QK_K / 16];
    uint16_t d;
};

#pragma pack(pop)

static_assert(sizeof(block_q4_0) == 18);
static_assert(sizeof(block_q4_1) == 20);
static_assert(sizeof(block_q5_0) == 22);
static_assert(sizeof(block_q5_1) == 24);
static_assert(sizeof(block_q8_0) == 34);
static_assert(sizeof(block_q2_K) == 84);
static_assert(sizeof(block_q3_K) == 110);
static_assert(sizeof(block_q4_K) == 144);
static_assert(sizeof(block_q5_K) == 176);
static_assert(sizeof(block_q6_K) == 210);

}  // namespace gb
