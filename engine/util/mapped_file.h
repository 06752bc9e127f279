#pragma once
// A read-only memory map of a whole file.
#include <cstddef>
#include <cstdint>
#include <string>

namespace gb {

class MappedFile {
public:
    explicit MappedFile(const std::string& path);  // throws gb::Error
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const uint8_t* data() const { return data_; }
    size_t size() const { return size_; }
    const std::string& path() const { return path_; }

    // Drops the resident pages of [p, p + bytes) (a range inside this map) from the process;
    // they stay in the page cache and fault back in if read again. For data copied elsewhere.
    void release(const uint8_t* p, size_t bytes) const;

private:
    std::string path_;
    const uint8_t* data_ = nullptr;
    size_t size_ = 0;
};

}  // namespace gb
