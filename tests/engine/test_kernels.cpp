// Kernels against plain reference code: fused quantized dot products and matrix products
// (both the decode and the prompt-batch paths), oneDNN's packed f32 product, RoPE, RMSNorm,
// softmax.
#include <QtTest>
#include <cmath>
#include <cstring>
#include <random>

#include "gguf/tensor_type.h"
#include "kernels/dnnl_matmul.h"
#include "kernels/interleaved_matrix.h"
#include "kernels/quant_dot.h"
#include "kernels/quant_matrix.h"
#include "kernels/rope.h"
#include "kernels/vector_ops.h"
#include "quant/dequantize.h"
#include "quant/fp16.h"
#include "quant/quantize.h"

namespace {

std::vector<float> randomVec(size_t n, uint32_t seed, float scale = 1.0f) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> d(0.f, scale);
    std::vector<float> v(n);
    for (auto& x : v) x = d(rng);
    return v;
}

// y[m][n] = Σ_k w[n][k] x[m][k] in double.
std::vector<double> naiveProduct(const std::vector<float>& w, const std::vector<float>& x, int64_t M, int64_t N, int64_t K) {
    std::vector<double> y(M * N, 0.0);
    for (int64_t m = 0; m < M; ++m)
        for (int64_t n = 0; n < N; ++n)
            for (int64_t k = 0; k < K; ++k) y[m * N + n] += double(w[n * K + k]) * x[m * K + k];
    return y;
}

double maxRelErr(const std::vector<float>& got, const std::vector<double>& want) {
    double scale = 1e-6, err = 0;
    for (double v : want) scale = std::max(scale, std::abs(v));
    for (size_t i = 0; i < want.size(); ++i) err = std::max(err, std::abs(got[i] - want[i]));
    return err / scale;
}

// llama.cpp's product of a Q8_0/Q4_0 row with an activation row (quantize_row_q8_0, then
// vec_dot_q8_0_q8_0 / vec_dot_q4_0_q8_0), written from its definition: per 32-block,
// d_a = fp16(amax / 127), q_a = round-half-even(x · 127 / amax), and the block contributes
// d_w · d_a · Σ q_w q_a. In double, so only our f32 summation differs.
std::vector<double> q8ActivationProduct(const std::vector<float>& wd, const std::vector<float>& scales,
                                        const std::vector<float>& x, int64_t M, int64_t N, int64_t K) {
    std::vector<double> y(M * N, 0.0);
    for (int64_t m = 0; m < M; ++m)
        for (int64_t b = 0; b < K / 32; ++b) {
            const float* xb = x.data() + m * K + b * 32;
            float amax = 0;
            for (int i = 0; i < 32; ++i) amax = std::max(amax, std::abs(xb[i]));
            const float da = gb::fp16ToF32(gb::f32ToFp16(amax / 127.f)), id = amax ? 127.f / amax : 0.f;
            int qa[32];
            for (int i = 0; i < 32; ++i) qa[i] = static_cast<int>(std::nearbyint(xb[i] * id));
            for (int64_t n = 0; n < N; ++n) {
                const float dw = scales[n * (K / 32) + b];
                double dot = 0;  // the integer dot, via the dequantized weights: q_w = w / d_w exactly
                for (int i = 0; i < 32; ++i) dot += double(dw ? wd[n * K + b * 32 + i] / dw : 0) * qa[i];
                y[m * N + n] += double(dw) * da * std::nearbyint(dot);
            }
        }
    return y;
}


// llama.cpp's product of a Q4_K/Q5_K/Q6_K row with an activation row (quantize_row_q8_K, then
// vec_dot_q4_K_q8_K / _q5_K_q8_K / _q6_K_q8_K), written from the definitions of the formats' raw bytes
// (not through our dequantizers or re-layout): per 256-block, max = the first value of largest
// magnitude, iscale = -127/max, q_a = min(127, round-half-even(iscale·x)), d_a = 1/iscale; then
//   Q4_K, Q5_K: d_a · (d · Σ_s sc_s Σ q_w q_a − dmin · Σ_s m_s Σ q_a)   (8 sub-blocks of 32)
//   Q6_K: d_a · d · Σ_s sc_s Σ (q_w − 32) q_a                    (16 sub-blocks of 16)
std::vector<double> q8KActivationProduct(gb::TensorType t, const std::vector<uint8_t>& raw, const std::vector<float>& x,
                                         int64_t M, int64_t N, int64_t K) {
    const size_t rb = gb::rowBytes(gb::traitsOf(t), K), blockBytes = rb / (K / 256);
    std::vector<double> y(M * N, 0.0);
    for (int64_t m = 0; m < M; ++m)
        for (int64_t b = 0; b < K / 256; ++b) {
            const float* xb = x.data() + m * K + b * 256;
            float amax = 0, max = 0;
            for (int i = 0; i < 256; ++i)
                if (std::abs(xb[i]) > amax) amax = std::abs(xb[i]), max = xb[i];
            if (amax == 0) continue;
            const float iscale = -127.f / max, da = 1.f / iscale;
            int qa[256];
            for (int i = 0; i < 256; ++i) qa[i] = std::min(127, static_cast<int>(std::nearbyint(iscale * xb[i])));
            for (int64_t n = 0; n < N; ++n) {
                const uint8_t* blk = raw.data() + n * rb + b * blockBytes;
                uint16_t h;
                double sum = 0;
                if (t == gb::TensorType::Q4_K || t == gb::TensorType::Q5_K) {
                    // Q4_K: d, dmin, scales[12], qs[128]; Q5_K: d, dmin, scales[12], qh[32], qs[128]
                    const bool q5 = t == gb::TensorType::Q5_K;
                    const uint8_t* sc = blk + 4;
                    const uint8_t* qh = blk + 16;
                    const uint8_t* qs = blk + (q5 ? 48 : 16);
                    std::memcpy(&h, blk, 2);
                    const double d = gb::fp16ToF32(h);
                    std::memcpy(&h, blk + 2, 2);
                    const double dmin = gb::fp16ToF32(h);
                    for (int s = 0; s < 8; ++s) {
                        const int scale = s < 4 ? sc[s] & 63 : (sc[s + 4] & 15) | ((sc[s - 4] >> 6) << 4);
                        const int min = s < 4 ? sc[s + 4] & 63 : (sc[s + 4] >> 4) | ((sc[s] >> 6) << 4);
                        long dot = 0, bsum = 0;
                        for (int i = 0; i < 32; ++i) {  // weight 32s + i: byte 32(s/2) + i, nibble s % 2
                            const int q = ((qs[32 * (s / 2) + i] >> (4 * (s % 2))) & 15) | (q5 ? ((qh[i] >> s) & 1) << 4 : 0);
                            dot += long(q) * qa[32 * s + i];
                            bsum += qa[32 * s + i];
                        }
                        sum += d * scale * dot - dmin * min * bsum;
                    }
                } else {  // ql[128], qh[64], scales[16] (int8), d
                    const uint8_t *ql = blk, *qh = blk + 128;
                    const int8_t* sc = reinterpret_cast<const int8_t*>(blk + 192);
                    std::memcpy(&h, blk + 208, 2);
                    const double d = gb::fp16ToF32(h);
                    long sumi = 0;
                    for (int s = 0; s < 16; ++s) {
                        long dot = 0;
                        for (int i = 0; i < 16; ++i) {
                            const int k = 16 * s + i, half = k / 128, l = k % 128, quarter = l / 32, j = l % 32;
                            const uint8_t lo = ql[64 * half + 32 * (quarter % 2) + j];
                            const int q = ((quarter / 2 ? lo >> 4 : lo & 15) | (((qh[32 * half + j] >> (2 * quarter)) & 3) << 4)) - 32;
                            dot += long(q) * qa[k];
                        }
                        sumi += sc[s] * dot;
                    }
                    sum = d * sumi;
                }
                y[m * N + n] += double(da) * sum;
            }
        }
    return y;
}

}  // namespace

class TestKernels : public QObject {
    Q_OBJECT
private slots:
    void quantMatrixMatchesDequantizedProduct_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("M");
        for (auto t : {gb::TensorType::Q8_0, gb::TensorType::Q4_0, gb::TensorType::Q4_K, gb::TensorType::Q6_K, gb::TensorType::F16,
                       gb::TensorType::BF16})
            for (int M : {1, 3, 4, 7, 16, 40})
                QTest::addRow("%s M=%d", std::string(gb::tensorTypeName(t)).c_str(), M) << int(t) << M;
    }
    void quantMatrixMatchesDequantizedProduct() {
        QFETCH(int, type);
        QFETCH(int, M);
        const auto t = static_cast<gb::TensorType>(type);
        if (!gb::QuantMatrix::hasFusedKernel(t)) QSKIP("no AVX-512 on this CPU");
        gb::setComputeThreads(2);  // the parallel paths are the ones to prove
        const int64_t N = 67, K = 512;
        auto wf = randomVec(N * K, 1);
        std::vector<uint8_t> q(gb::rowBytes(gb::traitsOf(t), K) * N);
        gb::quantizeRows(t, wf.data(), q.data(), N, K);
        std::vector<float> wd(N * K);  // what the weights really are after quantization
        gb::dequantizeRows(t, q.data(), wd.data(), N, K);
        auto x = randomVec(M * K, 2);
        std::vector<float> y(M * N);
        gb::QuantMatrix(t, q.data(), N, K).multiply(x.data(), y.data(), M);
        const double err = maxRelErr(y, naiveProduct(wd, x, M, N, K));
        QVERIFY2(err < 1e-5, qPrintable(QString::number(err)));
        // The opt-in bfloat16 batch path: 8-bit mantissas in weights and activations, so ~1%
        // of the largest output is the bound (it is used only when asked for).
        std::vector<float> yb(M * N);
        gb::QuantMatrix(t, q.data(), N, K, true).multiply(x.data(), yb.data(), M);
        const double errBf16 = maxRelErr(yb, naiveProduct(wd, x, M, N, K));
        QVERIFY2(errBf16 < 2e-2, qPrintable(QString::number(errBf16)));
    }
    void halfPrecisionRowsOfAnyLength() {
        // F16 / BF16 rows need not be a multiple of the kernel's 32-wide step: the tail is masked.
        gb::setComputeThreads(2);
        for (auto t : {gb::TensorType::F16, gb::TensorType::BF16}) {
            if (!gb::QuantMatrix::hasFusedKernel(t)) QSKIP("no AVX-512 on this CPU");
            for (int64_t K : {7, 16, 100})
                for (int64_t M : {1, 3}) {  // M = 1: four rows at a time, from the quarters of each thread's share
                    const int64_t N = 19;
                    auto wf = randomVec(N * K, 9);
                    std::vector<uint8_t> q(gb::rowBytes(gb::traitsOf(t), K) * N);
                    gb::quantizeRows(t, wf.data(), q.data(), N, K);
                    std::vector<float> wd(N * K);
                    gb::dequantizeRows(t, q.data(), wd.data(), N, K);
                    auto x = randomVec(M * K, 10);
                    std::vector<float> y(M * N);
                    gb::QuantMatrix(t, q.data(), N, K).multiply(x.data(), y.data(), M);
                    const double err = maxRelErr(y, naiveProduct(wd, x, M, N, K));
                    const QString type = QString::fromStdString(std::string(gb::tensorTypeName(t)));
                    QVERIFY2(err < 1e-5, qPrintable(QString("%1 K=%2 M=%3: %4").arg(type).arg(K).arg(M).arg(err)));
                }
        }
    }
    void interleavedMatrixMatchesLlamaCppQ8Product_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("M");
        for (auto t : {gb::TensorType::Q8_0, gb::TensorType::Q4_0})
            for (int M : {1, 2, 5, 6, 7, 13, 40})
                QTest::addRow("%s M=%d", std::string(gb::tensorTypeName(t)).c_str(), M) << int(t) << M;
    }
    void interleavedMatrixMatchesLlamaCppQ8Product() {
        QFETCH(int, type);
        QFETCH(int, M);
        const auto t = static_cast<gb::TensorType>(type);
        if (!gb::InterleavedMatrix::available(t)) QSKIP("no AVX-512 VNNI on this CPU");
        gb::setComputeThreads(2);
        const int64_t N = 67, K = 512;  // N not a multiple of the 16-row groups: the padding is exercised
        auto wf = randomVec(N * K, 3);
        std::vector<uint8_t> q(gb::rowBytes(gb::traitsOf(t), K) * N);
        gb::quantizeRows(t, wf.data(), q.data(), N, K);
        std::vector<float> wd(N * K), scales(N * K / 32);
        gb::dequantizeRows(t, q.data(), wd.data(), N, K);
        const size_t blockBytes = gb::rowBytes(gb::traitsOf(t), 32);
        for (int64_t i = 0; i < N * K / 32; ++i) {  // both block types start with their fp16 scale
            uint16_t h;
            std::memcpy(&h, q.data() + i * blockBytes, 2);
            scales[i] = gb::fp16ToF32(h);
        }
        // Q4_0 weights are d·(q − 8): the reference's q_w = w / d_w is then q − 8, an integer.
        auto x = randomVec(M * K, 4);
        x[5] = 0.5f * (x[6] = 3.f);  // exact halves after scaling are rounded to even, as llama.cpp does
        std::vector<float> y(M * N, -1.f);
        gb::InterleavedMatrix(t, q.data(), N, K).multiply(x.data(), y.data(), M);
        const double err = maxRelErr(y, q8ActivationProduct(wd, scales, x, M, N, K));
        QVERIFY2(err < 1e-6, qPrintable(QString::number(err)));
        // Against the exact product with f32 activations: 8-bit activations cost about 1 %.
        const double lossy = maxRelErr(y, naiveProduct(wd, x, M, N, K));
        QVERIFY2(lossy < 2e-2, qPrintable(QString::number(lossy)));
    }
    void interleavedMatrixMatchesLlamaCppKQuantProduct_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("M");
        for (auto t : {gb::TensorType::Q4_K, gb::TensorType::Q5_K, gb::TensorType::Q6_K})
            for (int M : {1, 2, 3, 4, 5, 9, 40})
                QTest::addRow("%s M=%d", std::string(gb::tensorTypeName(t)).c_str(), M) << int(t) << M;
    }
    void interleavedMatrixMatchesLlamaCppKQuantProduct() {
        QFETCH(int, type);
        QFETCH(int, M);
        const auto t = static_cast<gb::TensorType>(type);
        if (!gb::InterleavedMatrix::available(t)) QSKIP("no AVX-512 VNNI on this CPU");
        gb::setComputeThreads(2);
        const int64_t N = 83, K = 768;  // N not a multiple of the 16-row groups; 3 super-blocks per row
        auto wf = randomVec(N * K, 5);
        std::vector<uint8_t> q(gb::rowBytes(gb::traitsOf(t), K) * N);
        gb::quantizeRows(t, wf.data(), q.data(), N, K);
        std::vector<float> wd(N * K);
        gb::dequantizeRows(t, q.data(), wd.data(), N, K);
        auto x = randomVec(M * K, 6);
        x[300] = -9.f;  // a negative maximum: the activation scale is negative, as in llama.cpp
        std::fill(x.begin() + 512, x.begin() + 768, 0.f);  // an all-zero block: d = 0, no contribution
        std::vector<float> y(M * N, -1.f);
        gb::InterleavedMatrix(t, q.data(), N, K).multiply(x.data(), y.data(), M);
        const double err = maxRelErr(y, q8KActivationProduct(t, q, x, M, N, K));
        QVERIFY2(err < 1e-6, qPrintable(QString::number(err)));
        const double lossy = maxRelErr(y, naiveProduct(wd, x, M, N, K));
        QVERIFY2(lossy < 2e-2, qPrintable(QString::number(lossy)));
    }
    void packedMatrixMatchesNaive() {
        gb::setComputeThreads(2);
        const int64_t N = 130, K = 96;
        auto w = randomVec(N * K, 3);
        gb::PackedMatrix p(w.data(), N, K);
        for (int64_t M : {1, 5, 64}) {
            auto x = randomVec(M * K, 4 + M);
            std::vector<float> y(M * N);
            p.multiply(x.data(), y.data(), M);
            QVERIFY(maxRelErr(y, naiveProduct(w, x, M, N, K)) < 1e-5);
            std::vector<float> z(M * N);
            gb::matmulPlain(x.data(), w.data(), z.data(), M, N, K);
            QVERIFY(maxRelErr(z, naiveProduct(w, x, M, N, K)) < 1e-5);
        }
    }
    void ropeRotatesPairs() {
        // One head of 4 dims, ropeDim 4, theta 100: pair 0 turns by pos, pair 1 by pos/10.
        std::vector<float> x = {1, 0, 0, 1};
        gb::applyRope(x.data(), 1, 4, 4, 3, 100.f, 1.f);
        QVERIFY(std::abs(x[0] - std::cos(3.f)) < 1e-5 && std::abs(x[1] - std::sin(3.f)) < 1e-5);
        QVERIFY(std::abs(x[2] + std::sin(0.3f)) < 1e-5 && std::abs(x[3] - std::cos(0.3f)) < 1e-5);
        // Linear scaling by 1/2 halves the angle; dims past ropeDim are untouched.
        std::vector<float> y = {1, 0, 5, 6};
        gb::applyRope(y.data(), 1, 4, 2, 3, 100.f, 0.5f);
        QVERIFY(std::abs(y[0] - std::cos(1.5f)) < 1e-5);
        QCOMPARE(y[2], 5.f);
        QCOMPARE(y[3], 6.f);
    }
    void rmsnormAndSoftmax() {
        // x = (3, 4): rms = sqrt(12.5); with eps 0 and weights (1, 2): (3/3.5355, 8/3.5355).
        std::vector<float> x = {3, 4}, w = {1, 2}, y(2);
        gb::rmsnorm(x.data(), w.data(), y.data(), 2, 0.f);
        QVERIFY(std::abs(y[0] - 0.8485281f) < 1e-6 && std::abs(y[1] - 2.2627417f) < 1e-6);
        std::vector<float> s = {0, std::log(3.f)};
        gb::softmax(s.data(), 2);
        QVERIFY(std::abs(s[0] - 0.25f) < 1e-7 && std::abs(s[1] - 0.75f) < 1e-7);
        auto a = randomVec(37, 9), b = randomVec(37, 10);
        double ref = 0;
        for (int i = 0; i < 37; ++i) ref += double(a[i]) * b[i];
        QVERIFY(std::abs(gb::dot(a.data(), b.data(), 37) - ref) < 1e-5);
    }
};

QTEST_APPLESS_MAIN(TestKernels)
#include "test_kernels.moc"
