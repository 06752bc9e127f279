#pragma once
// What a generated token looked like under the model's raw distribution: its probability,
// rank, the distribution's entropy and the top alternatives.
#include <cstdint>
#include <span>

#include "sampling/generation.h"

namespace gb {

class Tokenizer;
struct Candidates;

void describeToken(std::span<const float> logits, int32_t chosen, int topAlternatives, const Tokenizer& tok,
                   GeneratedToken& out);
void describeSampled(const Candidates& after, int32_t chosen, int topAlternatives, const Tokenizer& tok,
                     GeneratedToken& out);

}  // namespace gb
