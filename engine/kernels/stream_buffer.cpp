#include "kernels/stream_buffer.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace gb {

uint8_t* allocateStreamBuffer(size_t bytes) {
    const size_t rounded = (std::max<size_t>(bytes, 1) + 63) / 64 * 64;  // aligned_alloc wants a multiple
    void* p = std::aligned_alloc(64, rounded);
    if (!p) throw std::bad_alloc();
    return static_cast<uint8_t*>(p);
}

}  // namespace gb
