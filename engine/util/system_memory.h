#pragma once
// What the operating system says about memory, for refusing a model before loading it.
#include <cstdint>

namespace gb {

// MemAvailable (Linux); 0 when unknown. GLASSBOX_AVAILABLE_MEMORY=BYTES in the environment replaces
// it (tests make a small model look too big for the machine; users can lower the ceiling).
uint64_t availableMemoryBytes();
uint64_t peakResidentBytes();     // VmHWM of this process
uint64_t residentBytes();         // VmRSS of this process

}  // namespace gb
