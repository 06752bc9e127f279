// glassbox-cli generate MODEL --prompt TEXT [-n N] [sampling flags] [--threads T] [--ctx C] [--json]
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "generation_json.h"
#include "json_out.h"
#include "model/model.h"
#include "model/session.h"
#include "sampling_flags.h"

namespace cli {

int cmdGenerate(const Argv& argv) {
    Args a(argv, runFlagNames());
    const std::string path = a.positional(0, "MODEL");
    auto prompt = a.get("--prompt");
    if (!prompt) throw UsageError("generate needs --prompt TEXT");
    const bool json = a.flag("--json");
    RunFlags f = parseRunFlags(a);
    a.finish();

    gb::LoadOptions opt;
    opt.bf16Prefill = f.bf16Prefill;
    opt.int8Activations = !f.f32Activations;
    auto model = gb::Model::load(path, opt);
    gb::Session session(model, {f.ctx, f.threads});
    gb::GenerationRequest req = f.request(*prompt);
    gb::GenerationCallbacks cb;
    if (!json)
        cb.onToken = [](const gb::GeneratedToken& t) {
            std::fwrite(t.text.data(), 1, t.text.size(), stdout);
            std::fflush(stdout);
            return true;
        };
    gb::GenerationResult r = gb::generate(session, req, cb);
    if (json) {
        printJson(generationJson(r, f.topAlternatives));
    } else {
        std::printf("\n");
        std::fprintf(stderr, "[%d prompt tokens at %.1f tok/s, %d generated at %.1f tok/s, stop: %s]\n", r.timings.nPrompt,
                     r.timings.promptTokS(), r.timings.nGen, r.timings.genTokS(), r.stopReason.c_str());
    }
    return 0;
}

}  // namespace cli
