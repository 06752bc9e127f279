#pragma once
// GPT-2's byte-level alphabet: every byte 0..255 stands for one printable code point, so a
// byte-level BPE vocabulary can hold arbitrary bytes as text ("Ġ" = space, "Ċ" = newline).
#include <cstdint>
#include <string>

namespace gb::bytelevel {

// The UTF-8 text of the code point that stands for byte b.
const std::string& encodeByte(uint8_t b);

// The byte that code point cp stands for, or -1 when cp is not in the alphabet.
int decodeCodePoint(uint32_t cp);

}  // namespace gb::bytelevel
