// glassbox-cli info MODEL [--json]: what a GGUF file holds and what running it costs.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "gguf/gguf_file.h"
#include "json_out.h"
#include "model/model.h"
#include "tokenizer/vocab.h"

namespace cli {

int cmdInfo(const Argv& argv) {
    Args a(argv, {"--json"});
    const std::string path = a.positional(0, "MODEL");
    const bool json = a.flag("--json");
    a.finish();
    auto f = gb::GgufFile::open(path);
    const gb::ModelSummary s = gb::Model::inspect(*f);
    const bool vocabOnly = f->tensors().empty();
    nlohmann::json j;
    j["file"] = path;
    j["gguf_version"] = f->version();
    j["architecture"] = f->getString("general.architecture");
    j["name"] = f->getString("general.name");
    j["vocab_only"] = vocabOnly;
    j["parameters"] = s.parameters;
    j["tensor_count"] = f->tensors().size();
    j["tensor_types"] = s.tensorTypes;
    j["quantization"] = s.dominantType;
    gb::Vocab v = gb::Vocab::fromGguf(*f);
    j["tokenizer"] = {{"model", v.model}, {"pre", v.pre}, {"vocab_size", v.size()}, {"bos", v.bos}, {"eos", v.eos},
                      {"add_bos", v.addBos}, {"add_eos", v.addEos}, {"has_chat_template", f->has("tokenizer.chat_template")}};
    if (!vocabOnly) {
        const gb::ModelConfig c = gb::ModelConfig::fromGguf(*f);
        const gb::GgufTensorInfo* emb = f->findTensor("token_embd.weight");
        j["shape"] = {{"layers", c.nLayer}, {"embedding", c.nEmbd}, {"heads", c.nHead}, {"kv_heads", c.nHeadKv},
                      {"head_dim", c.headDim}, {"ffn", c.nFf}, {"vocab", emb && emb->dims.size() == 2 ? emb->dims[1] : 0},
                      {"context_length", c.nCtxTrain}, {"experts", c.nExpert}, {"experts_used", c.nExpertUsed},
                      {"shared_experts", c.nExpertShared}, {"sliding_window", c.slidingWindow}, {"rope_theta", c.ropeTheta},
                      {"rope_dim", c.ropeDim}, {"rope_freq_scale", c.ropeFreqScale}, {"norm_eps", c.normEps},
                      {"tied_output", f->findTensor("output.weight") == nullptr}};
        j["context_length"] = c.nCtxTrain;
    }
    j["memory"] = {{"file_bytes", s.fileBytes}, {"weights_bytes", s.weightBytes}, {"kv_bytes_per_token", s.kvBytesPerToken},
                   {"kv_bytes_full_context", s.kvBytesPerToken * static_cast<uint64_t>(j.value("context_length", 0))},
                   {"total_bytes", s.weightBytes + s.kvBytesPerToken * static_cast<uint64_t>(j.value("context_length", 0))}};
    if (json) {
        printJson(j);
        return 0;
    }
    std::printf("%s\n  architecture  %s%s\n  parameters    %.2f M\n  quantization  %s\n", path.c_str(),
                j["architecture"].get<std::string>().c_str(), vocabOnly ? " (vocabulary only)" : "", s.parameters / 1e6,
                s.dominantType.empty() ? "-" : s.dominantType.c_str());
    if (j.contains("shape")) {
        const auto& sh = j["shape"];
        std::printf("  layers %d, width %d, heads %d (kv %d, head dim %d), ffn %d, vocab %d, context %d\n",
                    sh["layers"].get<int>(), sh["embedding"].get<int>(), sh["heads"].get<int>(), sh["kv_heads"].get<int>(),
                    sh["head_dim"].get<int>(), sh["ffn"].get<int>(), sh["vocab"].get<int>(), sh["context_length"].get<int>());
        if (sh["experts"].get<int>() > 0)
            std::printf("  experts %d, %d used per token\n", sh["experts"].get<int>(), sh["experts_used"].get<int>());
    }
    std::printf("  tokenizer     %s (%s), %d tokens\n", v.model.c_str(), v.pre.c_str(), v.size());
    std::printf("  tensor types ");
    for (const auto& [t, n] : s.tensorTypes) std::printf(" %s×%d", t.c_str(), n);
    std::printf("\n  memory        %.1f MiB weights + %.1f KiB KV per token\n", s.weightBytes / 1048576.0, s.kvBytesPerToken / 1024.0);
    return 0;
}

}  // namespace cli
