// gb::GgufFile against hostile files built byte by byte: every defect must end in a gb::Error
// whose message names the problem, never in a crash, a hang or an out-of-bounds read.
#include <QtTest>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "gguf/gguf_file.h"
#include "util/error.h"

using namespace gb;

namespace {

// Little-endian GGUF byte builder: the fields in the order the format has them.
struct Bytes {
    std::vector<uint8_t> b;
    template <class T>
    Bytes& pod(T v) {
        const auto* p = reinterpret_cast<const uint8_t*>(&v);
        b.insert(b.end(), p, p + sizeof v);
        return *this;
    }
    Bytes& u8(uint8_t v) { return pod(v); }
    Bytes& u32(uint32_t v) { return pod(v); }
    Bytes& u64(uint64_t v) { return pod(v); }
    Bytes& f32(float v) { return pod(v); }
    Bytes& str(const std::string& s) {
        u64(s.size());
        b.insert(b.end(), s.begin(), s.end());
        return *this;
    }
    Bytes& header(uint64_t nTensors, uint64_t nKv, uint32_t version = 3) { return u32(0x46554747).u32(version).u64(nTensors).u64(nKv); }
    Bytes& kvU32(const std::string& key, uint32_t v) { return str(key).u32(4).u32(v); }
    Bytes& kvStr(const std::string& key, const std::string& v) { return str(key).u32(8).str(v); }
    // Tensor info: name, n_dims, dims (ne[0] first), type, offset.
    Bytes& tensor(const std::string& name, std::vector<uint64_t> dims, uint32_t type, uint64_t offset) {
        str(name).u32(uint32_t(dims.size()));
        for (uint64_t d : dims) u64(d);
        return u32(type).u64(offset);
    }
    Bytes& padTo(size_t a) {
        while (b.size() % a) b.push_back(0);
        return *this;
    }
    Bytes& zeros(size_t n) {
        b.insert(b.end(), n, 0);
        return *this;
    }
};

// Parses and returns the gb::Error message ("" when it parsed, "CRASH-ish" for another exception).
std::string parseError(const std::vector<uint8_t>& bytes) {
    // Copy into an exact-size heap buffer so that AddressSanitizer sees any over-read.
    std::unique_ptr<uint8_t[]> buf(new uint8_t[bytes.size() ? bytes.size() : 1]);
    if (!bytes.empty()) std::memcpy(buf.get(), bytes.data(), bytes.size());
    try {
        GgufFile::parse(buf.get(), bytes.size());
        return {};
    } catch (const Error& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("not a gb::Error: ") + e.what();
    }
}

#define EXPECT_ERROR(bytes, fragment)                                                                    \
    do {                                                                                                 \
        const std::string msg = parseError(bytes);                                                       \
        QVERIFY2(msg.find(fragment) != std::string::npos,                                                \
                 qPrintable(QString("expected an error containing '%1', got '%2'").arg(fragment, msg.c_str()))); \
    } while (0)

// A small valid file: two metadata entries, two tensors; the last tensor ends the file.
std::vector<uint8_t> validFile() {
    Bytes f;
    f.header(2, 2).kvStr("general.architecture", "llama").kvU32("llama.block_count", 1);
    f.tensor("w", {4, 2}, 0, 0);   // F32, 32 bytes at 0
    f.tensor("v", {32}, 8, 32);    // Q8_0, one block of 34 bytes at 32
    f.padTo(32);
    f.zeros(32);
    f.u32(0x3C00);                 // fp16 d = 1 (2 bytes) + ...
    f.b.resize(f.b.size() - 2);
    for (int j = 0; j < 32; ++j) f.u8(uint8_t(j));
    return f.b;
}

}  // namespace

class TestGgufReader : public QObject {
    Q_OBJECT
private slots:
    void validFileParses() {
        const auto bytes = validFile();
        QCOMPARE(parseError(bytes), std::string());
        auto f = GgufFile::parse(bytes.data(), bytes.size());
        QCOMPARE(f->tensors().size(), size_t(2));
        QCOMPARE(f->findTensor("v")->nbytes, uint64_t(34));
        QCOMPARE(f->findTensor("v")->data + 34, bytes.data() + bytes.size());
    }

    void badMagicAndVersions() {
        auto b = validFile();
        b[0] = 'X';
        EXPECT_ERROR(b, "bad magic");
        EXPECT_ERROR(Bytes().header(0, 0, 1).b, "version 1");
        EXPECT_ERROR(Bytes().header(0, 0, 99).b, "version 99");
        EXPECT_ERROR(Bytes().header(0, 0, 0).b, "version 0");
        // A big-endian file reads as an absurd version.
        EXPECT_ERROR(Bytes().header(0, 0, 0x03000000).b, "unsupported GGUF version");
        EXPECT_ERROR(std::vector<uint8_t>{}, "too short");
        EXPECT_ERROR((std::vector<uint8_t>{'G', 'G', 'U'}), "too short");
    }

    void truncatedAtEveryByte() {
        // Every proper prefix of the valid file must fail cleanly, and say why.
        const auto full = validFile();
        for (size_t n = 0; n < full.size(); ++n) {
            const std::string msg = parseError(std::vector<uint8_t>(full.begin(), full.begin() + std::ptrdiff_t(n)));
            const bool named = msg.find("truncated") != std::string::npos || msg.find("past the end") != std::string::npos ||
                               msg.find("too short") != std::string::npos || msg.find("more than the file can hold") != std::string::npos;
            QVERIFY2(named, qPrintable(QString("prefix of %1 bytes: '%2'").arg(n).arg(msg.c_str())));
        }
    }

    void absurdCounts() {
        EXPECT_ERROR(Bytes().header(0, uint64_t(1) << 62).zeros(64).b, "metadata entries, more than the file can hold");
        EXPECT_ERROR(Bytes().header(~uint64_t(0), 0).zeros(64).b, "tensors, more than the file can hold");
        // An array claiming 2^61 items of u32.
        EXPECT_ERROR(Bytes().header(0, 1).str("a").u32(9).u32(4).u64(uint64_t(1) << 61).zeros(16).b,
                     "more than the file can hold");
        // An array of strings claiming more strings than there are bytes for their lengths.
        EXPECT_ERROR(Bytes().header(0, 1).str("a").u32(9).u32(8).u64(1000).zeros(64).b, "more than the file can hold");
    }

    void stringsPastTheEnd() {
        EXPECT_ERROR(Bytes().header(0, 1).u64(1000).zeros(16).b, "past the end");             // key
        EXPECT_ERROR(Bytes().header(0, 1).str("k").u32(8).u64(~uint64_t(0)).b, "past the end");  // value
        EXPECT_ERROR(Bytes().header(1, 0).u64(uint64_t(1) << 40).zeros(40).b, "past the end");  // tensor name
    }

    void badMetadata() {
        EXPECT_ERROR(Bytes().header(0, 1).str("k").u32(13).u32(0).b, "unknown value type 13");
        EXPECT_ERROR(Bytes().header(0, 1).str("k").u32(9).u32(77).u64(0).b, "unknown array element type 77");
        EXPECT_ERROR(Bytes().header(0, 1).str("k").u32(7).u8(2).b, "invalid bool");
        EXPECT_ERROR(Bytes().header(0, 2).kvU32("k", 1).kvU32("k", 2).b, "'k' appears twice");
        // general.alignment must be a power of two.
        EXPECT_ERROR(Bytes().header(0, 1).kvU32("general.alignment", 48).b, "power of two");
        EXPECT_ERROR(Bytes().header(0, 1).kvU32("general.alignment", 0).b, "power of two");
    }

    void nestedArrayDepth() {
        // Arrays of arrays, 10 deep: refused before any recursion can run away.
        Bytes deep;
        deep.header(0, 1).str("deep").u32(9);  // value type: array
        for (int d = 0; d < 10; ++d) deep.u32(9).u64(1);  // element type array, one item
        deep.u32(4).u64(1).u32(7);                        // innermost: one u32
        EXPECT_ERROR(deep.b, "nests arrays too deeply");
        // Three levels are fine.
        Bytes ok;
        ok.header(0, 1).str("ok").u32(9).u32(9).u64(1).u32(9).u64(1).u32(4).u64(2).u32(1).u32(2);
        QCOMPARE(parseError(ok.b), std::string());
    }

    void tooManyValues() {
        // 9M one-byte items fit in the file but would take ~1 GB as parsed values: refused.
        Bytes b;
        b.header(0, 1).str("huge").u32(9).u32(0).u64(9u << 20).zeros(9u << 20);
        EXPECT_ERROR(b.b, "too many array items");
    }

    void badTensorInfos() {
        auto file = [](std::vector<uint64_t> dims, uint32_t type, uint64_t offset, size_t dataBytes) {
            Bytes b;
            b.header(1, 0).tensor("t", std::move(dims), type, offset).padTo(32).zeros(dataBytes);
            return b.b;
        };
        EXPECT_ERROR(file({4}, 0, 0, 16), "");  // sanity: parses
        QCOMPARE(parseError(file({4}, 0, 0, 16)), std::string());
        EXPECT_ERROR(file({uint64_t(1) << 32, uint64_t(1) << 32, uint64_t(1) << 32}, 0, 0, 64), "overflow");
        EXPECT_ERROR(file({~uint64_t(0), 2}, 0, 0, 64), "overflow");
        EXPECT_ERROR(file({4, 0}, 0, 0, 16), "zero dimension");
        EXPECT_ERROR(file({}, 0, 0, 16), "0 dimensions");
        EXPECT_ERROR(file({1, 1, 1, 1, 1}, 0, 0, 16), "5 dimensions");
        EXPECT_ERROR(file({4}, 999, 0, 16), "unknown tensor type 999");
        EXPECT_ERROR(file({4}, 4, 0, 16), "unknown tensor type 4");  // Q4_2, removed from ggml
        EXPECT_ERROR(file({33}, 8, 0, 64), "not a multiple of the Q8_0 block size");
        EXPECT_ERROR(file({4}, 0, 32, 16), "past the end");   // data would end at 48 of 16
        EXPECT_ERROR(file({4}, 0, ~uint64_t(0) - 31, 16), "past the end");  // offset + size wraps
        EXPECT_ERROR(file({4}, 0, 3, 64), "misaligned");
        EXPECT_ERROR(file({1 << 20}, 0, 0, 16), "past the end");  // 4 MiB of data in 16 bytes
        // Dimension count absurd (u32 max).
        Bytes b;
        b.header(1, 0).str("t").u32(0xFFFFFFFF).zeros(64);
        EXPECT_ERROR(b.b, "dimensions");
        // No data at all after a header that promises tensors.
        Bytes nodata;
        nodata.header(1, 0).tensor("t", {4}, 0, 0);
        EXPECT_ERROR(nodata.b, "truncated");
    }

    void duplicateTensors() {
        Bytes b;
        b.header(2, 0).tensor("same", {4}, 0, 0).tensor("same", {4}, 0, 32).padTo(32).zeros(64);
        EXPECT_ERROR(b.b, "tensor 'same' appears twice");
    }

    void alignmentFromMetadata() {
        // With general.alignment = 64 an offset of 32 is misaligned; 64 is fine.
        auto file = [](uint64_t offset) {
            Bytes b;
            b.header(1, 1).kvU32("general.alignment", 64).tensor("t", {4}, 0, offset).padTo(64).zeros(128);
            return b.b;
        };
        EXPECT_ERROR(file(32), "misaligned");
        QCOMPARE(parseError(file(64)), std::string());
    }

    void randomCorruption() {
        // Thousands of random byte edits of the valid file: parse or gb::Error, nothing else.
        const auto base = validFile();
        std::mt19937 rng(1234);
        for (int round = 0; round < 20000; ++round) {
            auto b = base;
            const int edits = 1 + int(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const size_t at = rng() % b.size();
                switch (rng() % 3) {
                    case 0: b[at] = uint8_t(rng()); break;
                    case 1: b[at] ^= uint8_t(1u << (rng() % 8)); break;
                    default: b[at] = rng() % 2 ? 0xFF : 0x00; break;
                }
            }
            if (rng() % 4 == 0) b.resize(rng() % b.size());
            const std::string msg = parseError(b);
            QVERIFY2(msg.rfind("not a gb::Error", 0) != 0, qPrintable(QString::fromStdString(msg)));
        }
    }

    void openNamesTheFile() {
        try {
            GgufFile::open("/nonexistent/model.gguf");
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("/nonexistent/model.gguf") != std::string::npos);
        }
    }
};

QTEST_MAIN(TestGgufReader)
#include "test_gguf_reader.moc"
