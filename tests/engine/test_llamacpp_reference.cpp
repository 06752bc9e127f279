// Greedy generation and next-token logits against llama.cpp's own outputs on the shared models
// (../shared/models/reference/*.json, produced by node-llama-cpp 3.22.1).
//
// Ids must match exactly, except after a step where llama.cpp's own top-2 logits are within
// kNearTie of each other (a near-tie that precision noise may flip; the models' README lists
// them); from there on the sequences legitimately part. Logits of the top-5 candidates must be
// within a tolerance. F32 files: 0.02 — llama.cpp keeps its KV cache in F16, which moves
// logits by ~0.006 early on and up to 0.011 after 24 generated tokens (measured), while we
// compute in f32. Q8_0 files: llama.cpp also rounds every activation vector to 8-bit blocks
// (F16 for F16 weights) before its dot products, where we keep activations in f32 and
// dequantize the weights exactly. That rounding is llama.cpp's own noise, and we measure it
// from its outputs: `noise` = max |llama.cpp Q8_0 − llama.cpp F32| over the first-step logits
// of the same prompt (0.04–0.21 on these tiny models). Our first-step logits must lie within
// that noise of llama.cpp's Q8_0 ones (we are closer to llama.cpp Q8_0 than it is to itself
// in F32); a greedy flip is accepted only at a llama.cpp gap below the noise; top-5 logits
// must stay within 0.3 over 32 steps, and their mean difference under 0.05, so a systematic
// error cannot hide. Any real bug (RoPE, norm, routing) moves logits by whole units.
// Q8_0 files run twice: in the exact mode (f32 activations, the bounds above) and in the default
// mode, which rounds activations to 8-bit blocks as llama.cpp does. Where no rounding lands
// differently the two agree to 1e-6 (see the conformance suite); where a value near a rounding
// boundary goes the other way, the difference is one more rounding of the size llama.cpp's own
// noise measures, so the first-step bound there is twice that noise.
#include <QtTest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

#include "common/test_models.h"
#include "model/model.h"
#include "model/session.h"
#include "tokenizer/tokenizer.h"

namespace {
}  // namespace

class TestLlamaCppReference : public QObject {
    Q_OBJECT
private slots:
    void greedyMatches_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("int8");
        for (const char* n : {"stories260K-f32", "stories260K-q8_0", "aidreams260K-f32", "aidreams260K-q8_0",
                              "polyglot-moe-4m-f32", "polyglot-moe-4m-q8_0"}) {
            const bool quantized = QString(n).endsWith("q8_0");
            QTest::addRow("%s%s", n, quantized ? " exact" : "") << QString(n) << false;
            if (quantized) QTest::addRow("%s int8", n) << QString(n) << true;
        }
    }
    void greedyMatches() {
        QFETCH(QString, name);
        QFETCH(bool, int8);
        QFile f(gbtest::modelsDir() + "/reference/llamacpp-" + name + ".json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject result = root["results"].toArray()[0].toObject();
        gb::LoadOptions opt;
        opt.int8Activations = int8;
        auto model = gb::Model::load(gbtest::modelPath((name + ".gguf").toUtf8().constData()), opt);
        const bool f32 = name.endsWith("f32");
        const double kLogitTol = f32 ? 0.02 : 0.3;
        QJsonArray f32Prompts;
        if (!f32) {
            QFile ff(gbtest::modelsDir() + "/reference/llamacpp-" + QString(name).replace("q8_0", "f32") + ".json");
            QVERIFY(ff.open(QIODevice::ReadOnly));
            f32Prompts = QJsonDocument::fromJson(ff.readAll()).object()["results"].toArray()[0].toObject()["prompts"].toArray();
        }
        int promptIndex = 0;
        double worst = 0, total = 0;
        int diffs = 0;
        gb::Session session(model, {0, 2});
        int compared = 0;
        for (const auto& pv : result["prompts"].toArray()) {
            const QJsonObject p = pv.toObject();
            std::vector<int32_t> promptIds;
            for (const auto& v : p["prompt_tokens"].toArray()) promptIds.push_back(v.toInt());
            // Tokenization is part of the contract.
            QCOMPARE(model->tokenizer().encode(p["prompt"].toString().toStdString(), true, true), promptIds);

            // llama.cpp's reference run does not stop at EOS: step greedily ourselves.
            auto l = session.evaluate(promptIds);
            double kNearTie = 0.02;
            if (!f32) {
                const QJsonArray mine = p["first_step_logits"].toArray();
                const QJsonArray theirsF32 = f32Prompts[promptIndex].toObject()["first_step_logits"].toArray();
                double noise = 0, ours = 0;
                for (int i = 0; i < mine.size(); ++i) {
                    noise = std::max(noise, std::abs(mine[i].toDouble() - theirsF32[i].toDouble()));
                    ours = std::max(ours, std::abs(l[i] - mine[i].toDouble()));
                }
                const double bound = int8 ? 2 * noise : noise;
                QVERIFY2(ours <= bound, qPrintable(QString("first-step logits differ by %1, llama.cpp's own Q8_0 noise is %2").arg(ours).arg(noise)));
                kNearTie = noise;
            }
            ++promptIndex;
            const QJsonArray expected = p["greedy_tokens"].toArray();
            const QJsonArray topk = p["topk"].toArray();
            for (int step = 0; step < expected.size(); ++step) {
                const QJsonArray top = topk[step].toArray();
                // Our logits for llama.cpp's top-5 candidates.
                for (const auto& cv : top) {
                    const QJsonArray c = cv.toArray();
                    const double diff = std::abs(l[c[0].toInt()] - c[2].toDouble());
                    worst = std::max(worst, diff);
                    total += diff;
                    ++diffs;
                    QVERIFY2(diff < kLogitTol, qPrintable(QString("%1 step %2 token %3: logit differs by %4")
                                                              .arg(p["prompt"].toString()).arg(step).arg(c[0].toInt()).arg(diff)));
                }
                int32_t ours = static_cast<int32_t>(std::max_element(l.begin(), l.end()) - l.begin());
                const double gap = top[0].toArray()[2].toDouble() - top[1].toArray()[2].toDouble();
                if (ours != expected[step].toInt()) {
                    QVERIFY2(gap < kNearTie, qPrintable(QString("%1: step %2 ours %3 llama.cpp %4 (gap %5)")
                                                            .arg(p["prompt"].toString()).arg(step).arg(ours).arg(expected[step].toInt()).arg(gap)));
                    break;  // a near-tie flipped: the sequences part here, as the README says they may
                }
                ++compared;
                int32_t next = ours;
                l = session.evaluate(std::span(&next, 1));
            }
            session.reset();
        }
        qInfo("%s: %d steps agreed, logit difference max %.4f mean %.4f", qPrintable(name), compared, worst, total / diffs);
        QVERIFY(total / diffs < (f32 ? 0.005 : 0.05));
        QVERIFY(compared >= 5 * 32 - 64);  // nearly every step agreed
    }
};

QTEST_APPLESS_MAIN(TestLlamaCppReference)
#include "test_llamacpp_reference.moc"
