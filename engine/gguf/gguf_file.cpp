#include "gguf/gguf_file.h"

#include <cstring>
#include <sstream>

#include "util/error.h"
#include "util/mapped_file.h"

namespace gb {
namespace {

constexpr uint32_t kMagic = 0x46554747;  // "GGUF" little-endian
constexpr int kMaxArrayDepth = 4;
constexpr uint64_t kMaxDims = 4;
// Each parsed value costs ~100 bytes of GgufValue however small it is in the file, so a
// hostile file of tens of MB of u8 array items could demand many GB. Real vocabularies hold
// well under a million values in all (tokens + scores + types + merges); allow 8 times more.
constexpr uint64_t kMaxMetadataValues = uint64_t(1) << 23;

// Bounds-checked little-endian cursor over the file. Every read names what it was reading
// so that a truncated file says where it ended.
class Cursor {
public:
    Cursor(const uint8_t* d, size_t n) : d_(d), n_(n) {}
    size_t pos() const { return p_; }
    size_t remaining() const { return n_ - p_; }

    template <class T>
    T read(const char* what) {
        need(sizeof(T), what);
        T v;
        std::memcpy(&v, d_ + p_, sizeof(T));
        p_ += sizeof(T);
        return v;
    }
    std::string readString(const char* what) {
        uint64_t len = read<uint64_t>(what);
        if (len > remaining())
            throw Error(std::string("GGUF ") + what + " has length " + std::to_string(len) +
                        ", past the end of the file (truncated or corrupt)");
        std::string s(reinterpret_cast<const char*>(d_ + p_), len);
        p_ += len;
        return s;
    }
    void need(size_t k, const char* what) const {
        if (k > remaining())
            throw Error(std::string("GGUF file is truncated: it ends inside the ") + what + " at byte " +
                        std::to_string(p_));
    }

private:
    const uint8_t* d_;
    size_t n_;
    size_t p_ = 0;
};

size_t minEncodedSize(GgufType t) {
    switch (t) {
        case GgufType::U8: case GgufType::I8: case GgufType::Bool: return 1;
        case GgufType::U16: case GgufType::I16: return 2;
        case GgufType::U32: case GgufType::I32: case GgufType::F32: return 4;
        case GgufType::U64: case GgufType::I64: case GgufType::F64: case GgufType::String: return 8;
        case GgufType::Array: return 12;
    }
    return 1;
}

bool validType(uint32_t t) { return t <= static_cast<uint32_t>(GgufType::F64); }

GgufValue readValue(Cursor& c, GgufType type, int depth, const std::string& key, uint64_t& valuesLeft) {
    GgufValue v;
    v.type = type;
    switch (type) {
        case GgufType::U8: v.u = c.read<uint8_t>("metadata value"); break;
        case GgufType::I8: v.i = c.read<int8_t>("metadata value"); break;
        case GgufType::U16: v.u = c.read<uint16_t>("metadata value"); break;
        case GgufType::I16: v.i = c.read<int16_t>("metadata value"); break;
        case GgufType::U32: v.u = c.read<uint32_t>("metadata value"); break;
        case GgufType::I32: v.i = c.read<int32_t>("metadata value"); break;
        case GgufType::U64: v.u = c.read<uint64_t>("metadata value"); break;
        case GgufType::I64: v.i = c.read<int64_t>("metadata value"); break;
        case GgufType::F32: v.f = c.read<float>("metadata value"); break;
        case GgufType::F64: v.f = c.read<double>("metadata value"); break;
        case GgufType::Bool: {
            uint8_t b = c.read<uint8_t>("metadata value");
            if (b > 1) throw Error("GGUF metadata '" + key + "' has an invalid bool value");
            v.u = b;
            break;
        }
        case GgufType::String: v.str = c.readString("metadata string"); break;
        case GgufType::Array: {
            if (depth >= kMaxArrayDepth) throw Error("GGUF metadata '" + key + "' nests arrays too deeply");
            uint32_t et = c.read<uint32_t>("array type");
            if (!validType(et))
                throw Error("GGUF metadata '" + key + "' has an unknown array element type " + std::to_string(et));
            uint64_t n = c.read<uint64_t>("array length");
            v.elemType = static_cast<GgufType>(et);
            if (n > c.remaining() / minEncodedSize(v.elemType))
                throw Error("GGUF metadata '" + key + "' claims " + std::to_string(n) +
                            " array items, more than the file can hold");
            if (n > valuesLeft)
                throw Error("GGUF metadata '" + key + "' has too many array items (over " +
                            std::to_string(kMaxMetadataValues) + " values in all)");
            valuesLeft -= n;
            v.items.reserve(n);
            for (uint64_t k = 0; k < n; ++k) v.items.push_back(readValue(c, v.elemType, depth + 1, key, valuesLeft));
            break;
        }
    }
    return v;
}

bool mulOverflows(uint64_t a, uint64_t b, uint64_t& out) { return __builtin_mul_overflow(a, b, &out); }

}  // namespace

std::string GgufTensorInfo::shapeString() const {
    std::ostringstream os;
    for (size_t k = 0; k < dims.size(); ++k) os << (k ? " x " : "") << dims[k];
    return os.str();
}

std::shared_ptr<GgufFile> GgufFile::open(const std::string& path) {
    auto map = std::make_unique<MappedFile>(path);
    std::shared_ptr<GgufFile> f(new GgufFile());
    f->path_ = path;
    f->data_ = map->data();
    f->size_ = map->size();
    f->map_ = std::move(map);
    try {
        f->parseAll();
    } catch (const Error& e) {
        throw Error("'" + path + "': " + e.what());
    }
    return f;
}

std::shared_ptr<GgufFile> GgufFile::parse(const uint8_t* data, size_t size) {
    std::shared_ptr<GgufFile> f(new GgufFile());
    f->data_ = data;
    f->size_ = size;
    f->parseAll();
    return f;
}

void GgufFile::parseAll() {
    Cursor c(data_, size_);
    if (size_ < 4) throw Error("not a GGUF file (too short to hold a header)");
    uint32_t magic = c.read<uint32_t>("magic");
    if (magic != kMagic) throw Error("not a GGUF file (bad magic)");
    version_ = c.read<uint32_t>("version");
    if (version_ == 1) throw Error("GGUF version 1 is not supported (convert the model again)");
    if (version_ != 2 && version_ != 3) throw Error("unsupported GGUF version " + std::to_string(version_));
    uint64_t nTensors = c.read<uint64_t>("tensor count");
    uint64_t nKv = c.read<uint64_t>("metadata count");
    // Each entry needs at least a key length, a type and a value: reject absurd counts up front.
    if (nKv > c.remaining() / 13) throw Error("GGUF header claims " + std::to_string(nKv) + " metadata entries, more than the file can hold (truncated or corrupt)");
    if (nTensors > c.remaining() / 24) throw Error("GGUF header claims " + std::to_string(nTensors) + " tensors, more than the file can hold (truncated or corrupt)");

    uint64_t valuesLeft = kMaxMetadataValues;
    for (uint64_t k = 0; k < nKv; ++k) {
        std::string key = c.readString("metadata key");
        uint32_t t = c.read<uint32_t>("metadata type");
        if (!validType(t)) throw Error("GGUF metadata '" + key + "' has an unknown value type " + std::to_string(t));
        GgufValue v = readValue(c, static_cast<GgufType>(t), 0, key, valuesLeft);
        if (!metadata_.emplace(key, std::move(v)).second) throw Error("GGUF metadata key '" + key + "' appears twice");
    }
    if (const GgufValue* a = find("general.alignment")) {
        auto al = a->asInt();
        if (!al || *al <= 0 || (*al & (*al - 1)) != 0 || *al > (1 << 20))
            throw Error("GGUF general.alignment must be a power of two");
        alignment_ = static_cast<uint64_t>(*al);
    }

    tensors_.reserve(nTensors);
    for (uint64_t k = 0; k < nTensors; ++k) {
        GgufTensorInfo ti;
        ti.name = c.readString("tensor name");
        uint32_t nd = c.read<uint32_t>("tensor dimension count");
        if (nd == 0 || nd > kMaxDims) throw Error("tensor '" + ti.name + "' has " + std::to_string(nd) + " dimensions");
        ti.nelements = 1;
        for (uint32_t d = 0; d < nd; ++d) {
            uint64_t dim = c.read<uint64_t>("tensor dimensions");
            if (dim == 0) throw Error("tensor '" + ti.name + "' has a zero dimension");
            if (mulOverflows(ti.nelements, dim, ti.nelements) || ti.nelements > (uint64_t(1) << 48))
                throw Error("tensor '" + ti.name + "' has dimensions that overflow");
            ti.dims.push_back(dim);
        }
        uint32_t rawType = c.read<uint32_t>("tensor type");
        auto tr = tensorTypeTraits(rawType);
        if (!tr) throw Error("tensor '" + ti.name + "' has unknown tensor type " + std::to_string(rawType));
        ti.type = tr->type;
        if (ti.dims[0] % tr->blockElems != 0)
            throw Error("tensor '" + ti.name + "' row length " + std::to_string(ti.dims[0]) + " is not a multiple of the " +
                        std::string(tr->name) + " block size");
        ti.nbytes = ti.nelements / tr->blockElems * tr->blockBytes;
        ti.offset = c.read<uint64_t>("tensor offset");
        if (ti.offset % alignment_ != 0) throw Error("tensor '" + ti.name + "' data is misaligned");
        if (!tensorIndex_.emplace(ti.name, tensors_.size()).second)
            throw Error("tensor '" + ti.name + "' appears twice");
        tensors_.push_back(std::move(ti));
    }

    uint64_t dataStart = (c.pos() + alignment_ - 1) / alignment_ * alignment_;
    if (tensors_.empty()) return;
    if (dataStart > size_) throw Error("GGUF file is truncated: no tensor data follows the header");
    uint64_t dataSize = size_ - dataStart;
    for (auto& ti : tensors_) {
        if (ti.offset > dataSize || ti.nbytes > dataSize - ti.offset)
            throw Error("tensor '" + ti.name + "' data lies past the end of the file (truncated or corrupt)");
        ti.data = data_ + dataStart + ti.offset;
    }
}

const GgufValue* GgufFile::find(const std::string& key) const {
    auto it = metadata_.find(key);
    return it == metadata_.end() ? nullptr : &it->second;
}

std::string GgufFile::getString(const std::string& key, const std::string& fallback) const {
    const GgufValue* v = find(key);
    return v && v->type == GgufType::String ? v->str : fallback;
}

int64_t GgufFile::getInt(const std::string& key, int64_t fallback) const {
    const GgufValue* v = find(key);
    if (!v) return fallback;
    if (auto i = v->asInt()) return *i;
    throw Error("GGUF metadata '" + key + "' should be an integer but is " + ggufTypeName(v->type));
}

double GgufFile::getFloat(const std::string& key, double fallback) const {
    const GgufValue* v = find(key);
    if (!v) return fallback;
    if (auto d = v->asDouble()) return *d;
    throw Error("GGUF metadata '" + key + "' should be a number but is " + ggufTypeName(v->type));
}

bool GgufFile::getBool(const std::string& key, bool fallback) const {
    const GgufValue* v = find(key);
    if (!v) return fallback;
    if (v->type == GgufType::Bool) return v->u != 0;
    if (auto i = v->asInt()) return *i != 0;
    throw Error("GGUF metadata '" + key + "' should be a bool but is " + ggufTypeName(v->type));
}

void GgufFile::releasePages(const uint8_t* p, size_t bytes) const {
    if (map_) map_->release(p, bytes);
}

const GgufTensorInfo* GgufFile::findTensor(const std::string& name) const {
    auto it = tensorIndex_.find(name);
    return it == tensorIndex_.end() ? nullptr : &tensors_[it->second];
}

}  // namespace gb
