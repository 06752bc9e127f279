#include "kernels/stream_buffer.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace gb {

uint8_t* allocateStreamBuffer(size_t bytes) {
    constexpr size_t kHugePage = size_t(2) << 20;
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (!p) throw std::bad_alloc();
    ::madvise(p, rounded, MADV_HUGEPAGE);
    return static_cast<uint8_t*>(p);
}

}  // namespace gb
