#include "gguf/random_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "quant/quantize.h"
#include "util/error.h"

namespace gb {
namespace {

// splitmix64: tiny, fast and good enough for weights; one 64-bit draw per weight.
inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

struct Rng {
    uint64_t state;
    uint64_t next() { return mix64(state += 0x9e3779b97f4a7c15ull); }
    // Approximately N(0, 1): the sum of four 16-bit uniforms (Irwin-Hall), centred and
    // scaled to unit variance. Bounded at ±3.46 sigma, which weights do not miss, and several
    // times cheaper than Box-Muller: a 1.1B-weight model is generated in seconds.
    float gauss() {
        const uint64_t r = next();
        const int64_t sum = int64_t(r & 0xffff) + int64_t((r >> 16) & 0xffff) + int64_t((r >> 32) & 0xffff) + int64_t(r >> 48);
        return static_cast<float>(sum - 131070) * (1.0f / 37837.23f);
    }
};

// Each row has its own stream, so the file does not depend on the number of threads.
Rng rowRng(uint64_t seed, size_t tensor, uint64_t row) {
    return Rng{mix64(mix64(seed ^ 0x676c617373626f78ull) + mix64(uint64_t(tensor) << 40 | 0x5eedull) + row)};
}

struct PlannedTensor {
    RandomTensorPlan plan;
    float stddev;  // 0: all ones (norm weights)
};

bool fitsBlocks(TensorType t, uint64_t rowLen) { return rowLen % traitsOf(t).blockElems == 0; }

// Weight scales. Projections into the residual stream's consumers get 1/sqrt(fan_in) so
// that activations keep unit size; the projections back into the residual are shrunk by
// sqrt(2 * layers) (as GPT-2's init) so that depth does not blow the stream up. Embeddings
// get 3/sqrt(dim): after the final RMSNorm the logits then have a spread of about 3, so
// the top candidates are clearly ordered rather than near-ties.
std::vector<PlannedTensor> plan(const RandomModelSpec& s, int64_t vocab) {
    const uint64_t dim = s.dim, ffn = s.ffn, headDim = s.dim / s.heads, kvDim = headDim * s.kvHeads;
    const float inDim = 1.0f / std::sqrt(float(dim));
    const float residual = 1.0f / std::sqrt(2.0f * float(s.layers));
    const float embd = 3.0f / std::sqrt(float(dim));
    std::vector<PlannedTensor> out;
    auto matrix = [&](std::string name, std::vector<uint64_t> dims, float sd) {
        const TensorType t = fitsBlocks(s.weightType, dims[0]) ? s.weightType : TensorType::F16;
        out.push_back({{std::move(name), std::move(dims), t}, sd});
    };
    auto f32 = [&](std::string name, std::vector<uint64_t> dims, float sd) {
        out.push_back({{std::move(name), std::move(dims), TensorType::F32}, sd});
    };
    matrix("token_embd.weight", {dim, uint64_t(vocab)}, embd);
    for (int64_t l = 0; l < s.layers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        f32(p + "attn_norm.weight", {dim}, 0);
        matrix(p + "attn_q.weight", {dim, dim}, inDim);
        matrix(p + "attn_k.weight", {dim, kvDim}, inDim);
        matrix(p + "attn_v.weight", {dim, kvDim}, inDim);
        matrix(p + "attn_output.weight", {dim, dim}, inDim * residual);
        f32(p + "ffn_norm.weight", {dim}, 0);
        if (s.experts > 0) {
            const uint64_t ne = s.experts;
            f32(p + "ffn_gate_inp.weight", {dim, ne}, inDim);  // the router stays F32, as in llama.cpp
            matrix(p + "ffn_gate_exps.weight", {dim, ffn, ne}, inDim);
            matrix(p + "ffn_down_exps.weight", {ffn, dim, ne}, residual / std::sqrt(float(ffn)));
            matrix(p + "ffn_up_exps.weight", {dim, ffn, ne}, inDim);
        } else {
            matrix(p + "ffn_gate.weight", {dim, ffn}, inDim);
            matrix(p + "ffn_down.weight", {ffn, dim}, residual / std::sqrt(float(ffn)));
            matrix(p + "ffn_up.weight", {dim, ffn}, inDim);
        }
    }
    f32("output_norm.weight", {dim}, 0);
    if (!s.tiedOutput) matrix("output.weight", {dim, uint64_t(vocab)}, embd);
    return out;
}

void checkSpec(const RandomModelSpec& s) {
    auto need = [](bool ok, const std::string& what) {
        if (!ok) throw Error("random model: " + what);
    };
    const int64_t u32max = std::numeric_limits<uint32_t>::max();
    need(s.dim > 0 && s.dim <= u32max, "dim must be positive");
    need(s.layers > 0 && s.layers <= 100000, "layers must be positive");
    need(s.heads > 0 && s.dim % s.heads == 0, "dim must be a multiple of heads");
    need(s.kvHeads > 0 && s.heads % s.kvHeads == 0, "heads must be a multiple of kv heads");
    need((s.dim / s.heads) % 2 == 0, "the head dimension must be even (RoPE rotates pairs)");
    need(s.ffn > 0 && s.ffn <= u32max, "ffn must be positive");
    need(s.contextLength > 0 && s.contextLength <= u32max, "context length must be positive");
    need(s.experts >= 0 && s.experts <= 1024, "expert count must be 0..1024");
    need(s.experts == 0 ? s.expertsUsed == 0 : (s.expertsUsed >= 1 && s.expertsUsed <= s.experts),
         "experts used must be 1..experts (and 0 without experts)");
    need(s.slidingWindow >= 0 && s.slidingWindow <= u32max, "sliding window must be >= 0");
    need(canQuantize(s.weightType), "cannot write weights of type " + std::string(tensorTypeName(s.weightType)));
    need(!s.vocabDonor.empty(), "a vocabulary donor GGUF is required");
}

// The donor's tokenizer.* entries, the per-token arrays padded up to `vocab` tokens
// (0: the donor's count, which is returned in `vocab`).
std::vector<std::pair<std::string, GgufValue>> donorTokenizer(const GgufFile& donor, int64_t& vocab) {
    const GgufValue* tokens = donor.find("tokenizer.ggml.tokens");
    if (!tokens || tokens->type != GgufType::Array || tokens->elemType != GgufType::String || tokens->items.empty())
        throw Error("vocabulary donor '" + donor.path() + "' has no tokenizer.ggml.tokens");
    const int64_t n = static_cast<int64_t>(tokens->items.size());
    if (vocab == 0) vocab = n;
    if (vocab < n)
        throw Error("vocab size " + std::to_string(vocab) + " is smaller than the donor's " + std::to_string(n) + " tokens");
    std::vector<std::pair<std::string, GgufValue>> out;
    for (const auto& [key, value] : donor.metadata()) {
        if (key.rfind("tokenizer.", 0) != 0) continue;
        GgufValue v = value;
        const bool perToken = key == "tokenizer.ggml.tokens" || key == "tokenizer.ggml.scores" ||
                              key == "tokenizer.ggml.token_type";
        if (perToken && v.type == GgufType::Array && static_cast<int64_t>(v.items.size()) == n) {
            // Padding tokens as converters write unused ids: normal type, a score so low that
            // the tokenizer never prefers merging into them.
            for (int64_t id = n; id < vocab; ++id) {
                GgufValue item;
                item.type = v.elemType;
                if (key == "tokenizer.ggml.tokens") item.str = "<extra_" + std::to_string(id) + ">";
                else if (key == "tokenizer.ggml.scores") item.f = -1000.0;
                else item.i = item.u = 1;  // LLAMA_TOKEN_TYPE_NORMAL
                v.items.push_back(std::move(item));
            }
        }
        out.emplace_back(key, std::move(v));
    }
    return out;
}

void fillTensor(const PlannedTensor& pt, size_t index, uint64_t seed, uint8_t* dst) {
    const auto& dims = pt.plan.dims;
    const int64_t rowLen = static_cast<int64_t>(dims[0]);
    int64_t rows = 1;
    for (size_t k = 1; k < dims.size(); ++k) rows *= static_cast<int64_t>(dims[k]);
    const size_t rb = rowBytes(traitsOf(pt.plan.type), static_cast<uint64_t>(rowLen));
#pragma omp parallel
    {
        std::vector<float> row(static_cast<size_t>(rowLen));
#pragma omp for schedule(static)
        for (int64_t r = 0; r < rows; ++r) {
            if (pt.stddev == 0) {
                std::fill(row.begin(), row.end(), 1.0f);
            } else {
                Rng rng = rowRng(seed, index, static_cast<uint64_t>(r));
                for (auto& x : row) x = rng.gauss() * pt.stddev;
            }
            quantizeRow(pt.plan.type, row.data(), dst + static_cast<size_t>(r) * rb, rowLen);
        }
    }
}

}  // namespace

std::vector<RandomTensorPlan> planRandomLlamaTensors(const RandomModelSpec& spec, int64_t vocab) {
    checkSpec(spec);
    std::vector<RandomTensorPlan> out;
    for (auto& pt : plan(spec, vocab)) out.push_back(std::move(pt.plan));
    return out;
}

uint32_t llamaFileType(TensorType t) {
    switch (t) {
        case TensorType::F32: return 0;    // LLAMA_FTYPE_ALL_F32
        case TensorType::F16: return 1;    // MOSTLY_F16
        case TensorType::Q4_0: return 2;
        case TensorType::Q4_1: return 3;
        case TensorType::Q8_0: return 7;
        case TensorType::Q5_0: return 8;
        case TensorType::Q5_1: return 9;
        case TensorType::Q2_K: return 10;
        case TensorType::Q3_K: return 11;  // Q3_K_S: all Q3_K
        case TensorType::Q4_K: return 14;  // Q4_K_S
        case TensorType::Q5_K: return 16;  // Q5_K_S
        case TensorType::Q6_K: return 18;
        case TensorType::BF16: return 32;
        default: throw Error("no llama.cpp file type for " + std::string(tensorTypeName(t)));
    }
}

void writeRandomLlamaModel(const RandomModelSpec& spec, const std::string& path,
                           const std::function<void(size_t, size_t)>& progress) {
    checkSpec(spec);
    auto donor = GgufFile::open(spec.vocabDonor);

    GgufWriter w(3);
    w.setString("general.architecture", "llama");
    w.setString("general.name", spec.name);
    w.setU32("general.file_type", llamaFileType(spec.weightType));
    const bool quantized = traitsOf(spec.weightType).blockElems > 1;
    if (quantized) w.setU32("general.quantization_version", 2);  // GGML_QNT_VERSION

    int64_t vocab = spec.vocabSize;
    auto tokenizer = donorTokenizer(*donor, vocab);
    donor.reset();
    if (vocab > std::numeric_limits<uint32_t>::max()) throw Error("random model: vocab too large");

    const uint32_t headDim = static_cast<uint32_t>(spec.dim / spec.heads);
    w.setU32("llama.vocab_size", static_cast<uint32_t>(vocab));
    w.setU32("llama.context_length", static_cast<uint32_t>(spec.contextLength));
    w.setU32("llama.embedding_length", static_cast<uint32_t>(spec.dim));
    w.setU32("llama.block_count", static_cast<uint32_t>(spec.layers));
    w.setU32("llama.feed_forward_length", static_cast<uint32_t>(spec.ffn));
    w.setU32("llama.rope.dimension_count", headDim);
    w.setF32("llama.rope.freq_base", spec.ropeTheta);
    w.setU32("llama.attention.head_count", static_cast<uint32_t>(spec.heads));
    w.setU32("llama.attention.head_count_kv", static_cast<uint32_t>(spec.kvHeads));
    w.setF32("llama.attention.layer_norm_rms_epsilon", spec.rmsEps);
    if (spec.experts > 0) {
        w.setU32("llama.expert_count", static_cast<uint32_t>(spec.experts));
        w.setU32("llama.expert_used_count", static_cast<uint32_t>(spec.expertsUsed));
    }
    if (spec.slidingWindow > 0) w.setU32("llama.attention.sliding_window", static_cast<uint32_t>(spec.slidingWindow));
    // Tokenizer keys last, as llama.cpp's converters write them.
    for (auto& [key, value] : tokenizer) w.set(key, std::move(value));
    tokenizer.clear();

    const std::vector<PlannedTensor> tensors = plan(spec, vocab);
    for (size_t k = 0; k < tensors.size(); ++k) {
        const PlannedTensor* pt = &tensors[k];
        const uint64_t seed = spec.seed;
        w.addTensor(pt->plan.name, pt->plan.dims, pt->plan.type,
                    [pt, k, seed](uint8_t* dst, size_t) { fillTensor(*pt, k, seed, dst); });
    }
    w.write(path, progress);
}

}  // namespace gb
