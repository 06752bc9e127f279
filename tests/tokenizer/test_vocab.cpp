// Vocab::fromGguf: llama.cpp's defaults and by-text fixes on the shared vocabularies, and
// clear errors for inconsistent ones (made up in memory).
#include <QtTest>

#include "common/test_models.h"
#include "gguf/gguf_file.h"
#include "test_classes.h"
#include "tokenizer_fixtures.h"
#include "util/error.h"

using gb::TokenType;
using gb::Vocab;

namespace {

Vocab load(const char* file) { return Vocab::fromGguf(*gb::GgufFile::open(gbtest::modelPath(file))); }

// A valid little SPM vocabulary, and ways to spoil it.
struct Spec {
    std::vector<std::string> tokens = {"<unk>", "<s>", "</s>", "a", "b", "ab"};
    std::vector<float> scores = {0, 0, 0, -1, -2, -0.5f};
    std::vector<int32_t> types = {2, 3, 3, 1, 1, 1};
    std::string model = "llama";
    std::vector<std::pair<std::string, uint32_t>> ids;
    std::vector<std::pair<std::string, bool>> flags;
    std::vector<std::string> merges;
};

Vocab build(const Spec& s) {
    tokfix::GgufWriter w;
    w.addString("tokenizer.ggml.model", s.model);
    w.addStrings("tokenizer.ggml.tokens", s.tokens);
    w.addF32s("tokenizer.ggml.scores", s.scores);
    w.addI32s("tokenizer.ggml.token_type", s.types);
    if (!s.merges.empty()) w.addStrings("tokenizer.ggml.merges", s.merges);
    for (auto& [k, v] : s.ids) w.addU32(k, v);
    for (auto& [k, v] : s.flags) w.addBool(k, v);
    const auto bytes = w.bytes();
    return Vocab::fromGguf(*gb::GgufFile::parse(bytes.data(), bytes.size()));
}

}  // namespace

class TestVocab : public QObject {
    Q_OBJECT
private slots:
    void spmModels() {
        for (const char* f : {"stories260K-f32.gguf", "stories260K-llamacpp-convert.gguf", "polyglot-moe-4m-f32.gguf",
                              "vocab/ggml-vocab-llama-spm.gguf"}) {
            const Vocab v = load(f);
            QCOMPARE(v.kind, Vocab::Kind::Spm);
            QCOMPARE(v.bos, 1);
            QCOMPARE(v.eos, 2);
            QCOMPARE(v.unk, 0);
            QVERIFY(v.addBos);  // the llama.cpp-convert file has no add_bos_token key: SPM default
            QVERIFY(!v.addEos);
            QVERIFY(v.addSpacePrefix);
            QVERIFY(!v.cleanSpaces);
            QVERIFY(v.isEog(2));
            QVERIFY(!v.isEog(1));
            QCOMPARE(v.type(3), TokenType::Byte);
            QCOMPARE(v.index.at("<0x0A>"), 13);
        }
        // seperator / padding ids of 0xFFFFFFFF: ignored with a warning, as llama.cpp does.
        const Vocab c = load("stories260K-llamacpp-convert.gguf");
        QCOMPARE(c.pad, -1);
        QCOMPARE(c.sep, -1);
        QCOMPARE(c.warnings.size(), size_t(2));
    }

    void llama3() {
        const Vocab v = load("vocab/llama3-vocab.gguf");
        QCOMPARE(v.kind, Vocab::Kind::Bpe);
        QCOMPARE(v.pre, std::string("llama-bpe"));
        QCOMPARE(v.size(), 128256);
        QCOMPARE(v.bos, 128000);
        QCOMPARE(v.eos, 128001);
        QCOMPARE(v.eot, 128009);  // found by text
        QVERIFY(v.addBos);
        QVERIFY(v.ignoreMerges);
        QVERIFY(v.cleanSpaces);
        QVERIFY(!v.addSpacePrefix);
        QVERIFY(v.isEog(128001));
        QVERIFY(v.isEog(128009));
        QVERIFY(!v.isEog(128000));
        QCOMPARE(v.merges.size(), size_t(280147));
    }

    void qwen3() {
        const Vocab v = load("vocab/qwen3-vocab.gguf");
        QCOMPARE(v.pre, std::string("qwen2"));
        QCOMPARE(v.bos, 151643);
        QCOMPARE(v.eos, 151645);
        QCOMPARE(v.pad, 151643);
        QVERIFY(!v.addBos);
        QVERIFY(!v.ignoreMerges);
        QVERIFY(!v.cleanSpaces);
        // "</s>" is an ordinary token in the file; llama.cpp makes it control and EOG by its text.
        const int32_t s = v.index.at("</s>");
        QCOMPARE(s, 128247);
        QCOMPARE(v.type(s), TokenType::Control);
        QVERIFY(v.isEog(s));
        for (const char* t : {"<|im_end|>", "<|endoftext|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>"})
            QVERIFY2(v.isEog(v.index.at(t)), t);
        for (const char* t : {"<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|im_start|>", "<think>"})
            QVERIFY2(!v.isEog(v.index.at(t)), t);
        QCOMPARE(v.type(v.index.at("<think>")), TokenType::UserDefined);
        QCOMPARE(v.eot, v.index.at("<|im_end|>"));
    }

    void validVocabulary() {
        const Vocab v = build(Spec{});
        QCOMPARE(v.size(), 6);
        QCOMPARE(v.scores[5], -0.5f);
        QVERIFY(v.warnings.empty());
    }

    void rejectsInconsistent_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("short scores") << 0 << "scores";
        QTest::newRow("short token types") << 1 << "token_type";
        QTest::newRow("duplicate token") << 2 << "duplicate";
        QTest::newRow("unknown model") << 3 << "unsupported tokenizer";
        QTest::newRow("BPE without merges") << 4 << "merges";
        QTest::newRow("add_bos without BOS") << 5 << "add_bos_token";
    }
    void rejectsInconsistent() {
        QFETCH(int, which);
        QFETCH(QString, message);
        Spec s;
        switch (which) {
            case 0: s.scores.pop_back(); break;
            case 1: s.types.pop_back(); break;
            case 2: s.tokens[4] = "a"; break;
            case 3: s.model = "t5"; break;
            case 4: s.model = "gpt2"; break;
            case 5:  // a 3-token vocabulary: the default BOS id 1 exists, so point BOS outside and drop the default
                s.tokens = {"x", "y", "z"}, s.scores = {0, 0, 0}, s.types = {1, 1, 1};
                s.model = "gpt2", s.merges = {"x y"};  // gpt2 default BOS 11 is outside: none
                s.flags = {{"tokenizer.ggml.add_bos_token", true}};
                break;
        }
        try {
            build(s);
            QFAIL("no error");
        } catch (const gb::Error& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    void emptyTokenGetsAName() {
        Spec s;
        s.tokens[4] = "";
        const Vocab v = build(s);
        QCOMPARE(v.tokens[4], std::string("[EMPTY_4]"));
        QCOMPARE(v.warnings.size(), size_t(1));
    }

    void outOfRangeIdsAreIgnored() {
        Spec s;
        s.ids = {{"tokenizer.ggml.bos_token_id", 99}, {"tokenizer.ggml.eos_token_id", 5}};
        const Vocab v = build(s);
        QCOMPARE(v.bos, 1);  // default kept
        QCOMPARE(v.eos, 5);
        QVERIFY(v.isEog(5));
        QCOMPARE(v.warnings.size(), size_t(1));
    }

    void tokenizerCreateRejectsUnknownPre() {
        Spec s;
        s.model = "gpt2";
        s.merges = {"a b"};
        tokfix::GgufWriter w;
        w.addString("tokenizer.ggml.model", "gpt2");
        w.addString("tokenizer.ggml.pre", "no-such-pre");
        w.addStrings("tokenizer.ggml.tokens", s.tokens);
        w.addStrings("tokenizer.ggml.merges", s.merges);
        const auto bytes = w.bytes();
        Vocab v = Vocab::fromGguf(*gb::GgufFile::parse(bytes.data(), bytes.size()));
        QVERIFY_THROWS_EXCEPTION(gb::Error, gb::Tokenizer::create(std::move(v)));
    }
};

static RegisterTest<TestVocab> reg;
#include "test_vocab.moc"
