#pragma once
// Builds ModelWeights from a GGUF file: checks every tensor's presence and shape, dequantizes
// it and packs it for oneDNN. Reports progress per tensor and can be cancelled.
#include <functional>
#include <memory>

namespace gb {

class GgufFile;
struct ModelConfig;
struct ModelWeights;

// fusedKernels: keep quantized matrices in the mapped file and compute on them directly (see
// kernels/quant_matrix.h); otherwise every matrix is dequantized to f32 and prepacked.
std::unique_ptr<ModelWeights> loadWeights(const GgufFile& f, const ModelConfig& c,
                                          const std::function<bool(float)>& progress, bool fusedKernels = true,
                                          bool bf16Prefill = false);

// Number of 2-D/3-D weight elements the model has (for memory estimates and `info`).
uint64_t countParameters(const GgufFile& f);

}  // namespace gb
