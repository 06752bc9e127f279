#pragma once
// Decoding as a chain of small stages (penalties → top-k → top-p → min-p → temperature → pick),
// built from SamplingParams. Each stage is a function over Candidates, so the UI can show what
// every stage did to the distribution.
#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "sampling/candidates.h"
#include "sampling/sampling_params.h"

namespace gb {

struct SamplerStage {
    std::string name;
    std::function<void(Candidates&, std::span<const int32_t> history)> apply;
};

// Penalties over the last `lastN` history tokens (llama.cpp semantics: repeat penalty divides
// positive logits and multiplies negative ones; presence subtracts once; frequency per count).
SamplerStage penaltiesStage(float repeat, float presence, float frequency, int lastN);
SamplerStage topKStage(int k);
SamplerStage topPStage(float p);
SamplerStage minPStage(float p);
SamplerStage temperatureStage(float t);

class SamplerChain {
public:
    explicit SamplerChain(const SamplingParams& p);

    // Applies every stage and picks a token (argmax when greedy, else a draw with the chain's RNG).
    // `allowed`, when set, restricts the pick (token healing).
    int32_t sample(std::span<const float> logits, std::span<const int32_t> history,
                   const std::function<bool(int32_t)>& allowed = {});

    // The distribution after the last sample() ran all stages (probabilities normalised).
    const Candidates& lastCandidates() const { return last_; }
    const std::vector<SamplerStage>& stages() const { return stages_; }

private:
    SamplingParams params_;
    std::vector<SamplerStage> stages_;
    std::mt19937_64 rng_;
    Candidates last_;
};

}  // namespace gb
