// glassbox-cli bench MODEL [-p 128] [-n 64] [--threads T] [--reps R] [--json]
// pp: tokens/s evaluating a P-token prompt in one batch from an empty cache; tg: tokens/s of N
// single-token greedy steps after it. Medians over R runs after one warm-up run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "args.h"
#include "commands.h"
#include "json_out.h"
#include "model/model.h"
#include "model/session.h"
#include "util/system_memory.h"

namespace cli {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

}  // namespace

int cmdBench(const Argv& argv) {
    Args a(argv, {"--json", "--bf16-prefill", "--f32-activations"});
    const std::string path = a.positional(0, "MODEL");
    const int P = static_cast<int>(a.getInt("-p", 128)), N = static_cast<int>(a.getInt("-n", 64));
    const int threads = static_cast<int>(a.getInt("--threads", 0)), reps = static_cast<int>(a.getInt("--reps", 3));
    const bool json = a.flag("--json");
    gb::LoadOptions opt;
    opt.bf16Prefill = a.flag("--bf16-prefill");
    opt.int8Activations = !a.flag("--f32-activations");
    a.finish();
    if (P < 1 || N < 0 || reps < 1) throw UsageError("bench needs -p >= 1, -n >= 0, --reps >= 1");

    const auto t0 = Clock::now();
    auto model = gb::Model::load(path, opt);
    const double loadS = secondsSince(t0);
    const int vocab = model->config().nVocab;
    if (P + N + 1 > model->config().nCtxTrain)
        std::fprintf(stderr, "note: -p + -n exceeds the model's training context; running past it anyway\n");
    gb::Session s(model, {P + N + 1, threads});
    std::mt19937 rng(42);
    std::vector<int32_t> prompt(P);
    for (auto& t : prompt) t = static_cast<int32_t>(rng() % vocab);

    std::vector<double> pp, tg;
    for (int r = 0; r <= reps; ++r) {
        s.reset();
        auto t1 = Clock::now();
        auto logits = s.evaluate(prompt);
        const double ppS = secondsSince(t1);
        auto t2 = Clock::now();
        for (int i = 0; i < N; ++i) {
            int32_t next = static_cast<int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
            logits = s.evaluate(std::span(&next, 1));
        }
        const double tgS = secondsSince(t2);
        if (r == 0) continue;  // warm-up
        pp.push_back(P / ppS);
        if (N > 0) tg.push_back(N / tgS);
    }
    const double peakMb = gb::peakResidentBytes() / 1048576.0;
    nlohmann::json j = {{"model", path}, {"p", P}, {"n", N}, {"threads", threads}, {"reps", reps},
                        {"pp_tok_s", median(pp)}, {"tg_tok_s", median(tg)}, {"load_s", loadS}, {"peak_rss_mb", peakMb},
                        {"weights_mb", model->summary().weightBytes / 1048576.0}, {"bf16_prefill", opt.bf16Prefill}, {"int8_activations", opt.int8Activations}};
    if (json)
        printJson(j);
    else
        std::printf("pp%d %.1f tok/s, tg%d %.1f tok/s, load %.2f s, peak RSS %.0f MiB\n", P, median(pp), N, median(tg), loadS, peakMb);
    return 0;
}

}  // namespace cli
