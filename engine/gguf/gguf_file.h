#pragma once
// GGUF v2/v3 reader: header, metadata and tensor table, validated against the file's size.
// Tensor data stays in the memory map; nothing is copied.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gguf/gguf_value.h"
#include "gguf/tensor_type.h"

namespace gb {

class MappedFile;

struct GgufTensorInfo {
    std::string name;
    std::vector<uint64_t> dims;  // ne[0] (contiguous, row length) first
    TensorType type = TensorType::F32;
    uint64_t offset = 0;         // from the start of the data section
    uint64_t nelements = 0;
    uint64_t nbytes = 0;
    const uint8_t* data = nullptr;

    uint64_t rows() const { return dims.empty() ? 0 : nelements / dims[0]; }
    std::string shapeString() const;
};

class GgufFile {
public:
    static std::shared_ptr<GgufFile> open(const std::string& path);          // throws gb::Error
    static std::shared_ptr<GgufFile> parse(const uint8_t* data, size_t size);  // buffer must outlive the result

    uint32_t version() const { return version_; }
    uint64_t alignment() const { return alignment_; }
    size_t fileSize() const { return size_; }
    const std::string& path() const { return path_; }

    const std::map<std::string, GgufValue>& metadata() const { return metadata_; }
    const GgufValue* find(const std::string& key) const;
    std::string getString(const std::string& key, const std::string& fallback = {}) const;
    int64_t getInt(const std::string& key, int64_t fallback) const;
    double getFloat(const std::string& key, double fallback) const;
    bool getBool(const std::string& key, bool fallback) const;
    bool has(const std::string& key) const { return find(key) != nullptr; }

    const std::vector<GgufTensorInfo>& tensors() const { return tensors_; }
    const GgufTensorInfo* findTensor(const std::string& name) const;

    // Tensor bytes that were copied elsewhere (re-laid out weights) need not stay resident: drops
    // their pages when the file is memory-mapped; a no-op for a parsed buffer.
    void releasePages(const uint8_t* p, size_t bytes) const;

private:
    GgufFile() = default;
    void parseAll();

    std::unique_ptr<MappedFile> map_;
    std::string path_;
    const uint8_t* data_ = nullptr;
    size_t size_ = 0;
    uint32_t version_ = 0;
    uint64_t alignment_ = 32;
    std::map<std::string, GgufValue> metadata_;
    std::vector<GgufTensorInfo> tensors_;
    std::map<std::string, size_t> tensorIndex_;
};

}  // namespace gb
