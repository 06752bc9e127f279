#include "tokenizer/byte_level.h"

#include <array>

#include "tokenizer/unicode.h"

namespace gb::bytelevel {

namespace {

// Printable Latin-1 bytes keep their own code point; the 68 others (controls, space, DEL,
// NBSP, soft hyphen) take U+0100, U+0101, … in byte order.
bool keepsOwnCodePoint(int b) { return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); }

struct Tables {
    std::array<uint32_t, 256> cpOfByte{};
    std::array<std::string, 256> utf8OfByte;
    std::array<int16_t, 0x100 + 68> byteOfCp{};
    Tables() {
        byteOfCp.fill(-1);
        uint32_t next = 0x100;
        for (int b = 0; b < 256; ++b) {
            cpOfByte[b] = keepsOwnCodePoint(b) ? uint32_t(b) : next++;
            utf8OfByte[b] = unicode::toUtf8(cpOfByte[b]);
            byteOfCp[cpOfByte[b]] = int16_t(b);
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

}  // namespace

const std::string& encodeByte(uint8_t b) { return tables().utf8OfByte[b]; }

int decodeCodePoint(uint32_t cp) {
    const auto& t = tables();
    return cp < t.byteOfCp.size() ? t.byteOfCp[cp] : -1;
}

}  // namespace gb::bytelevel
