// Quantizers: hand-worked blocks for ggml's reference rounding rules, round-trip error
// bounds for every type, and exact fp16 / bf16 conversions.
#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "quant/block_formats.h"
#include "quant/dequantize.h"
#include "quant/fp16.h"
#include "quant/quantize.h"
#include "util/error.h"

using namespace gb;

namespace {

std::vector<float> gaussian(size_t n, uint32_t seed, float sd = 1.0f) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, sd);
    std::vector<float> v(n);
    for (auto& x : v) x = dist(rng);
    return v;
}

std::vector<float> roundTrip(TensorType t, const std::vector<float>& x) {
    std::vector<uint8_t> q(rowBytes(traitsOf(t), x.size()));
    quantizeRow(t, x.data(), q.data(), static_cast<int64_t>(x.size()));
    std::vector<float> y(x.size());
    dequantizeRow(t, q.data(), y.data(), static_cast<int64_t>(x.size()));
    return y;
}

// RMS(y - x) / RMS(x)
double relativeRms(const std::vector<float>& x, const std::vector<float>& y) {
    double e = 0, s = 0;
    for (size_t i = 0; i < x.size(); ++i) e += double(y[i] - x[i]) * (y[i] - x[i]), s += double(x[i]) * x[i];
    return std::sqrt(e / s);
}

template <class Block>
Block quantizeOne(TensorType t, const float* x, int n) {
    Block b;
    std::memset(&b, 0xAB, sizeof b);  // every byte must be written
    quantizeRow(t, x, &b, n);
    return b;
}

}  // namespace

class TestQuantRoundTrip : public QObject {
    Q_OBJECT
private slots:
    // --- fp16 / bf16 ----------------------------------------------------------------------

    void fp16Known() {
        QCOMPARE(f32ToFp16(1.0f), uint16_t(0x3C00));
        QCOMPARE(f32ToFp16(-2.0f), uint16_t(0xC000));
        QCOMPARE(f32ToFp16(0.0f), uint16_t(0x0000));
        QCOMPARE(f32ToFp16(-0.0f), uint16_t(0x8000));
        QCOMPARE(f32ToFp16(65504.0f), uint16_t(0x7BFF));       // largest half
        QCOMPARE(f32ToFp16(65519.99f), uint16_t(0x7BFF));      // below the midpoint to 65536
        QCOMPARE(f32ToFp16(65520.0f), uint16_t(0x7C00));       // the midpoint rounds to even: inf
        QCOMPARE(f32ToFp16(1e10f), uint16_t(0x7C00));
        QCOMPARE(f32ToFp16(-INFINITY), uint16_t(0xFC00));
        QCOMPARE(f32ToFp16(0x1p-14f), uint16_t(0x0400));       // smallest normal
        QCOMPARE(f32ToFp16(0x1p-24f), uint16_t(0x0001));       // smallest subnormal
        QCOMPARE(f32ToFp16(0x1p-25f), uint16_t(0x0000));       // half of it: tie to even (0)
        QCOMPARE(f32ToFp16(0x1.000002p-25f), uint16_t(0x0001)); // just above the tie
        QCOMPARE(f32ToFp16(0x3p-25f), uint16_t(0x0002));       // 1.5 steps: tie to even (2)
        QCOMPARE(f32ToFp16(0x3FFp-24f), uint16_t(0x03FF));     // largest subnormal
        QCOMPARE(f32ToFp16(0x3FF.8p-24f), uint16_t(0x0400));   // tie above 0x03FF: even is 0x0400, a normal
        QCOMPARE(f32ToFp16(1.0f + 0x1p-11f), uint16_t(0x3C00));      // tie, even mantissa stays
        QCOMPARE(f32ToFp16(1.0f + 0x3p-11f), uint16_t(0x3C02));      // tie, odd mantissa rounds up
        QCOMPARE(f32ToFp16(1.0f + 0x1p-11f + 0x1p-20f), uint16_t(0x3C01));
        QCOMPARE(f32ToFp16(1e-10f), uint16_t(0x0000));
        const uint16_t nan = f32ToFp16(NAN);
        QVERIFY((nan & 0x7C00) == 0x7C00 && (nan & 0x03FF) != 0);
        // A signalling NaN whose payload is only in the low bits must not turn into inf.
        const float snan = std::bit_cast<float>(0x7F800001u);
        QVERIFY((f32ToFp16(snan) & 0x03FF) != 0);

        QCOMPARE(fp16ToF32(0x3C00), 1.0f);
        QCOMPARE(fp16ToF32(0x0001), 0x1p-24f);
        QCOMPARE(fp16ToF32(0x03FF), 0x3FFp-24f);
        QCOMPARE(fp16ToF32(0x7BFF), 65504.0f);
        QCOMPARE(fp16ToF32(0xFC00), -INFINITY);
        QVERIFY(std::isnan(fp16ToF32(0x7E00)));
        QVERIFY(std::signbit(fp16ToF32(0x8000)));
    }

    void fp16AllHalves() {
        // Every half converts to float and back to itself (NaNs stay NaNs, payload kept).
        for (uint32_t h = 0; h < 0x10000; ++h) {
            const float f = fp16ToF32(uint16_t(h));
            if ((h & 0x7C00) == 0x7C00 && (h & 0x3FF)) {
                QVERIFY(std::isnan(f));
                QCOMPARE(f32ToFp16(f) & 0x7FFF, (h | 0x200) & 0x7FFF);
            } else if (f32ToFp16(f) != h) {
                QFAIL(qPrintable(QString("half 0x%1 does not round-trip").arg(h, 4, 16, QChar('0'))));
            }
        }
        // The F16C row version agrees with the scalar one on all of them.
        std::vector<uint16_t> all(0x10000);
        for (uint32_t h = 0; h < 0x10000; ++h) all[h] = uint16_t(h);
        std::vector<float> rowOut(all.size());
        fp16ToF32Row(all.data(), rowOut.data(), int64_t(all.size()));
        for (uint32_t h = 0; h < 0x10000; ++h)
            QCOMPARE(std::bit_cast<uint32_t>(rowOut[h]), std::bit_cast<uint32_t>(fp16ToF32(uint16_t(h))));
    }

    void fp16MatchesHardware() {
        // f32ToFp16Row uses F16C (round to nearest even) for groups of 8; the scalar version
        // is integer code. They must agree on every float; sample 2^32 / 1021 bit patterns
        // plus every float near the half range's edges.
        std::vector<float> x;
        for (uint64_t b = 0; b < (1ull << 32); b += 1021) x.push_back(std::bit_cast<float>(uint32_t(b)));
        for (uint32_t b = 0x33000000u - 4096; b < 0x33000000u + 4096; ++b) x.push_back(std::bit_cast<float>(b));
        for (uint32_t b = 0x387FF000u; b < 0x38801000u; ++b) x.push_back(std::bit_cast<float>(b));
        for (uint32_t b = 0x477FE000u; b < 0x47801000u; ++b) x.push_back(std::bit_cast<float>(b));
        x.resize(x.size() / 8 * 8);
        std::vector<uint16_t> hw(x.size());
        f32ToFp16Row(x.data(), hw.data(), int64_t(x.size()));
        for (size_t i = 0; i < x.size(); ++i)
            if (hw[i] != f32ToFp16(x[i]))
                QFAIL(qPrintable(QString("f32 0x%1: F16C 0x%2, scalar 0x%3")
                                     .arg(std::bit_cast<uint32_t>(x[i]), 8, 16, QChar('0'))
                                     .arg(hw[i], 4, 16, QChar('0'))
                                     .arg(f32ToFp16(x[i]), 4, 16, QChar('0'))));
    }

    void bf16() {
        QCOMPARE(f32ToBf16(1.0f), uint16_t(0x3F80));
        QCOMPARE(f32ToBf16(-3.0f), uint16_t(0xC040));
        QCOMPARE(f32ToBf16(1.0f + 0x1p-8f), uint16_t(0x3F80));         // tie, even stays
        QCOMPARE(f32ToBf16(1.0f + 0x3p-8f), uint16_t(0x3F82));         // tie, odd rounds up
        QCOMPARE(f32ToBf16(1.0f + 0x1p-8f + 0x1p-20f), uint16_t(0x3F81));
        QCOMPARE(f32ToBf16(INFINITY), uint16_t(0x7F80));
        QCOMPARE(f32ToBf16(3.4028235e38f), uint16_t(0x7F80));         // max float rounds to inf
        QCOMPARE(f32ToBf16(std::bit_cast<float>(0x00010000u)), uint16_t(0x0001));  // subnormal kept
        const uint16_t nan = f32ToBf16(std::bit_cast<float>(0x7F800001u));  // payload only in low bits
        QVERIFY((nan & 0x7F80) == 0x7F80 && (nan & 0x7F) != 0);
        QCOMPARE(bf16ToF32(0x3F80), 1.0f);
        QCOMPARE(bf16ToF32(0xC040), -3.0f);
        std::vector<uint16_t> h(37);
        for (size_t i = 0; i < h.size(); ++i) h[i] = uint16_t(0x3F80 + 3 * i);
        std::vector<float> f(h.size());
        bf16ToF32Row(h.data(), f.data(), int64_t(h.size()));
        for (size_t i = 0; i < h.size(); ++i) QCOMPARE(f[i], bf16ToF32(h[i]));
    }

    // --- ggml's reference rounding rules, on blocks worked out by hand -----------------------

    void q8_0Reference() {
        // amax = 127, so d = 1 exactly (0x3C00) and q = roundf(x): halves go away from zero.
        float x[32] = {127, -2.5f, 2.5f, 0.49f, -0.5f, 126.5f};
        const auto b = quantizeOne<block_q8_0>(TensorType::Q8_0, x, 32);
        QCOMPARE(b.d, uint16_t(0x3C00));
        const int8_t want[6] = {127, -3, 3, 0, -1, 127};
        for (int j = 0; j < 6; ++j) QCOMPARE(b.qs[j], want[j]);
        for (int j = 6; j < 32; ++j) QCOMPARE(b.qs[j], int8_t(0));
    }

    void q4_0Reference() {
        // The largest magnitude is -8 (x0), so d = -8 / -8 = 1 and q = min(15, trunc(x + 8.5)):
        //   7.4 -> 15.9 -> 15;  7.6 -> 16.1 -> 16 -> 15;  -0.5 -> 8.0 -> 8 (halves round up);
        //   0.5 -> 9;  -7.6 -> 0.9 -> 0;  -3.49 -> 5.01 -> 5;  zeros -> 8.
        float x[32] = {-8, 7.4f, 7.6f, -0.5f, 0.5f, -7.6f, -3.49f};
        x[16] = 3.0f;  // weight 16: the high nibble of qs[0]: 3 + 8.5 -> 11
        auto b = quantizeOne<block_q4_0>(TensorType::Q4_0, x, 32);
        QCOMPARE(b.d, uint16_t(0x3C00));
        const int want[7] = {0, 15, 15, 8, 9, 0, 5};
        for (int j = 0; j < 7; ++j) QCOMPARE(b.qs[j] & 0x0F, want[j]);
        QCOMPARE(b.qs[0] >> 4, 11);
        QCOMPARE(b.qs[1] >> 4, 8);
        // A positive extreme gives a negative scale: x0 = 4 -> d = 4 / -8 = -0.5 (0xB800),
        // id = -2: 4 -> -8 + 8.5 -> 0;  -4 -> 8 + 8.5 = 16.5 -> 15 (clamped);  1 -> 6.5 -> 6.
        float y[32] = {4, -4, 1};
        b = quantizeOne<block_q4_0>(TensorType::Q4_0, y, 32);
        QCOMPARE(b.d, uint16_t(0xB800));
        QCOMPARE(b.qs[0] & 0x0F, 0);
        QCOMPARE(b.qs[1] & 0x0F, 15);
        QCOMPARE(b.qs[2] & 0x0F, 6);
    }

    void q4_1Reference() {
        // x_j = (j % 16) * 0.25 - 1: min -1, max 2.75, d = 3.75 / 15 = 0.25 exactly:
        // q = trunc((x + 1) * 4 + 0.5) = j % 16, and the round trip is exact.
        float x[32];
        for (int j = 0; j < 32; ++j) x[j] = float(j % 16) * 0.25f - 1.0f;
        const auto b = quantizeOne<block_q4_1>(TensorType::Q4_1, x, 32);
        QCOMPARE(b.d, uint16_t(0x3400));
        QCOMPARE(b.m, uint16_t(0xBC00));
        for (int j = 0; j < 16; ++j) QCOMPARE(int(b.qs[j]), j | j << 4);
        QCOMPARE(roundTrip(TensorType::Q4_1, std::vector<float>(x, x + 32)), std::vector<float>(x, x + 32));
    }

    void q5_0Reference() {
        // x_j = j - 16: the extreme is -16, d = 1, q = trunc(x + 16.5) = j. Weight j's low
        // nibble goes to qs[j % 16] (high nibble for j >= 16), its bit 4 to bit j of qh:
        // qs[j] = j | j << 4 and qh = 0xFFFF0000.
        float x[32];
        for (int j = 0; j < 32; ++j) x[j] = float(j - 16);
        const auto b = quantizeOne<block_q5_0>(TensorType::Q5_0, x, 32);
        QCOMPARE(b.d, uint16_t(0x3C00));
        for (int j = 0; j < 16; ++j) QCOMPARE(int(b.qs[j]), j | j << 4);
        const uint8_t qh[4] = {0x00, 0x00, 0xFF, 0xFF};
        QVERIFY(std::memcmp(b.qh, qh, 4) == 0);
        QCOMPARE(roundTrip(TensorType::Q5_0, std::vector<float>(x, x + 32)), std::vector<float>(x, x + 32));
    }

    void q5_1Reference() {
        // x_j = 0.5 j + 1: min 1 (0x3C00), d = 15.5 / 31 = 0.5 (0x3800), q = trunc(2 (x - 1) + 0.5) = j.
        float x[32];
        for (int j = 0; j < 32; ++j) x[j] = 0.5f * float(j) + 1.0f;
        const auto b = quantizeOne<block_q5_1>(TensorType::Q5_1, x, 32);
        QCOMPARE(b.d, uint16_t(0x3800));
        QCOMPARE(b.m, uint16_t(0x3C00));
        for (int j = 0; j < 16; ++j) QCOMPARE(int(b.qs[j]), j | j << 4);
        const uint8_t qh[4] = {0x00, 0x00, 0xFF, 0xFF};
        QVERIFY(std::memcmp(b.qh, qh, 4) == 0);
    }

    // --- round trips ------------------------------------------------------------------------

    void errorBounds_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("bound");
        // Relative RMS error for N(0, sd) rows. Expected from the step size: a block's step is
        // its range over the number of levels and the error of rounding is step / sqrt(12);
        // e.g. Q8_0: max |x| of 32 normals ~2.4 sd, step 2.4 / 127, error ~5.5e-3; Q4_0: 2.4 / 8 -> 8.7e-2.
        // Measured here (seed 7): F16 2.1e-4, BF16 1.6e-3, Q8_0 5.3e-3, Q6_K 1.8e-2, Q5_1 3.8e-2,
        // Q5_0 4.2e-2, Q5_K 3.6e-2, Q4_1 7.8e-2, Q4_0 8.6e-2, Q4_K 7.2e-2, Q3_K 0.145, Q2_K 0.27.
        // Bounds: ~15% above, below the next coarser format.
        QTest::newRow("F32") << int(TensorType::F32) << 0.0;
        QTest::newRow("F16") << int(TensorType::F16) << 3e-4;
        QTest::newRow("BF16") << int(TensorType::BF16) << 2.2e-3;
        QTest::newRow("Q8_0") << int(TensorType::Q8_0) << 6.5e-3;
        QTest::newRow("Q6_K") << int(TensorType::Q6_K) << 2.1e-2;
        QTest::newRow("Q5_1") << int(TensorType::Q5_1) << 4.4e-2;
        QTest::newRow("Q5_0") << int(TensorType::Q5_0) << 4.9e-2;
        QTest::newRow("Q5_K") << int(TensorType::Q5_K) << 4.2e-2;
        QTest::newRow("Q4_1") << int(TensorType::Q4_1) << 9e-2;
        QTest::newRow("Q4_0") << int(TensorType::Q4_0) << 9.9e-2;
        QTest::newRow("Q4_K") << int(TensorType::Q4_K) << 8.3e-2;
        QTest::newRow("Q3_K") << int(TensorType::Q3_K) << 0.167;
        QTest::newRow("Q2_K") << int(TensorType::Q2_K) << 0.31;
    }

    void errorBounds() {
        QFETCH(int, type);
        QFETCH(double, bound);
        const TensorType t = TensorType(type);
        QVERIFY(canQuantize(t));
        const auto x = gaussian(256 * 64, 7, 0.02f);
        const double err = relativeRms(x, roundTrip(t, x));
        qInfo("%s relative RMS error %.3g", std::string(tensorTypeName(t)).c_str(), err);
        QVERIFY2(err <= bound, qPrintable(QString("error %1 > %2").arg(err).arg(bound)));
        // Offsets and one-signed data exercise the mins of the asymmetric formats.
        auto shifted = x;
        for (auto& v : shifted) v = std::fabs(v) + 0.01f;
        QVERIFY(relativeRms(shifted, roundTrip(t, shifted)) <= std::max(bound, 1e-9));
        for (auto& v : shifted) v = -v;
        QVERIFY(relativeRms(shifted, roundTrip(t, shifted)) <= std::max(bound, 1e-9));
    }

    void zerosAndConstants_data() { errorBounds_data(); }
    void zerosAndConstants() {
        QFETCH(int, type);
        QFETCH(double, bound);
        const TensorType t = TensorType(type);
        const std::vector<float> zeros(512, 0.0f);
        QCOMPARE(roundTrip(t, zeros), zeros);
        // A constant row and a row with one outlier stay within the format's precision.
        const std::vector<float> c(512, -0.37f);
        const auto yc = roundTrip(t, c);
        for (float v : yc) QVERIFY2(std::fabs(v + 0.37f) <= 0.37f * std::max(bound, 1e-3) * 2, qPrintable(QString::number(v)));
        auto spike = gaussian(512, 3);
        spike[100] = 50.0f;
        const auto ys = roundTrip(t, spike);
        QVERIFY(std::fabs(ys[100] - 50.0f) <= 50.0f * std::max(2 * bound, 1e-3));
    }

    void rowsAndErrors() {
        const auto x = gaussian(3 * 64, 11);
        std::vector<uint8_t> q(3 * rowBytes(traitsOf(TensorType::Q8_0), 64));
        quantizeRows(TensorType::Q8_0, x.data(), q.data(), 3, 64);
        std::vector<float> y(x.size());
        dequantizeRows(TensorType::Q8_0, q.data(), y.data(), 3, 64);
        QVERIFY(relativeRms(x, y) < 6e-3);
        QVERIFY_THROWS_EXCEPTION(gb::Error, quantizeRow(TensorType::Q4_K, x.data(), q.data(), 64));
        QVERIFY_THROWS_EXCEPTION(gb::Error, quantizeRow(TensorType::Q8_1, x.data(), q.data(), 64));
    }
};

QTEST_MAIN(TestQuantRoundTrip)
#include "test_quant_roundtrip.moc"
