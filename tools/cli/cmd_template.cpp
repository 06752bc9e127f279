// glassbox-cli template render (MODEL | --template FILE.jinja) --messages FILE.json
//                               [--bos STR] [--eos STR] [--no-generation-prompt] [--json]
// Prints exactly the rendered prompt (no newline added), or {"text": …} with --json.
// BOS/EOS default to the model's token texts (empty with --template). A template error
// exits 1 with one `error:` line on stderr.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "gguf/gguf_file.h"
#include "json_out.h"
#include "template/chat_template.h"

namespace cli {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw gb::Error("cannot open " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string tokenText(const gb::GgufFile& f, const char* idKey) {
    const gb::GgufValue* tokens = f.find("tokenizer.ggml.tokens");
    const int64_t id = f.getInt(idKey, -1);
    if (!tokens || id < 0 || static_cast<uint64_t>(id) >= tokens->items.size()) return {};
    return tokens->items[static_cast<size_t>(id)].str;
}

std::string oneLine(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

}  // namespace

int cmdTemplate(const Argv& argv) {
    Args a(argv, {"--json", "--no-generation-prompt"});
    a.allowPositionals(2);
    const std::string sub = a.positional(0, "subcommand (render)");
    if (sub != "render") throw UsageError("unknown template subcommand '" + sub + "' (try: template render)");
    const auto templatePath = a.get("--template");
    const auto messagesPath = a.get("--messages");
    const auto bos = a.get("--bos"), eos = a.get("--eos");
    const bool json = a.flag("--json"), noPrompt = a.flag("--no-generation-prompt");
    a.finish();
    if (!messagesPath) throw UsageError("template render needs --messages FILE.json");
    if (templatePath && a.positionals().size() > 1) throw UsageError("give either MODEL or --template, not both");
    if (!templatePath && a.positionals().size() < 2) throw UsageError("template render needs MODEL or --template FILE.jinja");

    gb::ChatTemplateOptions opt;
    opt.addGenerationPrompt = !noPrompt;
    std::string source;
    if (templatePath) {
        source = gb::wellFormedUtf8(readFile(*templatePath));
    } else {
        auto model = gb::GgufFile::open(a.positionals()[1]);
        source = model->getString("tokenizer.chat_template");
        opt.bosToken = tokenText(*model, "tokenizer.ggml.bos_token_id");
        opt.eosToken = tokenText(*model, "tokenizer.ggml.eos_token_id");
    }
    if (bos) opt.bosToken = *bos;
    if (eos) opt.eosToken = *eos;

    const auto messages = nlohmann::ordered_json::parse(gb::wellFormedUtf8(readFile(*messagesPath)));
    if (!messages.is_array()) throw gb::Error(*messagesPath + ": expected a JSON list of messages");

    std::string text;
    try {
        if (source.empty() && !templatePath) {
            std::fprintf(stderr, "note: the model has no chat template; using ChatML\n");
            std::vector<gb::ChatMessage> list;
            for (const auto& m : messages)
                list.push_back({m.value("role", ""), m.contains("content") && m["content"].is_string() ? m["content"].get<std::string>() : ""});
            text = gb::renderFallbackChat(list, opt);
        } else {
            text = gb::renderChatTemplateJson(source, messages, opt);
        }
    } catch (const gb::TemplateError& e) {
        std::fprintf(stderr, "error: %s\n", oneLine(e.what()).c_str());
        return 1;
    }
    if (json) {
        printJson({{"text", text}});
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace cli
