#pragma once
// The packed 6-bit sub-block scales of the K-quants, shared by the dequantizers and quantizers.
#include <cstdint>

namespace gb {

// Q4_K / Q5_K: eight (scale, min) pairs of 6 bits in 12 bytes. Pairs 0..3 sit in the low six
// bits of bytes 0..3 (scale) and 4..7 (min). Pairs 4..7 keep their low four bits in the
// nibbles of bytes 8..11 (scale low, min high) and their top two bits in the spare top bits
// of bytes 0..3 (scale) and 4..7 (min).
inline void unpackScaleMinK4(int j, const uint8_t* s, uint8_t& scale, uint8_t& min) {
    if (j < 4) {
        scale = s[j] & 63;
        min = s[j + 4] & 63;
    } else {
        scale = static_cast<uint8_t>((s[j + 4] & 0x0f) | ((s[j - 4] >> 6) << 4));
        min = static_cast<uint8_t>((s[j + 4] >> 4) | ((s[j] >> 6) << 4));
    }
}

inline void packScalesMinsK4(const uint8_t scale[8], const uint8_t min[8], uint8_t s[12]) {
    for (int j = 0; j < 4; ++j) {
        s[j] = static_cast<uint8_t>((scale[j] & 63) | ((scale[j + 4] >> 4) << 6));
        s[j + 4] = static_cast<uint8_t>((min[j] & 63) | ((min[j + 4] >> 4) << 6));
        s[j + 8] = static_cast<uint8_t>((scale[j + 4] & 0x0f) | ((min[j + 4] & 0x0f) << 4));
    }
}

// Q3_K: sixteen 6-bit scales (stored with a +32 bias) in 12 bytes. The low nibble of scale j
// is in byte j % 8 (low half for j < 8, high half for j >= 8); its top two bits are bits
// 2 * (j / 4) of byte 8 + j % 4. Returns the unbiased scale, -32..31.
inline int unpackScaleQ3K(int j, const uint8_t* s) {
    const int low = j < 8 ? (s[j] & 0x0f) : (s[j - 8] >> 4);
    const int high = (s[8 + j % 4] >> (2 * (j / 4))) & 3;
    return (low | (high << 4)) - 32;
}

// biased: 16 values 0..63 (scale + 32).
inline void packScalesQ3K(const uint8_t biased[16], uint8_t s[12]) {
    for (int k = 0; k < 12; ++k) s[k] = 0;
    for (int j = 0; j < 16; ++j) {
        const uint8_t v = biased[j] & 63;
        s[j % 8] |= static_cast<uint8_t>((v & 0x0f) << (j < 8 ? 0 : 4));
        s[8 + j % 4] |= static_cast<uint8_t>((v >> 4) << (2 * (j / 4)));
    }
}

}  // namespace gb
