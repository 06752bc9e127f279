#include "reference_forward.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "gguf/gguf_file.h"
#include "model/model_config.h"
#include "quant/dequantize.h"

namespace gbtest {
namespace {

using Vec = std::vector<double>;
using Mat = std::vector<Vec>;  // [rows][cols]

// Rows of a tensor (optionally one slice of a stacked 3-D tensor) as doubles.
Mat load(const gb::GgufFile& f, const std::string& name, uint64_t slice = 0) {
    const gb::GgufTensorInfo* t = f.findTensor(name);
    if (!t) return {};
    const uint64_t cols = t->dims[0];
    const uint64_t rows = t->dims.size() > 1 ? t->dims[1] : 1;
    const size_t rb = gb::rowBytes(gb::traitsOf(t->type), cols);
    Mat m(rows, Vec(cols));
    std::vector<float> tmp(cols);
    for (uint64_t r = 0; r < rows; ++r) {
        gb::dequantizeRow(t->type, t->data + (slice * rows + r) * rb, tmp.data(), static_cast<int64_t>(cols));
        std::copy(tmp.begin(), tmp.end(), m[r].begin());
    }
    return m;
}

Vec matvec(const Mat& w, const Vec& x) {
    Vec y(w.size(), 0.0);
    for (size_t r = 0; r < w.size(); ++r)
        for (size_t c = 0; c < x.size(); ++c) y[r] += w[r][c] * x[c];
    return y;
}

Vec rmsnorm(const Vec& x, const Vec& w, double eps) {
    double ss = 0;
    for (double v : x) ss += v * v;
    const double s = 1.0 / std::sqrt(ss / x.size() + eps);
    Vec y(x.size());
    for (size_t i = 0; i < x.size(); ++i) y[i] = x[i] * s * w[i];
    return y;
}

void softmaxInPlace(Vec& x) {
    const double m = *std::max_element(x.begin(), x.end());
    double sum = 0;
    for (double& v : x) sum += v = std::exp(v - m);
    for (double& v : x) v /= sum;
}

// RoPE, NORM layout: pairs (2i, 2i+1) rotate by pos * scale * theta^(-2i/ropeDim).
void rope(Vec& x, int heads, int hd, int ropeDim, int pos, double theta, double scale) {
    for (int h = 0; h < heads; ++h)
        for (int i = 0; i < ropeDim; i += 2) {
            const double ang = pos * scale * std::pow(theta, -static_cast<double>(i) / ropeDim);
            const double a = x[h * hd + i], b = x[h * hd + i + 1];
            x[h * hd + i] = a * std::cos(ang) - b * std::sin(ang);
            x[h * hd + i + 1] = a * std::sin(ang) + b * std::cos(ang);
        }
}

Vec swiglu(const Mat& g, const Mat& u, const Mat& d, const Vec& x) {
    Vec a = matvec(g, x), b = matvec(u, x);
    for (size_t i = 0; i < a.size(); ++i) a[i] = a[i] / (1.0 + std::exp(-a[i])) * b[i];
    return matvec(d, a);
}

}  // namespace

ReferenceTrace referenceForward(const gb::GgufFile& f, const std::vector<int32_t>& tokens, int slidingWindow) {
    const gb::ModelConfig c = gb::ModelConfig::fromGguf(f);
    const int window = slidingWindow >= 0 ? slidingWindow : c.slidingWindow;
    const int L = c.nLayer, H = c.nHead, KV = c.nHeadKv, hd = c.headDim, T = static_cast<int>(tokens.size());
    const Mat emb = load(f, "token_embd.weight");
    const Mat out = f.findTensor("output.weight") ? load(f, "output.weight") : emb;
    const Vec outNorm = load(f, "output_norm.weight")[0];

    ReferenceTrace tr;
    tr.attention.assign(L, std::vector<Mat>(H));
    tr.experts.assign(L, std::vector<std::vector<int>>(T));
    tr.expertWeights.assign(L, Mat(T));
    tr.router.assign(L, Mat(T));
    Mat x(T);
    for (int t = 0; t < T; ++t) x[t] = emb[tokens[t]];

    for (int l = 0; l < L; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        const Vec an = load(f, p + "attn_norm.weight")[0], fn = load(f, p + "ffn_norm.weight")[0];
        const Mat wq = load(f, p + "attn_q.weight"), wk = load(f, p + "attn_k.weight"), wv = load(f, p + "attn_v.weight"),
                  wo = load(f, p + "attn_output.weight");
        Mat q(T), k(T), v(T);
        for (int t = 0; t < T; ++t) {
            Vec xn = rmsnorm(x[t], an, c.normEps);
            q[t] = matvec(wq, xn);
            k[t] = matvec(wk, xn);
            v[t] = matvec(wv, xn);
            rope(q[t], H, hd, c.ropeDim, t, c.ropeTheta, c.ropeFreqScale);
            rope(k[t], KV, hd, c.ropeDim, t, c.ropeTheta, c.ropeFreqScale);
        }
        for (int t = 0; t < T; ++t) {
            Vec att(H * hd, 0.0);
            const int lo = window > 0 ? std::max(0, t - window + 1) : 0;
            for (int h = 0; h < H; ++h) {
                const int g = h / (H / KV);
                Vec w(t + 1, -INFINITY);
                for (int j = lo; j <= t; ++j) {
                    double s = 0;
                    for (int i = 0; i < hd; ++i) s += q[t][h * hd + i] * k[j][g * hd + i];
                    w[j] = s / std::sqrt(static_cast<double>(hd));
                }
                softmaxInPlace(w);
                for (int j = lo; j <= t; ++j)
                    for (int i = 0; i < hd; ++i) att[h * hd + i] += w[j] * v[j][g * hd + i];
                tr.attention[l][h].push_back(w);
            }
            Vec o = matvec(wo, att);
            for (size_t i = 0; i < o.size(); ++i) x[t][i] += o[i];
        }
        for (int t = 0; t < T; ++t) {
            Vec xn = rmsnorm(x[t], fn, c.normEps), y;
            if (c.nExpert == 0) {
                y = swiglu(load(f, p + "ffn_gate.weight"), load(f, p + "ffn_up.weight"), load(f, p + "ffn_down.weight"), xn);
            } else {
                Vec r = matvec(load(f, p + "ffn_gate_inp.weight"), xn);
                softmaxInPlace(r);
                std::vector<int> idx(c.nExpert);
                std::iota(idx.begin(), idx.end(), 0);
                std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return r[a] > r[b]; });
                idx.resize(c.nExpertUsed);
                double sum = 0;
                for (int e : idx) sum += r[e];
                y.assign(c.nEmbd, 0.0);
                for (int e : idx) {
                    Vec ye = swiglu(load(f, p + "ffn_gate_exps.weight", e), load(f, p + "ffn_up_exps.weight", e),
                                    load(f, p + "ffn_down_exps.weight", e), xn);
                    for (int i = 0; i < c.nEmbd; ++i) y[i] += r[e] / sum * ye[i];
                    tr.expertWeights[l][t].push_back(r[e] / sum);
                }
                tr.experts[l][t] = idx;
                tr.router[l][t] = r;
            }
            for (int i = 0; i < c.nEmbd; ++i) x[t][i] += y[i];
        }
    }
    for (int t = 0; t < T; ++t) tr.logits.push_back(matvec(out, rmsnorm(x[t], outNorm, c.normEps)));
    return tr;
}

}  // namespace gbtest
