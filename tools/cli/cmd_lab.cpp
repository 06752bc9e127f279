// glassbox-cli lab MODEL --templates A,B --inputs FILE.csv [--json] [--chat] [--db DB]
//                        [sampling flags; default greedy (--temp 0) and -n 64] [--threads T] [--ctx C]
// Runs every input of the CSV (header row: input,expected[,more variables]) through each template
// (a built-in id such as few-shot-en, or a JSON template file) with one model and one seed, and
// prints the score table (template, exact, contains, n), or with --json
//   {"model", "seed", "templates": [{"id", "name", "exact_match", "contains", "n", "errors",
//     "mean_log_prob", "gen_tok_s", "rows": [{"input", "expected", "output", "answer", "exact",
//     "contains", "log_prob", "stop_reason", "error"?}]}], "run_id"?}
// --chat wraps each prompt in the model's chat template; --db saves the run to that history
// database (the GUI's Prompt Lab lists it and can re-run it).
#include <QString>
#include <QStringList>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "history/model_fingerprint.h"
#include "json_out.h"
#include "lab/lab_csv.h"
#include "lab/lab_runner.h"
#include "lab/lab_store.h"
#include "lab/template_library.h"
#include "model/model.h"
#include "sampling_flags.h"

namespace cli {

namespace {

std::string u8(const QString& s) { return s.toStdString(); }

void printTable(const gb::lab::RunSpec& spec, const gb::lab::RunResult& r) {
    size_t width = 8;
    for (const auto& c : spec.columns) width = std::max(width, static_cast<size_t>(c.label.size()));
    std::printf("%-*s  %13s  %13s  %4s  %13s  %9s\n", static_cast<int>(width), "template", "exact", "contains", "n",
                "mean log-prob", "tok/s");
    for (int c = 0; c < spec.columns.size(); ++c) {
        const gb::lab::ColumnScore& s = r.scores[c];
        const std::string exact = std::to_string(s.exact) + "/" + std::to_string(s.n);
        const std::string contains = std::to_string(s.contains) + "/" + std::to_string(s.n);
        char e[32], k[32];
        std::snprintf(e, sizeof e, "%.3f (%s)", s.exactRate(), exact.c_str());
        std::snprintf(k, sizeof k, "%.3f (%s)", s.containsRate(), contains.c_str());
        std::printf("%-*s  %13s  %13s  %4d  %13.2f  %9.1f\n", static_cast<int>(width), u8(spec.columns[c].label).c_str(), e,
                    k, s.n, s.meanLogProb, s.genTokS);
        if (!s.errors) continue;
        QString first;
        for (const auto& row : r.cells)
            if (c < row.size() && !row[c].error.isEmpty() && first.isEmpty()) first = row[c].error;
        const bool tooLong = first.contains(QStringLiteral("context holds only"));
        std::printf("  (%d inputs failed: %s%s)\n", s.errors, u8(first).c_str(), tooLong ? "; try --ctx 1024" : "");
    }
}

nlohmann::json resultJson(const gb::lab::RunSpec& spec, const gb::lab::RunResult& r) {
    nlohmann::json templates = nlohmann::json::array();
    for (int c = 0; c < spec.columns.size(); ++c) {
        const gb::lab::ColumnScore& s = r.scores[c];
        nlohmann::json rows = nlohmann::json::array();
        for (int i = 0; i < r.cells.size(); ++i) {
            const gb::lab::CellResult& cell = r.cells[i][c];
            nlohmann::json row = {{"input", u8(spec.inputs[i].input)},
                                  {"expected", u8(spec.inputs[i].expected)},
                                  {"output", u8(cell.output)},
                                  {"answer", u8(cell.answer)},
                                  {"exact", cell.exact},
                                  {"contains", cell.contains},
                                  {"log_prob", cell.logProb},
                                  {"tokens", cell.tokens.size()},
                                  {"stop_reason", u8(cell.stopReason)}};
            if (!cell.error.isEmpty()) row["error"] = u8(cell.error);
            rows.push_back(row);
        }
        templates.push_back({{"id", u8(spec.columns[c].tmpl.id)},
                             {"name", u8(spec.columns[c].tmpl.name)},
                             {"exact_match", s.exactRate()},
                             {"contains", s.containsRate()},
                             {"n", s.n},
                             {"errors", s.errors},
                             {"mean_log_prob", s.meanLogProb},
                             {"gen_tok_s", s.genTokS},
                             {"rows", rows}});
    }
    return {{"model", u8(spec.modelPath)}, {"seed", spec.seed}, {"templates", templates}};
}

}  // namespace

int cmdLab(const Argv& argv) {
    std::set<std::string> flags = runFlagNames();
    flags.insert("--chat");
    Args a(argv, flags);
    const std::string path = a.positional(0, "MODEL");
    const auto templates = a.get("--templates");
    const auto inputs = a.get("--inputs");
    const auto db = a.get("--db");
    const bool json = a.flag("--json"), chat = a.flag("--chat");
    // Greedy and short unless asked otherwise: a lab run compares prompts, not samples.
    const bool hasTemp = a.get("--temp").has_value();
    const bool hasN = a.get("-n").has_value() || a.get("--max-tokens").has_value();
    RunFlags f = parseRunFlags(a);
    a.finish();
    if (!templates) throw UsageError("lab needs --templates A,B (built-in ids or JSON template files)");
    if (!inputs) throw UsageError("lab needs --inputs FILE.csv (header row: input,expected)");
    if (!hasTemp) f.sampling.temperature = 0;
    if (!hasN) f.maxTokens = 64;

    gb::lab::TemplateLibrary library;
    const QList<gb::lab::PromptTemplate> chosen =
        library.resolve(QString::fromStdString(*templates).split(u',', Qt::SkipEmptyParts));
    if (chosen.isEmpty()) throw UsageError("--templates names no template");

    gb::lab::RunSpec spec;
    spec.mode = gb::lab::RunSpec::Mode::Batch;
    spec.modelPath = QString::fromStdString(path);
    spec.seed = f.sampling.seed;
    spec.threads = f.threads;
    spec.contextSize = f.ctx;
    spec.inputs = gb::lab::readInputsCsv(QString::fromStdString(*inputs));
    for (const gb::lab::PromptTemplate& t : chosen) {
        gb::lab::LabColumn col;
        col.label = t.id;
        col.tmpl = t;
        col.sampling = f.sampling;
        col.maxTokens = f.maxTokens;
        for (const std::string& s : f.stops) col.tmpl.stopStrings << QString::fromStdString(s);
        col.wrap = chat ? gb::lab::ChatWrap::Message : gb::lab::ChatWrap::None;
        spec.columns << col;
    }

    auto model = gb::Model::load(path);
    spec.modelHash = gb::history::modelFingerprint(spec.modelPath);
    if (chat && model->chatTemplate().empty())
        std::fprintf(stderr, "note: the model has no chat template; the plain prompts are used\n");
    gb::lab::LabRunner runner(model, f.threads, f.ctx);
    const gb::lab::RunResult result = runner.run(spec);

    qint64 runId = 0;
    if (db) {
        gb::lab::LabStore store(QString::fromStdString(*db));
        runId = store.saveRun(spec, result);
    }
    if (json) {
        nlohmann::json j = resultJson(spec, result);
        if (runId) j["run_id"] = runId;
        printJson(j);
    } else {
        printTable(spec, result);
        if (runId) std::fprintf(stderr, "saved as run %lld in %s\n", static_cast<long long>(runId), db->c_str());
    }
    return 0;
}

}  // namespace cli
