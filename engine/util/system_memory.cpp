#include "util/system_memory.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace gb {
namespace {

// "Key:   123 kB" lines of a /proc file.
uint64_t readKb(const char* path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) == 0) {
            std::istringstream is(line.substr(key.size() + 1));
            uint64_t kb = 0;
            is >> kb;
            return kb * 1024;
        }
    }
    return 0;
}

// GLASSBOX_AVAILABLE_MEMORY, when it holds a positive whole number of bytes; 0 otherwise.
uint64_t memoryOverride() {
    const char* v = std::getenv("GLASSBOX_AVAILABLE_MEMORY");
    if (!v || *v < '0' || *v > '9') return 0;
    char* end = nullptr;
    const unsigned long long n = std::strtoull(v, &end, 10);
    return *end == '\0' ? n : 0;
}

}  // namespace

uint64_t availableMemoryBytes() {
    const uint64_t forced = memoryOverride();
    return forced ? forced : readKb("/proc/meminfo", "MemAvailable");
}
uint64_t peakResidentBytes() { return readKb("/proc/self/status", "VmHWM"); }
uint64_t residentBytes() { return readKb("/proc/self/status", "VmRSS"); }

}  // namespace gb
