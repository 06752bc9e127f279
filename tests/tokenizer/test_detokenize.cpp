// Detokenization: pieces, llama_detokenize's space-prefix and cleanup rules, round trips, and
// the streaming detokenizer never showing half a character.
#include <QtTest>

#include "test_classes.h"
#include "tokenizer_fixtures.h"

namespace {

const char* kSamples[] = {
    "Hello world",
    " leading space",
    "  two leading spaces and trailing  ",
    "tabs\tand\nnewlines\r\n",
    "Привет, мир! 你好，世界！ emoji 🦙🚀",
    "x² ½ Ⅻ １２３ ١٢٣",
    "e\xCC\x81 caf\xC3\xA9",
    "",
    " ",
};

}  // namespace

class TestDetokenize : public QObject {
    Q_OBJECT
private slots:
    // SPM with byte fallback covers any text: decode(encode(s)) == s, with or without BOS.
    void spmRoundTrip_data() {
        QTest::addColumn<QString>("vocab");
        QTest::newRow("LLaMA 32000") << "vocab/ggml-vocab-llama-spm.gguf";
        QTest::newRow("polyglot 2048") << "polyglot-moe-4m-f32.gguf";
        QTest::newRow("stories 512") << "stories260K-f32.gguf";
    }
    void spmRoundTrip() {
        QFETCH(QString, vocab);
        const auto& tok = tokfix::tokenizer(vocab.toStdString());
        for (const char* s : kSamples) {
            QCOMPARE(tok.decode(tok.encode(s, false, false)), std::string(s));
            // llama.cpp: a BOS kept in the ids takes the place of the removed prefix space…
            QCOMPARE(tok.decode(tok.encode(s, true, false)), *s ? " " + std::string(s) : std::string());
            // …while remove_special drops the BOS and keeps the space (llama_detokenize).
            QCOMPARE(tok.decode(tok.encode(s, true, false), false, true), *s ? " " + std::string(s) : std::string());
        }
    }

    // Qwen3 has no cleanup: detokenization is the exact inverse.
    void qwenRoundTrip() {
        const auto& tok = tokfix::tokenizer("vocab/qwen3-vocab.gguf");
        for (const char* s : kSamples) QCOMPARE(tok.decode(tok.encode(s, false, true)), std::string(s));
        QCOMPARE(tok.decode(tok.encode("Hello , world 's", false, true)), std::string("Hello , world 's"));
    }

    // Llama 3: clean_up_tokenization_spaces, as llama.cpp applies it.
    void llama3Cleanup() {
        const auto& tok = tokfix::tokenizer("vocab/llama3-vocab.gguf");
        QCOMPARE(tok.decode(tok.encode("Hello , world !", false, true)), std::string("Hello, world!"));
        QCOMPARE(tok.decode(tok.encode("it 's fine , I 'm sure", false, true)), std::string("it's fine, I'm sure"));
        QCOMPARE(tok.decode(tok.encode("Привет, мир! 你好", false, true)), std::string("Привет, мир! 你好"));
        // Pieces themselves are not cleaned.
        std::string pieces;
        for (int32_t id : tok.encode("Hello , world", false, true)) pieces += tok.piece(id);
        QCOMPARE(pieces, std::string("Hello , world"));
    }

    void specialPieces() {
        const auto& tok = tokfix::tokenizer("vocab/llama3-vocab.gguf");
        QCOMPARE(tok.piece(128000), std::string());
        QCOMPARE(tok.piece(128000, true), std::string("<|begin_of_text|>"));
        QCOMPARE(tok.piece(-1), std::string());
        QCOMPARE(tok.piece(1 << 30, true), std::string());
        QCOMPARE(tok.decode({128000, 9906, 128001}), std::string("Hello"));
        QCOMPARE(tok.decode({128000, 9906, 128001}, true), std::string("<|begin_of_text|>Hello<|end_of_text|>"));
        const auto& spm = tokfix::tokenizer("vocab/ggml-vocab-llama-spm.gguf");
        QCOMPARE(spm.piece(13), std::string("\n"));     // <0x0A>
        QCOMPARE(spm.piece(15043), std::string(" Hello"));
        QCOMPARE(spm.piece(0), std::string());            // <unk> is special
        QCOMPARE(spm.piece(0, true), std::string("<unk>"));
    }

    // Chinese through byte tokens, fed one by one: nothing is emitted until a character is whole.
    void streamingHoldsIncompleteCharacters() {
        const auto& tok = tokfix::tokenizer("stories260K-f32.gguf");  // knows no CJK: all byte tokens
        const std::string text = "你好，世界";
        const auto ids = tok.encode(text, false, false);
        QVERIFY(ids.size() >= 15);
        gb::StreamingDetokenizer d(tok);
        std::string shown;
        for (int32_t id : ids) {
            const std::string part = d.push(id);
            QVERIFY2(QString::fromUtf8(part.data(), int(part.size())).toUtf8() == QByteArray::fromStdString(part),
                     "emitted text is not whole UTF-8");
            shown += part;
        }
        shown += d.flush();
        QCOMPARE(shown, " " + text);  // the piece of "▁" is a space (streaming does not strip it)
    }

    void streamingReplacesInvalidBytes() {
        const auto& tok = tokfix::tokenizer("polyglot-moe-4m-f32.gguf");
        const int32_t e4 = tok.vocab().index.at("<0xE4>"), bd = tok.vocab().index.at("<0xBD>");
        const int32_t a = tok.vocab().index.at("<0x41>"), ff = tok.vocab().index.at("<0xFF>");
        gb::StreamingDetokenizer d(tok);
        QCOMPARE(d.push(e4), std::string());
        QCOMPARE(d.push(bd), std::string());
        QCOMPARE(d.push(a), std::string("\xEF\xBF\xBD" "A"));  // E4 BD then 'A': one U+FFFD for the cut sequence
        QCOMPARE(d.push(ff), std::string("\xEF\xBF\xBD"));
        QCOMPARE(d.push(e4), std::string());
        QCOMPARE(d.flush(), std::string("\xEF\xBF\xBD"));
        QCOMPARE(d.flush(), std::string());
    }
};

static RegisterTest<TestDetokenize> reg;
#include "test_detokenize.moc"
