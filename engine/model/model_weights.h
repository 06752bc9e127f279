#pragma once
// Weights as the kernels use them: matrices packed for oneDNN, vectors in f32.
// Shapes in comments are [rows][cols]; a matrix multiplies as y = W x.
#include <memory>
#include <vector>

#include "kernels/weight_matrix.h"

namespace gb {

struct GgufTensorInfo;

struct FeedForward {                      // SwiGLU: down(silu(gate x) * up x)
    std::unique_ptr<WeightMatrix> gate;   // [ffn][dim]
    std::unique_ptr<WeightMatrix> up;     // [ffn][dim]
    std::unique_ptr<WeightMatrix> down;   // [dim][ffn]
};

struct LayerWeights {
    std::vector<float> attnNorm;          // [dim]
    std::unique_ptr<WeightMatrix> wq;     // [heads*headDim][dim]
    std::unique_ptr<WeightMatrix> wk;     // [kvHeads*headDim][dim]
    std::unique_ptr<WeightMatrix> wv;     // [kvHeads*headDim][dim]
    std::unique_ptr<WeightMatrix> wo;     // [dim][heads*headDim]
    std::vector<float> ffnNorm;           // [dim]
    FeedForward ffn;                      // dense models
    std::unique_ptr<WeightMatrix> router; // [experts][dim], MoE models
    std::vector<FeedForward> experts;     // [experts]
    FeedForward shared;                   // DeepSeek-style shared expert (always on), optional
};

struct ModelWeights {
    const GgufTensorInfo* tokenEmbd = nullptr;  // [vocab][dim], rows dequantized on lookup
    std::vector<LayerWeights> layers;
    std::vector<float> outputNorm;              // [dim]
    std::unique_ptr<WeightMatrix> output;       // [vocab][dim] (token_embd when tied)
    size_t bytes = 0;                           // packed bytes held
};

}  // namespace gb
