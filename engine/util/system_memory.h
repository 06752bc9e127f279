#pragma once
// What the operating system says about memory, for refusing a model before loading it.
#include <cstdint>

namespace gb {

uint64_t availableMemoryBytes();  // MemAvailable (Linux); 0 when unknown
uint64_t peakResidentBytes();     // VmHWM of this process
uint64_t residentBytes();         // VmRSS of this process

}  // namespace gb
