// Token ids against llama.cpp itself: its test-tokenizer-0 vectors for three real vocabularies
// (LLaMA SPM, Llama 3, Qwen3) and the prompts of the reference runs on the shared models.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "common/test_models.h"
#include "test_classes.h"
#include "tokenizer_fixtures.h"

namespace {

std::vector<int32_t> toIds(const QJsonArray& a) {
    std::vector<int32_t> v;
    for (const auto& x : a) v.push_back(x.toInt());
    return v;
}

QJsonObject referenceRun(const QString& file) {
    const std::string json = tokfix::readFile(gbtest::modelPath(("reference/" + file).toUtf8().constData()));
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object()["results"].toArray()[0].toObject();
}

const char* kReferenceFiles[] = {
    "llamacpp-stories260K-f32.json",  "llamacpp-stories260K-q8_0.json",   "llamacpp-aidreams260K-f32.json",
    "llamacpp-aidreams260K-q8_0.json", "llamacpp-polyglot-moe-4m-f32.json", "llamacpp-polyglot-moe-4m-q8_0.json",
};

}  // namespace

class TestVectors : public QObject {
    Q_OBJECT
private slots:
    // Every string of NAME.gguf.inp must give exactly the ids of NAME.gguf.out
    // (llama_tokenize(add_special = false, parse_special = true)).
    void llamaCppVectors_data() {
        QTest::addColumn<QString>("vocab");
        QTest::newRow("LLaMA SPM 32000") << "vocab/ggml-vocab-llama-spm.gguf";
        QTest::newRow("Llama 3 (llama-bpe)") << "vocab/llama3-vocab.gguf";
        QTest::newRow("Qwen3 (qwen2)") << "vocab/qwen3-vocab.gguf";
    }
    void llamaCppVectors() {
        QFETCH(QString, vocab);
        const std::string file = vocab.toStdString();
        const auto& tok = tokfix::tokenizer(file);
        const auto inputs = tokfix::readVectorInputs(file + ".inp");
        const auto outputs = tokfix::readVectorOutputs(file + ".out");
        QVERIFY(!inputs.empty());
        QVERIFY(outputs.size() >= inputs.size());
        int matched = 0;
        QStringList failures;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const auto ids = tok.encode(inputs[i], false, true);
            if (ids == outputs[i]) {
                ++matched;
                continue;
            }
            failures << QString("#%1 %2\n  got      %3\n  expected %4")
                            .arg(i)
                            .arg(QString::fromUtf8(QByteArray::fromStdString(inputs[i]).left(60)))
                            .arg(QString::fromStdString(tokfix::idsToString(ids)))
                            .arg(QString::fromStdString(tokfix::idsToString(outputs[i])));
        }
        qInfo("%s: %d/%d vectors match", qPrintable(vocab), matched, int(inputs.size()));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join("\n")));
    }

    // With add_special, llama.cpp prepends BOS for Llama 3 and nothing for Qwen3.
    void addSpecial() {
        const auto& l3 = tokfix::tokenizer("vocab/llama3-vocab.gguf");
        QCOMPARE(l3.encode("Hello world", true, true), (std::vector<int32_t>{128000, 9906, 1917}));
        QCOMPARE(l3.encode("", true, true), (std::vector<int32_t>{128000}));
        const auto& q3 = tokfix::tokenizer("vocab/qwen3-vocab.gguf");
        QCOMPARE(q3.encode("Hello world", true, true), q3.encode("Hello world", false, true));
        const auto& spm = tokfix::tokenizer("vocab/ggml-vocab-llama-spm.gguf");
        QCOMPARE(spm.encode("Hello world", true, true), (std::vector<int32_t>{1, 15043, 3186}));
        QCOMPARE(spm.encode("", true, true), (std::vector<int32_t>{1}));
        QCOMPARE(spm.encode("", false, true), std::vector<int32_t>{});
    }

    // Special-token text: control tokens only with parseSpecial, user-defined ones always.
    void specialTokenParsing() {
        const auto& q3 = tokfix::tokenizer("vocab/qwen3-vocab.gguf");
        const int32_t imStart = q3.vocab().index.at("<|im_start|>");
        const int32_t think = q3.vocab().index.at("<think>");
        const auto on = q3.encode("<|im_start|><think>", false, true);
        QCOMPARE(on, (std::vector<int32_t>{imStart, think}));
        const auto off = q3.encode("<|im_start|><think>", false, false);
        QVERIFY(off.size() > 2);
        QCOMPARE(off.back(), think);
        QVERIFY(std::find(off.begin(), off.end(), imStart) == off.end());
        // "</s>" became control by its text: special only with parseSpecial.
        const int32_t s = q3.vocab().index.at("</s>");
        QCOMPARE(q3.encode("</s>", false, true), (std::vector<int32_t>{s}));
        QVERIFY(q3.encode("</s>", false, false) != (std::vector<int32_t>{s}));

        // SPM: the text after a special token gets its own "▁" prefix; "<unk>" is special too.
        const auto& spm = tokfix::tokenizer("vocab/ggml-vocab-llama-spm.gguf");
        QCOMPARE(spm.encode("<s>Hello", false, true), (std::vector<int32_t>{1, 15043}));
        QCOMPARE(spm.encode("Hello<s>Hello", false, true), (std::vector<int32_t>{15043, 1, 15043}));
        QCOMPARE(spm.encode("<unk>", false, true), (std::vector<int32_t>{0}));
        QVERIFY(spm.encode("<s>", false, false) != (std::vector<int32_t>{1}));
    }

    // The SPM merge order on a made-up vocabulary: best score first, leftmost on ties, and
    // characters outside the vocabulary as <0xNN> byte tokens.
    void spmMergeOrder() {
        auto ids = [](const gb::Tokenizer& t, const char* text) {
            std::string out;
            for (int32_t id : t.encode(text, false, false)) out += (out.empty() ? "" : " ") + t.vocab().tokens[id];
            return out;
        };
        const auto bc = gb::Tokenizer::create(tokfix::makeSpmVocab({"▁", "a", "b", "c", "ab", "bc"}, {-1, -1, -1, -1, -2, -1}));
        QCOMPARE(ids(*bc, "abc"), std::string("▁ a bc"));
        const auto tie = gb::Tokenizer::create(tokfix::makeSpmVocab({"▁", "a", "b", "c", "ab", "bc"}, {-1, -1, -1, -1, -1, -1}));
        QCOMPARE(ids(*tie, "abc"), std::string("▁ ab c"));
        QCOMPARE(ids(*tie, "a\xC3\xA9"), std::string("▁ a <0xC3> <0xA9>"));
        QCOMPARE(ids(*tie, "b c"), std::string("▁ b ▁ c"));
    }

    // prompt_tokens of the reference runs: BOS + llama.cpp's tokenization of each prompt.
    void referencePrompts_data() {
        QTest::addColumn<QString>("file");
        for (const char* f : kReferenceFiles) QTest::newRow(f) << QString(f);
    }
    void referencePrompts() {
        QFETCH(QString, file);
        const QJsonObject run = referenceRun(file);
        const auto& tok = tokfix::tokenizer(run["model"].toObject()["file"].toString().toStdString());
        const QJsonArray prompts = run["prompts"].toArray();
        QCOMPARE(prompts.size(), 5);
        for (const auto& p : prompts) {
            const QJsonObject o = p.toObject();
            const auto expected = toIds(o["prompt_tokens"].toArray());
            const auto ids = tok.encode(o["prompt"].toString().toStdString(), true, true);
            QCOMPARE(tokfix::idsToString(ids), tokfix::idsToString(expected));
            // prompt_pieces are the vocabulary texts of those ids.
            const QJsonArray pieces = o["prompt_pieces"].toArray();
            for (int i = 0; i < pieces.size(); ++i)
                QCOMPARE(QString::fromStdString(tok.vocab().tokens[expected[i]]), pieces[i].toString());
        }
    }

    // greedy_pieces are vocabulary texts; greedy_text is llama.cpp's detokenization of the
    // generated ids after the prompt.
    void referenceGreedyText_data() { referencePrompts_data(); }
    void referenceGreedyText() {
        QFETCH(QString, file);
        const QJsonObject run = referenceRun(file);
        const auto& tok = tokfix::tokenizer(run["model"].toObject()["file"].toString().toStdString());
        for (const auto& p : run["prompts"].toArray()) {
            const QJsonObject o = p.toObject();
            const auto prompt = toIds(o["prompt_tokens"].toArray());
            const auto greedy = toIds(o["greedy_tokens"].toArray());
            const QJsonArray pieces = o["greedy_pieces"].toArray();
            for (size_t i = 0; i < greedy.size(); ++i)
                QCOMPARE(QString::fromStdString(tok.vocab().tokens[greedy[i]]), pieces[int(i)].toString());

            std::vector<int32_t> all = prompt;
            all.insert(all.end(), greedy.begin(), greedy.end());
            const std::string whole = tok.decode(all), head = tok.decode(prompt);
            QVERIFY(whole.compare(0, head.size(), head) == 0);
            QCOMPARE(QString::fromStdString(whole.substr(head.size())), o["greedy_text"].toString());
            // The same text piece by piece (what a streaming UI shows).
            std::string streamed;
            for (int32_t id : greedy) streamed += tok.piece(id);
            QCOMPARE(QString::fromStdString(streamed), o["greedy_text"].toString());
        }
    }
};

static RegisterTest<TestVectors> reg;
#include "test_vectors.moc"
