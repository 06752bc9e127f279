#pragma once
// Shared by the tokenizer tests: the shared models' tokenizers (loaded once), llama.cpp's
// test-vector files, and a tiny in-memory GGUF writer for vocabularies made up in a test.
#include <cstdint>
#include <string>
#include <vector>

#include "tokenizer/tokenizer.h"

namespace tokfix {

// The tokenizer of a file under the models directory (e.g. "vocab/qwen3-vocab.gguf"), cached.
const gb::Tokenizer& tokenizer(const std::string& file);

// llama.cpp test-tokenizer-0 format: NAME.inp strings, NAME.out ids (no BOS, parse_special).
std::vector<std::string> readVectorInputs(const std::string& file);
std::vector<std::vector<int32_t>> readVectorOutputs(const std::string& file);

std::string readFile(const std::string& path);
std::string idsToString(const std::vector<int32_t>& ids);

// A vocabulary-only GGUF v3 built in memory; parse it with gb::GgufFile::parse.
class GgufWriter {
public:
    void addString(const std::string& key, const std::string& v);
    void addU32(const std::string& key, uint32_t v);
    void addI32(const std::string& key, int32_t v);
    void addBool(const std::string& key, bool v);
    void addStrings(const std::string& key, const std::vector<std::string>& v);
    void addF32s(const std::string& key, const std::vector<float>& v);
    void addI32s(const std::string& key, const std::vector<int32_t>& v);
    std::vector<uint8_t> bytes() const;

private:
    void key(const std::string& k, uint32_t type);
    template <class T> void raw(T v);
    void str(const std::string& s);
    std::vector<uint8_t> kv_;
    uint64_t count_ = 0;
};

// A tiny SPM vocabulary for made-up cases: <unk> <s> </s>, byte tokens, then `normal` tokens.
gb::Vocab makeSpmVocab(const std::vector<std::string>& normal, const std::vector<float>& scores);

}  // namespace tokfix
