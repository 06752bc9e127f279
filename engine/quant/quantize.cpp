#include "quant/quantize.h"

#include <cstring>
#include <string>

#include "quant/fp16.h"
#include "quant/quantize_blocks.h"
#include "util/error.h"

namespace gb {
namespace {

template <class Block>
void run(const float* src, void* dst, int64_t n, int64_t blockElems) {
    quantizeBlocks(src, static_cast<Block*>(dst), n / blockElems);
}

}  // namespace

bool canQuantize(TensorType t) {
    switch (t) {
        case TensorType::F32: case TensorType::F16: case TensorType::BF16:
        case TensorType::Q4_0: case TensorType::Q4_1: case TensorType::Q5_0: case TensorType::Q5_1:
        case TensorType::Q8_0: case TensorType::Q2_K: case TensorType::Q3_K: case TensorType::Q4_K:
        case TensorType::Q5_K: case TensorType::Q6_K:
            return true;
        default:
            return false;
    }
}

void quantizeRow(TensorType t, const float* src, void* dst, int64_t n) {
    if (!canQuantize(t)) throw Error("cannot quantize to type " + std::string(tensorTypeName(t)));
    const int64_t be = traitsOf(t).blockElems;
    if (n < 0 || n % be != 0)
        throw Error("row of " + std::to_string(n) + " elements is not a whole number of " +
                    std::string(tensorTypeName(t)) + " blocks");
    switch (t) {
        case TensorType::F32: std::memcpy(dst, src, static_cast<size_t>(n) * sizeof(float)); return;
        case TensorType::F16: f32ToFp16Row(src, static_cast<uint16_t*>(dst), n); return;
        case TensorType::BF16: f32ToBf16Row(src, static_cast<uint16_t*>(dst), n); return;
        case TensorType::Q4_0: run<block_q4_0>(src, dst, n, be); return;
        case TensorType::Q4_1: run<block_q4_1>(src, dst, n, be); return;
        case TensorType::Q5_0: run<block_q5_0>(src, dst, n, be); return;
        case TensorType::Q5_1: run<block_q5_1>(src, dst, n, be); return;
        case TensorType::Q8_0: run<block_q8_0>(src, dst, n, be); return;
        case TensorType::Q2_K: run<block_q2_K>(src, dst, n, be); return;
        case TensorType::Q3_K: run<block_q3_K>(src, dst, n, be); return;
        case TensorType::Q4_K: run<block_q4_K>(src, dst, n, be); return;
        case TensorType::Q5_K: run<block_q5_K>(src, dst, n, be); return;
        case TensorType::Q6_K: run<block_q6_K>(src, dst, n, be); return;
        default: return;  // excluded by canQuantize
    }
}

void quantizeRows(TensorType t, const float* src, void* dst, int64_t rows, int64_t rowLen) {
    if (rows <= 0) return;
    const size_t rb = rowBytes(traitsOf(t), static_cast<uint64_t>(rowLen));
    auto* d = static_cast<uint8_t*>(dst);
    for (int64_t r = 0; r < rows; ++r) quantizeRow(t, src + r * rowLen, d + static_cast<size_t>(r) * rb, rowLen);
}

}  // namespace gb
