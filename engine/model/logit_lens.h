#pragma once
// Logit lens: the final norm and output head applied to the residual stream after a layer,
// reduced to the top-K tokens per position.
#include <cstdint>

namespace gb {

class Model;
class Observer;

void reportLogitLens(const Model& m, int layer, const float* x, int T, int64_t pos0, int topK, Observer& obs);

}  // namespace gb
