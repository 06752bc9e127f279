// Decoding strategies end to end on real and toy models: beam search against exhaustive search
// and greedy, token healing's constraint, stop strings, seeds, and the prompt-length check.
#include <QtTest>
#include <cmath>

#include "common/toy_models.h"
#include "model/model.h"
#include "model/session.h"
#include "sampling/generation.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

namespace {

std::vector<double> logSoftmax(std::span<const float> l) {
    double mx = *std::max_element(l.begin(), l.end()), sum = 0;
    for (float x : l) sum += std::exp(x - mx);
    std::vector<double> out(l.size());
    for (size_t i = 0; i < l.size(); ++i) out[i] = l[i] - mx - std::log(sum);
    return out;
}

}  // namespace

class TestDecoding : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void beamSearchWithVocabSizedBeamsIsExhaustive() {
        gb::RandomModelSpec spec;
        spec.dim = 32;
        spec.layers = 1;
        spec.heads = 2;
        spec.kvHeads = 1;
        spec.ffn = 64;
        spec.vocabDonor = gbtest::writeTinyVocab(dir_, 8);
        spec.seed = 11;
        auto model = gb::Model::load(gbtest::writeToyModel(dir_, "toy8.gguf", spec));
        const std::vector<int32_t> prompt = {1, 5, 3};
        const int32_t eos = model->tokenizer().vocab().eos;

        // Exhaustive: every sequence of at most two tokens (ending early at EOS), by log-probability.
        gb::Session s(model);
        auto first = logSoftmax(s.evaluate(prompt));
        double best = first[eos];
        for (int32_t t = 0; t < 8; ++t) {
            if (t == eos) continue;
            auto f = s.fork();
            auto second = logSoftmax(f->evaluate(std::span(&t, 1)));
            best = std::max(best, first[t] + *std::max_element(second.begin(), second.end()));
        }

        gb::GenerationRequest req;
        req.promptTokens = prompt;
        req.maxTokens = 2;
        req.sampling.beams = 8;
        req.sampling.lengthPenalty = 0;  // score = total log-probability
        req.sampling.earlyStopping = false;
        gb::Session bs(model);
        auto r = gb::generate(bs, req);
        // The result's log-probability counts the EOS step too when the best sequence ended there.
        double logp = r.logProb;
        if (r.stopReason == "eos") {
            gb::Session check(model);
            auto l = check.evaluate(prompt);
            for (const auto& t : r.tokens) l = check.evaluate(std::span(&t.id, 1));
            logp += logSoftmax(l)[eos];
        }
        QVERIFY2(std::abs(logp - best) < 1e-4, qPrintable(QString("beam %1, exhaustive %2").arg(logp).arg(best)));
    }

    void beamSearchIsAtLeastGreedy() {
        auto model = gb::Model::load(gbtest::modelPath("stories260K-f32.gguf"));
        gb::GenerationRequest req;
        req.prompt = "Once upon a time";
        req.maxTokens = 12;
        req.sampling.temperature = 0;
        gb::Session s(model);
        auto greedy = gb::generate(s, req);
        req.sampling.beams = 4;
        req.sampling.lengthPenalty = 0;
        auto beam = gb::generate(s, req);
        QCOMPARE(beam.tokens.size(), greedy.tokens.size());  // neither ends early on this prompt
        QVERIFY2(beam.logProb >= greedy.logProb - 1e-6, qPrintable(QString("%1 < %2").arg(beam.logProb).arg(greedy.logProb)));
    }

    void tokenHealingExtendsTheCutToken() {
        // The real LLaMA vocabulary (32000 pieces, with "://" and friends) on random weights: the
        // constraint, not the model's taste, decides what the first token may be.
        gb::RandomModelSpec spec;
        spec.dim = 64;
        spec.layers = 1;
        spec.heads = 2;
        spec.kvHeads = 2;
        spec.ffn = 128;
        spec.vocabDonor = gbtest::modelPath("vocab/ggml-vocab-llama-spm.gguf");
        auto model = gb::Model::load(gbtest::writeToyModel(dir_, "llama-vocab.gguf", spec));
        const auto& tok = model->tokenizer();
        const std::string prompt = "link is <a href=\"http:";
        auto ids = tok.encode(prompt, true, true);
        const std::string cut = tok.piece(ids.back());
        QVERIFY(!cut.empty());
        QVERIFY(std::string(prompt).ends_with(cut));

        gb::GenerationRequest req;
        req.prompt = prompt;
        req.maxTokens = 4;
        req.sampling.temperature = 0;
        req.sampling.tokenHealing = true;
        gb::Session s(model);
        auto r = gb::generate(s, req);
        QCOMPARE(r.promptTokens.size(), ids.size() - 1);  // the last token was backed up
        QVERIFY(!r.tokens.empty());
        const std::string firstPiece = tok.piece(r.tokens[0].id);
        QVERIFY2(firstPiece.rfind(cut, 0) == 0, qPrintable(QString::fromStdString(firstPiece)));
        // The visible text continues the prompt: the healed text is not shown twice.
        QCOMPARE(r.text.substr(0, firstPiece.size() - cut.size()), firstPiece.substr(cut.size()));
        // Without healing the first token is free and the prompt keeps its last token.
        req.sampling.tokenHealing = false;
        auto plain = gb::generate(s, req);
        QCOMPARE(plain.promptTokens.size(), ids.size());
    }

    void stopStringsEndGenerationAndAreNotShown() {
        auto model = gb::Model::load(gbtest::modelPath("stories260K-f32.gguf"));
        gb::GenerationRequest req;
        req.prompt = "Once upon a time";
        req.maxTokens = 40;
        req.sampling.temperature = 0;
        gb::Session s(model);
        auto full = gb::generate(s, req);
        const auto cutAt = full.text.find("Lily");
        QVERIFY(cutAt != std::string::npos);  // greedy text names Lily (llama.cpp's reference says so too)
        req.stopStrings = {"Lily"};
        auto stopped = gb::generate(s, req);
        QCOMPARE(stopped.stopReason, std::string("stop"));
        QCOMPARE(stopped.text, full.text.substr(0, cutAt));
    }

    void seedReproducesSampling() {
        auto model = gb::Model::load(gbtest::modelPath("polyglot-moe-4m-q8_0.gguf"));
        gb::GenerationRequest req;
        req.prompt = "The";
        req.maxTokens = 16;
        req.sampling.temperature = 1.0f;
        req.sampling.seed = 1234;
        gb::Session s(model);
        auto a = gb::generate(s, req), b = gb::generate(s, req);
        QCOMPARE(a.text, b.text);
        req.sampling.seed = 99;
        QVERIFY(gb::generate(s, req).text != a.text);
    }

    void promptLongerThanContextIsAClearError() {
        auto model = gb::Model::load(gbtest::modelPath("aidreams260K-f32.gguf"));
        gb::Session s(model, {64, 1});
        gb::GenerationRequest req;
        for (int i = 0; i < 100; ++i) req.prompt += "Lily and Ben. ";
        try {
            gb::generate(s, req);
            QFAIL("no error");
        } catch (const gb::Error& e) {
            QVERIFY2(QString(e.what()).contains("context holds only 64"), e.what());
        }
    }

    void contrastiveSearchRunsAndAvoidsRepetition() {
        auto model = gb::Model::load(gbtest::modelPath("stories260K-f32.gguf"));
        gb::GenerationRequest req;
        req.prompt = "Once upon a time";
        req.maxTokens = 24;
        req.sampling.contrastiveK = 4;
        req.sampling.penaltyAlpha = 0.6f;
        gb::Session s(model);
        auto r = gb::generate(s, req);
        QCOMPARE(int(r.tokens.size()), 24);
        // Deterministic: a second run gives the same text.
        QCOMPARE(gb::generate(s, req).text, r.text);
        // Each token is among the model's top-k at its step.
        for (const auto& t : r.tokens) QVERIFY(t.rank < 4);
    }
};

QTEST_APPLESS_MAIN(TestDecoding)
#include "test_decoding.moc"
