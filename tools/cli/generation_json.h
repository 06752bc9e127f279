#pragma once
// The JSON object `generate` prints (and `inspect` extends).
#include <nlohmann/json.hpp>

#include "sampling/generation.h"

namespace cli {

nlohmann::json generationJson(const gb::GenerationResult& r, int topAlternatives);

}  // namespace cli
