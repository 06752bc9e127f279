// Arbitrary input: random bytes (invalid UTF-8, NUL) never crash or throw and round-trip as far
// as llama.cpp's rules allow; long inputs tokenize in linear-ish time.
#include <QtTest>
#include <ctime>
#include <random>

#include "test_classes.h"
#include "tokenizer/unicode.h"
#include "tokenizer_fixtures.h"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int kSlowFactor = 10;  // sanitizer builds
#else
constexpr int kSlowFactor = 1;
#endif

const char* kVocabs[] = {"vocab/ggml-vocab-llama-spm.gguf", "polyglot-moe-4m-f32.gguf", "vocab/llama3-vocab.gguf",
                         "vocab/qwen3-vocab.gguf"};

// Bytes biased towards the interesting: UTF-8 lead and continuation bytes, spaces, NUL, '<', digits.
std::string makeRandomBytes(std::mt19937& rng) {
    static constexpr char ascii[] = "\0 \t\n\r<|>'sSdtmlrve0123456789aZ.,!?";  // the NUL included
    static const std::string alphabet = std::string(ascii, sizeof ascii - 1) +
                                        "\xC3\xA9\xE4\xBD\xA0\xF0\x9F\xA6\x99\x80\xBF\xC0\xC1\xED\xA0\xF4\x90\xF8\xFF\xE2\x96\x81";
    std::uniform_int_distribution<int> len(0, 40), pick(0, int(alphabet.size()) - 1), raw(0, 255), coin(0, 3);
    std::string s;
    for (int n = len(rng); n > 0; --n) s += coin(rng) == 0 ? char(raw(rng)) : alphabet[size_t(pick(rng))];
    return s;
}

// Random valid UTF-8 from a spread of scripts, digits, marks, whitespace and symbols.
std::string randomText(std::mt19937& rng) {
    static const uint32_t ranges[][2] = {{0x20, 0x7E}, {0x09, 0x0D}, {0xA0, 0x17F}, {0x300, 0x36F}, {0x400, 0x4FF},
                                         {0x600, 0x6FF}, {0x900, 0x97F}, {0x2000, 0x206F}, {0x3000, 0x303F},
                                         {0x4E00, 0x4FFF}, {0xFF00, 0xFFEF}, {0x1F300, 0x1F6FF}, {0x10000, 0x10FFFF}};
    std::uniform_int_distribution<int> len(0, 30), which(0, int(std::size(ranges)) - 1);
    std::string s;
    for (int n = len(rng); n > 0; --n) {
        const auto& r = ranges[which(rng)];
        uint32_t cp = std::uniform_int_distribution<uint32_t>(r[0], r[1])(rng);
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'x';
        gb::unicode::appendUtf8(s, cp);
    }
    return s;
}

bool validUtf8(const std::string& s) {
    for (size_t pos = 0, len = 0; pos < s.size(); pos += len)
        if (gb::unicode::checkStrict(s, pos, len) != gb::unicode::SeqStatus::Valid) return false;
    return true;
}

// What llama.cpp's byte-level BPE reads from s: invalid bytes as U+FFFD, the rest re-encoded.
std::string asLlamaCppReadsIt(const std::string& s) {
    std::string out;
    for (uint32_t cp : gb::unicode::decodeLenient(s)) gb::unicode::appendUtf8(out, cp);
    return out;
}

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

std::string escapeSpaces(const std::string& s) {
    std::string out;
    for (char c : s) out += c == ' ' ? std::string("\xE2\x96\x81") : std::string(1, c);
    return out;
}

std::string concatPieces(const gb::Tokenizer& tok, const std::vector<int32_t>& ids) {
    std::string s;
    for (int32_t id : ids) s += tok.piece(id, true);
    return s;
}

}  // namespace

class TestRobustness : public QObject {
    Q_OBJECT
private slots:
    void randomBytes_data() {
        QTest::addColumn<QString>("vocab");
        for (const char* v : kVocabs) QTest::newRow(v) << QString(v);
    }
    void randomBytes() {
        QFETCH(QString, vocab);
        const auto& tok = tokfix::tokenizer(vocab.toStdString());
        const bool spm = tok.vocab().kind == gb::Vocab::Kind::Spm;
        std::mt19937 rng(1234);
        for (int i = 0; i < 3000; ++i) {
            const std::string s = makeRandomBytes(rng);
            for (bool special : {false, true}) {
                std::vector<int32_t> ids;
                try {
                    ids = tok.encode(s, special, special);
                    (void)tok.decode(ids, special);
                } catch (const std::exception& e) {
                    QFAIL(qPrintable(QString("threw on input %1: %2").arg(QString(QByteArray::fromStdString(s).toHex()), e.what())));
                }
                for (int32_t id : ids) QVERIFY(tok.vocab().valid(id));
                if (special) continue;
                const std::string back = concatPieces(tok, ids);
                if (spm) {
                    // Byte fallback keeps every byte of the escaped text (spaces are "▁" there). An
                    // invalid lead byte can swallow part of a "▁", whose bytes then come back as
                    // bytes, not as a space: llama.cpp does the same. So compare escaped.
                    if (escapeSpaces(back) != escapeSpaces(s.empty() ? std::string() : " " + s))
                        QFAIL(qPrintable("SPM lost bytes of " + QByteArray::fromStdString(s).toHex()));
                } else if (back != asLlamaCppReadsIt(s)) {
                    QFAIL(qPrintable("BPE did not round-trip " + QByteArray::fromStdString(s).toHex()));
                }
            }
        }
    }

    void randomTextRoundTrips_data() { randomBytes_data(); }
    void randomTextRoundTrips() {
        QFETCH(QString, vocab);
        const auto& tok = tokfix::tokenizer(vocab.toStdString());
        std::mt19937 rng(99);
        for (int i = 0; i < 2000; ++i) {
            const std::string s = randomText(rng);
            QVERIFY(validUtf8(s));
            const auto ids = tok.encode(s, false, false);
            const std::string back = tok.vocab().cleanSpaces ? concatPieces(tok, ids) : tok.decode(ids, true);
            if (back != s) QFAIL(qPrintable("no round trip for " + QByteArray::fromStdString(s).toHex()));
        }
    }

    // About 1 MB in one piece: no quadratic merges, whether the text has spaces or not.
    void megabyte_data() {
        QTest::addColumn<QString>("vocab");
        QTest::addColumn<QString>("kind");
        for (const char* v : kVocabs) {
            QTest::newRow((std::string(v) + " prose").c_str()) << QString(v) << "prose";
            QTest::newRow((std::string(v) + " no spaces").c_str()) << QString(v) << "letters";
            QTest::newRow((std::string(v) + " chinese").c_str()) << QString(v) << "chinese";
        }
    }
    void megabyte() {
        QFETCH(QString, vocab);
        QFETCH(QString, kind);
        const auto& tok = tokfix::tokenizer(vocab.toStdString());
        std::string text;
        const std::string unit = kind == "prose" ? "The quick brown fox jumps over the lazy dog, 12345 times! "
                                 : kind == "letters" ? "abcdefghijklmnopqrstuvwxyz"
                                                     : "我们今天去公园散步，天气很好";
        while (text.size() < (1 << 20)) text += unit;
        // CPU time of this thread: the machines running tests are often busy with other work.
        const double start = threadCpuMs();
        const auto ids = tok.encode(text, true, true);
        const double ms = threadCpuMs() - start;
        qInfo("%s %s: %zu tokens in %.0f ms", qPrintable(vocab), qPrintable(kind), ids.size(), ms);
        QVERIFY(!ids.empty());
        // Typically 20-600 ms (one 1 MB "word" is the slowest case); quadratic merging would take minutes.
        QVERIFY2(ms < kSlowFactor * 2000, "tokenizing 1 MB took too long");
    }
};

static RegisterTest<TestRobustness> reg;
#include "test_robustness.moc"
