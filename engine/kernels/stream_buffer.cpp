#include "kernels/stream_buffer.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace gb {
namespace {

constexpr size_t kHugePage = size_t(2) << 20;

size_t roundUp(size_t n, size_t to) { return (n + to - 1) / to * to; }

}  // namespace

uint8_t* allocateStreamBuffer(size_t bytes) {
    const size_t rounded = roundUp(std::max<size_t>(bytes, 1), kHugePage);
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (!p) throw std::bad_alloc();
    return static_cast<uint8_t*>(p);
}

StreamArena::~StreamArena() {
    for (uint8_t* c : chunks_) std::free(c);
}

uint8_t* StreamArena::allocate(size_t bytes) {
    bytes = roundUp(std::max<size_t>(bytes, 1), 64);
    std::lock_guard lock(mutex_);
    if (bytes > left_) {
        // A fresh chunk; what was left of the last one stays untouched and so, page by page, never
        // becomes resident.
        const size_t size = roundUp(std::max(bytes, chunkBytes_), kHugePage);
        chunks_.push_back(allocateStreamBuffer(size));
        next_ = chunks_.back();
        left_ = size;
    }
    uint8_t* p = next_;
    next_ += bytes;
    left_ -= bytes;
    return p;
}

}  // namespace gb
