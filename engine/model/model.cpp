#include "model/model.h"

#include <algorithm>
#include <cstdlib>

#include "gguf/gguf_file.h"
#include "model/model_weights.h"
#include "model/weight_loader.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"
#include "util/system_memory.h"

namespace gb {

Model::~Model() = default;

std::string Model::chatTemplate() const { return gguf_->getString("tokenizer.chat_template"); }

ModelSummary Model::inspect(const GgufFile& f) {
    ModelSummary s;
    s.fileBytes = f.fileSize();
    std::map<std::string, uint64_t> paramsByType;
    for (const auto& t : f.tensors()) {
        s.parameters += t.nelements;
        std::string name(tensorTypeName(t.type));
        s.tensorTypes[name]++;
        if (t.dims.size() >= 2) paramsByType[name] += t.nelements;
    }
    uint64_t best = 0;
    for (const auto& [name, n] : paramsByType)
        if (n > best) best = n, s.dominantType = name;
    // Matrices as loadWeights holds them (matrixBytesHeld: integer layout, mapped pages or f32);
    // vectors in f32. The token embedding is only read row by row.
    const GgufTensorInfo* emb = f.findTensor("token_embd.weight");
    const bool tied = !f.findTensor("output.weight");
    uint64_t heldBytes = 0;
    for (const auto& t : f.tensors())
        if (&t != emb) heldBytes += t.dims.size() >= 2 ? matrixBytesHeld(t) : t.nelements * 4;
    if (emb) heldBytes += tied ? matrixBytesHeld(*emb) : emb->nbytes;
    s.weightBytes = heldBytes;
    const std::string a = f.getString("general.architecture");
    const int64_t layers = f.getInt(a + ".block_count", 0), heads = f.getInt(a + ".attention.head_count", 1);
    const int64_t kvHeads = f.getInt(a + ".attention.head_count_kv", heads);
    const int64_t headDim = f.getInt(a + ".attention.key_length", heads ? f.getInt(a + ".embedding_length", 0) / heads : 0);
    s.kvBytesPerToken = static_cast<uint64_t>(std::max<int64_t>(0, 2 * layers * kvHeads * headDim * 4));
    return s;
}

std::shared_ptr<Model> Model::load(const std::string& path, const LoadOptions& opt) {
    std::shared_ptr<Model> m(new Model());
    m->path_ = path;
    m->gguf_ = GgufFile::open(path);
    const GgufFile& f = *m->gguf_;
    m->summary_ = inspect(f);
    m->tokenizer_ = Tokenizer::create(Vocab::fromGguf(f));
    if (opt.vocabOnly) return m;

    m->config_ = ModelConfig::fromGguf(f);
    ModelConfig& c = m->config_;
    const GgufTensorInfo* emb = f.findTensor("token_embd.weight");
    if (!emb) throw Error("model has no token_embd.weight tensor (a vocabulary-only file cannot generate text)");
    if (emb->dims.size() != 2 || emb->dims[0] != static_cast<uint64_t>(c.nEmbd))
        throw Error("token_embd.weight has shape " + emb->shapeString() + ", which does not match the embedding length " +
                    std::to_string(c.nEmbd));
    c.nVocab = static_cast<int>(emb->dims[1]);
    if (m->tokenizer_->vocab().size() != c.nVocab)
        throw Error("the vocabulary has " + std::to_string(m->tokenizer_->vocab().size()) + " tokens but the embedding has " +
                    std::to_string(c.nVocab) + " rows");
    if (opt.slidingWindow >= 0) c.slidingWindow = opt.slidingWindow;

    const uint64_t avail = availableMemoryBytes();
    if (avail > 0 && m->summary_.weightBytes > avail)
        throw Error("the model needs " + std::to_string(m->summary_.weightBytes >> 20) + " MiB of memory but only " +
                    std::to_string(avail >> 20) + " MiB are available");
    m->weights_ = loadWeights(f, c, opt.progress, {opt.fusedKernels, opt.int8Activations, opt.bf16Prefill});
    return m;
}

}  // namespace gb
