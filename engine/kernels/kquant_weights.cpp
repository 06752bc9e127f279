#include "kernels/kquant_weights.h"

#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "kernels/stream_buffer.h"
#include "quant/block_formats.h"
#include "quant/kquant_scales.h"

namespace gb {
namespace {

// Q4_K and Q5_K: the low four bits of each weight in the quads, the scales, mins, d and dmin;
// Q5_K adds its fifth bits. In the file, weight t of sub-block s takes its fifth bit from bit s of
// qh[t], so the record's fifth-bit bytes are qh's bytes, 4 at a time per row.
template <class Block>
void recordK4(const Block* src, int64_t N, int64_t nb, int64_t g, int64_t b, uint8_t* out) {
    using L = KQuantWeights::Q4K;
    for (int r = 0; r < 16; ++r) {
        const int64_t row = g * 16 + r;
        if (row >= N) continue;
        const Block& blk = src[row * nb + b];
        for (int p = 0; p < 4; ++p)
            for (int j = 0; j < 8; ++j) std::memcpy(out + (p * 8 + j) * 64 + r * 4, blk.qs + 32 * p + 4 * j, 4);
        for (int s = 0; s < 8; ++s) {
            uint8_t sc, m;
            unpackScaleMinK4(s, blk.scales, sc, m);
            out[L::kScales + s * 16 + r] = sc;
            out[L::kMins + (s / 2) * 32 + r * 2 + (s % 2)] = m;
        }
        std::memcpy(out + L::kD + r * 2, &blk.d, 2);
        std::memcpy(out + L::kDmin + r * 2, &blk.dmin, 2);
        if constexpr (std::is_same_v<Block, block_q5_K>)
            for (int j = 0; j < 8; ++j) std::memcpy(out + L::kFifth + j * 64 + r * 4, blk.qh + 4 * j, 4);
    }
}

// The 6-bit value of weight k (0..255) of a Q6_K block, 0..63.
int q6Value(const block_q6_K& blk, int k) {
    const int half = k / 128, l = k % 128, s = l / 32, t = l % 32;
    const uint8_t lo = blk.ql[64 * half + (s & 1) * 32 + t];
    const uint8_t hi = blk.qh[32 * half + t];
    return ((s >> 1) ? lo >> 4 : lo & 0x0f) | (((hi >> (2 * s)) & 3) << 4);
}

void recordQ6K(const block_q6_K* src, int64_t N, int64_t nb, int64_t g, int64_t b, uint8_t* out) {
    using L = KQuantWeights::Q6K;
    for (int r = 0; r < 16; ++r) {
        const int64_t row = g * 16 + r;
        if (row >= N) continue;
        const block_q6_K& blk = src[row * nb + b];
        int q[256];
        for (int k = 0; k < 256; ++k) q[k] = q6Value(blk, k);
        for (int c = 0; c < 4; ++c) {
            uint8_t* chunk = out + c * L::kChunk;
            const int* qc = q + 64 * c;
            for (int v = 0; v < 8; ++v)
                for (int i = 0; i < 4; ++i)
                    chunk[v * 64 + r * 4 + i] = static_cast<uint8_t>((qc[4 * v + i] & 15) | (qc[32 + 4 * v + i] & 15) << 4);
            for (int u = 0; u < 4; ++u)
                for (int i = 0; i < 4; ++i) {
                    int bits = 0;
                    for (int s = 0; s < 4; ++s) bits |= (qc[16 * s + 4 * u + i] >> 4) << (2 * s);
                    chunk[L::kHigh + u * 64 + r * 4 + i] = static_cast<uint8_t>(bits);
                }
        }
        for (int s = 0; s < 16; ++s) out[L::kScales + s * 16 + r] = static_cast<uint8_t>(blk.scales[s]);
        std::memcpy(out + L::kD + r * 2, &blk.d, 2);
    }
}

}  // namespace

bool KQuantWeights::supports(TensorType t) {
    return t == TensorType::Q4_K || t == TensorType::Q5_K || t == TensorType::Q6_K;
}

KQuantWeights::KQuantWeights(TensorType t, const uint8_t* data, int64_t N, int64_t K)
    : type_(t), N_(N), K_(K), groups_((N + kGroupRows - 1) / kGroupRows) {
    const int64_t nb = blocks();
    bytes_ = static_cast<size_t>(groups_ * nb * recordBytes());
    data_ = allocateStreamBuffer(bytes_);
    // Padding rows: zero quants with zero scales contribute nothing.
    if (N % kGroupRows)
        std::memset(data_ + (groups_ - 1) * nb * recordBytes(), 0, static_cast<size_t>(nb * recordBytes()));
#pragma omp parallel for schedule(static)
    for (int64_t g = 0; g < groups_; ++g)
        for (int64_t b = 0; b < nb; ++b) {
            auto* out = const_cast<uint8_t*>(record(g, b));
            if (t == TensorType::Q4_K) {
                recordK4(reinterpret_cast<const block_q4_K*>(data), N, nb, g, b, out);
            } else if (t == TensorType::Q5_K) {
                recordK4(reinterpret_cast<const block_q5_K*>(data), N, nb, g, b, out);
            } else {
                std::memset(out + KQuantWeights::Q6K::kPad, 0, kQ6KRecord - KQuantWeights::Q6K::kPad);
                recordQ6K(reinterpret_cast<const block_q6_K*>(data), N, nb, g, b, out);
            }
        }
}

KQuantWeights::~KQuantWeights() { std::free(data_); }

}  // namespace gb
