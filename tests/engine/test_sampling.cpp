// Sampler stages, stop strings and the contrastive score, on hand-worked distributions.
#include <QtTest>
#include <cmath>

#include "sampling/candidates.h"
#include "sampling/sampler_chain.h"
#include "sampling/search_strategies.h"
#include "sampling/stop_matcher.h"

namespace {

// logits ln(p) for p = 0.5, 0.25, 0.125, 0.0625, 0.0625: softmax gives the p back exactly.
std::vector<float> fiveWay() {
    return {std::log(0.0625f), std::log(0.5f), std::log(0.125f), std::log(0.25f), std::log(0.0625f)};
}

std::vector<int32_t> ids(const gb::Candidates& c) {
    std::vector<int32_t> v;
    for (const auto& x : c.items) v.push_back(x.id);
    return v;
}

}  // namespace

class TestSampling : public QObject {
    Q_OBJECT
private slots:
    void topKKeepsTheKLargest() {
        auto c = gb::Candidates::fromLogits(fiveWay());
        gb::topKStage(2).apply(c, {});
        QCOMPARE(ids(c), (std::vector<int32_t>{1, 3}));
    }
    void topPKeepsTheSmallestSetReachingP() {
        // 0.5 + 0.25 = 0.75 < 0.8, + 0.125 = 0.875 >= 0.8 → three tokens.
        auto c = gb::Candidates::fromLogits(fiveWay());
        gb::topPStage(0.8f).apply(c, {});
        QCOMPARE(ids(c), (std::vector<int32_t>{1, 3, 2}));
        auto d = gb::Candidates::fromLogits(fiveWay());
        gb::topPStage(0.5f).apply(d, {});
        QCOMPARE(ids(d), (std::vector<int32_t>{1}));
    }
    void minPCutsRelativeToTheTop() {
        // cut = 0.5 * 0.25 = 0.125: keeps 0.5, 0.25, 0.125.
        auto c = gb::Candidates::fromLogits(fiveWay());
        gb::minPStage(0.25f).apply(c, {});
        QCOMPARE(ids(c), (std::vector<int32_t>{1, 3, 2}));
    }
    void temperatureSharpens() {
        // T = 0.5 squares the probabilities before renormalising: 0.25 : 0.0625 → 0.8 : 0.2 for two tokens.
        gb::Candidates c;
        c.items = {{0, std::log(0.5f), 0}, {1, std::log(0.25f), 0}};
        gb::temperatureStage(0.5f).apply(c, {});
        c.normalize();
        QVERIFY(std::abs(c.items[0].p - 0.8f) < 1e-6);
        QVERIFY(std::abs(c.items[1].p - 0.2f) < 1e-6);
    }
    void penaltiesFollowLlamaCpp() {
        // Token 0 seen twice, token 1 once, token 2 never (and token 0 outside a window of 2 once).
        gb::Candidates c;
        c.items = {{0, 2.0f, 0}, {1, -1.0f, 0}, {2, 3.0f, 0}};
        const std::vector<int32_t> history = {0, 0, 1};
        gb::penaltiesStage(2.0f, 0.5f, 0.25f, -1).apply(c, history);
        QCOMPARE(c.items[0].logit, 2.0f / 2 - 2 * 0.25f - 0.5f);  // positive: divided, then count * freq + presence
        QCOMPARE(c.items[1].logit, -1.0f * 2 - 1 * 0.25f - 0.5f); // negative: multiplied
        QCOMPARE(c.items[2].logit, 3.0f);                          // unseen: untouched
        gb::Candidates w;
        w.items = {{0, 2.0f, 0}};
        gb::penaltiesStage(2.0f, 0, 0, 2).apply(w, history);       // window holds {0, 1}: token 0 once
        QCOMPARE(w.items[0].logit, 1.0f);
    }
    void greedyIsArgmaxWithLowestIdOnTies() {
        gb::SamplingParams p;
        p.temperature = 0;
        gb::SamplerChain chain(p);
        QCOMPARE(chain.sample(std::vector<float>{1, 3, 3, 2}, {}), 1);
    }
    void seedGivesTheSameDrawsAndDifferentSeedsDiffer() {
        gb::SamplingParams p;
        p.temperature = 1.0f;
        p.topK = 0;
        p.topP = 1.0f;
        p.minP = 0;
        std::vector<float> flat(50, 0.0f);
        auto draws = [&](uint64_t seed) {
            p.seed = seed;
            gb::SamplerChain c(p);
            std::vector<int32_t> v;
            for (int i = 0; i < 20; ++i) v.push_back(c.sample(flat, {}));
            return v;
        };
        QCOMPARE(draws(7), draws(7));
        QVERIFY(draws(7) != draws(8));
    }
    void samplingFollowsTheDistribution() {
        gb::SamplingParams p;
        p.temperature = 1.0f;
        p.topK = 0;
        p.topP = 1.0f;
        p.minP = 0;
        gb::SamplerChain c(p);
        std::vector<int> counts(5);
        const int n = 20000;
        for (int i = 0; i < n; ++i) counts[c.sample(fiveWay(), {})]++;
        // Token 1 has p = 0.5: 10000 ± 5σ (σ = 71).
        QVERIFY(std::abs(counts[1] - n / 2) < 355);
        QVERIFY(std::abs(counts[3] - n / 4) < 310);
    }
    void allowedRestrictsThePick() {
        gb::SamplingParams p;
        p.temperature = 0;
        gb::SamplerChain chain(p);
        QCOMPARE(chain.sample(fiveWay(), {}, [](int32_t id) { return id % 2 == 0; }), 2);
    }
    void stopStringsAreNeverShownHalf() {
        gb::StopMatcher m({"</s>", "User:"});
        QCOMPARE(m.push("Hello <"), std::string("Hello "));
        QCOMPARE(m.push("/"), std::string());
        QCOMPARE(m.push("b> and Us"), std::string("</b> and "));
        QCOMPARE(m.push("er: hi"), std::string());
        QVERIFY(m.stopped());
        QCOMPARE(m.flush(), std::string());
        gb::StopMatcher n({"STOP"});
        QCOMPARE(n.push("ST"), std::string());
        QCOMPARE(n.flush(), std::string("ST"));
    }
    void contrastiveScoreIsThePapersFormula() {
        // h = (1, 0); history rows (0, 1) and (1, 1): cosines 0 and 1/√2 → max 0.7071.
        // score = (1 - 0.6) * 0.5 - 0.6 * 0.7071 = 0.2 - 0.42426 = -0.22426.
        const std::vector<float> h = {1, 0}, hist = {0, 1, 1, 1};
        QVERIFY(std::abs(gb::contrastiveScore(0.5, h, hist, 2, 0.6f) - (-0.2242640687)) < 1e-6);
        QVERIFY(std::abs(gb::contrastiveScore(0.5, h, {}, 2, 0.6f) - 0.2) < 1e-6);
    }
};

QTEST_APPLESS_MAIN(TestSampling)
#include "test_sampling.moc"
