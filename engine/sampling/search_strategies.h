#pragma once
// Generation strategies that look beyond one token: beam search and contrastive search.
// Both fill a GenerationResult from a session whose prompt is already evaluated.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sampling/generation.h"

namespace gb {

class Session;

std::vector<int32_t> preparePrompt(Session& session, const GenerationRequest& req, std::string* healPrefix);
std::span<const float> evaluatePrompt(Session& session, const std::vector<int32_t>& prompt, bool keepCache,
                                      const GenerationCallbacks& cb);

// (1 - alpha) * prob - alpha * max cosine similarity of h to any row of history ([n][dim]).
double contrastiveScore(double prob, std::span<const float> h, std::span<const float> history, int dim, float alpha);

void beamSearch(Session& session, std::span<const float> logits, const GenerationRequest& req, const GenerationCallbacks& cb, GenerationResult& res);
void contrastiveSearch(Session& session, std::span<const float> logits, const GenerationRequest& req,
                       const GenerationCallbacks& cb, GenerationResult& res);

}  // namespace gb
