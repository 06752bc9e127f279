#include "tokenizer/pre_type.h"

#include <array>

namespace gb {

namespace {

struct Entry {
    std::string_view name;
    PreTypeInfo info;
};

PreTypeInfo make(PreSplit s, bool clean, bool ignoreMerges = false, std::optional<bool> addBos = std::nullopt,
                 bool noBos = false) {
    return PreTypeInfo{s, clean, ignoreMerges, addBos, noBos};
}

// The names llama.cpp maps onto the split rules implemented here, with the flags its loader
// sets for each (llama-vocab.cpp, llama_vocab::impl::load). Names whose rules differ are left out.
const std::array kTable = {
    Entry{"default", make(PreSplit::Default, true)},
    // Llama 3 family: ignore_merges and BOS on.
    Entry{"llama3", make(PreSplit::Llama3, true, true, true)},
    Entry{"llama-v3", make(PreSplit::Llama3, true, true, true)},
    Entry{"llama-bpe", make(PreSplit::Llama3, true, true, true)},
    Entry{"falcon3", make(PreSplit::Llama3, true, true, true)},
    Entry{"falcon-h1", make(PreSplit::Llama3, true, true, true)},
    Entry{"pixtral", make(PreSplit::Llama3, true, true, true)},
    Entry{"midm-2.0", make(PreSplit::Llama3, true, true, true)},
    Entry{"lfm2", make(PreSplit::Llama3, true, true, true)},
    Entry{"dbrx", make(PreSplit::Llama3, true)},
    Entry{"smaug-bpe", make(PreSplit::Llama3, true)},
    Entry{"glm4", make(PreSplit::Llama3, true, false, std::nullopt, true)},
    Entry{"chatglm-bpe", make(PreSplit::Llama3, true, false, std::nullopt, true)},
    // Qwen 2 rules.
    Entry{"qwen2", make(PreSplit::Qwen2, false)},
    Entry{"deepseek-r1-qwen", make(PreSplit::Qwen2, false)},
    Entry{"kormo", make(PreSplit::Qwen2, false)},
    Entry{"f2llmv2", make(PreSplit::Qwen2, false)},
    Entry{"megrez", make(PreSplit::Qwen2, true)},
    Entry{"stablelm2", make(PreSplit::Qwen2, true)},
    Entry{"hunyuan", make(PreSplit::Qwen2, false)},
    Entry{"solar-open", make(PreSplit::Qwen2, false)},
    Entry{"grok-2", make(PreSplit::Qwen2, false)},
    // GPT-2 rules.
    Entry{"gpt-2", make(PreSplit::Gpt2, true)},
    Entry{"gpt2", make(PreSplit::Gpt2, true)},  // not a llama.cpp name (it refuses it); accepted as meant
    Entry{"phi-2", make(PreSplit::Gpt2, true)},
    Entry{"jina-es", make(PreSplit::Gpt2, true)},
    Entry{"jina-de", make(PreSplit::Gpt2, true)},
    Entry{"gigachat", make(PreSplit::Gpt2, true)},
    Entry{"jina-v2-es", make(PreSplit::Gpt2, true)},
    Entry{"jina-v2-de", make(PreSplit::Gpt2, true)},
    Entry{"a.x-4.0", make(PreSplit::Gpt2, true)},
    Entry{"mellum", make(PreSplit::Gpt2, true)},
    Entry{"mpt", make(PreSplit::Gpt2, true)},
    Entry{"olmo", make(PreSplit::Gpt2, true)},
    Entry{"jais", make(PreSplit::Gpt2, true)},
    Entry{"exaone4", make(PreSplit::Gpt2, true)},
    Entry{"trillion", make(PreSplit::Gpt2, false)},
    Entry{"granite-docling", make(PreSplit::Gpt2, false)},
    // Single digits, then GPT-2 rules.
    Entry{"smollm", make(PreSplit::Smollm, false)},
    Entry{"starcoder", make(PreSplit::Smollm, true)},
    Entry{"refact", make(PreSplit::Smollm, true)},
    Entry{"command-r", make(PreSplit::Smollm, false)},
    Entry{"codeshell", make(PreSplit::Smollm, true)},
    Entry{"exaone", make(PreSplit::Smollm, true)},
    Entry{"minerva-7b", make(PreSplit::Smollm, true)},
    Entry{"mellum2", make(PreSplit::Smollm, true)},
    Entry{"falcon", make(PreSplit::Falcon, true)},
};

}  // namespace

std::optional<PreTypeInfo> lookupPreType(std::string_view name) {
    if (name.empty()) name = "default";  // llama.cpp warns ("generation quality will be degraded") and goes on
    for (const auto& e : kTable)
        if (e.name == name) return e.info;
    return std::nullopt;
}

}  // namespace gb
