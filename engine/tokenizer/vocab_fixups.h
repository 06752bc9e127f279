#pragma once
// Internal to Vocab::fromGguf: the corrections llama.cpp applies by token text, because
// converters do not always mark end-of-generation and fill-in-the-middle tokens.
#include <cstdint>

#include "tokenizer/vocab.h"

namespace gb {

struct FimIds {
    int32_t pre = -1, suf = -1, mid = -1, pad = -1, rep = -1, sep = -1;
};

// Finds EOT/EOM/FIM tokens by text where no id was given, forces every token recognised as
// EOG or FIM to Control, and fills v.eog. Needs v.tokens, v.types, v.index, v.eos/eot/eom.
void applyTextFixups(Vocab& v, FimIds fim);

// The strip attributes llama.cpp gives by general.name / tokenizer.ggml.pre / general.architecture.
void applyStripAttributes(Vocab& v, const std::string& modelName, const std::string& architecture);

}  // namespace gb
