#include "tokenizer_fixtures.h"

#include <QFile>
#include <QString>
#include <cstring>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "common/test_models.h"
#include "gguf/gguf_file.h"

namespace tokfix {

const gb::Tokenizer& tokenizer(const std::string& file) {
    static std::map<std::string, std::unique_ptr<gb::Tokenizer>> cache;
    auto& slot = cache[file];
    if (!slot) {
        auto f = gb::GgufFile::open(gbtest::modelPath(file.c_str()));
        slot = gb::Tokenizer::create(gb::Vocab::fromGguf(*f));
    }
    return *slot;
}

std::string readFile(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + path);
    const QByteArray b = f.readAll();
    return std::string(b.constData(), size_t(b.size()));
}

std::vector<std::string> readVectorInputs(const std::string& file) {
    const std::string text = readFile(gbtest::modelPath(file.c_str()));
    const std::string sep = "\n__ggml_vocab_test__\n";
    std::vector<std::string> out;
    size_t pos = 0;
    for (size_t next; (next = text.find(sep, pos)) != std::string::npos; pos = next + sep.size())
        out.push_back(text.substr(pos, next - pos));
    return out;  // the empty piece after the last separator is dropped
}

std::vector<std::vector<int32_t>> readVectorOutputs(const std::string& file) {
    const std::string text = readFile(gbtest::modelPath(file.c_str()));
    std::vector<std::vector<int32_t>> out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream ids(line);
        std::vector<int32_t> v;
        for (int32_t id; ids >> id;) v.push_back(id);
        out.push_back(std::move(v));
    }
    return out;
}

std::string idsToString(const std::vector<int32_t>& ids) {
    std::string s;
    for (int32_t id : ids) s += (s.empty() ? "" : " ") + std::to_string(id);
    return s;
}

// GGUF value types used here.
enum : uint32_t { kU32 = 4, kI32 = 5, kF32 = 6, kBool = 7, kString = 8, kArray = 9 };

template <class T>
void GgufWriter::raw(T v) {
    uint8_t b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    kv_.insert(kv_.end(), b, b + sizeof(T));
}

void GgufWriter::str(const std::string& s) {
    raw<uint64_t>(s.size());
    kv_.insert(kv_.end(), s.begin(), s.end());
}

void GgufWriter::key(const std::string& k, uint32_t type) {
    str(k);
    raw<uint32_t>(type);
    ++count_;
}

void GgufWriter::addString(const std::string& k, const std::string& v) { key(k, kString), str(v); }
void GgufWriter::addU32(const std::string& k, uint32_t v) { key(k, kU32), raw(v); }
void GgufWriter::addI32(const std::string& k, int32_t v) { key(k, kI32), raw(v); }
void GgufWriter::addBool(const std::string& k, bool v) { key(k, kBool), raw<uint8_t>(v ? 1 : 0); }

void GgufWriter::addStrings(const std::string& k, const std::vector<std::string>& v) {
    key(k, kArray), raw<uint32_t>(kString), raw<uint64_t>(v.size());
    for (const auto& s : v) str(s);
}
void GgufWriter::addF32s(const std::string& k, const std::vector<float>& v) {
    key(k, kArray), raw<uint32_t>(kF32), raw<uint64_t>(v.size());
    for (float x : v) raw(x);
}
void GgufWriter::addI32s(const std::string& k, const std::vector<int32_t>& v) {
    key(k, kArray), raw<uint32_t>(kI32), raw<uint64_t>(v.size());
    for (int32_t x : v) raw(x);
}

std::vector<uint8_t> GgufWriter::bytes() const {
    std::vector<uint8_t> out = {'G', 'G', 'U', 'F', 3, 0, 0, 0};
    auto put64 = [&](uint64_t v) {
        for (int i = 0; i < 8; ++i) out.push_back(uint8_t(v >> (8 * i)));
    };
    put64(0);  // tensors
    put64(count_);
    out.insert(out.end(), kv_.begin(), kv_.end());
    return out;
}

gb::Vocab makeSpmVocab(const std::vector<std::string>& normal, const std::vector<float>& scores) {
    std::vector<std::string> tokens = {"<unk>", "<s>", "</s>"};
    std::vector<int32_t> types = {2, 3, 3};
    std::vector<float> sc = {0, 0, 0};
    for (int b = 0; b < 256; ++b) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "<0x%02X>", b);
        tokens.push_back(hex), types.push_back(6), sc.push_back(0);
    }
    for (size_t i = 0; i < normal.size(); ++i)
        tokens.push_back(normal[i]), types.push_back(1), sc.push_back(i < scores.size() ? scores[i] : 0.0f);
    GgufWriter w;
    w.addString("tokenizer.ggml.model", "llama");
    w.addStrings("tokenizer.ggml.tokens", tokens);
    w.addF32s("tokenizer.ggml.scores", sc);
    w.addI32s("tokenizer.ggml.token_type", types);
    const auto bytes = w.bytes();
    return gb::Vocab::fromGguf(*gb::GgufFile::parse(bytes.data(), bytes.size()));
}

}  // namespace tokfix
