// glassbox-cli: the command-line front end. `glassbox-cli COMMAND …`; errors print one
// `error:` line on stderr and exit 1 (bad input) or 2 (bad usage).
#include <QCoreApplication>
#include <cstdio>
#include <functional>
#include <map>
#include <new>

#include "args.h"
#include "commands.h"
#include "util/error.h"

namespace {

const std::map<std::string, std::pair<std::function<int(const cli::Argv&)>, const char*>>& commands() {
    static const std::map<std::string, std::pair<std::function<int(const cli::Argv&)>, const char*>> table = {
        {"info", {cli::cmdInfo, "MODEL [--json]                 model shapes, tensor types, memory"}},
        {"tokenize", {cli::cmdTokenize, "MODEL --text TEXT [--json]     token ids and pieces"}},
        {"generate", {cli::cmdGenerate, "MODEL --prompt TEXT [-n N] …   generate a continuation"}},
        {"bench", {cli::cmdBench, "MODEL [-p 128] [-n 64] [--reps R] prompt and generation speed (JSON with --json)"}},
        {"inspect", {cli::cmdInspect, "MODEL --prompt TEXT --json …   generate + attention, routing, logit lens"}},
        {"chat", {cli::cmdChat, "MODEL --message TEXT [--db DB] [--conversation ID] … reply, saved to the history"}},
        {"history", {cli::cmdHistory, "[--db DB] list|show ID|search Q|export ID --format md|json|import FILE"}},
        {"template", {cli::cmdTemplate, "render (MODEL | --template F.jinja) --messages F.json [--json] chat prompt"}},
        {"lab", {cli::cmdLab, "MODEL --templates A,B --inputs F.csv [--json] … prompt templates scored side by side"}},
    };
    return table;
}

void usage(FILE* out) {
    std::fprintf(out, "usage: glassbox-cli COMMAND [ARGS]\n\ncommands:\n");
    for (const auto& [name, c] : commands()) std::fprintf(out, "  %-10s %s\n", name.c_str(), c.second);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("Glassbox");
    QCoreApplication::setOrganizationName("Glassbox");
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    auto it = commands().find(argv[1]);
    if (it == commands().end()) {
        std::fprintf(stderr, "error: unknown command '%s' (try --help)\n", argv[1]);
        return 2;
    }
    cli::Argv rest(argv + 2, argv + argc);
    try {
        return it->second.first(rest);
    } catch (const cli::UsageError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "error: out of memory\n");
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
