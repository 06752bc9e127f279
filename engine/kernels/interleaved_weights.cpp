#include "kernels/interleaved_weights.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "kernels/stream_buffer.h"
#include "quant/block_formats.h"

namespace gb {
namespace {

void interleaveQ8_0(const block_q8_0* src, int64_t N, int64_t nb, int64_t g, uint8_t* q, uint16_t* d) {
    for (int64_t b = 0; b < nb; ++b, q += 512, d += 16) {
        for (int r = 0; r < 16; ++r) {
            const int64_t row = g * 16 + r;
            if (row >= N) continue;
            const block_q8_0& blk = src[row * nb + b];
            d[r] = blk.d;
            for (int j = 0; j < 8; ++j)
                for (int i = 0; i < 4; ++i) q[j * 64 + r * 4 + i] = static_cast<uint8_t>(blk.qs[4 * j + i] + 128);
        }
    }
}

void interleaveQ4_0(const block_q4_0* src, int64_t N, int64_t nb, int64_t g, uint8_t* q, uint16_t* d) {
    for (int64_t b = 0; b < nb; ++b, q += 256, d += 16) {
        for (int r = 0; r < 16; ++r) {
            const int64_t row = g * 16 + r;
            if (row >= N) continue;
            const block_q4_0& blk = src[row * nb + b];
            d[r] = blk.d;
            for (int j = 0; j < 4; ++j) std::memcpy(q + j * 64 + r * 4, blk.qs + 4 * j, 4);
        }
    }
}

}  // namespace

bool InterleavedWeights::supports(TensorType t) { return t == TensorType::Q8_0 || t == TensorType::Q4_0; }

InterleavedWeights::InterleavedWeights(TensorType t, const uint8_t* data, int64_t N, int64_t K)
    : type_(t), N_(N), K_(K), groups_((N + kGroupRows - 1) / kGroupRows) {
    const int64_t nb = K / 32;
    qBytes_ = static_cast<size_t>(groups_ * nb * blockBytes());
    const size_t dBytes = static_cast<size_t>(groups_ * nb * kGroupRows) * sizeof(uint16_t);
    q_ = allocateStreamBuffer(qBytes_ + dBytes);
    d_ = reinterpret_cast<uint16_t*>(q_ + qBytes_);
    bytes_ = qBytes_ + dBytes;
    // Padding rows: zero quants with zero scale contribute nothing (Q8_0 stores q + 128).
    if (N % kGroupRows) {
        const int64_t g = groups_ - 1;
        std::memset(const_cast<uint8_t*>(quants(g, 0)), t == TensorType::Q8_0 ? 128 : 0, static_cast<size_t>(nb * blockBytes()));
        std::memset(const_cast<uint16_t*>(scales(g, 0)), 0, static_cast<size_t>(nb * kGroupRows) * sizeof(uint16_t));
    }
#pragma omp parallel for schedule(static)
    for (int64_t g = 0; g < groups_; ++g) {
        auto* q = const_cast<uint8_t*>(quants(g, 0));
        auto* d = const_cast<uint16_t*>(scales(g, 0));
        if (t == TensorType::Q8_0)
            interleaveQ8_0(reinterpret_cast<const block_q8_0*>(data), N, nb, g, q, d);
        else
            interleaveQ4_0(reinterpret_cast<const block_q4_0*>(data), N, nb, g, q, d);
    }
}

InterleavedWeights::~InterleavedWeights() { std::free(q_); }

}  // namespace gb
