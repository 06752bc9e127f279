#pragma once
// Memory for weights that the kernels stream through once per token: 2 MiB-aligned, with
// transparent huge pages asked for (they spare the TLB misses of a 1 GB sweep).
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace gb {

// One buffer, rounded up to whole 2 MiB pages. Free with std::free.
uint8_t* allocateStreamBuffer(size_t bytes);

// A model's matrices packed into a few large buffers: each matrix on its own would round up to a
// whole huge page (2 MiB, resident once touched), which for the small K/V projections and MoE
// experts of a model adds 20–50 % to its memory. Pieces are 64-byte aligned and live as long as
// the arena. Thread-safe.
class StreamArena {
public:
    explicit StreamArena(size_t chunkBytes = size_t(64) << 20) : chunkBytes_(chunkBytes) {}
    ~StreamArena();
    StreamArena(const StreamArena&) = delete;
    StreamArena& operator=(const StreamArena&) = delete;

    uint8_t* allocate(size_t bytes);

private:
    std::mutex mutex_;
    size_t chunkBytes_, left_ = 0;
    uint8_t* next_ = nullptr;
    std::vector<uint8_t*> chunks_;
};

}  // namespace gb
