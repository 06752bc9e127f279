#pragma once
// A deliberately naive forward pass in double precision, written straight from the math with
// no caching, batching or SIMD: the oracle the engine's fast path is checked against.
// Reads weights from the GGUF file itself (dequantized per tensor), not from the engine's copy.
#include <cstdint>
#include <string>
#include <vector>

namespace gb {
class GgufFile;
}

namespace gbtest {

struct ReferenceTrace {
    std::vector<std::vector<double>> logits;  // [position][vocab]
    // attention[layer][head][position] = weights over keys 0..position
    std::vector<std::vector<std::vector<std::vector<double>>>> attention;
    // routing[layer][position] = chosen experts (top-k, by probability) and renormalised weights
    std::vector<std::vector<std::vector<int>>> experts;
    std::vector<std::vector<std::vector<double>>> expertWeights;
    std::vector<std::vector<std::vector<double>>> router;  // [layer][position][expert] softmax
};

// Runs `tokens` from position 0. slidingWindow: 0 = full attention.
ReferenceTrace referenceForward(const gb::GgufFile& f, const std::vector<int32_t>& tokens, int slidingWindow = -1);

}  // namespace gbtest
