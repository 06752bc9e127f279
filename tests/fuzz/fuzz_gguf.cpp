// Fuzz target: the GGUF reader (header, metadata, tensor table) and everything that reads
// metadata before a model loads: vocabulary, hyperparameters, memory estimate.
#include <cstddef>
#include <cstdint>

#include "gguf/gguf_file.h"
#include "model/model.h"
#include "model/model_config.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        auto f = gb::GgufFile::parse(data, size);
        (void)gb::Model::inspect(*f);
        try {
            (void)gb::ModelConfig::fromGguf(*f);
        } catch (const gb::Error&) {
        }
        auto tok = gb::Tokenizer::create(gb::Vocab::fromGguf(*f));
        auto ids = tok->encode("Hello, мир 你好 <s>", true, true);
        (void)tok->decode(ids);
    } catch (const gb::Error&) {
        // Rejecting bad input with a message is the expected outcome.
    }
    return 0;
}
