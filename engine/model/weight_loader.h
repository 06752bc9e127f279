#pragma once
// Builds ModelWeights from a GGUF file: checks every tensor's presence and shape, dequantizes
// it and packs it for oneDNN. Reports progress per tensor and can be cancelled.
#include <functional>
#include <cstdint>
#include <memory>

#include "gguf/tensor_type.h"

namespace gb {

class GgufFile;
struct GgufTensorInfo;
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

// How loadWeights holds a matrix of this type: re-laid out for the integer kernels, read in place
// from the mapped file by the fused f32-activation kernels, or dequantized to f32 and packed.
enum class MatrixForm { Integer, InPlace, PackedF32 };
MatrixForm matrixForm(TensorType t, const MatrixPaths& paths = {});

// Bytes held for a matrix of tensor t in that form (the integer layouts are the file's bytes
// re-ordered, within 3 %; in-place matrices are the file's pages).
uint64_t matrixBytesHeld(const GgufTensorInfo& t, const MatrixPaths& paths = {});

std::unique_ptr<ModelWeights> loadWeights(const GgufFile& f, const ModelConfig& c,
                                          const std::function<bool(float)>& progress, const MatrixPaths& paths = {});

// Number of 2-D/3-D weight elements the model has (for memory estimates and `info`).
uint64_t countParameters(const GgufFile& f);

}  // namespace gb
