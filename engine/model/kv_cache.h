#pragma once
// Keys and values of every processed position, per layer, in f32: [slot][kvHeads * headDim].
// With a sliding window W the cache is a ring: position p lives in slot p % slots, where
// slots = W + maxBatch - 1, so writing a whole batch never evicts a key that a query of the
// same batch still needs (a query at p reads p-W+1 … p).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gb {

class KvCache {
public:
    KvCache(int nLayer, int nCtx, int kvDim, int window, int maxBatch);

    float* key(int layer, int64_t pos) { return k_.data() + offset(layer, pos); }
    float* value(int layer, int64_t pos) { return v_.data() + offset(layer, pos); }
    const float* key(int layer, int64_t pos) const { return k_.data() + offset(layer, pos); }
    const float* value(int layer, int64_t pos) const { return v_.data() + offset(layer, pos); }

    // First position a query at `pos` may attend to.
    int64_t firstVisible(int64_t pos) const { return window_ > 0 && pos >= window_ ? pos - window_ + 1 : 0; }
    int window() const { return window_; }
    int slots() const { return slots_; }
    uint64_t bytes() const { return (k_.size() + v_.size()) * sizeof(float); }

private:
    size_t offset(int layer, int64_t pos) const {
        return (static_cast<size_t>(layer) * slots_ + static_cast<size_t>(pos % slots_)) * kvDim_;
    }
    int kvDim_, window_, slots_;
    std::vector<float> k_, v_;
};

}  // namespace gb
