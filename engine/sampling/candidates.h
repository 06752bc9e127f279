#pragma once
// The token distribution a sampler chain works on: candidate ids with logits, and probabilities
// once a stage needs them. Stages may drop candidates; the survivors stay sorted by logit when
// `sorted` says so.
#include <cstdint>
#include <span>
#include <vector>

namespace gb {

struct Candidate {
    int32_t id;
    float logit;
    float p;
};

struct Candidates {
    std::vector<Candidate> items;
    bool sorted = false;

    static Candidates fromLogits(std::span<const float> logits);
    void sortByLogit();      // descending, ties by lower id
    void normalize();        // p = softmax(logit) over the survivors
    void truncate(size_t n); // keep the first n (sorted)
};

}  // namespace gb
