// glassbox-bench-inspector [MODEL.gguf …] [-p 64] [-n 64] [--reps 3] [--threads T] [--only CONFIG]
// Decoding speed with the inspector's observer (app/inspection/InspectionCollector, as the app
// installs it) against no observer, on the same session and prompt, printed as JSON:
//   none       no observer (the engine does no inspection work at all)
//   closed     the inspector closed: routing and token pieces only (what the app always records)
//   open       the inspector open: attention of every head of every layer + routing
//   open_lens  open + the logit lens (top 5 after every layer)
//   taps, taps_lens  an observer that asks for the same as open / open_lens and does nothing with
//              it: the engine's own tap cost, which the collector's figures should barely exceed
// Like `glassbox-cli bench`: a random prompt of -p tokens, then -n greedy tokens without stopping
// at EOS; a warm-up run, then --reps runs per configuration, interleaved (the order rotates every
// rep) so a noisy machine hurts every configuration alike; medians and bests (max) reported, and
// overheads against `none` (a figure of +25 % means 1.25× the time per token).
// The collector posts chunks as in the app (collect() after every token, at most 25 a second,
// flush() at the end); the chunks are dropped here, as the GUI thread's work is not generation's.
#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "all_taps_observer.h"
#include "inspection/inspection_collector.h"
#include "model/model.h"
#include "model/session.h"
#include "util/error.h"
#include "util/system_memory.h"

using Clock = std::chrono::steady_clock;
using glassbox::inspection::ChunkList;
using glassbox::inspection::InspectionCollector;

namespace {

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Config {
    const char* name;
    bool observe, attention;
    int lensK;
    bool bare;  // a do-nothing observer instead of the collector
};
constexpr Config kConfigs[] = {{"none", false, false, 0, false},     {"closed", true, false, 0, false},
                               {"taps", true, true, 0, true},        {"open", true, true, 0, false},
                               {"taps_lens", true, true, 5, true},   {"open_lens", true, true, 5, false}};

struct Run {
    double ppTokS = 0, tgTokS = 0;
    qint64 chunkBytes = 0;
    int posts = 0;
};

qint64 chunkBytes(const QVariant& v) {
    qint64 n = 0;
    if (!v.isValid()) return 0;
    for (const auto& c : v.value<ChunkList>()) {
        for (const auto* tris : {&c->head, &c->mean, &c->max})
            for (const auto& t : *tris) n += t.data().size() * 2;
        n += c->experts.size() * 2 + (c->weights.size() + c->router.size() + c->lensProbs.size() + c->lensTokens.size()) * 4;
        n += c->tokens.size() * 16;
    }
    return n;
}

Run runOnce(const std::shared_ptr<gb::Model>& model, gb::Session& s, const std::vector<int32_t>& prompt, int N,
            const Config& cfg) {
    InspectionCollector collector;
    InspectionCollector::Settings set;
    set.attention = cfg.attention;
    set.routing = true;
    set.lensK = cfg.lensK;
    collector.setSettings(set);
    glassbox::GenerateCommand cmd;
    cmd.requestId = 1;
    AllTapsObserver bare(cfg.lensK);
    gb::Observer* obs = cfg.bare ? &bare : cfg.observe ? collector.begin(cmd, *model, prompt) : nullptr;
    const bool collect = cfg.observe && !cfg.bare;
    Run r;
    s.reset();
    const auto t1 = Clock::now();
    auto logits = s.evaluate(prompt, obs);
    if (collect) r.chunkBytes += chunkBytes(collector.collect(-1, 0));
    const double ppS = std::chrono::duration<double>(Clock::now() - t1).count();
    const auto t2 = Clock::now();
    for (int i = 0; i < N; ++i) {
        int32_t next = static_cast<int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
        if (collect) r.chunkBytes += chunkBytes(collector.collect(i, next));
        logits = s.evaluate(std::span(&next, 1), obs);
    }
    if (collect) {
        r.chunkBytes += chunkBytes(collector.flush());
        r.posts = collector.posts();
        collector.end();
    }
    const double tgS = std::chrono::duration<double>(Clock::now() - t2).count();
    r.ppTokS = prompt.size() / ppS;
    r.tgTokS = N / tgS;
    return r;
}

QJsonObject benchModel(const std::string& path, int P, int N, int reps, int threads, const std::string& only) {
    const auto t0 = Clock::now();
    auto model = gb::Model::load(path);
    const double loadS = std::chrono::duration<double>(Clock::now() - t0).count();
    const auto& c = model->config();
    gb::Session s(model, {P + N + 1, threads});
    std::mt19937 rng(42);
    std::vector<int32_t> prompt(static_cast<size_t>(P));
    for (auto& t : prompt) t = static_cast<int32_t>(rng() % uint32_t(c.nVocab));

    std::vector<std::vector<double>> pp(std::size(kConfigs)), tg(std::size(kConfigs));
    std::vector<Run> last(std::size(kConfigs));
    runOnce(model, s, prompt, std::min(N, 8), kConfigs[3]);  // warm-up (caches, first-touch, prepacking)
    for (int r = 0; r < reps; ++r)
        for (size_t k = 0; k < std::size(kConfigs); ++k) {
            const size_t i = (k + size_t(r)) % std::size(kConfigs);  // rotate the order between reps
            if (!only.empty() && only != kConfigs[i].name && i != 0) continue;
            last[i] = runOnce(model, s, prompt, N, kConfigs[i]);
            pp[i].push_back(last[i].ppTokS);
            tg[i].push_back(last[i].tgTokS);
        }
    const double base = median(tg[0]), basePp = median(pp[0]), best = *std::max_element(tg[0].begin(), tg[0].end());
    QJsonObject configs;
    for (size_t i = 0; i < std::size(kConfigs); ++i) {
        if (tg[i].empty()) continue;
        QJsonArray runs;
        for (double v : tg[i]) runs.append(v);
        configs.insert(QLatin1String(kConfigs[i].name),
                       QJsonObject{{"tg_tok_s", median(tg[i])},
                                   {"tg_best_tok_s", *std::max_element(tg[i].begin(), tg[i].end())},
                                   {"pp_tok_s", median(pp[i])},
                                   {"tg_runs", runs},
                                   {"tg_overhead_pct", base > 0 ? (base / median(tg[i]) - 1) * 100 : 0},
                                   {"tg_best_overhead_pct", (best / *std::max_element(tg[i].begin(), tg[i].end()) - 1) * 100},
                                   {"pp_overhead_pct", basePp > 0 ? (basePp / median(pp[i]) - 1) * 100 : 0},
                                   {"posts", last[i].posts},
                                   {"recorded_mb", double(last[i].chunkBytes) / 1048576.0}});
    }
    return QJsonObject{{"model", QString::fromStdString(path)},
                       {"layers", c.nLayer},
                       {"heads", c.nHead},
                       {"kv_heads", c.nHeadKv},
                       {"experts", c.nExpert},
                       {"weights_mb", double(model->summary().weightBytes) / 1048576.0},
                       {"p", P},
                       {"n", N},
                       {"reps", reps},
                       {"threads", threads},
                       {"load_s", loadS},
                       {"configs", configs}};
}

int usage(const char* msg) {
    std::fprintf(stderr, "error: %s\nusage: glassbox-bench-inspector [MODEL.gguf …] [-p 64] [-n 64] [--reps 3] [--threads T] [--only CONFIG]\n", msg);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);  // QVariant metatypes
    std::vector<std::string> models;
    int P = 64, N = 64, reps = 3, threads = 0;
    std::string only;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](int& out) {
            if (i + 1 >= argc) return false;
            out = std::atoi(argv[++i]);
            return true;
        };
        if (a == "-p") {
            if (!value(P)) return usage("-p needs a number");
        } else if (a == "-n") {
            if (!value(N)) return usage("-n needs a number");
        } else if (a == "--reps") {
            if (!value(reps)) return usage("--reps needs a number");
        } else if (a == "--threads") {
            if (!value(threads)) return usage("--threads needs a number");
        } else if (a == "--only") {
            if (i + 1 >= argc) return usage("--only needs a configuration name");
            only = argv[++i];
        } else if (!a.empty() && a[0] == '-') {
            return usage(("unknown flag " + a).c_str());
        } else {
            models.push_back(a);
        }
    }
    if (models.empty()) models.push_back(GLASSBOX_DEMO_MODEL);
    if (P < 1 || N < 1 || reps < 1) return usage("-p, -n and --reps must be at least 1");
    QJsonArray out;
    try {
        for (const auto& m : models) {
            std::fprintf(stderr, "benchmarking %s …\n", m.c_str());
            out.append(benchModel(m, P, N, reps, threads, only));
        }
    } catch (const gb::Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    QJsonObject j{{"bench", "inspector_overhead"}, {"peak_rss_mb", double(gb::peakResidentBytes()) / 1048576.0}, {"models", out}};
    std::fputs(QJsonDocument(j).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
