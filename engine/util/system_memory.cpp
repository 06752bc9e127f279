#include "util/system_memory.h"

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

}  // namespace

uint64_t availableMemoryBytes() { return readKb("/proc/meminfo", "MemAvailable"); }
uint64_t peakResidentBytes() { return readKb("/proc/self/status", "VmHWM"); }
uint64_t residentBytes() { return readKb("/proc/self/status", "VmRSS"); }

}  // namespace gb
