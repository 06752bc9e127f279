#pragma once
// A loaded model: configuration, tokenizer and weights ready for the kernels.
// Immutable once loaded; shared by every Session (one per conversation).
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "model/model_config.h"

namespace gb {

class GgufFile;
class Tokenizer;
struct ModelWeights;

struct LoadOptions {
    int slidingWindow = -1;  // -1: from the file; 0: off; >0: force this window
    // Called with 0..1 while weights are prepared; return false to cancel (load throws gb::Cancelled).
    std::function<bool(float)> progress;
    bool vocabOnly = false;  // tokenizer only (vocab-only GGUF files have no tensors)
    bool fusedKernels = true; // quantized matrices computed in place (false: all dequantized to f32)
    bool bf16Prefill = false; // prompt batches over quantized weights in bfloat16: faster, lossy (opt-in)
    // Q8_0 / Q4_0 matrices in 8-bit integer arithmetic, activations quantized per 32-block as
    // llama.cpp quantizes them (its own numerics for these types); false: activations stay f32
    // (the "exact" mode: the quantized model computed in f32 throughout).
    bool int8Activations = true;
};

struct ModelSummary {
    uint64_t parameters = 0;
    uint64_t fileBytes = 0;
    uint64_t weightBytes = 0;                 // bytes of weights as the engine holds them
    std::map<std::string, int> tensorTypes;   // type name -> tensor count
    std::string dominantType;                 // "Q8_0", "F32", … (most parameters)
    uint64_t kvBytesPerToken = 0;             // 2 * layers * kv heads * head dim * sizeof(float)
};

class Model {
public:
    static std::shared_ptr<Model> load(const std::string& path, const LoadOptions& opt = {});  // throws gb::Error
    ~Model();

    const ModelConfig& config() const { return config_; }
    const Tokenizer& tokenizer() const { return *tokenizer_; }
    const GgufFile& gguf() const { return *gguf_; }
    const ModelWeights& weights() const { return *weights_; }
    const ModelSummary& summary() const { return summary_; }
    bool hasWeights() const { return weights_ != nullptr; }
    std::string chatTemplate() const;  // tokenizer.chat_template, "" when absent
    const std::string& path() const { return path_; }

    // Memory a load needs before it starts (weights as held + per-token KV), for refusing early.
    static ModelSummary inspect(const GgufFile& f);

private:
    Model() = default;
    std::string path_;
    std::shared_ptr<GgufFile> gguf_;
    ModelConfig config_;
    std::unique_ptr<Tokenizer> tokenizer_;
    std::unique_ptr<ModelWeights> weights_;
    ModelSummary summary_;
};

}  // namespace gb
