// GgufWriter -> GgufFile round trips (every metadata type, tensor data, alignment, v2/v3,
// atomic replacement) and random LLaMA models (tensor list, shapes, metadata, determinism).
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "common/test_models.h"
#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "gguf/random_model.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"
#include "util/error.h"

using namespace gb;

namespace {

std::vector<uint8_t> readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

std::vector<float> tensorFloats(const GgufTensorInfo& t) {
    std::vector<float> v(t.nelements);
    dequantizeRows(t.type, t.data, v.data(), int64_t(t.rows()), int64_t(t.dims[0]));
    return v;
}

}  // namespace

class TestGgufWriter : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    void everyMetadataType() {
        GgufWriter w;
        w.set("t.u8", ggufU8(200));
        w.set("t.i8", ggufI8(-100));
        w.set("t.u16", ggufU16(60000));
        w.set("t.i16", ggufI16(-30000));
        w.set("t.u32", ggufU32(4000000000u));
        w.set("t.i32", ggufI32(-2000000000));
        w.set("t.u64", ggufU64(18000000000000000000ull));
        w.set("t.i64", ggufI64(-9000000000000000000ll));
        w.set("t.f32", ggufF32(0.1f));
        w.set("t.f64", ggufF64(0.1));
        w.set("t.bool", ggufBool(true));
        w.set("t.str", ggufString("héllo \xe4\xb8\x96\xe7\x95\x8c"));
        w.set("t.empty_str", ggufString(""));
        w.set("t.arr_i32", ggufI32Array({1, -2, 3}));
        w.set("t.arr_f32", ggufF32Array({0.5f, -1.25f}));
        w.set("t.arr_str", ggufStringArray({"a", "", "ccc"}));
        w.set("t.arr_empty", ggufArray(GgufType::U8, {}));
        w.set("t.arr_bool", ggufArray(GgufType::Bool, {ggufBool(false), ggufBool(true)}));
        w.set("t.nested", ggufArray(GgufType::Array, {ggufI32Array({1, 2}), ggufI32Array({}), ggufI32Array({3})}));
        w.set("t.nested_str", ggufArray(GgufType::Array, {ggufStringArray({"x"}), ggufStringArray({"y", "z"})}));
        w.setU32("t.replaced", 1);
        w.setU32("t.replaced", 2);  // in place, no duplicate key
        w.setString("t.removed", "gone");
        QVERIFY(w.remove("t.removed"));
        w.write(path("meta.gguf"));

        auto f = GgufFile::open(path("meta.gguf"));
        QCOMPARE(f->version(), 3u);
        QCOMPARE(f->metadata().size(), w.metadata().size());
        QCOMPARE(f->find("t.u8")->type, GgufType::U8);
        QCOMPARE(f->getInt("t.u8", 0), 200);
        QCOMPARE(f->getInt("t.i8", 0), -100);
        QCOMPARE(f->getInt("t.u16", 0), 60000);
        QCOMPARE(f->getInt("t.i16", 0), -30000);
        QCOMPARE(f->getInt("t.u32", 0), 4000000000ll);
        QCOMPARE(f->getInt("t.i32", 0), -2000000000ll);
        QCOMPARE(f->find("t.u64")->u, 18000000000000000000ull);
        QCOMPARE(f->getInt("t.i64", 0), -9000000000000000000ll);
        QCOMPARE(f->find("t.f32")->type, GgufType::F32);
        QCOMPARE(float(f->getFloat("t.f32", 0)), 0.1f);
        QCOMPARE(f->getFloat("t.f64", 0), 0.1);
        QCOMPARE(f->getBool("t.bool", false), true);
        QCOMPARE(f->getString("t.str"), std::string("héllo \xe4\xb8\x96\xe7\x95\x8c"));
        QVERIFY(f->has("t.empty_str") && f->getString("t.empty_str", "x").empty());
        const GgufValue* a = f->find("t.arr_i32");
        QCOMPARE(a->elemType, GgufType::I32);
        QCOMPARE(a->items.size(), size_t(3));
        QCOMPARE(a->items[1].i, -2);
        QCOMPARE(f->find("t.arr_f32")->items[1].f, -1.25);
        QCOMPARE(f->find("t.arr_str")->items[2].str, std::string("ccc"));
        QCOMPARE(f->find("t.arr_str")->items[1].str, std::string());
        QCOMPARE(f->find("t.arr_empty")->items.size(), size_t(0));
        QCOMPARE(f->find("t.arr_bool")->items[1].u, 1u);
        const GgufValue* n = f->find("t.nested");
        QCOMPARE(n->elemType, GgufType::Array);
        QCOMPARE(n->items.size(), size_t(3));
        QCOMPARE(n->items[0].items[1].i, 2);
        QCOMPARE(n->items[1].items.size(), size_t(0));
        QCOMPARE(n->items[2].items[0].i, 3);
        QCOMPARE(f->find("t.nested_str")->items[1].items[1].str, std::string("z"));
        QCOMPARE(f->getInt("t.replaced", 0), 2);
        QVERIFY(!f->has("t.removed"));
        QVERIFY(f->tensors().empty());
    }

    void tensorsRoundTrip() {
        // One tensor of each kind of source, odd sizes, a 3-D tensor and 64-byte alignment.
        GgufWriter w;
        w.setAlignment(64);
        std::vector<float> a(7 * 3);
        for (size_t i = 0; i < a.size(); ++i) a[i] = float(i) - 3.5f;
        std::vector<uint8_t> aBytes(a.size() * 4);
        std::memcpy(aBytes.data(), a.data(), aBytes.size());
        w.addTensor("a.f32", {7, 3}, TensorType::F32, aBytes);

        std::vector<float> b(64 * 2 * 3);
        for (size_t i = 0; i < b.size(); ++i) b[i] = std::sin(float(i));
        std::vector<uint8_t> bq(rowBytes(traitsOf(TensorType::Q8_0), 64) * 6);
        quantizeRows(TensorType::Q8_0, b.data(), bq.data(), 6, 64);
        w.addTensorView("b.q8_0", {64, 2, 3}, TensorType::Q8_0, bq.data(), bq.size());

        std::vector<float> c(256 * 2);
        for (size_t i = 0; i < c.size(); ++i) c[i] = std::cos(float(i) * 0.1f);
        w.addTensor("c.q4_k", {256, 2}, TensorType::Q4_K, [&](uint8_t* dst, size_t nbytes) {
            QCOMPARE(nbytes, size_t(2 * 144));
            quantizeRows(TensorType::Q4_K, c.data(), dst, 2, 256);
        });
        std::vector<uint8_t> d(5 * 2, 0x3C);  // five F16 values 0x3C3C
        w.addTensor("d.f16", {5}, TensorType::F16, d);
        QCOMPARE(w.tensorCount(), size_t(4));
        w.write(path("tensors.gguf"));

        auto f = GgufFile::open(path("tensors.gguf"));
        QCOMPARE(f->alignment(), uint64_t(64));
        QCOMPARE(f->getInt("general.alignment", 0), 64);
        QCOMPARE(f->tensors().size(), size_t(4));
        QCOMPARE(f->tensors()[0].name, std::string("a.f32"));  // file order = insertion order
        QCOMPARE(f->tensors()[3].name, std::string("d.f16"));
        for (const auto& t : f->tensors()) {
            QCOMPARE(t.offset % 64, uint64_t(0));
            QCOMPARE(uintptr_t(t.data - f->tensors()[0].data) % 64, uintptr_t(0));
        }
        const GgufTensorInfo* ta = f->findTensor("a.f32");
        QCOMPARE(ta->dims, (std::vector<uint64_t>{7, 3}));
        QCOMPARE(ta->type, TensorType::F32);
        QVERIFY(std::memcmp(ta->data, a.data(), aBytes.size()) == 0);
        const GgufTensorInfo* tb = f->findTensor("b.q8_0");
        QCOMPARE(tb->dims, (std::vector<uint64_t>{64, 2, 3}));
        QCOMPARE(tb->nbytes, uint64_t(bq.size()));
        QVERIFY(std::memcmp(tb->data, bq.data(), bq.size()) == 0);
        const GgufTensorInfo* tc = f->findTensor("c.q4_k");
        QCOMPARE(tc->type, TensorType::Q4_K);
        const auto cBack = tensorFloats(*tc);
        for (size_t i = 0; i < c.size(); ++i) QVERIFY(std::fabs(cBack[i] - c[i]) < 0.1f);
        QCOMPARE(tensorFloats(*f->findTensor("d.f16"))[4], 1.058594f);  // 0x3C3C = 1 + 60/1024
        // The last tensor is padded too, as ggml writes it.
        QCOMPARE(f->fileSize() % 64, size_t(0));
    }

    void version2AndOverwrite() {
        GgufWriter w(2);
        w.setString("general.name", "v2");
        w.addTensor("x", {4}, TensorType::F32, std::vector<uint8_t>(16, 0));
        const std::string p = path("v2.gguf");
        {
            std::ofstream old(p);
            old << "an older file";
        }
        w.write(p);
        auto f = GgufFile::open(p);
        QCOMPARE(f->version(), 2u);
        QCOMPARE(f->getString("general.name"), std::string("v2"));
        // No temporary file is left beside the target.
        int entries = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir_.path().toStdString()))
            entries += e.path().filename().string().find(".tmp") != std::string::npos;
        QCOMPARE(entries, 0);
    }

    void failedWriteLeavesNothing() {
        GgufWriter w;
        w.addTensor("x", {4}, TensorType::F32, [](uint8_t*, size_t) { throw Error("fill failed"); });
        const std::string p = path("failed.gguf");
        QVERIFY_THROWS_EXCEPTION(Error, w.write(p));
        QVERIFY(!std::filesystem::exists(p));
        for (const auto& e : std::filesystem::directory_iterator(dir_.path().toStdString()))
            QVERIFY(e.path().filename().string().find("failed.gguf") == std::string::npos);
        QVERIFY_THROWS_EXCEPTION(Error, GgufWriter().write(path("no/such/dir/x.gguf")));
    }

    void rejectsBadInput() {
        GgufWriter w;
        QVERIFY_THROWS_EXCEPTION(Error, GgufWriter(1));
        QVERIFY_THROWS_EXCEPTION(Error, w.set("", ggufU8(1)));
        QVERIFY_THROWS_EXCEPTION(Error, w.set("k", ggufArray(GgufType::I32, {ggufF32(1)})));
        GgufValue badBool = ggufBool(true);
        badBool.u = 2;
        QVERIFY_THROWS_EXCEPTION(Error, w.set("k", badBool));
        GgufValue deep = ggufI32Array({1});
        for (int k = 0; k < 5; ++k) deep = ggufArray(GgufType::Array, {deep});
        QVERIFY_THROWS_EXCEPTION(Error, w.set("k", deep));
        QVERIFY_THROWS_EXCEPTION(Error, w.setAlignment(48));
        QVERIFY_THROWS_EXCEPTION(Error, w.set("general.alignment", ggufU64(64)));  // must be u32
        QVERIFY_THROWS_EXCEPTION(Error, w.addTensor("t", {}, TensorType::F32, std::vector<uint8_t>()));
        QVERIFY_THROWS_EXCEPTION(Error, w.addTensor("t", {4, 0}, TensorType::F32, std::vector<uint8_t>()));
        QVERIFY_THROWS_EXCEPTION(Error, w.addTensor("t", {1, 1, 1, 1, 1}, TensorType::F32, std::vector<uint8_t>(4)));
        QVERIFY_THROWS_EXCEPTION(Error, w.addTensor("t", {33}, TensorType::Q8_0, std::vector<uint8_t>(34)));
        QVERIFY_THROWS_EXCEPTION(Error, w.addTensor("t", {4}, TensorType::F32, std::vector<uint8_t>(15)));
        QVERIFY_THROWS_EXCEPTION(Error, w.addTensor(std::string(64, 'n'), {4}, TensorType::F32, std::vector<uint8_t>(16)));
        w.addTensor(std::string(63, 'n'), {4}, TensorType::F32, std::vector<uint8_t>(16));
        w.addTensor("t", {4}, TensorType::F32, std::vector<uint8_t>(16));
        QVERIFY_THROWS_EXCEPTION(Error, w.addTensor("t", {4}, TensorType::F32, std::vector<uint8_t>(16)));
        QCOMPARE(w.tensorCount(), size_t(2));
    }

    // --- random models ------------------------------------------------------------------

    void randomDenseModel() {
        RandomModelSpec s;
        s.dim = 64;
        s.layers = 3;
        s.heads = 8;
        s.kvHeads = 2;
        s.ffn = 172;  // not a multiple of 32: ffn_down rows fall back to F16
        s.contextLength = 512;
        s.ropeTheta = 50000.0f;
        s.weightType = TensorType::Q8_0;
        s.vocabDonor = gbtest::modelPath("stories260K-f32.gguf");
        writeRandomLlamaModel(s, path("dense.gguf"));

        auto f = GgufFile::open(path("dense.gguf"));
        QCOMPARE(f->getString("general.architecture"), std::string("llama"));
        QCOMPARE(f->getInt("general.file_type", -1), 7);  // LLAMA_FTYPE_MOSTLY_Q8_0
        QCOMPARE(f->getInt("llama.block_count", 0), 3);
        QCOMPARE(f->getInt("llama.embedding_length", 0), 64);
        QCOMPARE(f->getInt("llama.attention.head_count", 0), 8);
        QCOMPARE(f->getInt("llama.attention.head_count_kv", 0), 2);
        QCOMPARE(f->getInt("llama.feed_forward_length", 0), 172);
        QCOMPARE(f->getInt("llama.context_length", 0), 512);
        QCOMPARE(f->getInt("llama.rope.dimension_count", 0), 8);
        QCOMPARE(f->getFloat("llama.rope.freq_base", 0), 50000.0);
        QCOMPARE(float(f->getFloat("llama.attention.layer_norm_rms_epsilon", 0)), 1e-5f);
        QCOMPARE(f->getInt("llama.vocab_size", 0), 512);
        QVERIFY(!f->has("llama.expert_count"));
        QVERIFY(!f->has("llama.attention.sliding_window"));
        // The donor's tokenizer, unchanged.
        auto donor = GgufFile::open(s.vocabDonor);
        for (const auto& [key, value] : donor->metadata())
            if (key.rfind("tokenizer.", 0) == 0) QCOMPARE(f->find(key)->toString(1000), value.toString(1000));

        const auto plan = planRandomLlamaTensors(s, 512);
        QCOMPARE(f->tensors().size(), plan.size());
        QCOMPARE(plan.size(), size_t(1 + 3 * 9 + 2));
        for (size_t k = 0; k < plan.size(); ++k) {
            const auto& t = f->tensors()[k];
            QCOMPARE(t.name, plan[k].name);
            QCOMPARE(t.dims, plan[k].dims);
            QCOMPARE(t.type, plan[k].type);
        }
        auto shape = [&](const char* name) { return f->findTensor(name) ? f->findTensor(name)->dims : std::vector<uint64_t>{}; };
        auto type = [&](const char* name) { return f->findTensor(name)->type; };
        QCOMPARE(shape("token_embd.weight"), (std::vector<uint64_t>{64, 512}));
        QCOMPARE(shape("output.weight"), (std::vector<uint64_t>{64, 512}));
        QCOMPARE(shape("output_norm.weight"), (std::vector<uint64_t>{64}));
        QCOMPARE(shape("blk.2.attn_norm.weight"), (std::vector<uint64_t>{64}));
        QCOMPARE(shape("blk.2.attn_q.weight"), (std::vector<uint64_t>{64, 64}));
        QCOMPARE(shape("blk.2.attn_k.weight"), (std::vector<uint64_t>{64, 16}));  // 2 kv heads x 8
        QCOMPARE(shape("blk.2.attn_v.weight"), (std::vector<uint64_t>{64, 16}));
        QCOMPARE(shape("blk.2.attn_output.weight"), (std::vector<uint64_t>{64, 64}));
        QCOMPARE(shape("blk.2.ffn_norm.weight"), (std::vector<uint64_t>{64}));
        QCOMPARE(shape("blk.2.ffn_gate.weight"), (std::vector<uint64_t>{64, 172}));
        QCOMPARE(shape("blk.2.ffn_up.weight"), (std::vector<uint64_t>{64, 172}));
        QCOMPARE(shape("blk.2.ffn_down.weight"), (std::vector<uint64_t>{172, 64}));
        QCOMPARE(type("blk.0.ffn_gate.weight"), TensorType::Q8_0);
        QCOMPARE(type("blk.0.ffn_down.weight"), TensorType::F16);
        QCOMPARE(type("blk.0.attn_norm.weight"), TensorType::F32);
        QCOMPARE(type("token_embd.weight"), TensorType::Q8_0);

        // Norms are ones; weights have the planned spread and no two rows are alike.
        for (float v : tensorFloats(*f->findTensor("blk.1.ffn_norm.weight"))) QCOMPARE(v, 1.0f);
        auto rms = [](const std::vector<float>& v) {
            double s2 = 0;
            for (float x : v) s2 += double(x) * x;
            return std::sqrt(s2 / double(v.size()));
        };
        const auto embd = tensorFloats(*f->findTensor("token_embd.weight"));
        QVERIFY(std::fabs(rms(embd) - 3.0 / 8.0) < 0.02);  // 3 / sqrt(dim)
        QVERIFY(std::memcmp(embd.data(), embd.data() + 64, 64 * sizeof(float)) != 0);
        const auto q = tensorFloats(*f->findTensor("blk.0.attn_q.weight"));
        QVERIFY(std::fabs(rms(q) - 1.0 / 8.0) < 0.01);  // 1 / sqrt(dim)
    }

    void randomModelIsDeterministic() {
        RandomModelSpec s;
        s.vocabDonor = gbtest::modelPath("stories260K-f32.gguf");
        s.weightType = TensorType::Q4_0;
        s.seed = 42;
        writeRandomLlamaModel(s, path("seed42a.gguf"));
        writeRandomLlamaModel(s, path("seed42b.gguf"));
        s.seed = 43;
        writeRandomLlamaModel(s, path("seed43.gguf"));
        const auto a = readAll(path("seed42a.gguf"));
        QVERIFY(a.size() > 100000);
        QVERIFY(a == readAll(path("seed42b.gguf")));
        QVERIFY(a != readAll(path("seed43.gguf")));
    }

    void randomMoeTiedPaddedModel() {
        RandomModelSpec s;
        s.dim = 256;
        s.layers = 2;
        s.heads = 4;
        s.kvHeads = 2;
        s.ffn = 512;
        s.experts = 4;
        s.expertsUsed = 2;
        s.tiedOutput = true;
        s.slidingWindow = 128;
        s.weightType = TensorType::Q4_K;
        s.vocabDonor = gbtest::modelPath("stories260K-f32.gguf");
        s.vocabSize = 600;
        writeRandomLlamaModel(s, path("moe.gguf"));

        auto f = GgufFile::open(path("moe.gguf"));
        QCOMPARE(f->getInt("general.file_type", -1), 14);  // Q4_K_S
        QCOMPARE(f->getInt("llama.expert_count", 0), 4);
        QCOMPARE(f->getInt("llama.expert_used_count", 0), 2);
        QCOMPARE(f->getInt("llama.attention.sliding_window", 0), 128);
        QCOMPARE(f->getInt("llama.vocab_size", 0), 600);
        QVERIFY(!f->findTensor("output.weight"));
        QVERIFY(!f->findTensor("blk.0.ffn_gate.weight"));
        const auto* gate = f->findTensor("blk.1.ffn_gate_exps.weight");
        QVERIFY(gate);
        QCOMPARE(gate->dims, (std::vector<uint64_t>{256, 512, 4}));
        QCOMPARE(gate->type, TensorType::Q4_K);
        QCOMPARE(f->findTensor("blk.1.ffn_up_exps.weight")->dims, (std::vector<uint64_t>{256, 512, 4}));
        QCOMPARE(f->findTensor("blk.1.ffn_down_exps.weight")->dims, (std::vector<uint64_t>{512, 256, 4}));
        const auto* router = f->findTensor("blk.0.ffn_gate_inp.weight");
        QCOMPARE(router->dims, (std::vector<uint64_t>{256, 4}));
        QCOMPARE(router->type, TensorType::F32);
        QCOMPARE(f->findTensor("token_embd.weight")->dims, (std::vector<uint64_t>{256, 600}));
        QCOMPARE(f->findTensor("blk.0.attn_k.weight")->dims, (std::vector<uint64_t>{256, 128}));

        // The vocab is padded consistently: 600 tokens, scores and types.
        const GgufValue* tokens = f->find("tokenizer.ggml.tokens");
        QCOMPARE(tokens->items.size(), size_t(600));
        auto donor = GgufFile::open(s.vocabDonor);
        QCOMPARE(tokens->items[511].str, donor->find("tokenizer.ggml.tokens")->items[511].str);
        QCOMPARE(tokens->items[512].str, std::string("<extra_512>"));
        QCOMPARE(tokens->items[599].str, std::string("<extra_599>"));
        const GgufValue* scores = f->find("tokenizer.ggml.scores");
        QCOMPARE(scores->items.size(), size_t(600));
        QCOMPARE(scores->items[599].f, -1000.0);
        const GgufValue* types = f->find("tokenizer.ggml.token_type");
        QCOMPARE(types->items.size(), size_t(600));
        QCOMPARE(types->items[599].i, 1);
        QCOMPARE(types->items[599].type, types->elemType);
    }

    void randomModelRejectsBadSpecs() {
        RandomModelSpec s;
        s.vocabDonor = gbtest::modelPath("stories260K-f32.gguf");
        auto bad = [&](auto change) {
            RandomModelSpec t = s;
            change(t);
            bool threw = false;
            try {
                writeRandomLlamaModel(t, path("bad.gguf"));
            } catch (const Error&) {
                threw = true;
            }
            return threw && !std::filesystem::exists(path("bad.gguf"));
        };
        QVERIFY(bad([](RandomModelSpec& t) { t.heads = 5; }));          // 64 % 5
        QVERIFY(bad([](RandomModelSpec& t) { t.kvHeads = 3; }));        // 4 % 3
        QVERIFY(bad([](RandomModelSpec& t) { t.experts = 4; }));        // experts used missing
        QVERIFY(bad([](RandomModelSpec& t) { t.experts = 2, t.expertsUsed = 3; }));
        QVERIFY(bad([](RandomModelSpec& t) { t.vocabSize = 100; }));    // below the donor's 512
        QVERIFY(bad([](RandomModelSpec& t) { t.vocabDonor = "/nonexistent.gguf"; }));
        QVERIFY(bad([](RandomModelSpec& t) { t.weightType = TensorType::Q8_1; }));
        QVERIFY(bad([](RandomModelSpec& t) { t.heads = 64, t.kvHeads = 64; }));  // head dim 1: odd
    }
};

QTEST_MAIN(TestGgufWriter)
#include "test_gguf_writer.moc"
