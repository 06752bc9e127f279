#pragma once
// Hyperparameters of a decoder-only transformer, read from GGUF `<arch>.*` keys.
#include <cstdint>
#include <string>

namespace gb {

class GgufFile;

struct ModelConfig {
    std::string arch;         // general.architecture
    std::string name;         // general.name
    int nLayer = 0;           // block_count
    int nEmbd = 0;            // embedding_length (model width)
    int nHead = 0;            // attention.head_count
    int nHeadKv = 0;          // attention.head_count_kv (GQA / MQA when < nHead)
    int headDim = 0;          // attention.key_length or nEmbd / nHead
    int nFf = 0;              // feed_forward_length (dense FFN width)
    int nVocab = 0;           // rows of token_embd
    int nCtxTrain = 0;        // context_length
    float normEps = 1e-5f;    // attention.layer_norm_rms_epsilon
    float ropeTheta = 10000;  // rope.freq_base
    float ropeFreqScale = 1;  // 1 / rope.scaling.factor for linear scaling
    int ropeDim = 0;          // rope.dimension_count (rotated dims per head)
    int nExpert = 0;          // expert_count (0: dense)
    int nExpertUsed = 0;      // expert_used_count (top-k)
    int nExpertShared = 0;    // expert_shared_count (DeepSeek-style always-on experts)
    int nFfExpert = 0;        // expert_feed_forward_length (or nFf)
    int slidingWindow = 0;    // attention.sliding_window (0: full attention)

    bool isMoe() const { return nExpert > 0; }
    int gqaGroup() const { return nHeadKv > 0 ? nHead / nHeadKv : 1; }

    static ModelConfig fromGguf(const GgufFile& f);  // throws gb::Error when inconsistent
};

}  // namespace gb
