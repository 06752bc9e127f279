#pragma once
// Every decoding setting the engine offers, with llama.cpp's defaults.
#include <cstdint>
#include <string>
#include <vector>

namespace gb {

struct SamplingParams {
    float temperature = 0.8f;   // 0: greedy
    int topK = 40;              // 0: off
    float topP = 0.95f;         // 1: off
    float minP = 0.05f;         // 0: off
    float repeatPenalty = 1.0f; // 1: off
    int repeatLastN = 64;       // window of the penalties; -1: whole context
    float presencePenalty = 0;
    float frequencyPenalty = 0;
    uint64_t seed = 0xC0FFEE;

    // Search strategies (generation-level, not per-token filters).
    int beams = 1;              // beam search when > 1
    float lengthPenalty = 1.0f; // score = logprob / length^lengthPenalty
    bool earlyStopping = true;
    int contrastiveK = 0;       // contrastive search when > 0 and penaltyAlpha > 0
    float penaltyAlpha = 0;
    bool tokenHealing = false;

    bool greedy() const { return temperature <= 0; }
};

}  // namespace gb
