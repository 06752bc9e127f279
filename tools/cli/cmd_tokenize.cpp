// glassbox-cli tokenize MODEL --text TEXT [--json] [--no-special] [--no-parse-special]
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "json_out.h"
#include "model/model.h"
#include "tokenizer/tokenizer.h"

namespace cli {

int cmdTokenize(const Argv& argv) {
    Args a(argv, {"--json", "--no-special", "--no-parse-special"});
    const std::string path = a.positional(0, "MODEL");
    auto text = a.get("--text");
    if (!text) throw UsageError("tokenize needs --text TEXT");
    const bool json = a.flag("--json"), addSpecial = !a.flag("--no-special"), parseSpecial = !a.flag("--no-parse-special");
    a.finish();
    gb::LoadOptions opt;
    opt.vocabOnly = true;
    auto model = gb::Model::load(path, opt);
    const auto& tok = model->tokenizer();
    auto ids = tok.encode(*text, addSpecial, parseSpecial);
    if (json) {
        nlohmann::json pieces = nlohmann::json::array();
        for (auto id : ids) pieces.push_back(tok.piece(id, true));
        printJson({{"tokens", ids}, {"pieces", pieces}});
    } else {
        for (auto id : ids) std::printf("%6d  '%s'\n", id, tok.piece(id, true).c_str());
    }
    return 0;
}

}  // namespace cli
