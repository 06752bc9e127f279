// glassbox-cli inspect MODEL --prompt TEXT [generate's flags] [--layers 0,2|all] [--heads 0,1|all]
//                     [--logit-lens K] --json
// The `generate` object plus attention rows, MoE routing and the logit lens of every processed position.
#include <sstream>

#include "args.h"
#include "commands.h"
#include "generation_json.h"
#include "inspect/recorder.h"
#include "json_out.h"
#include "model/model.h"
#include "model/session.h"
#include "sampling_flags.h"
#include "tokenizer/tokenizer.h"

namespace cli {
namespace {

std::set<int> parseList(const std::string& s, int limit, const char* what) {
    std::set<int> out;
    if (s == "all") return out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        char* end = nullptr;
        long v = std::strtol(item.c_str(), &end, 10);
        if (item.empty() || *end || v < 0 || v >= limit)
            throw UsageError(std::string("--") + what + " takes 'all' or indices below " + std::to_string(limit) + ", not '" + item + "'");
        out.insert(static_cast<int>(v));
    }
    return out;
}

}  // namespace

int cmdInspect(const Argv& argv) {
    Args a(argv, runFlagNames());
    const std::string path = a.positional(0, "MODEL");
    auto prompt = a.get("--prompt");
    if (!prompt) throw UsageError("inspect needs --prompt TEXT");
    a.flag("--json");  // inspect always prints JSON
    RunFlags f = parseRunFlags(a);
    const std::string layers = a.get("--layers", "all"), heads = a.get("--heads", "all");
    const long long lens = a.getInt("--logit-lens", 0);
    a.finish();
    if (lens < 0 || lens > 100) throw UsageError("--logit-lens must be between 0 and 100");

    gb::LoadOptions opt;
    opt.bf16Prefill = f.bf16Prefill;
    opt.int8Activations = !f.f32Activations;
    auto model = gb::Model::load(path, opt);
    const auto& c = model->config();
    gb::InspectionSelection sel;
    sel.layers = parseList(layers, c.nLayer, "layers");
    sel.heads = parseList(heads, c.nHead, "heads");
    sel.logitLensTopK = static_cast<int>(lens);
    gb::InspectionRecorder rec(sel);

    gb::Session session(model, {f.ctx, f.threads});
    gb::GenerationRequest req = f.request(*prompt);
    gb::GenerationCallbacks cb;
    cb.observer = &rec;
    gb::GenerationResult r = gb::generate(session, req, cb);

    nlohmann::json j = generationJson(r, f.topAlternatives);
    nlohmann::json att = nlohmann::json::array();
    for (const auto& [key, rows] : rec.attention())
        att.push_back({{"layer", key.first}, {"head", key.second}, {"kv_head", rec.kvHeadOf().at(key.second)}, {"rows", rows}});
    j["attention"] = att;
    if (c.isMoe()) {
        nlohmann::json routing = nlohmann::json::array();
        for (const auto& [layer, positions] : rec.routing()) {
            nlohmann::json ps = nlohmann::json::array();
            for (const auto& p : positions)
                ps.push_back({{"experts", p.experts}, {"weights", p.weights}, {"router", p.router}, {"shared_experts", p.sharedExperts}});
            routing.push_back({{"layer", layer}, {"positions", ps}});
        }
        j["routing"] = routing;
    }
    if (lens > 0) {
        const auto& tok = model->tokenizer();
        nlohmann::json ll = nlohmann::json::array();
        for (const auto& [layer, positions] : rec.logitLens()) {
            nlohmann::json ps = nlohmann::json::array();
            for (const auto& top : positions) {
                nlohmann::json t = nlohmann::json::array();
                for (const auto& tt : top) t.push_back({{"token", tt.token}, {"piece", tok.piece(tt.token, true)}, {"prob", tt.prob}});
                ps.push_back(t);
            }
            ll.push_back({{"layer", layer}, {"positions", ps}});
        }
        j["logit_lens"] = ll;
    }
    printJson(j);
    return 0;
}

}  // namespace cli
