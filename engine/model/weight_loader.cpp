#include "model/weight_loader.h"

#include "kernels/dnnl_matmul.h"
#include "kernels/interleaved_matrix.h"
#include "kernels/quant_matrix.h"

#include <string>
#include <vector>

#include "gguf/gguf_file.h"
#include "model/model_config.h"
#include "model/model_weights.h"
#include "quant/dequantize.h"
#include "util/error.h"

namespace gb {
namespace {

std::string shapeOf(const std::vector<uint64_t>& d) {
    std::string s;
    for (size_t k = 0; k < d.size(); ++k) s += (k ? " x " : "") + std::to_string(d[k]);
    return s;
}

class Loader {
public:
    Loader(const GgufFile& f, const ModelConfig& c, const std::function<bool(float)>& progress, const MatrixPaths& paths)
        : f_(f), c_(c), progress_(progress), paths_(paths) {
        for (const auto& t : f.tensors()) total_ += t.nbytes;
    }

    const GgufTensorInfo& tensor(const std::string& name, std::vector<uint64_t> shape) {
        const GgufTensorInfo* t = f_.findTensor(name);
        if (!t) throw Error("model is missing tensor '" + name + "'");
        if (t->dims != shape)
            throw Error("tensor '" + name + "' has shape " + shapeOf(t->dims) + ", expected " + shapeOf(shape));
        if (!traitsOf(t->type).supported)
            throw Error("tensor '" + name + "' has type " + std::string(tensorTypeName(t->type)) + ", which Glassbox cannot compute with");
        return *t;
    }
    const GgufTensorInfo* optional(const std::string& name) { return f_.findTensor(name); }

    std::vector<float> vector(const std::string& name, uint64_t n) {
        const auto& t = tensor(name, {n});
        std::vector<float> v(n);
        dequantizeRow(t.type, t.data, v.data(), static_cast<int64_t>(n));
        advance(t.nbytes);
        return v;
    }

    // Rows [row0, row0+rows) of a 2-D or stacked 3-D tensor: re-laid out for the integer
    // kernels, or computed in place when a fused kernel exists for its type, else dequantized
    // and packed.
    std::unique_ptr<WeightMatrix> matrix(const GgufTensorInfo& t, uint64_t row0, uint64_t rows) {
        const uint64_t cols = t.dims[0];
        const size_t rb = rowBytes(traitsOf(t.type), cols);
        const MatrixForm form = matrixForm(t.type, paths_);
        if (form == MatrixForm::Integer) {
            auto m = std::make_unique<InterleavedMatrix>(t.type, t.data + row0 * rb, rows, cols);
            f_.releasePages(t.data + row0 * rb, rows * rb);  // copied: one resident copy is enough
            bytes_ += m->bytes();
            advance(rows * rb);
            return m;
        }
        if (form == MatrixForm::InPlace) {
            advance(rows * rb);
            return std::make_unique<QuantMatrix>(t.type, t.data + row0 * rb, rows, cols, paths_.bf16Prefill);
        }
        scratch_.resize(rows * cols);
        for (uint64_t r = 0; r < rows; ++r)
            dequantizeRow(t.type, t.data + (row0 + r) * rb, scratch_.data() + r * cols, static_cast<int64_t>(cols));
        auto m = std::make_unique<PackedMatrix>(scratch_.data(), rows, cols);
        bytes_ += m->bytes();
        advance(rows * rb);
        return m;
    }
    std::unique_ptr<WeightMatrix> matrix(const std::string& name, uint64_t rows, uint64_t cols) {
        const auto& t = tensor(name, {cols, rows});
        return matrix(t, 0, rows);
    }

    FeedForward ffn(const std::string& p, const std::string& suffix, uint64_t ff) {
        const uint64_t d = c_.nEmbd;
        return {matrix(p + "ffn_gate" + suffix, ff, d), matrix(p + "ffn_up" + suffix, ff, d), matrix(p + "ffn_down" + suffix, d, ff)};
    }

    std::vector<FeedForward> experts(const std::string& p) {
        const uint64_t d = c_.nEmbd, ff = c_.nFfExpert, n = c_.nExpert;
        std::vector<FeedForward> out(n);
        if (optional(p + "ffn_gate_exps.weight")) {
            const auto& g = tensor(p + "ffn_gate_exps.weight", {d, ff, n});
            const auto& u = tensor(p + "ffn_up_exps.weight", {d, ff, n});
            const auto& dn = tensor(p + "ffn_down_exps.weight", {ff, d, n});
            for (uint64_t e = 0; e < n; ++e)
                out[e] = {matrix(g, e * ff, ff), matrix(u, e * ff, ff), matrix(dn, e * d, d)};
        } else {  // older Mixtral files: one tensor per expert
            for (uint64_t e = 0; e < n; ++e) out[e] = ffn(p, "." + std::to_string(e) + ".weight", ff);
        }
        return out;
    }

    size_t bytes() const { return bytes_; }

private:
    void advance(uint64_t n) {
        done_ += n;
        if (progress_ && !progress_(total_ ? static_cast<float>(done_) / static_cast<float>(total_) : 1.f)) throw Cancelled();
    }

    const GgufFile& f_;
    const ModelConfig& c_;
    const std::function<bool(float)>& progress_;
    MatrixPaths paths_;
    std::vector<float> scratch_;
    uint64_t total_ = 0, done_ = 0;
    size_t bytes_ = 0;
};

}  // namespace

std::unique_ptr<ModelWeights> loadWeights(const GgufFile& f, const ModelConfig& c, const std::function<bool(float)>& progress,
                                          const MatrixPaths& paths) {
    Loader L(f, c, progress, paths);
    auto w = std::make_unique<ModelWeights>();
    const uint64_t d = c.nEmbd, q = uint64_t(c.nHead) * c.headDim, kv = uint64_t(c.nHeadKv) * c.headDim;
    w->tokenEmbd = &L.tensor("token_embd.weight", {d, uint64_t(c.nVocab)});
    w->layers.resize(c.nLayer);
    for (int l = 0; l < c.nLayer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        auto& ly = w->layers[l];
        ly.attnNorm = L.vector(p + "attn_norm.weight", d);
        ly.wq = L.matrix(p + "attn_q.weight", q, d);
        ly.wk = L.matrix(p + "attn_k.weight", kv, d);
        ly.wv = L.matrix(p + "attn_v.weight", kv, d);
        ly.wo = L.matrix(p + "attn_output.weight", d, q);
        ly.ffnNorm = L.vector(p + "ffn_norm.weight", d);
        if (c.isMoe()) {
            ly.router = L.matrix(p + "ffn_gate_inp.weight", c.nExpert, d);
            ly.experts = L.experts(p);
            if (L.optional(p + "ffn_gate_shexp.weight")) {
                const auto& t = L.tensor(p + "ffn_gate_shexp.weight", {d, L.optional(p + "ffn_gate_shexp.weight")->dims[1]});
                ly.shared = L.ffn(p, "_shexp.weight", t.dims[1]);
            }
        } else {
            if (c.nFf <= 0) throw Error("model metadata lacks a valid feed_forward_length");
            ly.ffn = L.ffn(p, ".weight", c.nFf);
        }
    }
    w->outputNorm = L.vector("output_norm.weight", d);
    if (L.optional("output.weight"))
        w->output = L.matrix("output.weight", c.nVocab, d);
    else
        w->output = L.matrix(*w->tokenEmbd, 0, c.nVocab);  // tied classifier, as llama.cpp falls back
    w->bytes = L.bytes();
    return w;
}

MatrixForm matrixForm(TensorType t, const MatrixPaths& paths) {
    if (paths.fused && paths.int8 && InterleavedMatrix::available(t)) return MatrixForm::Integer;
    if (paths.fused && QuantMatrix::hasFusedKernel(t)) return MatrixForm::InPlace;
    return MatrixForm::PackedF32;
}

uint64_t matrixBytesHeld(const GgufTensorInfo& t, const MatrixPaths& paths) {
    return matrixForm(t.type, paths) == MatrixForm::PackedF32 ? t.nelements * 4 : t.nbytes;
}

uint64_t countParameters(const GgufFile& f) {
    uint64_t n = 0;
    for (const auto& t : f.tensors()) n += t.nelements;
    return n;
}

}  // namespace gb
