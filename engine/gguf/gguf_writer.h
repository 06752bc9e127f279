#pragma once
// GGUF v3 (or v2) writer: metadata of every GgufType, tensors given as bytes, as a view of
// memory, or as a callback that fills one tensor at a time (so a multi-GB model is never
// held in memory), written atomically: into a temporary file beside the target, then renamed.
// The result reads back through gb::GgufFile and loads in llama.cpp.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "gguf/gguf_value.h"
#include "gguf/tensor_type.h"

namespace gb {

// GgufValue builders, so that call sites name the stored type explicitly.
GgufValue ggufU8(uint8_t v);
GgufValue ggufI8(int8_t v);
GgufValue ggufU16(uint16_t v);
GgufValue ggufI16(int16_t v);
GgufValue ggufU32(uint32_t v);
GgufValue ggufI32(int32_t v);
GgufValue ggufU64(uint64_t v);
GgufValue ggufI64(int64_t v);
GgufValue ggufF32(float v);
GgufValue ggufF64(double v);
GgufValue ggufBool(bool v);
GgufValue ggufString(std::string v);
// Every item must be of elemType (items of an array of arrays are arrays themselves).
GgufValue ggufArray(GgufType elemType, std::vector<GgufValue> items);
GgufValue ggufStringArray(const std::vector<std::string>& v);
GgufValue ggufI32Array(const std::vector<int32_t>& v);
GgufValue ggufF32Array(const std::vector<float>& v);

class GgufWriter {
public:
    // Fills exactly `nbytes` bytes of one tensor's data (rows packed, ne[0] contiguous).
    using Filler = std::function<void(uint8_t* dst, size_t nbytes)>;

    explicit GgufWriter(uint32_t version = 3);  // 2 or 3; they differ only in the number

    // Metadata keeps insertion order; setting a key again replaces its value in place.
    // Throws gb::Error for a malformed value (array items of the wrong type, bool not 0/1).
    void set(const std::string& key, GgufValue value);
    void setU32(const std::string& key, uint32_t v) { set(key, ggufU32(v)); }
    void setI32(const std::string& key, int32_t v) { set(key, ggufI32(v)); }
    void setU64(const std::string& key, uint64_t v) { set(key, ggufU64(v)); }
    void setF32(const std::string& key, float v) { set(key, ggufF32(v)); }
    void setBool(const std::string& key, bool v) { set(key, ggufBool(v)); }
    void setString(const std::string& key, std::string v) { set(key, ggufString(std::move(v))); }
    bool remove(const std::string& key);
    const GgufValue* find(const std::string& key) const;
    const std::vector<std::pair<std::string, GgufValue>>& metadata() const { return kv_; }

    // Stores `general.alignment` (u32) and aligns tensor data to it; a power of two.
    // Without it data is aligned to 32 bytes, the GGUF default.
    void setAlignment(uint32_t alignment);

    // Tensors: dims with ne[0] (the row length) first; 1..4 dims, none zero, ne[0] a whole
    // number of the type's blocks; names unique and shorter than 64 bytes (ggml's limit).
    // The byte count must equal what the shape and type need.
    void addTensor(const std::string& name, std::vector<uint64_t> dims, TensorType type, std::vector<uint8_t> bytes);
    // No copy: `data` must stay valid until write() returns.
    void addTensorView(const std::string& name, std::vector<uint64_t> dims, TensorType type, const void* data,
                       size_t nbytes);
    // `fill` runs during write(), once, into a buffer of the tensor's size.
    void addTensor(const std::string& name, std::vector<uint64_t> dims, TensorType type, Filler fill);

    size_t tensorCount() const { return tensors_.size(); }
    // Bytes of one tensor's data for a shape and type (throws for an invalid shape).
    static uint64_t tensorBytes(const std::vector<uint64_t>& dims, TensorType type);

    // Writes the file; throws gb::Error (and leaves no temporary file) on failure.
    // progress (optional) is called after each tensor with (tensors written, total).
    void write(const std::string& path, const std::function<void(size_t, size_t)>& progress = {}) const;

private:
    struct Tensor {
        std::string name;
        std::vector<uint64_t> dims;
        TensorType type;
        uint64_t nbytes;
        std::vector<uint8_t> owned;
        const uint8_t* view = nullptr;
        Filler fill;
    };
    Tensor& newTensor(const std::string& name, std::vector<uint64_t> dims, TensorType type);
    uint64_t alignment() const;

    uint32_t version_;
    std::vector<std::pair<std::string, GgufValue>> kv_;
    std::map<std::string, size_t> kvIndex_;
    std::vector<Tensor> tensors_;
    std::map<std::string, size_t> tensorIndex_;
};

}  // namespace gb
