#pragma once
// Q4_K, Q5_K and Q6_K weights re-laid out at load time for the VNNI integer kernels
// (kquant_vnni_kernels.h): rows in groups of 16, each (group, 256-weight super-block) one
// contiguous record, quants ordered so that one 64-byte load holds 4 consecutive weights of each
// of the 16 rows (the operand layout of vpdpbusd), sub-block scales unpacked to one byte per row.
//
//   Q4_K record, 2368 bytes:
//     [0, 2048)    quads: byte (p·8 + j)·64 + r·4 + i = the file's qs[32p + 4j + i] of row r
//                  (low nibble: weight 64p + 4j + i, of sub-block 2p; high: 32 weights later)
//     [2048, 2176) scales sc[s][r], s = sub-block 0..7 (6-bit, unsigned)
//     [2176, 2304) mins: byte p·32 + r·2 + h = m[r][2p + h] (pairs, for vpdpwssd)
//     [2304, 2336) d[r] fp16;   [2336, 2368) dmin[r] fp16
//   Q5_K record, 2880 bytes: the Q4_K record (low four bits of each weight in the quads), then
//     [2368, 2880) fifth bits: bit s of byte j·64 + r·4 + i = bit 4 of weight 32s + 4j + i of row r
//   Q6_K record, 3392 bytes (q = the 6-bit value 0..63, weight = d·sc·(q − 32)):
//     per 64-weight chunk c, at c·768: 8 "low" vectors, byte v·64 + r·4 + i = low nibble of
//     q[64c + 4v + i] | low nibble of q[64c + 32 + 4v + i] << 4; then 4 "high" vectors, byte
//     512 + u·64 + r·4 + i = Σ_s (q[64c + 16s + 4u + i] >> 4) << 2s
//     [3072, 3328) scales sc[s][r], s = sub-block of 16, int8;  [3328, 3360) d[r] fp16; 32 bytes pad
// Rows past N (up to the next multiple of 16) are zero with zero scales.
#include <cstddef>
#include <cstdint>

#include "gguf/tensor_type.h"

namespace gb {

class KQuantWeights {
public:
    static constexpr int kGroupRows = 16;
    static constexpr int kQ4KRecord = 2368, kQ5KRecord = 2880, kQ6KRecord = 3392;
    // Where the parts of a record start (the layouts above).
    struct Q4K {  // and Q5_K
        static constexpr int kScales = 2048, kMins = 2176, kD = 2304, kDmin = 2336, kFifth = 2368;
    };
    struct Q6K {
        static constexpr int kChunk = 768, kHigh = 512, kScales = 3072, kD = 3328, kPad = 3360;
    };

    static bool supports(TensorType t);
    // data: N rows of K elements of type t as in the GGUF file (K % 256 == 0).
    KQuantWeights(TensorType t, const uint8_t* data, int64_t N, int64_t K);
    ~KQuantWeights();
    KQuantWeights(const KQuantWeights&) = delete;
    KQuantWeights& operator=(const KQuantWeights&) = delete;

    TensorType type() const { return type_; }
    int64_t rows() const { return N_; }
    int64_t cols() const { return K_; }
    int64_t groups() const { return groups_; }
    int64_t blocks() const { return K_ / 256; }
    int recordBytes() const {
        return type_ == TensorType::Q4_K ? kQ4KRecord : type_ == TensorType::Q5_K ? kQ5KRecord : kQ6KRecord;
    }
    const uint8_t* record(int64_t g, int64_t b) const { return data_ + (g * blocks() + b) * recordBytes(); }
    size_t bytes() const { return bytes_; }

private:
    TensorType type_;
    int64_t N_, K_, groups_;
    uint8_t* data_ = nullptr;
    size_t bytes_ = 0;
};

}  // namespace gb
