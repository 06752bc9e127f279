#pragma once
// The sampling flags `generate`, `inspect` and `chat` share, parsed into gb::SamplingParams.
#include "args.h"
#include "sampling/generation.h"

namespace cli {

struct RunFlags {
    gb::SamplingParams sampling;
    int maxTokens = 128;
    int threads = 0;
    int ctx = 0;
    std::vector<std::string> stops;
    int topAlternatives = 0;
    bool ignoreEos = false;
    bool bf16Prefill = false;  // prompt batches over quantized weights in bfloat16 (lossy, opt-in)
    bool f32Activations = false;  // Q8_0/Q4_0 with f32 activations (exact mode) instead of llama.cpp's int8

    gb::GenerationRequest request(const std::string& prompt) const;
};

RunFlags parseRunFlags(Args& a);

// Flags (options without a value) that the run flags include; commands add their own.
std::set<std::string> runFlagNames();

}  // namespace cli
