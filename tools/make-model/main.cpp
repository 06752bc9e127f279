// glassbox-make-model: a random-weight LLaMA-architecture GGUF of any shape.
//
//   glassbox-make-model OUT.gguf --vocab-from DONOR.gguf [--dim 2048 --layers 22 --heads 32
//       --kv-heads 4 --ffn 5632 --type Q8_0 ...]
//
// The 1.1B benchmark shape (TinyLlama) with the real LLaMA vocab:
//   glassbox-make-model tiny.gguf --dim 2048 --layers 22 --heads 32 --kv-heads 4 --ffn 5632
//       --vocab-from ../shared/models/vocab/ggml-vocab-llama-spm.gguf --type Q8_0
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <strings.h>

#include "gguf/random_model.h"
#include "quant/quantize.h"
#include "util/error.h"

namespace {

const char* kUsage =
    "usage: glassbox-make-model OUT.gguf --vocab-from DONOR.gguf [options]\n"
    "  --dim N             embedding length (64)\n"
    "  --layers N          blocks (2)\n"
    "  --heads N           attention heads (4)\n"
    "  --kv-heads N        key/value heads (= heads)\n"
    "  --ffn N             feed-forward length, per expert with --experts (172)\n"
    "  --vocab-from PATH   GGUF whose tokenizer.* metadata is copied (required)\n"
    "  --vocab-size N      pad the donor's vocab with <extra_ID> tokens up to N\n"
    "  --type T            F32 F16 BF16 Q4_0 Q4_1 Q5_0 Q5_1 Q8_0 Q2_K Q3_K Q4_K Q5_K Q6_K (F32)\n"
    "  --experts N         Mixtral-style MoE with N experts\n"
    "  --experts-used K    experts per token (2)\n"
    "  --ctx N             context length (2048)\n"
    "  --rope-theta F      RoPE base (10000)\n"
    "  --rms-eps F         RMSNorm epsilon (1e-5)\n"
    "  --sliding-window W  writes llama.attention.sliding_window\n"
    "  --seed S            (1)\n"
    "  --tied              no output.weight: the classifier is token_embd\n"
    "  --name NAME         general.name\n";

[[noreturn]] void fail(const std::string& msg) {
    std::fprintf(stderr, "glassbox-make-model: %s\n", msg.c_str());
    std::exit(2);
}

int64_t toInt(const char* opt, const char* s) {
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(s, &end, 10);
    if (errno || end == s || *end) fail(std::string(opt) + " needs an integer, not '" + s + "'");
    return v;
}

float toFloat(const char* opt, const char* s) {
    char* end = nullptr;
    const float v = std::strtof(s, &end);
    if (end == s || *end) fail(std::string(opt) + " needs a number, not '" + s + "'");
    return v;
}

gb::TensorType toType(const char* s) {
    for (uint32_t raw = 0; raw < 64; ++raw) {
        auto tr = gb::tensorTypeTraits(raw);
        if (tr && strcasecmp(std::string(tr->name).c_str(), s) == 0) {
            if (!gb::canQuantize(tr->type)) fail(std::string("cannot write type ") + s);
            return tr->type;
        }
    }
    fail(std::string("unknown type '") + s + "'");
}

}  // namespace

int main(int argc, char** argv) {
    gb::RandomModelSpec spec;
    std::string out;
    bool kvSet = false, usedSet = false;
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) fail(std::string(a) + " needs a value");
            return argv[++i];
        };
        if (!std::strcmp(a, "-h") || !std::strcmp(a, "--help")) {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (!std::strcmp(a, "--dim")) spec.dim = toInt(a, value());
        else if (!std::strcmp(a, "--layers")) spec.layers = toInt(a, value());
        else if (!std::strcmp(a, "--heads")) spec.heads = toInt(a, value());
        else if (!std::strcmp(a, "--kv-heads")) spec.kvHeads = toInt(a, value()), kvSet = true;
        else if (!std::strcmp(a, "--ffn")) spec.ffn = toInt(a, value());
        else if (!std::strcmp(a, "--vocab-from")) spec.vocabDonor = value();
        else if (!std::strcmp(a, "--vocab-size")) spec.vocabSize = toInt(a, value());
        else if (!std::strcmp(a, "--type")) spec.weightType = toType(value());
        else if (!std::strcmp(a, "--experts")) spec.experts = toInt(a, value());
        else if (!std::strcmp(a, "--experts-used")) spec.expertsUsed = toInt(a, value()), usedSet = true;
        else if (!std::strcmp(a, "--ctx")) spec.contextLength = toInt(a, value());
        else if (!std::strcmp(a, "--rope-theta")) spec.ropeTheta = toFloat(a, value());
        else if (!std::strcmp(a, "--rms-eps")) spec.rmsEps = toFloat(a, value());
        else if (!std::strcmp(a, "--sliding-window")) spec.slidingWindow = toInt(a, value());
        else if (!std::strcmp(a, "--seed")) spec.seed = static_cast<uint64_t>(toInt(a, value()));
        else if (!std::strcmp(a, "--tied")) spec.tiedOutput = true;
        else if (!std::strcmp(a, "--name")) spec.name = value();
        else if (a[0] == '-') fail(std::string("unknown option ") + a + "\n" + kUsage);
        else if (out.empty()) out = a;
        else fail(std::string("more than one output file: ") + a);
    }
    if (out.empty() || spec.vocabDonor.empty()) fail(std::string("missing OUT.gguf or --vocab-from\n") + kUsage);
    if (!kvSet) spec.kvHeads = spec.heads;
    if (spec.experts > 0 && !usedSet) spec.expertsUsed = std::min<int64_t>(2, spec.experts);

    const auto t0 = std::chrono::steady_clock::now();
    try {
        gb::writeRandomLlamaModel(spec, out, [](size_t done, size_t total) {
            std::fprintf(stderr, "\rwriting tensors %zu/%zu", done, total);
            if (done == total) std::fputc('\n', stderr);
        });
    } catch (const gb::Error& e) {
        fail(e.what());
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "wrote %s in %.1f s\n", out.c_str(), s);
    return 0;
}
