#include "model/model_config.h"

#include "gguf/gguf_file.h"
#include "util/error.h"

namespace gb {
namespace {

// An architecture's hyperparameter, e.g. key(f, "llama", "block_count").
int64_t need(const GgufFile& f, const std::string& arch, const std::string& key) {
    const std::string k = arch + "." + key;
    if (!f.has(k)) throw Error("model metadata lacks '" + k + "'");
    return f.getInt(k, 0);
}

int positive(int64_t v, const std::string& what, int64_t max = 1 << 20) {
    if (v <= 0 || v > max) throw Error("model has an invalid " + what + " (" + std::to_string(v) + ")");
    return static_cast<int>(v);
}

}  // namespace

ModelConfig ModelConfig::fromGguf(const GgufFile& f) {
    ModelConfig c;
    c.arch = f.getString("general.architecture");
    if (c.arch.empty()) throw Error("model metadata lacks general.architecture");
    if (c.arch != "llama")
        throw Error("unsupported architecture '" + c.arch + "' (Glassbox runs the llama architecture: LLaMA, Mistral, Mixtral and their relatives)");
    const std::string& a = c.arch;
    c.name = f.getString("general.name");
    c.nLayer = positive(need(f, a, "block_count"), "layer count", 4096);
    c.nEmbd = positive(need(f, a, "embedding_length"), "embedding length");
    c.nHead = positive(need(f, a, "attention.head_count"), "head count", 4096);
    c.nHeadKv = positive(f.getInt(a + ".attention.head_count_kv", c.nHead), "KV head count", 4096);
    if (c.nHead % c.nHeadKv != 0)
        throw Error("head count " + std::to_string(c.nHead) + " is not a multiple of the KV head count " + std::to_string(c.nHeadKv));
    c.headDim = positive(f.getInt(a + ".attention.key_length", c.nEmbd / c.nHead), "head dimension", 4096);
    if (f.getInt(a + ".attention.value_length", c.headDim) != c.headDim)
        throw Error("models whose key and value lengths differ are not supported");
    if (c.headDim % 2) throw Error("head dimension must be even for RoPE");
    c.nFf = static_cast<int>(f.getInt(a + ".feed_forward_length", 0));
    c.nCtxTrain = positive(f.getInt(a + ".context_length", 2048), "context length", 1 << 24);
    c.normEps = static_cast<float>(f.getFloat(a + ".attention.layer_norm_rms_epsilon", 1e-5));
    c.ropeTheta = static_cast<float>(f.getFloat(a + ".rope.freq_base", 10000.0));
    c.ropeDim = positive(f.getInt(a + ".rope.dimension_count", c.headDim), "RoPE dimension count", c.headDim);
    const std::string scaling = f.getString(a + ".rope.scaling.type", "none");
    double factor = f.getFloat(a + ".rope.scaling.factor", 0.0);
    if (f.has(a + ".rope.scale_linear")) factor = f.getFloat(a + ".rope.scale_linear", 1.0);
    if (scaling == "linear" || (scaling == "none" && factor > 0)) {
        if (factor > 0) c.ropeFreqScale = static_cast<float>(1.0 / factor);
    } else if (scaling != "none") {
        throw Error("unsupported RoPE scaling '" + scaling + "'");
    }
    c.nExpert = static_cast<int>(f.getInt(a + ".expert_count", 0));
    c.nExpertUsed = static_cast<int>(f.getInt(a + ".expert_used_count", 0));
    c.nExpertShared = static_cast<int>(f.getInt(a + ".expert_shared_count", 0));
    if (c.nExpert < 0 || c.nExpert > 1024) throw Error("invalid expert count");
    if (c.nExpert > 0 && (c.nExpertUsed <= 0 || c.nExpertUsed > c.nExpert))
        throw Error("expert_used_count must be between 1 and expert_count");
    c.nFfExpert = static_cast<int>(f.getInt(a + ".expert_feed_forward_length", c.nFf));
    c.slidingWindow = static_cast<int>(f.getInt(a + ".attention.sliding_window", 0));
    if (c.slidingWindow < 0) throw Error("invalid sliding window");
    return c;
}

}  // namespace gb
