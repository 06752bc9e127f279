#include "gguf/gguf_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

#include "util/error.h"

namespace gb {
namespace {

constexpr uint32_t kMagic = 0x46554747;  // "GGUF" read as a little-endian u32
constexpr uint64_t kDefaultAlignment = 32;
constexpr size_t kMaxTensorName = 63;    // ggml's GGML_MAX_NAME is 64 including the NUL
constexpr int kMaxArrayDepth = 4;        // what gb::GgufFile accepts

GgufValue scalar(GgufType t) {
    GgufValue v;
    v.type = t;
    return v;
}

void validate(const GgufValue& v, const std::string& key, int depth) {
    if (v.type == GgufType::Bool && v.u > 1) throw Error("GGUF metadata '" + key + "': bool value must be 0 or 1");
    if (v.type != GgufType::Array) return;
    if (depth >= kMaxArrayDepth) throw Error("GGUF metadata '" + key + "': arrays nested too deeply");
    for (const auto& item : v.items) {
        if (item.type != v.elemType)
            throw Error("GGUF metadata '" + key + "': array of " + ggufTypeName(v.elemType) + " holds a " +
                        ggufTypeName(item.type));
        validate(item, key, depth + 1);
    }
}

// Buffered little-endian output to a FILE that remembers the first error.
class Out {
public:
    explicit Out(std::FILE* f) : f_(f) {}
    uint64_t pos() const { return pos_; }
    void bytes(const void* p, size_t n) {
        if (n && std::fwrite(p, 1, n, f_) != n) throw Error(std::string("write failed: ") + std::strerror(errno));
        pos_ += n;
    }
    template <class T>
    void pod(T v) { bytes(&v, sizeof v); }
    void str(const std::string& s) {
        pod<uint64_t>(s.size());
        bytes(s.data(), s.size());
    }
    void padTo(uint64_t alignment) {
        static const uint8_t zeros[4096] = {};
        uint64_t pad = (alignment - pos_ % alignment) % alignment;
        while (pad) {
            const size_t k = std::min<uint64_t>(pad, sizeof zeros);
            bytes(zeros, k);
            pad -= k;
        }
    }

private:
    std::FILE* f_;
    uint64_t pos_ = 0;
};

void writeValueBody(Out& o, const GgufValue& v) {
    switch (v.type) {
        case GgufType::U8: o.pod<uint8_t>(static_cast<uint8_t>(v.u)); break;
        case GgufType::I8: o.pod<int8_t>(static_cast<int8_t>(v.i)); break;
        case GgufType::U16: o.pod<uint16_t>(static_cast<uint16_t>(v.u)); break;
        case GgufType::I16: o.pod<int16_t>(static_cast<int16_t>(v.i)); break;
        case GgufType::U32: o.pod<uint32_t>(static_cast<uint32_t>(v.u)); break;
        case GgufType::I32: o.pod<int32_t>(static_cast<int32_t>(v.i)); break;
        case GgufType::U64: o.pod<uint64_t>(v.u); break;
        case GgufType::I64: o.pod<int64_t>(v.i); break;
        case GgufType::F32: o.pod<float>(static_cast<float>(v.f)); break;
        case GgufType::F64: o.pod<double>(v.f); break;
        case GgufType::Bool: o.pod<uint8_t>(v.u ? 1 : 0); break;
        case GgufType::String: o.str(v.str); break;
        case GgufType::Array:
            // Items carry no type tag of their own: the array names it once.
            o.pod<uint32_t>(static_cast<uint32_t>(v.elemType));
            o.pod<uint64_t>(v.items.size());
            for (const auto& item : v.items) writeValueBody(o, item);
            break;
    }
}

// Removes the temporary file unless the write got as far as the rename.
struct TempFile {
    std::string path;
    std::FILE* f = nullptr;
    bool keep = false;
    ~TempFile() {
        if (f) std::fclose(f);
        if (!keep) ::unlink(path.c_str());
    }
};

}  // namespace

GgufValue ggufU8(uint8_t v) { auto r = scalar(GgufType::U8); r.u = v; return r; }
GgufValue ggufI8(int8_t v) { auto r = scalar(GgufType::I8); r.i = v; return r; }
GgufValue ggufU16(uint16_t v) { auto r = scalar(GgufType::U16); r.u = v; return r; }
GgufValue ggufI16(int16_t v) { auto r = scalar(GgufType::I16); r.i = v; return r; }
GgufValue ggufU32(uint32_t v) { auto r = scalar(GgufType::U32); r.u = v; return r; }
GgufValue ggufI32(int32_t v) { auto r = scalar(GgufType::I32); r.i = v; return r; }
GgufValue ggufU64(uint64_t v) { auto r = scalar(GgufType::U64); r.u = v; return r; }
GgufValue ggufI64(int64_t v) { auto r = scalar(GgufType::I64); r.i = v; return r; }
GgufValue ggufF32(float v) { auto r = scalar(GgufType::F32); r.f = v; return r; }
GgufValue ggufF64(double v) { auto r = scalar(GgufType::F64); r.f = v; return r; }
GgufValue ggufBool(bool v) { auto r = scalar(GgufType::Bool); r.u = v ? 1 : 0; return r; }
GgufValue ggufString(std::string v) { auto r = scalar(GgufType::String); r.str = std::move(v); return r; }

GgufValue ggufArray(GgufType elemType, std::vector<GgufValue> items) {
    auto r = scalar(GgufType::Array);
    r.elemType = elemType;
    r.items = std::move(items);
    return r;
}

GgufValue ggufStringArray(const std::vector<std::string>& v) {
    std::vector<GgufValue> items;
    items.reserve(v.size());
    for (const auto& s : v) items.push_back(ggufString(s));
    return ggufArray(GgufType::String, std::move(items));
}

GgufValue ggufI32Array(const std::vector<int32_t>& v) {
    std::vector<GgufValue> items;
    items.reserve(v.size());
    for (int32_t x : v) items.push_back(ggufI32(x));
    return ggufArray(GgufType::I32, std::move(items));
}

GgufValue ggufF32Array(const std::vector<float>& v) {
    std::vector<GgufValue> items;
    items.reserve(v.size());
    for (float x : v) items.push_back(ggufF32(x));
    return ggufArray(GgufType::F32, std::move(items));
}

GgufWriter::GgufWriter(uint32_t version) : version_(version) {
    if (version != 2 && version != 3) throw Error("GGUF writer: version " + std::to_string(version) + " is not 2 or 3");
}

void GgufWriter::set(const std::string& key, GgufValue value) {
    if (key.empty()) throw Error("GGUF metadata key must not be empty");
    validate(value, key, 0);
    if (key == "general.alignment") {
        auto a = value.asInt();
        if (value.type != GgufType::U32 || !a || *a <= 0 || (*a & (*a - 1)) != 0)
            throw Error("general.alignment must be a u32 power of two");
    }
    auto it = kvIndex_.find(key);
    if (it != kvIndex_.end()) {
        kv_[it->second].second = std::move(value);
        return;
    }
    kvIndex_.emplace(key, kv_.size());
    kv_.emplace_back(key, std::move(value));
}

bool GgufWriter::remove(const std::string& key) {
    auto it = kvIndex_.find(key);
    if (it == kvIndex_.end()) return false;
    kv_.erase(kv_.begin() + static_cast<std::ptrdiff_t>(it->second));
    kvIndex_.clear();
    for (size_t k = 0; k < kv_.size(); ++k) kvIndex_.emplace(kv_[k].first, k);
    return true;
}

const GgufValue* GgufWriter::find(const std::string& key) const {
    auto it = kvIndex_.find(key);
    return it == kvIndex_.end() ? nullptr : &kv_[it->second].second;
}

void GgufWriter::setAlignment(uint32_t alignment) { set("general.alignment", ggufU32(alignment)); }

uint64_t GgufWriter::alignment() const {
    const GgufValue* a = find("general.alignment");
    return a ? a->u : kDefaultAlignment;
}

uint64_t GgufWriter::tensorBytes(const std::vector<uint64_t>& dims, TensorType type) {
    const TensorTypeTraits& tr = traitsOf(type);
    if (dims.empty() || dims.size() > 4) throw Error("a tensor needs 1 to 4 dimensions, not " + std::to_string(dims.size()));
    uint64_t n = 1;
    for (uint64_t d : dims) {
        if (d == 0) throw Error("tensor dimensions must not be zero");
        if (__builtin_mul_overflow(n, d, &n)) throw Error("tensor dimensions overflow");
    }
    if (dims[0] % tr.blockElems != 0)
        throw Error("row length " + std::to_string(dims[0]) + " is not a multiple of the " + std::string(tr.name) +
                    " block size " + std::to_string(tr.blockElems));
    return n / tr.blockElems * tr.blockBytes;
}

GgufWriter::Tensor& GgufWriter::newTensor(const std::string& name, std::vector<uint64_t> dims, TensorType type) {
    if (name.empty() || name.size() > kMaxTensorName)
        throw Error("tensor name '" + name + "' must have 1 to " + std::to_string(kMaxTensorName) + " bytes");
    if (tensorIndex_.count(name)) throw Error("tensor '" + name + "' added twice");
    uint64_t nbytes;
    try {
        nbytes = tensorBytes(dims, type);
    } catch (const Error& e) {
        throw Error("tensor '" + name + "': " + e.what());
    }
    tensorIndex_.emplace(name, tensors_.size());
    Tensor& t = tensors_.emplace_back();
    t.name = name;
    t.dims = std::move(dims);
    t.type = type;
    t.nbytes = nbytes;
    return t;
}

void GgufWriter::addTensor(const std::string& name, std::vector<uint64_t> dims, TensorType type,
                           std::vector<uint8_t> bytes) {
    if (bytes.size() != tensorBytes(dims, type))
        throw Error("tensor '" + name + "': " + std::to_string(bytes.size()) + " bytes given, its shape needs " +
                    std::to_string(tensorBytes(dims, type)));
    newTensor(name, std::move(dims), type).owned = std::move(bytes);
}

void GgufWriter::addTensorView(const std::string& name, std::vector<uint64_t> dims, TensorType type, const void* data,
                               size_t nbytes) {
    if (nbytes != tensorBytes(dims, type))
        throw Error("tensor '" + name + "': " + std::to_string(nbytes) + " bytes given, its shape needs " +
                    std::to_string(tensorBytes(dims, type)));
    newTensor(name, std::move(dims), type).view = static_cast<const uint8_t*>(data);
}

void GgufWriter::addTensor(const std::string& name, std::vector<uint64_t> dims, TensorType type, Filler fill) {
    if (!fill) throw Error("tensor '" + name + "': no data");
    newTensor(name, std::move(dims), type).fill = std::move(fill);
}

void GgufWriter::write(const std::string& path, const std::function<void(size_t, size_t)>& progress) const {
    const uint64_t align = alignment();
    TempFile tmp;
    tmp.path = path + ".tmp-" + std::to_string(::getpid());
    tmp.f = std::fopen(tmp.path.c_str(), "wb");
    if (!tmp.f) throw Error("cannot create '" + tmp.path + "': " + std::strerror(errno));
    std::setvbuf(tmp.f, nullptr, _IOFBF, 1 << 20);
    Out o(tmp.f);
    try {
        o.pod<uint32_t>(kMagic);
        o.pod<uint32_t>(version_);
        o.pod<uint64_t>(tensors_.size());
        o.pod<uint64_t>(kv_.size());
        for (const auto& [key, value] : kv_) {
            o.str(key);
            o.pod<uint32_t>(static_cast<uint32_t>(value.type));
            writeValueBody(o, value);
        }
        // Offsets are relative to the data section; every tensor starts aligned.
        uint64_t offset = 0;
        for (const auto& t : tensors_) {
            o.str(t.name);
            o.pod<uint32_t>(static_cast<uint32_t>(t.dims.size()));
            for (uint64_t d : t.dims) o.pod<uint64_t>(d);
            o.pod<uint32_t>(static_cast<uint32_t>(t.type));
            o.pod<uint64_t>(offset);
            offset += (t.nbytes + align - 1) / align * align;
        }
        o.padTo(align);
        std::vector<uint8_t> buffer;
        for (size_t k = 0; k < tensors_.size(); ++k) {
            const Tensor& t = tensors_[k];
            if (t.fill) {
                buffer.assign(t.nbytes, 0);
                t.fill(buffer.data(), buffer.size());
                o.bytes(buffer.data(), buffer.size());
            } else {
                o.bytes(t.view ? t.view : t.owned.data(), t.nbytes);
            }
            o.padTo(align);  // ggml pads the last tensor too
            if (progress) progress(k + 1, tensors_.size());
        }
        if (std::fflush(tmp.f) != 0 || ::fsync(::fileno(tmp.f)) != 0)
            throw Error(std::string("write failed: ") + std::strerror(errno));
        std::FILE* f = tmp.f;
        tmp.f = nullptr;
        if (std::fclose(f) != 0) throw Error(std::string("write failed: ") + std::strerror(errno));
        if (std::rename(tmp.path.c_str(), path.c_str()) != 0)
            throw Error("cannot rename to '" + path + "': " + std::strerror(errno));
        tmp.keep = true;
    } catch (const Error& e) {
        throw Error("writing '" + path + "': " + e.what());
    }
}

}  // namespace gb
