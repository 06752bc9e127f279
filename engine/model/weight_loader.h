#pragma once
// Builds ModelWeights from a GGUF file: checks every tensor's presence and shape, dequantizes
// it and packs it for oneDNN. Reports progress per tensor and can be cancelled.
#include <functional>
#include <memory>

namespace gb {

class GgufFile;
struct ModelConfig;
struct ModelWeights;

// How quantized matrices are computed.
struct MatrixPaths {
    // Quantized matrices computed on their own blocks (kernels/quant_matrix.h: in place in the
    // mapped file, f32 activations); false: every matrix dequantized to f32 and prepacked.
    bool fused = true;
    // Q8_0 / Q4_0 matrices re-laid out for 8-bit integer kernels, activations quantized per block
    // as llama.cpp does (kernels/interleaved_matrix.h), where the CPU has AVX-512 VNNI.
    bool int8 = true;
    bool bf16Prefill = false;  // QuantMatrix prompt batches in bfloat16 (lossy, opt-in)
};

std::unique_ptr<ModelWeights> loadWeights(const GgufFile& f, const ModelConfig& c,
                                          const std::function<bool(float)>& progress, const MatrixPaths& paths = {});

// Number of 2-D/3-D weight elements the model has (for memory estimates and `info`).
uint64_t countParameters(const GgufFile& f);

}  // namespace gb
