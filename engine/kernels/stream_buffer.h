#pragma once
// Memory for the weights the integer kernels stream through once per token: 64-byte aligned (the
// kernels' aligned vector loads), free with std::free. Transparent huge pages are not asked for:
// measured on the 2-core EPYC VM, they made loading slow and erratic (0.5–2.1 s for TinyLlama
// Q8_0 against a steady 0.6–0.8 s, the kernel compacting memory on the first touch) and decoding
// no faster.
#include <cstddef>
#include <cstdint>

namespace gb {

uint8_t* allocateStreamBuffer(size_t bytes);

}  // namespace gb
