#pragma once
// Memory for weights that the kernels stream through once per token: 2 MiB-aligned, rounded up
// to whole 2 MiB pages, with transparent huge pages asked for (they spare the TLB misses of a
// 1 GB sweep). Free with std::free.
#include <cstddef>
#include <cstdint>

namespace gb {

uint8_t* allocateStreamBuffer(size_t bytes);

}  // namespace gb
