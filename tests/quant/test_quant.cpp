// Dequantization of hand-built blocks: every block is written byte by byte and every expected
// value is worked out here from the format's definition (ggml's dequantize_row_*), so a
// misread nibble, high bit or packed scale shows up as a wrong number.
//
// Scales are fp16 bit patterns: 0x3C00 = 1.0, 0x3800 = 0.5, 0x3400 = 0.25, 0x3000 = 0.125,
// 0x3E00 = 1.5, 0x4000 = 2.0, 0xBC00 = -1.0, 0xC200 = -3.0,
// 0x2E66 = 2^-4 * (1 + 0x266/1024) = 0.0625 * 1.599609375 = 0.0999755859375.
#include <QtTest>

#include <cstring>
#include <vector>

#include "quant/block_formats.h"
#include "quant/dequantize.h"
#include "util/error.h"

using namespace gb;

namespace {

template <class Block>
std::vector<float> dequant(TensorType t, const Block& b, int n) {
    std::vector<float> y(n, 12345.0f);
    dequantizeRow(t, &b, y.data(), n);
    return y;
}

// Exact float equality (== so that -0 matches 0), naming the first weight that differs.
bool sameValues(const std::vector<float>& got, const std::vector<float>& want, QString* why) {
    for (size_t i = 0; i < want.size(); ++i)
        if (!(got[i] == want[i])) {
            *why = QString("weight %1: got %2, expected %3").arg(i).arg(got[i], 0, 'g', 12).arg(want[i], 0, 'g', 12);
            return false;
        }
    return true;
}

#define EXPECT_VALUES(got, want)                                   \
    do {                                                           \
        QString why;                                               \
        QVERIFY2(sameValues(got, want, &why), qPrintable(why));   \
    } while (0)

}  // namespace

class TestQuant : public QObject {
    Q_OBJECT
private slots:
    void blockSizes() {
        // The file format fixes these; the structs must not pick up padding.
        QCOMPARE(sizeof(block_q4_0), size_t(18));
        QCOMPARE(sizeof(block_q6_K), size_t(210));
        for (TensorType t : {TensorType::Q4_0, TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1, TensorType::Q8_0,
                             TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K, TensorType::Q5_K, TensorType::Q6_K})
            QVERIFY(canDequantize(t));
        QCOMPARE(traitsOf(TensorType::Q2_K).blockBytes, uint32_t(sizeof(block_q2_K)));
        QCOMPARE(traitsOf(TensorType::Q3_K).blockBytes, uint32_t(sizeof(block_q3_K)));
        QCOMPARE(traitsOf(TensorType::Q4_K).blockBytes, uint32_t(sizeof(block_q4_K)));
        QCOMPARE(traitsOf(TensorType::Q5_K).blockBytes, uint32_t(sizeof(block_q5_K)));
    }

    void floatRows() {
        // F32 is copied; F16 0x3C00 = 1, 0xC000 = -2, 0x0001 = 2^-24 (smallest subnormal),
        // 0x7C00 = inf; BF16 0x3F80 = 1.0 (f32 0x3F800000), 0xC040 = -3.0 (f32 0xC0400000).
        const float f32[3] = {1.5f, -0.0f, 3e38f};
        std::vector<float> y(3);
        dequantizeRow(TensorType::F32, f32, y.data(), 3);
        EXPECT_VALUES(y, (std::vector<float>{1.5f, 0.0f, 3e38f}));
        const uint16_t f16[4] = {0x3C00, 0xC000, 0x0001, 0x7C00};
        y.resize(4);
        dequantizeRow(TensorType::F16, f16, y.data(), 4);
        EXPECT_VALUES(y, (std::vector<float>{1.0f, -2.0f, 0x1p-24f, INFINITY}));
        const uint16_t bf16[2] = {0x3F80, 0xC040};
        y.resize(2);
        dequantizeRow(TensorType::BF16, bf16, y.data(), 2);
        EXPECT_VALUES(y, (std::vector<float>{1.0f, -3.0f}));
    }

    void q4_0() {
        // d = 0x3800 = 0.5; qs[j] = j | (15 - j) << 4. Weight j (< 16) is the low nibble of
        // qs[j], weight j + 16 its high nibble; x = d * (q - 8).
        //   qs[0] = 0xF0: x0 = 0.5 * (0 - 8) = -4,   x16 = 0.5 * (15 - 8) = 3.5
        //   qs[9] = 0x69: x9 = 0.5 * (9 - 8) = 0.5,  x25 = 0.5 * (6 - 8) = -1
        block_q4_0 b{};
        b.d = 0x3800;
        for (int j = 0; j < 16; ++j) b.qs[j] = uint8_t(j | (15 - j) << 4);
        EXPECT_VALUES(dequant(TensorType::Q4_0, b, 32),
                      (std::vector<float>{-4, -3.5, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5,
                                          3.5, 3, 2.5, 2, 1.5, 1, 0.5, 0, -0.5, -1, -1.5, -2, -2.5, -3, -3.5, -4}));
    }

    void q4_1() {
        // d = 0x3400 = 0.25, m = 0xBC00 = -1; same nibbles as above; x = d * q + m.
        //   x0 = 0.25 * 0 - 1 = -1,   x16 = 0.25 * 15 - 1 = 2.75,   x5 = 0.25 * 5 - 1 = 0.25
        block_q4_1 b{};
        b.d = 0x3400;
        b.m = 0xBC00;
        for (int j = 0; j < 16; ++j) b.qs[j] = uint8_t(j | (15 - j) << 4);
        EXPECT_VALUES(dequant(TensorType::Q4_1, b, 32),
                      (std::vector<float>{-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75,
                                          2.75, 2.5, 2.25, 2, 1.75, 1.5, 1.25, 1, 0.75, 0.5, 0.25, 0, -0.25, -0.5, -0.75, -1}));
    }

    void q5_0() {
        // d = 0x3E00 = 1.5; nibbles as above; qh = 0F 00 F0 FF, i.e. the little-endian
        // u32 0xFFF0000F: bits 0..3 (weights 0..3) and 20..31 (weights 20..31) are set.
        // x = d * ((nibble | bit << 4) - 16):
        //   x0  = 1.5 * ((0 | 16) - 16) = 0          x4  = 1.5 * (4 - 16) = -18
        //   x16 = 1.5 * (15 - 16) = -1.5             x20 = 1.5 * ((11 | 16) - 16) = 16.5
        //   x31 = 1.5 * ((0 | 16) - 16) = 0
        block_q5_0 b{};
        b.d = 0x3E00;
        const uint8_t qh[4] = {0x0F, 0x00, 0xF0, 0xFF};
        std::memcpy(b.qh, qh, 4);
        for (int j = 0; j < 16; ++j) b.qs[j] = uint8_t(j | (15 - j) << 4);
        std::vector<float> want;
        for (int q : {16, 17, 18, 19, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,       // weights 0..15
                      15, 14, 13, 12, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16})  // weights 16..31
            want.push_back(1.5f * float(q - 16));
        EXPECT_VALUES(dequant(TensorType::Q5_0, b, 32), want);
        QCOMPARE(want[4], -18.0f);
        QCOMPARE(want[20], 16.5f);
    }

    void q5_1() {
        // d = 0x3800 = 0.5, m = 0xC200 = -3; nibbles as above; qh = 01 80 00 80 = u32
        // 0x80008001: bits 0, 15 and 31. x = d * (nibble | bit << 4) + m:
        //   x0  = 0.5 * 16 - 3 = 5      x1  = 0.5 * 1 - 3 = -2.5     x15 = 0.5 * 31 - 3 = 12.5
        //   x16 = 0.5 * 15 - 3 = 4.5    x31 = 0.5 * (0 | 16) - 3 = 5
        block_q5_1 b{};
        b.d = 0x3800;
        b.m = 0xC200;
        const uint8_t qh[4] = {0x01, 0x80, 0x00, 0x80};
        std::memcpy(b.qh, qh, 4);
        for (int j = 0; j < 16; ++j) b.qs[j] = uint8_t(j | (15 - j) << 4);
        std::vector<float> want;
        for (int q : {16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31,
                      15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 16})
            want.push_back(0.5f * float(q) - 3.0f);
        EXPECT_VALUES(dequant(TensorType::Q5_1, b, 32), want);
        QCOMPARE(want[0], 5.0f);
        QCOMPARE(want[15], 12.5f);
        QCOMPARE(want[16], 4.5f);
    }

    void q8_0() {
        // d = 0x2E66 = 0.0999755859375 (not a power of two: checks the fp16 decoding);
        // qs[j] = 8j - 128. x0 = -128 * d = -12.796875, x1 = -120 * d = -11.9970703125,
        // x16 = 0, x31 = 120 * d = 11.9970703125.
        block_q8_0 b{};
        b.d = 0x2E66;
        for (int j = 0; j < 32; ++j) b.qs[j] = int8_t(8 * j - 128);
        const auto y = dequant(TensorType::Q8_0, b, 32);
        QCOMPARE(y[0], -12.796875f);
        QCOMPARE(y[1], -11.9970703125f);
        QCOMPARE(y[16], 0.0f);
        QCOMPARE(y[31], 11.9970703125f);
        for (int j = 0; j < 32; ++j) QVERIFY(y[j] == float(8 * j - 128) * 0.0999755859375f);
    }

    void q2_K() {
        // d = 1.0, dmin = 0.5. scales[s] = s | (15 - s) << 4: sub-block s (weights 16s..16s+15)
        // has scale s and min 0.5 * (15 - s). x = d * scale * q - dmin * min_code.
        // The 2-bit q of weight w sits in byte 32 * (w / 128) + w % 32 at bit pair (w % 128) / 32.
        // qs[0..31] = 0xE4 = 11 10 01 00: pair p holds q = p (first 128 weights);
        // qs[32..63] = 0x1B = 00 01 10 11: pair p holds 3 - p (last 128 weights);
        // qs[21] = 0xE7: weight 21 (pair 0 of byte 21) has q = 3.
        //   x0   = 0 * 0 - 0.5 * 15 = -7.5
        //   x21  = 1 * 3 - 0.5 * 14 = -4       x22 = 1 * 0 - 0.5 * 14 = -7
        //   x40  = 2 * 1 - 0.5 * 13 = -4.5     (byte 8, pair 1)
        //   x127 = 7 * 3 - 0.5 * 8 = 17        (byte 31, pair 3)
        //   x200 = 12 * 1 - 0.5 * 3 = 10.5     (byte 32 + 8, pair 2: q = 3 - 2)
        //   x255 = 15 * 0 - 0 = 0
        block_q2_K b{};
        b.d = 0x3C00;
        b.dmin = 0x3800;
        for (int s = 0; s < 16; ++s) b.scales[s] = uint8_t(s | (15 - s) << 4);
        for (int i = 0; i < 32; ++i) b.qs[i] = 0xE4;
        for (int i = 32; i < 64; ++i) b.qs[i] = 0x1B;
        b.qs[21] = 0xE7;
        const auto y = dequant(TensorType::Q2_K, b, 256);
        QCOMPARE(y[0], -7.5f);
        QCOMPARE(y[21], -4.0f);
        QCOMPARE(y[22], -7.0f);
        QCOMPARE(y[40], -4.5f);
        QCOMPARE(y[127], 17.0f);
        QCOMPARE(y[200], 10.5f);
        QCOMPARE(y[255], 0.0f);
        std::vector<float> want(256);
        for (int w = 0; w < 256; ++w) {
            const int pair = (w % 128) / 32, s = w / 16;
            const int q = w == 21 ? 3 : (w < 128 ? pair : 3 - pair);
            want[w] = float(s * q) - 0.5f * float(15 - s);
        }
        EXPECT_VALUES(y, want);
    }

    void q3_K() {
        // d = 0.5. Sixteen 6-bit scales, stored +32: b = 0 63 32 33 17 48 5 60 31 40 1 62 16 47 8 55
        // (scale = b - 32). Low nibbles: of b0..b7 in the low halves of bytes 0..7, of b8..b15
        // in their high halves; top two bits (b >> 4) of b_j in byte 8 + j % 4 at bits 2 (j / 4):
        //   byte0 = b0 0 | b8 15 << 4 = 0xF0      byte1 = 15 | 8 << 4 = 0x8F    byte2 = 0 | 1 << 4 = 0x10
        //   byte3 = 1 | 14 << 4 = 0xE1            byte4 = 1 | 0 = 0x01          byte5 = 0 | 15 << 4 = 0xF0
        //   byte6 = 5 | 8 << 4 = 0x85             byte7 = 12 | 7 << 4 = 0x7C
        //   byte8  = b0>>4 0 | b4>>4 1 << 2 | b8>>4 1 << 4 | b12>>4 1 << 6 = 0x54
        //   byte9  = 3 | 3 << 2 | 2 << 4 | 2 << 6 = 0xAF
        //   byte10 = 2 | 0 | 0 | 0 = 0x02         byte11 = 2 | 3 << 2 | 3 << 4 | 3 << 6 = 0xFE
        // Low two bits of q as in Q2_K: qs[0..31] = 0xE4 (q = pair), qs[32..63] = 0x1B (3 - pair).
        // The third bit of weight w is bit w / 32 of hmask[w % 32]; hmask[l] = 0x0F for even l,
        // 0xF0 for odd l. A clear bit subtracts 4: x = d * (b - 32) * (low - (bit ? 0 : 4)).
        //   x1   = 0.5 * (0 - 32)  * (0 - 4) = 64      (odd l, w < 128: bit clear)
        //   x17  = 0.5 * (63 - 32) * (0 - 4) = -62
        //   x50  = 0.5 * (33 - 32) * (1 - 0) = 0.5     (l = 18 even, w < 128: bit set)
        //   x200 = 0.5 * (16 - 32) * (1 - 4) = 24      (byte 40 pair 2: low = 3 - 2; l = 8 even, w >= 128)
        //   x254 = 0.5 * (55 - 32) * (0 - 4) = -46
        block_q3_K b{};
        b.d = 0x3800;
        const uint8_t scales[12] = {0xF0, 0x8F, 0x10, 0xE1, 0x01, 0xF0, 0x85, 0x7C, 0x54, 0xAF, 0x02, 0xFE};
        std::memcpy(b.scales, scales, 12);
        for (int i = 0; i < 32; ++i) b.qs[i] = 0xE4;
        for (int i = 32; i < 64; ++i) b.qs[i] = 0x1B;
        for (int l = 0; l < 32; ++l) b.hmask[l] = l % 2 == 0 ? 0x0F : 0xF0;
        const auto y = dequant(TensorType::Q3_K, b, 256);
        QCOMPARE(y[1], 64.0f);
        QCOMPARE(y[17], -62.0f);
        QCOMPARE(y[50], 0.5f);
        QCOMPARE(y[200], 24.0f);
        QCOMPARE(y[254], -46.0f);
        const int biased[16] = {0, 63, 32, 33, 17, 48, 5, 60, 31, 40, 1, 62, 16, 47, 8, 55};
        std::vector<float> want(256);
        for (int w = 0; w < 256; ++w) {
            const int pair = (w % 128) / 32, l = w % 32;
            const int low = w < 128 ? pair : 3 - pair;
            const bool bit = (l % 2 == 0) == (w < 128);
            want[w] = 0.5f * float(biased[w / 16] - 32) * float(low - (bit ? 0 : 4));
        }
        EXPECT_VALUES(y, want);
    }

    void q4_K() {
        // d = 1.0, dmin = 0.25. Eight (scale, min) pairs of 6 bits:
        //   sc = 1 63 2 33 17 48 5 60,  m = 0 4 63 12 40 1 31 16.
        // Bytes 0..3: sc[j] | (sc[j+4] >> 4) << 6:  1|1<<6 = 0x41, 63|3<<6 = 0xFF, 2|0 = 0x02, 33|3<<6 = 0xE1
        // Bytes 4..7: m[j]  | (m[j+4] >> 4) << 6:   0|2<<6 = 0x80, 4|0 = 0x04, 63|1<<6 = 0x7F, 12|1<<6 = 0x4C
        // Bytes 8..11: (sc[j+4] & 15) | (m[j+4] & 15) << 4: 1|8<<4 = 0x81, 0|1<<4 = 0x10, 5|15<<4 = 0xF5, 12|0 = 0x0C
        // qs: 64-weight chunk c is bytes 32c..32c+31; sub-block 2c in the low nibbles, 2c+1 in
        // the high ones. Byte 32c + l = (l % 16) | (15 - l % 16) << 4.
        // x = d * sc * q - dmin * m:
        //   x5   = 1 * 5 - 0 = 5                   x35  = 63 * (15 - 3) - 0.25 * 4 = 755
        //   x84  = 2 * 4 - 0.25 * 63 = -7.75       x127 = 33 * 0 - 0.25 * 12 = -3
        //   x129 = 17 * 1 - 0.25 * 40 = 7          x160 = 48 * 15 - 0.25 * 1 = 719.75
        //   x207 = 5 * 15 - 0.25 * 31 = 67.25      x255 = 60 * 0 - 0.25 * 16 = -4
        block_q4_K b{};
        b.d = 0x3C00;
        b.dmin = 0x3400;
        const uint8_t scales[12] = {0x41, 0xFF, 0x02, 0xE1, 0x80, 0x04, 0x7F, 0x4C, 0x81, 0x10, 0xF5, 0x0C};
        std::memcpy(b.scales, scales, 12);
        for (int i = 0; i < 128; ++i) b.qs[i] = uint8_t((i % 16) | (15 - i % 16) << 4);
        const auto y = dequant(TensorType::Q4_K, b, 256);
        QCOMPARE(y[5], 5.0f);
        QCOMPARE(y[35], 755.0f);
        QCOMPARE(y[84], -7.75f);
        QCOMPARE(y[127], -3.0f);
        QCOMPARE(y[129], 7.0f);
        QCOMPARE(y[160], 719.75f);
        QCOMPARE(y[207], 67.25f);
        QCOMPARE(y[255], -4.0f);
        const int sc[8] = {1, 63, 2, 33, 17, 48, 5, 60}, m[8] = {0, 4, 63, 12, 40, 1, 31, 16};
        std::vector<float> want(256);
        for (int w = 0; w < 256; ++w) {
            const int s = w / 32, l = w % 32;
            const int q = s % 2 == 0 ? l % 16 : 15 - l % 16;
            want[w] = float(sc[s] * q) - 0.25f * float(m[s]);
        }
        EXPECT_VALUES(y, want);
    }

    void q5_K() {
        // Same scale bytes and nibbles as the Q4_K case; d = 0.5, dmin = 1.0. The fifth bit of
        // weight 32s + l is bit s of qh[l]; qh[l] = 0x55 (even s) for even l, 0xAA (odd s) for odd l.
        // x = d * sc * (q + 16 * bit) - dmin * m:
        //   x0   = 0.5 * 1 * (0 + 16) - 0 = 8         x1 = 0.5 * 1 * 1 - 0 = 0.5 (odd l, even s)
        //   x35  = 0.5 * 63 * (12 + 16) - 4 = 878      x84 = 0.5 * 2 * (4 + 16) - 63 = -43
        //   x255 = 0.5 * 60 * (0 + 16) - 16 = 464
        block_q5_K b{};
        b.d = 0x3800;
        b.dmin = 0x3C00;
        const uint8_t scales[12] = {0x41, 0xFF, 0x02, 0xE1, 0x80, 0x04, 0x7F, 0x4C, 0x81, 0x10, 0xF5, 0x0C};
        std::memcpy(b.scales, scales, 12);
        for (int i = 0; i < 128; ++i) b.qs[i] = uint8_t((i % 16) | (15 - i % 16) << 4);
        for (int l = 0; l < 32; ++l) b.qh[l] = l % 2 == 0 ? 0x55 : 0xAA;
        const auto y = dequant(TensorType::Q5_K, b, 256);
        QCOMPARE(y[0], 8.0f);
        QCOMPARE(y[1], 0.5f);
        QCOMPARE(y[35], 878.0f);
        QCOMPARE(y[84], -43.0f);
        QCOMPARE(y[255], 464.0f);
        const int sc[8] = {1, 63, 2, 33, 17, 48, 5, 60}, m[8] = {0, 4, 63, 12, 40, 1, 31, 16};
        std::vector<float> want(256);
        for (int w = 0; w < 256; ++w) {
            const int s = w / 32, l = w % 32;
            const int q = (s % 2 == 0 ? l % 16 : 15 - l % 16) + ((s % 2) == (l % 2) ? 16 : 0);
            want[w] = 0.5f * float(sc[s] * q) - float(m[s]);
        }
        EXPECT_VALUES(y, want);
    }

    void q6_K() {
        // d = 0x3000 = 0.125; scales (int8) 1 -1 2 -2 4 -4 8 -8 16 -16 32 -32 64 -64 127 -128.
        // ql[i] = 7i mod 256, qh[i] = 13i + 5 mod 256. In each 128-weight half, quarter
        // k = (w % 128) / 32 and l = w % 32: low 4 bits from ql[64 half + l + 32 (k % 2)]
        // (low nibble for k < 2, high for k >= 2), top 2 bits = bit pair k of qh[32 half + l];
        // x = d * scale[w / 16] * (q - 32).
        //   x0:   ql[0] = 0x00 low 0;  qh[0] = 5 pair0 = 1    -> q = 16 - 32 = -16; 0.125 * 1 * -16 = -2
        //   x1:   ql[1] = 0x07 low 7;  qh[1] = 18 pair0 = 2   -> 39 - 32 = 7;       0.125 * 1 * 7 = 0.875
        //   x33:  ql[33] = 0xE7 low 7; qh[1] pair1 = 0        -> -25;  0.125 * 2 * -25 = -6.25
        //   x70:  ql[6] = 0x2A high 2; qh[6] = 83 pair2 = 1   -> 18 - 32 = -14;  0.125 * 4 * -14 = -7
        //   x127: ql[63] = 0xB9 high 11; qh[31] = 152 pair3 = 2 -> 43 - 32 = 11; 0.125 * -8 * 11 = -11
        //   x128: ql[64] = 0xC0 low 0; qh[32] = 165 pair0 = 1 -> -16;  0.125 * 16 * -16 = -32
        //   x255: ql[127] = 0x79 high 7; qh[63] = 56 pair3 = 0 -> -25; 0.125 * -128 * -25 = 400
        block_q6_K b{};
        b.d = 0x3000;
        const int8_t scales[16] = {1, -1, 2, -2, 4, -4, 8, -8, 16, -16, 32, -32, 64, -64, 127, -128};
        std::memcpy(b.scales, scales, 16);
        for (int i = 0; i < 128; ++i) b.ql[i] = uint8_t(7 * i);
        for (int i = 0; i < 64; ++i) b.qh[i] = uint8_t(13 * i + 5);
        const auto y = dequant(TensorType::Q6_K, b, 256);
        QCOMPARE(y[0], -2.0f);
        QCOMPARE(y[1], 0.875f);
        QCOMPARE(y[33], -6.25f);
        QCOMPARE(y[70], -7.0f);
        QCOMPARE(y[127], -11.0f);
        QCOMPARE(y[128], -32.0f);
        QCOMPARE(y[255], 400.0f);
    }

    void severalBlocksAndRows() {
        // Two Q8_0 blocks: each uses its own scale. Rows: dequantizeRows steps by the row size.
        block_q8_0 b[2]{};
        b[0].d = 0x3C00;  // 1
        b[1].d = 0x4000;  // 2
        for (int j = 0; j < 32; ++j) b[0].qs[j] = int8_t(j), b[1].qs[j] = int8_t(-j);
        std::vector<float> y(64);
        dequantizeRow(TensorType::Q8_0, b, y.data(), 64);
        QCOMPARE(y[31], 31.0f);
        QCOMPARE(y[33], -2.0f);
        std::vector<float> rows(64);
        dequantizeRows(TensorType::Q8_0, b, rows.data(), 2, 32);
        QVERIFY(rows == y);
    }

    void rejectsBadInput() {
        std::vector<float> y(64);
        const uint8_t raw[64] = {};
        QVERIFY_THROWS_EXCEPTION(gb::Error, dequantizeRow(TensorType::Q8_0, raw, y.data(), 33));
        QVERIFY_THROWS_EXCEPTION(gb::Error, dequantizeRow(TensorType::Q8_1, raw, y.data(), 32));
        QVERIFY(!canDequantize(TensorType::I32));
    }
};

QTEST_MAIN(TestQuant)
#include "test_quant.moc"
