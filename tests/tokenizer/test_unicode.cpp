// UTF-8 handling and character classes, including the README's pitfalls (White_Space is the
// Unicode property, not JavaScript's \s) and the GPT-2 byte alphabet.
#include <QtTest>

#include "test_classes.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/cleanup_spaces.h"
#include "tokenizer/unicode.h"

using namespace gb::unicode;

class TestUnicode : public QObject {
    Q_OBJECT
private slots:
    void lenientDecodeLikeLlamaCpp() {
        // Valid text.
        QCOMPARE(decodeLenient(std::string_view("a\xC3\xA9\xE4\xBD\xA0\xF0\x9F\xA6\x99")),
                 (std::vector<uint32_t>{'a', 0xE9, 0x4F60, 0x1F999}));
        // A stray continuation byte, a lead byte without continuation, a cut-off sequence: U+FFFD each, one byte.
        QCOMPARE(decodeLenient(std::string_view("\x80" "A\xC3" "B\xE4\xBD")),
                 (std::vector<uint32_t>{kReplacement, 'A', kReplacement, 'B', kReplacement, kReplacement}));
        // Overlong forms and surrogates pass, as in llama.cpp; beyond U+10FFFF and F8..FF do not.
        QCOMPARE(decodeLenient(std::string_view("\xC0\x80", 2)), (std::vector<uint32_t>{0}));
        QCOMPARE(decodeLenient(std::string_view("\xED\xA0\x80")), (std::vector<uint32_t>{0xD800}));
        QCOMPARE(decodeLenient(std::string_view("\xF4\x90\x80\x80")).front(), kReplacement);
        QCOMPARE(decodeLenient(std::string_view("\xFF")), (std::vector<uint32_t>{kReplacement}));
        // NUL is an ordinary character.
        QCOMPARE(decodeLenient(std::string_view("\0x", 2)), (std::vector<uint32_t>{0, 'x'}));
    }

    void encodeRoundTrip() {
        for (uint32_t cp : {0u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xD800u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
            const std::string s = toUtf8(cp);
            QCOMPARE(decodeLenient(s), (std::vector<uint32_t>{cp}));
        }
    }

    void strictCheck() {
        size_t len = 0;
        QCOMPARE(checkStrict("\xE4\xBD\xA0", 0, len), SeqStatus::Valid);
        QCOMPARE(len, size_t(3));
        QCOMPARE(checkStrict("\xE4\xBD", 0, len), SeqStatus::Incomplete);
        QCOMPARE(checkStrict("\xE4" "A", 0, len), SeqStatus::Invalid);
        QCOMPARE(len, size_t(1));
        QCOMPARE(checkStrict("\xE4\xBD" "A", 0, len), SeqStatus::Invalid);
        QCOMPARE(len, size_t(2));  // the maximal ill-formed subpart
        QCOMPARE(checkStrict("\xC0\x80", 0, len), SeqStatus::Invalid);  // overlong
        QCOMPARE(checkStrict("\xED\xA0\x80", 0, len), SeqStatus::Invalid);  // surrogate
        QCOMPARE(checkStrict("\xF4\x90\x80\x80", 0, len), SeqStatus::Invalid);  // > U+10FFFF
        QCOMPARE(checkStrict("\x80", 0, len), SeqStatus::Invalid);
    }

    void whiteSpaceIsTheUnicodeProperty() {
        for (uint32_t cp : {0x09u, 0x0Au, 0x0Du, 0x20u, 0x85u, 0xA0u, 0x1680u, 0x2003u, 0x2028u, 0x2029u, 0x202Fu, 0x3000u})
            QVERIFY2(isWhitespace(cp), qPrintable(QString::number(cp, 16)));
        for (uint32_t cp : {0xFEFFu, 0x200Bu, 0x1Cu, 0x61u})
            QVERIFY2(!isWhitespace(cp), qPrintable(QString::number(cp, 16)));
    }

    void categories() {
        for (uint32_t cp : {uint32_t('7'), 0xB2u, 0xBDu, 0x216Bu, 0xFF11u, 0x661u}) QVERIFY(isNumber(cp));  // ² ½ Ⅻ １ ١
        for (uint32_t cp : {uint32_t('a'), 0xE9u, 0x4F60u, 0x416u}) QVERIFY(isLetter(cp));
        QVERIFY(charFlags(0x301) & kMark);      // combining acute: not a letter
        QVERIFY(!isLetter(0x301));
        QVERIFY(charFlags(0x93F) & kMark);      // Devanagari vowel sign
        QVERIFY(charFlags(',') & kPunct);
        QVERIFY(charFlags('$') & kSymbol);
        QVERIFY(charFlags(0x378) & kUndefined);  // unassigned
    }

    void byteAlphabet() {
        QCOMPARE(gb::bytelevel::encodeByte(' '), std::string("\xC4\xA0"));   // Ġ
        QCOMPARE(gb::bytelevel::encodeByte('\n'), std::string("\xC4\x8A"));  // Ċ
        QCOMPARE(gb::bytelevel::encodeByte('a'), std::string("a"));
        for (int b = 0; b < 256; ++b) {
            const auto cps = decodeLenient(gb::bytelevel::encodeByte(uint8_t(b)));
            QCOMPARE(cps.size(), size_t(1));
            QCOMPARE(gb::bytelevel::decodeCodePoint(cps[0]), b);
        }
        QCOMPARE(gb::bytelevel::decodeCodePoint(0x20), -1);
        QCOMPARE(gb::bytelevel::decodeCodePoint(0x4F60), -1);
    }

    void cleanupSpaces() {
        QCOMPARE(gb::cleanUpTokenizationSpaces("Hello , world !"), std::string("Hello, world!"));
        QCOMPARE(gb::cleanUpTokenizationSpaces("it 's I 'm we 're they 've"), std::string("it's I'm we're they've"));
        QCOMPARE(gb::cleanUpTokenizationSpaces("don 't I 'd we 'll"), std::string("don 't I 'd we 'll"));
        QCOMPARE(gb::cleanUpTokenizationSpaces("a ' b"), std::string("a'b"));
        QCOMPARE(gb::cleanUpTokenizationSpaces(" ."), std::string("."));
        QCOMPARE(gb::cleanUpTokenizationSpaces(""), std::string());
    }
};

static RegisterTest<TestUnicode> reg;
#include "test_unicode.moc"
