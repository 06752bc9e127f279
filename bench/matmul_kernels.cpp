// Weight-matrix kernels head to head on the TinyLlama-1.1B shape (22 layers of q, k, v, o, gate,
// up, down; random weights): the f32-activation fused kernels and dequantize+oneDNN path
// (QuantMatrix) against the int8 VNNI kernels (InterleavedMatrix), at M = 1 (decode) and
// M = 128 (a prompt batch). Prints JSON: GB/s of weights for M = 1, GOP/s for M = 128, and the
// largest difference between the two paths relative to the output's scale.
//   glassbox-bench-kernels [--type q8_0|q4_0|q4_k|q6_k] [--layers 22] [--reps 5] [--threads 2]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <strings.h>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kernels/dnnl_matmul.h"
#include "kernels/interleaved_matrix.h"
#include "kernels/quant_matrix.h"
#include "quant/quantize.h"

using namespace gb;

struct Shape { int64_t N, K; };

int main(int argc, char** argv) {
    TensorType type = TensorType::Q8_0;
    int layers = 22, reps = 5, threads = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--type") {
            const std::string want = argv[i + 1];
            for (auto t : {TensorType::Q8_0, TensorType::Q4_0, TensorType::Q4_K, TensorType::Q6_K})
                if (strcasecmp(want.c_str(), std::string(tensorTypeName(t)).c_str()) == 0) type = t;
        }
        else if (a == "--layers") layers = std::stoi(argv[i + 1]);
        else if (a == "--reps") reps = std::stoi(argv[i + 1]);
        else if (a == "--threads") threads = std::stoi(argv[i + 1]);
    }
    setComputeThreads(threads);
    const Shape shapes[] = {{2048, 2048}, {256, 2048}, {256, 2048}, {2048, 2048}, {5632, 2048}, {5632, 2048}, {2048, 5632}};
    std::mt19937 rng(7);
    std::normal_distribution<float> nd(0.f, 0.02f);
    std::vector<std::vector<uint8_t>> files;
    std::vector<std::unique_ptr<WeightMatrix>> plain, vnni;
    double bytes = 0, ops = 0;
    for (int l = 0; l < layers; ++l)
        for (const auto& s : shapes) {
            std::vector<uint8_t> q(rowBytes(traitsOf(type), s.K) * s.N);
            if (l == 0) {
                std::vector<float> w(static_cast<size_t>(s.N * s.K));
                for (auto& v : w) v = nd(rng);
                quantizeRows(type, w.data(), q.data(), s.N, s.K);
            } else {
                q = files[files.size() % 7];  // later layers copy the first layer's bytes (distinct memory)
            }
            files.push_back(std::move(q));
            plain.push_back(std::make_unique<QuantMatrix>(type, files.back().data(), s.N, s.K));
            vnni.push_back(std::make_unique<InterleavedMatrix>(type, files.back().data(), s.N, s.K));
            bytes += static_cast<double>(files.back().size());
            ops += 2.0 * static_cast<double>(s.N * s.K);
        }
    auto run = [&](const std::vector<std::unique_ptr<WeightMatrix>>& ms, int64_t M, std::vector<std::vector<float>>& outs) {
        std::vector<float> x(static_cast<size_t>(M * 5632));
        std::mt19937 r2(11);
        for (auto& v : x) v = nd(r2) * 50.f;
        outs.resize(ms.size());
        std::vector<double> times;
        for (int rep = 0; rep <= reps; ++rep) {
            const auto t0 = std::chrono::steady_clock::now();
            for (size_t i = 0; i < ms.size(); ++i) {
                outs[i].resize(static_cast<size_t>(M * ms[i]->rows()));
                ms[i]->multiply(x.data(), outs[i].data(), M);
            }
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (rep) times.push_back(s);  // the first round warms up
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    };
    auto maxRelDiff = [](const std::vector<std::vector<float>>& a, const std::vector<std::vector<float>>& b) {
        double worst = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            double scale = 0, diff = 0;
            for (size_t k = 0; k < a[i].size(); ++k) {
                scale = std::max(scale, std::fabs(double(a[i][k])));
                diff = std::max(diff, std::fabs(double(a[i][k]) - double(b[i][k])));
            }
            worst = std::max(worst, scale > 0 ? diff / scale : diff);
        }
        return worst;
    };
    std::vector<std::vector<float>> ya, yb;
    const double tPlain1 = run(plain, 1, ya), tVnni1 = run(vnni, 1, yb);
    const double diff1 = maxRelDiff(ya, yb);
    const double tPlain128 = run(plain, 128, ya), tVnni128 = run(vnni, 128, yb);
    const double diff128 = maxRelDiff(ya, yb);
    std::printf("{\"type\":\"%s\",\"threads\":%d,\"weight_mb\":%.1f,"
                "\"m1\":{\"f32_act_gbs\":%.2f,\"int8_gbs\":%.2f,\"max_rel_diff\":%.2e},"
                "\"m128\":{\"f32_act_gops\":%.1f,\"int8_gops\":%.1f,\"max_rel_diff\":%.2e}}\n",
                std::string(tensorTypeName(type)).c_str(), threads, bytes / 1e6, bytes / tPlain1 / 1e9, bytes / tVnni1 / 1e9, diff1,
                ops * 128 / tPlain128 / 1e9, ops * 128 / tVnni128 / 1e9, diff128);
}
