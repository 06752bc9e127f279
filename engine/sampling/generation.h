#pragma once
// Generation: prompt -> streamed tokens, with every decoding strategy of SamplingParams.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sampling/sampling_params.h"

namespace gb {

class Session;
class Observer;

struct Alternative {
    int32_t token;
    std::string piece;
    float prob;
};

struct GeneratedToken {
    int32_t id = 0;
    std::string piece;                     // raw bytes of the token
    std::string text;                      // complete UTF-8 text that became visible with it
    float prob = 0;                        // after the sampler chain
    float rawProb = 0;                     // softmax of the raw logits
    float entropy = 0;                     // of the raw distribution, nats
    int rank = 0;                          // 0 = most likely under the raw logits
    std::vector<Alternative> alternatives; // top alternatives (raw probabilities)
    std::vector<Alternative> sampledAlternatives; // top alternatives after the sampler chain
};

struct GenerationRequest {
    std::string prompt;                 // tokenized with BOS as the vocabulary says, special tokens parsed
    std::vector<int32_t> promptTokens;  // used instead of `prompt` when not empty
    int maxTokens = 128;
    SamplingParams sampling;
    std::vector<std::string> stopStrings;
    int topAlternatives = 0;
    bool keepCache = false;  // reuse the session's cache prefix that matches the prompt
    bool ignoreEos = false;  // keep generating past end-of-generation tokens (as llama.cpp's reference runs do)
};

struct GenerationTimings {
    double promptMs = 0, genMs = 0;
    double promptTokS() const { return promptMs > 0 ? nPrompt * 1000.0 / promptMs : 0; }
    double genTokS() const { return genMs > 0 ? nGen * 1000.0 / genMs : 0; }
    int nPrompt = 0, nGen = 0;
    double firstTokenMs = 0;
};

struct GenerationResult {
    std::vector<int32_t> promptTokens;
    std::vector<GeneratedToken> tokens;
    std::string text;
    std::string stopReason;  // "eos", "length" (token limit or full context), "stop" (a stop string), "cancelled"
    GenerationTimings timings;
    double logProb = 0;      // sum of log raw probabilities of the generated tokens
};

struct GenerationCallbacks {
    std::function<bool(const GeneratedToken&)> onToken;  // return false to stop
    std::function<void(int done, int total)> onPromptProgress;
    Observer* observer = nullptr;
    const std::atomic<bool>* stop = nullptr;
};

// Runs one request on a session (reset first unless keepCache). Throws gb::Error for bad input
// (prompt longer than the context, …).
GenerationResult generate(Session& session, const GenerationRequest& req, const GenerationCallbacks& cb = {});

}  // namespace gb
