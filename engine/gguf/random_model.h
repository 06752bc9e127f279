#pragma once
// Writes LLaMA-architecture GGUF files with random weights: test fixtures of any shape and
// benchmark models of real size (a 1.1B Q8_0 file in seconds), loadable by llama.cpp.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "gguf/tensor_type.h"

namespace gb {

struct RandomModelSpec {
    int64_t dim = 64;            // llama.embedding_length
    int64_t layers = 2;          // llama.block_count
    int64_t heads = 4;           // llama.attention.head_count; head dim = dim / heads
    int64_t kvHeads = 4;         // llama.attention.head_count_kv (GQA when < heads)
    int64_t ffn = 172;           // llama.feed_forward_length (per expert for MoE)
    int64_t contextLength = 2048;
    float ropeTheta = 10000.0f;
    float rmsEps = 1e-5f;
    int64_t experts = 0;         // 0: dense SwiGLU FFN; else Mixtral-style stacked experts
    int64_t expertsUsed = 0;     // top-k, 1..experts when experts > 0
    bool tiedOutput = false;     // true: no output.weight, the classifier is token_embd
    int64_t slidingWindow = 0;   // > 0: writes llama.attention.sliding_window
    // 2-D weights (and stacked experts) in this type; 1-D norms and the MoE router stay F32.
    // A matrix whose row length is not a whole number of blocks is written F16 instead
    // (llama-quantize's fallback).
    TensorType weightType = TensorType::F32;
    uint64_t seed = 1;
    // GGUF whose tokenizer.* metadata is copied; its token count is the vocab size.
    std::string vocabDonor;
    // 0: the donor's token count. Larger: the vocab is padded with tokens "<extra_ID>"
    // (normal type, score -1000). Smaller is an error.
    int64_t vocabSize = 0;
    std::string name = "glassbox random llama";
};

struct RandomTensorPlan {
    std::string name;
    std::vector<uint64_t> dims;  // ne[0] first
    TensorType type;
};

// The tensors writeRandomLlamaModel writes for `spec` with `vocab` tokens, in file order.
std::vector<RandomTensorPlan> planRandomLlamaTensors(const RandomModelSpec& spec, int64_t vocab);

// llama.cpp's general.file_type (enum llama_ftype) for a model whose matrices are `t`.
uint32_t llamaFileType(TensorType t);

// Writes the model (atomically). Throws gb::Error for an inconsistent spec or an unreadable
// donor. progress (optional): (tensors written, total) after each tensor.
void writeRandomLlamaModel(const RandomModelSpec& spec, const std::string& path,
                           const std::function<void(size_t, size_t)>& progress = {});

}  // namespace gb
