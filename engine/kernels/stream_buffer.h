#pragma once
// Memory for weights that the kernels stream through once per token, 2 MiB-aligned. Transparent
// huge pages are not asked for: measured on the 2-core EPYC VM (bench/README.md), they made
// loading slow and erratic (0.5–2.1 s for TinyLlama Q8_0 against a steady 0.8 s, the kernel
// compacting memory on the first touch) and did not make decoding faster; a 2-thread read of
// several rows at once even ran at 34 GB/s on huge pages against 50–55 GB/s on 4 KiB pages.
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace gb {

// One buffer, rounded up to whole 2 MiB pages. Free with std::free.
uint8_t* allocateStreamBuffer(size_t bytes);

// A model's matrices packed into a few large buffers: one allocation per matrix, each rounded up
// to 2 MiB, adds 20–50 % to a model's memory through its small K/V projections and MoE experts. Pieces are 64-byte aligned and live as long as
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
