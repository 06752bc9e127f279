#include "lab_runner.h"

#include <cmath>

#include "lab_error.h"
#include "lab_scoring.h"
#include "model/model.h"
#include "model/session.h"
#include "sampling/generation.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

namespace gb::lab {

QString modeKey(RunSpec::Mode m) {
    return m == RunSpec::Mode::Batch ? QStringLiteral("batch") : QStringLiteral("compare");
}

QList<int32_t> CellResult::tokenIds() const {
    QList<int32_t> ids;
    ids.reserve(tokens.size());
    for (const TokenInfo& t : tokens) ids << t.id;
    return ids;
}

int firstDivergence(const QList<QList<int32_t>>& sequences) {
    if (sequences.size() < 2) return -1;
    qsizetype longest = 0;
    for (const auto& s : sequences) longest = std::max(longest, s.size());
    const QList<int32_t>& first = sequences[0];
    for (qsizetype i = 0; i < longest; ++i) {
        const bool has = i < first.size();
        for (const auto& s : sequences)
            if ((i < s.size()) != has || (has && s[i] != first[i])) return static_cast<int>(i);
    }
    return -1;
}

void summarize(const RunSpec& spec, RunResult& result) {
    result.divergence.clear();
    result.scores = QList<ColumnScore>(spec.columns.size());
    QList<int> ran(spec.columns.size(), 0);
    for (const QList<CellResult>& row : result.cells) {
        QList<QList<int32_t>> seqs;
        bool allRan = true;
        for (const CellResult& c : row) {
            if (!c.error.isEmpty()) allRan = false;
            seqs << c.tokenIds();
        }
        result.divergence << (allRan && row.size() == spec.columns.size() ? firstDivergence(seqs) : -1);
        for (int c = 0; c < row.size() && c < spec.columns.size(); ++c) {
            const CellResult& cell = row[c];
            ColumnScore& s = result.scores[c];
            if (!cell.error.isEmpty()) {
                ++s.errors;
                if (cell.scored) ++s.n;
                continue;
            }
            ++ran[c];
            s.meanLogProb += cell.logProb;
            s.genTokS += cell.genTokS;
            if (!cell.scored) continue;
            ++s.n;
            s.exact += cell.exact;
            s.contains += cell.contains;
        }
    }
    for (int c = 0; c < result.scores.size(); ++c)
        if (ran[c]) {
            result.scores[c].meanLogProb /= ran[c];
            result.scores[c].genTokS /= ran[c];
        }
}

void checkSpec(const RunSpec& spec, const QString& currentModelHash) {
    if (spec.columns.isEmpty()) throw LabError(QStringLiteral("choose at least one template to run"));
    if (spec.columns.size() > 16) throw LabError(QStringLiteral("at most 16 columns can run side by side"));
    if (spec.inputs.isEmpty()) throw LabError(QStringLiteral("there is no input to run"));
    for (const LabColumn& c : spec.columns)
        if (c.maxTokens < 0 || c.maxTokens > 8192)
            throw LabError(QStringLiteral("column “%1”: the token limit must be between 0 and 8192").arg(c.label));
    if (!spec.modelHash.isEmpty() && !currentModelHash.isEmpty() && spec.modelHash != currentModelHash)
        throw LabError(QStringLiteral("the model file %1 is not the one this run used (its hash was %2, now %3); "
                                      "open the original file to re-run it exactly")
                           .arg(spec.modelPath, spec.modelHash, currentModelHash));
}

LabRunner::LabRunner(std::shared_ptr<const gb::Model> model, int threads, int contextSize)
    : model_(std::move(model)), chat_(chatContextOf(*model_)) {
    useSession(threads, contextSize);
}

LabRunner::~LabRunner() = default;

void LabRunner::useSession(int threads, int contextSize) {
    if (session_ && threads == threads_ && contextSize == contextSize_) return;
    session_.reset();
    session_ = std::make_unique<gb::Session>(model_, gb::SessionOptions{contextSize, threads});
    threads_ = threads;
    contextSize_ = contextSize;
}

int LabRunner::contextSize() const { return session_->contextSize(); }

BuiltPrompt LabRunner::prompt(const LabColumn& column, const LabInput& input) const {
    return buildPrompt(column.tmpl, {input.input, input.variables}, column.wrap, chat_);
}

CellResult LabRunner::runCell(const LabColumn& column, const LabInput& input, quint64 seed,
                              const std::atomic<bool>* stop, const std::function<void(const TokenInfo&)>& onToken) {
    CellResult cell;
    cell.scored = !input.expected.trimmed().isEmpty();
    BuiltPrompt built;
    try {
        built = prompt(column, input);
    } catch (const TemplateVariableError& e) {
        cell.error = e.message();
        cell.stopReason = QStringLiteral("error");
        return cell;
    }
    cell.prompt = built.text;
    cell.warnings = built.warnings;
    if (!built.chatTemplateError.isEmpty()) cell.warnings << built.chatTemplateError;
    const TokenizedPrompt tp = tokenizePrompt(built, model_->tokenizer());
    cell.promptTokens = static_cast<int>(tp.ids.size());

    gb::GenerationRequest req;
    req.promptTokens = tp.ids;
    req.maxTokens = column.maxTokens;
    req.sampling = column.sampling;
    req.sampling.seed = seed;
    for (const QString& s : column.tmpl.stopStrings)
        if (!s.isEmpty()) req.stopStrings.push_back(s.toStdString());
    req.topAlternatives = 5;
    auto toInfo = [](const gb::GeneratedToken& g) {
        TokenInfo t;
        t.id = g.id;
        t.text = QString::fromStdString(g.text);
        t.logProb = std::log(std::max(static_cast<double>(g.rawProb), 1e-30));
        t.prob = g.prob;
        t.rank = g.rank;
        for (const gb::Alternative& a : g.alternatives) {
            t.alternatives << QString::fromStdString(a.piece);
            t.alternativeProbs << a.prob;
        }
        return t;
    };
    gb::GenerationCallbacks cb;
    cb.stop = stop;
    if (onToken)
        cb.onToken = [&](const gb::GeneratedToken& g) {
            onToken(toInfo(g));
            return true;
        };
    gb::GenerationResult r;
    try {
        r = gb::generate(*session_, req, cb);
    } catch (const gb::Error& e) {
        cell.error = QString::fromStdString(e.what());
        if (cell.promptTokens >= session_->contextSize())
            cell.error += QStringLiteral(" (a larger context size lets it run; past the %1 tokens it was trained on a "
                                         "model writes worse)")
                              .arg(model_->config().nCtxTrain);
        cell.stopReason = QStringLiteral("error");
        return cell;
    }
    for (const gb::GeneratedToken& g : r.tokens) cell.tokens << toInfo(g);
    // The stop string is cut from the text: the last token's text may hold less than it produced.
    cell.output = QString::fromStdString(r.text);
    cell.logProb = r.logProb;
    cell.promptMs = r.timings.promptMs;
    cell.genMs = r.timings.genMs;
    cell.promptTokS = r.timings.promptTokS();
    cell.genTokS = r.timings.genTokS();
    cell.stopReason = QString::fromStdString(r.stopReason);
    cell.answer = extractAnswer(cell.output, column.tmpl.answerPrefix);
    if (cell.scored) {
        const Score s = scoreOutput(cell.output, input.expected, column.tmpl.answerPrefix);
        cell.exact = s.exact;
        cell.contains = s.contains;
    }
    return cell;
}

RunResult LabRunner::run(const RunSpec& spec, const CellDone& cellDone, const std::atomic<bool>* stop,
                         const TokenStream& onToken) {
    checkSpec(spec, {});
    useSession(spec.threads, spec.contextSize);
    RunResult result;
    result.complete = true;
    for (int i = 0; i < spec.inputs.size(); ++i) {
        QList<CellResult> row;
        for (int c = 0; c < spec.columns.size(); ++c) {
            if (stop && stop->load()) {
                result.complete = false;
                break;
            }
            std::function<void(const TokenInfo&)> tokenCb;
            if (onToken) tokenCb = [&, i, c](const TokenInfo& t) { onToken(i, c, t); };
            row << runCell(spec.columns[c], spec.inputs[i], spec.seed, stop, tokenCb);
            if (row.back().stopReason == QLatin1String("cancelled")) result.complete = false;
            if (cellDone) cellDone(i, c, row.back());
        }
        result.cells << row;
        if (!result.complete) break;
    }
    summarize(spec, result);
    return result;
}

}  // namespace gb::lab
