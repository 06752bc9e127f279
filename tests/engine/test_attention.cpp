// attend() (tiled online-softmax attention over the KV cache) against a naive double-precision
// softmax attention: prompt batches and single decode positions, several head dimensions (the
// AVX-512 micro-kernels for multiples of 16, the portable path otherwise), GQA groups, and a
// sliding window whose ring buffer wraps inside the batch.
// The engine headers come first: Qt's `slots` macro would eat KvCache::slots().
#include "kernels/dnnl_matmul.h"
#include "model/attention.h"
#include "model/kv_cache.h"
#include "model/model_config.h"

#include <QtTest>
#include <cmath>
#include <random>
#include <vector>

namespace {

std::vector<float> randomVec(size_t n, std::mt19937& rng, float scale) {
    std::normal_distribution<float> d(0.f, scale);
    std::vector<float> v(n);
    for (auto& x : v) x = d(rng);
    return v;
}

}  // namespace

class TestAttention : public QObject {
    Q_OBJECT
private slots:
    void attendMatchesNaiveSoftmax_data() {
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("pos0");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("group");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("kvHeads");
        auto add = [](int T, int pos0, int d, int g, int w, int threads = 2, int kvHeads = 2) {
            QTest::addRow("T%d_pos%d_d%d_g%d_w%d_threads%d_kv%d", T, pos0, d, g, w, threads, kvHeads)
                << T << pos0 << d << g << w << threads << kvHeads;
        };
        for (int T : {1, 3, 17, 64, 130})
            for (int pos0 : {0, 5, 200})
                for (int d : {64, 128, 48, 40})  // 40: not a multiple of 16, the portable path
                    for (int g : {1, 4, 8})
                        for (int w : {0, 50}) add(T, pos0, d, g, w);
        // Long contexts with a single query (decode: the keys are split across threads) and a
        // short batch; a window smaller than a key block.
        for (int d : {64, 128, 40})
            for (int g : {1, 8}) {
                add(1, 1000, d, g, 0);
                add(1, 1000, d, g, 300);
                add(3, 700, d, g, 0);
                add(5, 1000, d, g, 37);
            }
        // Groups wider than a tile (several tiles per KV head), other thread counts.
        add(3, 200, 64, 64, 0);
        add(17, 5, 40, 64, 50);
        add(1, 1000, 48, 64, 300);
        for (int threads : {1, 3}) {
            add(1, 1000, 64, 8, 0, threads);
            add(130, 200, 64, 8, 50, threads);
            add(64, 5, 128, 4, 0, threads);
        }
        // Other KV head counts: decode work is shared out by KV heads as well as by keys.
        for (int kv : {1, 3, 4}) {
            add(1, 5, 64, 8, 0, 2, kv);
            add(1, 200, 64, 4, 50, 2, kv);
            add(1, 1000, 64, 8, 0, 3, kv);
            add(130, 200, 48, 2, 50, 2, kv);
        }
    }

    void attendMatchesNaiveSoftmax() {
        QFETCH(int, T);
        QFETCH(int, pos0);
        QFETCH(int, headDim);
        QFETCH(int, group);
        QFETCH(int, window);
        QFETCH(int, threads);
        QFETCH(int, kvHeads);
        gb::setComputeThreads(threads);  // 2 mostly: the parallel paths are the ones to prove

        gb::ModelConfig c;
        c.nHeadKv = kvHeads;
        c.nHead = c.nHeadKv * group;
        c.headDim = headDim;
        c.nLayer = 2;
        c.slidingWindow = window;
        const int d = headDim, H = c.nHead, kvDim = c.nHeadKv * d, layer = 1;
        const int nCtx = pos0 + T + 64;
        // maxBatch = T: the smallest ring the cache allows, so the batch wraps around it.
        gb::KvCache cache(c.nLayer, nCtx, kvDim, window, T);

        std::mt19937 rng(1234 + T * 7 + pos0 * 13 + d * 17 + group * 19 + window);
        const int64_t n = pos0 + T;
        // Keys wider than queries: scores of a few units, a softmax far from uniform.
        const std::vector<float> keys = randomVec(size_t(n) * kvDim, rng, 1.5f);
        const std::vector<float> values = randomVec(size_t(n) * kvDim, rng, 1.0f);
        const std::vector<float> q = randomVec(size_t(T) * H * d, rng, 1.0f);
        for (int64_t p = 0; p < n; ++p) {  // written in order, as the session does
            std::copy_n(keys.data() + p * kvDim, kvDim, cache.key(layer, p));
            std::copy_n(values.data() + p * kvDim, kvDim, cache.value(layer, p));
            std::fill_n(cache.key(0, p), kvDim, 1e30f);  // another layer: must not be read
        }

        std::vector<float> out(size_t(T) * H * d, std::nanf(""));
        gb::attend(c, cache, layer, q.data(), out.data(), T, pos0);

        std::vector<double> want(out.size(), 0.0);
        for (int t = 0; t < T; ++t) {
            const int64_t pos = pos0 + t, lo = window > 0 ? std::max<int64_t>(0, pos - window + 1) : 0;
            for (int h = 0; h < H; ++h) {
                const int kvh = h / group;
                const float* qr = q.data() + (size_t(t) * H + h) * d;
                std::vector<double> s(pos - lo + 1);
                double mx = -INFINITY;
                for (int64_t j = lo; j <= pos; ++j) {
                    double acc = 0;
                    for (int i = 0; i < d; ++i) acc += double(qr[i]) * keys[size_t(j) * kvDim + kvh * d + i];
                    s[j - lo] = acc / std::sqrt(double(d));
                    mx = std::max(mx, s[j - lo]);
                }
                double sum = 0;
                for (double& x : s) sum += x = std::exp(x - mx);
                double* o = want.data() + (size_t(t) * H + h) * d;
                for (int64_t j = lo; j <= pos; ++j)
                    for (int i = 0; i < d; ++i) o[i] += s[j - lo] / sum * values[size_t(j) * kvDim + kvh * d + i];
            }
        }
        double scale = 1e-6, err = 0;
        for (double v : want) scale = std::max(scale, std::abs(v));
        for (size_t i = 0; i < want.size(); ++i) {
            if (!std::isfinite(out[i])) QFAIL(qPrintable(QString("output %1 is not finite").arg(i)));
            err = std::max(err, std::abs(out[i] - want[i]));
        }
        QVERIFY2(err / scale < 1e-5, qPrintable(QString("relative error %1").arg(err / scale)));
    }
};

QTEST_APPLESS_MAIN(TestAttention)
#include "test_attention.moc"
