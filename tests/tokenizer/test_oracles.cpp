// The hand-written parts checked against straightforward reference implementations on random
// input: the pre-tokenizers against the regexes llama.cpp runs (std::regex over llama.cpp's
// "collapsed" text, one byte per code point, as unicode.cpp does when it has no custom splitter),
// and the special-token splitter against llama.cpp's fragment-list partition.
#include <QtTest>
#include <cctype>
#include <random>
#include <regex>

#include "gguf/gguf_file.h"
#include "test_classes.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/special_tokens.h"
#include "tokenizer/unicode.h"
#include "tokenizer_fixtures.h"

namespace {

using namespace gb::unicode;

// ---- pre-tokenizers ----

// One byte per code point: ASCII as is, White_Space as \v, others by category.
std::string collapse(const std::vector<uint32_t>& cps) {
    std::string out;
    for (uint32_t cp : cps) {
        const uint16_t f = charFlags(cp);
        if (cp < 128) out += char(cp);
        else if (f & kWhitespace) out += '\x0B';
        else if (f & kNumber) out += '\xD1';
        else if (f & kLetter) out += '\xD2';
        else if (f & kPunct) out += '\xD3';
        else if (f & kMark) out += '\xD4';
        else if (f & kSymbol) out += '\xD5';
        else out += '\xD0';
    }
    return out;
}

// \p{N} / \p{L} / \p{P} written for collapsed text (inside a bracket expression).
const std::string N = "\xD1" "0-9", L = "\xD2" "A-Za-z",
                  P = "\xD3" "!-#%-*,-/:;?@\\[-\\]_\\{\\}";

const std::string kGpt2 = "'s|'t|'re|'ve|'m|'ll|'d| ?[" + L + "]+| ?[" + N + "]+| ?[^\\s" + L + N + "]+|\\s+(?!\\S)";
std::string llama3Like(const std::string& digits) {
    return "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n" + L + N + "]?[" + L + "]+|[" + N + "]" +
           digits + "| ?[^\\s" + L + N + "]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
}

std::vector<std::string> regexesFor(gb::PreSplit s) {
    switch (s) {
        case gb::PreSplit::Default: return {"[" + P + "\\$\\+<=>\\^~\\|]+", kGpt2, "[" + N + "]+", "[0-9][0-9][0-9]"};
        case gb::PreSplit::Gpt2: return {kGpt2};
        case gb::PreSplit::Llama3: return {llama3Like("{1,3}")};
        case gb::PreSplit::Qwen2: return {llama3Like("")};
        case gb::PreSplit::Smollm: return {"[" + N + "]", kGpt2};
        case gb::PreSplit::Falcon: return {"[" + P + "\\$\\+<=>\\^~\\|`]+", kGpt2, "[0-9][0-9][0-9]"};
    }
    return {};
}

// unicode_regex_split_stl: every match is a piece, and so is every stretch between matches.
std::vector<size_t> regexSplit(const std::string& text, const std::vector<std::string>& regexes) {
    std::vector<size_t> pieces{text.size()};
    if (text.empty()) return {};
    for (const auto& r : regexes) {
        const std::regex re(r, std::regex::ECMAScript | std::regex::nosubs);
        std::vector<size_t> next;
        size_t start = 0;
        for (size_t len : pieces) {
            const char* b = text.data() + start;
            size_t last = 0;
            for (std::cregex_iterator it(b, b + len, re), end; it != end; ++it) {
                const size_t pos = size_t(it->position()), n = size_t(it->length());
                if (pos > last) next.push_back(pos - last);
                next.push_back(n);
                last = pos + n;
            }
            if (last < len) next.push_back(len - last);
            start += len;
        }
        pieces = std::move(next);
    }
    return pieces;
}

std::vector<uint32_t> randomCodePoints(std::mt19937& rng) {
    static const uint32_t pool[] = {
        'a', 'b', 'Z', 'q', 's', 't', 'S', 'T', 'r', 'e', 'v', 'l', 'm', 'd', 'L', 'E', '\'', '\'', ' ', ' ', ' ', ' ',
        '\t', '\n', '\r', '\v', '0', '1', '9', '.', ',', '!', '$', '+', '<', '=', '^', '~', '|', '`', '_', '-', '#',
        '(', ']', '{', 0x1C, 0x00,
        0x85, 0xA0, 0x2003, 0x3000, 0x2028, 0xFEFF, 0x200B,           // whitespace and not
        0xE9, 0x416, 0x4F60, 0x5B57, 0x3042, 0x627,                   // letters
        0xB2, 0xBD, 0x216B, 0xFF11, 0x661,                            // numbers
        0x301, 0x93F,                                                  // marks
        0x2014, 0x201C, 0x3002, 0xFF0C,                                // punctuation
        0x20AC, 0xB0, 0x1F999, 0x2764,                                 // symbols
        0x378, 0xE000, 0xFFFD,                                         // unassigned, private use, replacement
    };
    std::uniform_int_distribution<int> len(0, 24), pick(0, int(std::size(pool)) - 1);
    std::vector<uint32_t> v;
    for (int n = len(rng); n > 0; --n) v.push_back(pool[pick(rng)]);
    return v;
}

std::string show(const std::vector<uint32_t>& cps) {
    std::string s;
    for (uint32_t cp : cps) s += QString("%1 ").arg(cp, 0, 16).toStdString();
    return s;
}

// ---- special tokens ----

struct Frag {
    int32_t token;
    size_t off, len;
    bool operator==(const Frag&) const = default;
};

// llama.cpp's tokenizer_st_partition, written the simple way.
std::vector<Frag> naivePartition(const gb::Vocab& v, const std::string& text, bool parseSpecial) {
    std::vector<int32_t> order;
    for (int32_t id = 0; id < v.size(); ++id)
        if (v.types[id] == gb::TokenType::Control || v.types[id] == gb::TokenType::UserDefined ||
            v.types[id] == gb::TokenType::Unknown)
            order.push_back(id);
    std::stable_sort(order.begin(), order.end(),
                     [&](int32_t a, int32_t b) { return v.tokens[a].size() > v.tokens[b].size(); });
    std::vector<Frag> frags;
    if (!text.empty()) frags.push_back({-1, 0, text.size()});
    for (int32_t id : order) {
        if (!parseSpecial && v.types[id] != gb::TokenType::UserDefined) continue;
        const std::string& t = v.tokens[id];
        std::vector<Frag> next;
        for (const Frag& f : frags) {
            if (f.token >= 0) {
                next.push_back(f);
                continue;
            }
            const bool lstrip = std::binary_search(v.lstrip.begin(), v.lstrip.end(), id);
            const bool rstrip = std::binary_search(v.rstrip.begin(), v.rstrip.end(), id);
            auto space = [&](size_t i) { return std::isspace(static_cast<unsigned char>(text[i])) != 0; };
            size_t off = f.off, len = f.len;
            while (true) {
                const size_t m = std::string_view(text.data(), off + len).find(t, off);
                if (m == std::string::npos) {
                    next.push_back({-1, off, len});
                    break;
                }
                if (m > off) {
                    size_t l = m - off;
                    while (lstrip && l > 0 && space(off + l - 1)) --l;
                    if (l > 0) next.push_back({-1, off, l});
                }
                next.push_back({id, m, t.size()});
                if (m + t.size() >= off + len) break;
                len = off + len - (m + t.size());
                off = m + t.size();
                while (rstrip && len > 0 && space(off)) ++off, --len;
                if (len == 0) break;
            }
        }
        frags = std::move(next);
    }
    return frags;
}

}  // namespace

class TestOracles : public QObject {
    Q_OBJECT
private slots:
    void preTokenizersMatchRegexes_data() {
        QTest::addColumn<int>("split");
        QTest::newRow("default") << int(gb::PreSplit::Default);
        QTest::newRow("gpt2") << int(gb::PreSplit::Gpt2);
        QTest::newRow("llama3") << int(gb::PreSplit::Llama3);
        QTest::newRow("qwen2") << int(gb::PreSplit::Qwen2);
        QTest::newRow("smollm") << int(gb::PreSplit::Smollm);
        QTest::newRow("falcon") << int(gb::PreSplit::Falcon);
    }
    void preTokenizersMatchRegexes() {
        QFETCH(int, split);
        const auto s = gb::PreSplit(split);
        const auto regexes = regexesFor(s);
        std::mt19937 rng(7 + split);
        for (int i = 0; i < 2000; ++i) {
            const auto cps = randomCodePoints(rng);
            const auto expected = regexSplit(collapse(cps), regexes);
            const auto got = gb::preTokenize(s, cps);
            if (got != expected) {
                QString e, g;
                for (auto x : expected) e += QString::number(x) + " ";
                for (auto x : got) g += QString::number(x) + " ";
                QFAIL(qPrintable(QString("input %1\n  regex %2\n  ours  %3").arg(QString::fromStdString(show(cps)), e, g)));
            }
        }
    }

    // The oracle itself tells rules apart (so agreement above means something).
    void oracleSanity() {
        const std::vector<uint32_t> digits = {'1', '2', '3', '4'}, words = {'I', '\'', 'M', ' ', 'o', 'k', ' ', ' ', '!'};
        QCOMPARE(regexSplit(collapse(digits), regexesFor(gb::PreSplit::Llama3)), (std::vector<size_t>{3, 1}));
        QCOMPARE(regexSplit(collapse(digits), regexesFor(gb::PreSplit::Qwen2)), (std::vector<size_t>{1, 1, 1, 1}));
        QCOMPARE(regexSplit(collapse(words), regexesFor(gb::PreSplit::Llama3)), (std::vector<size_t>{1, 2, 3, 1, 2}));
        QCOMPARE(regexSplit(collapse(words), regexesFor(gb::PreSplit::Gpt2)), (std::vector<size_t>{1, 1, 1, 3, 1, 2}));
        QCOMPARE(gb::preTokenize(gb::PreSplit::Llama3, words), (std::vector<size_t>{1, 2, 3, 1, 2}));
    }

    void specialSplitMatchesPartition_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << "test";
        QTest::newRow("phi-3: special tokens strip the whitespace after them") << "Phi-3 test";
    }
    void specialSplitMatchesPartition() {
        QFETCH(QString, name);
        // Overlapping texts of every kind, including equal lengths.
        const std::vector<std::string> tokens = {"<unk>", "<s>", "</s>", "<a>", "<a", "a>", "<ab>", "ab", "b", "ba", "<ab", "x"};
        const std::vector<int32_t> types = {2, 3, 3, 3, 4, 3, 3, 4, 1, 3, 4, 1};
        tokfix::GgufWriter w;
        w.addString("general.name", name.toStdString());
        w.addString("tokenizer.ggml.model", "llama");
        w.addStrings("tokenizer.ggml.tokens", tokens);
        w.addI32s("tokenizer.ggml.token_type", types);
        const auto bytes = w.bytes();
        const gb::Vocab v = gb::Vocab::fromGguf(*gb::GgufFile::parse(bytes.data(), bytes.size()));
        QCOMPARE(v.rstrip.empty(), !name.contains("Phi-3"));
        const gb::SpecialTokenSplitter splitter(v);
        std::mt19937 rng(5);
        const std::string alphabet = "<>/sabnku \n";
        std::uniform_int_distribution<int> len(0, 20), pick(0, int(alphabet.size()) - 1);
        for (int i = 0; i < 5000; ++i) {
            std::string text;
            for (int n = len(rng); n > 0; --n) text += alphabet[size_t(pick(rng))];
            for (bool parse : {false, true}) {
                std::vector<Frag> got;
                for (const auto& f : splitter.split(text, parse))
                    got.push_back({f.token, size_t(f.text.data() - text.data()), f.text.size()});
                const auto expected = naivePartition(v, text, parse);
                if (got != expected) QFAIL(qPrintable(QString("'%1' parse=%2").arg(QString::fromStdString(text)).arg(parse)));
            }
        }
    }
};

static RegisterTest<TestOracles> reg;
#include "test_oracles.moc"
