#pragma once
// Runs the prompt lab's experiments: every input through every column (a template with its
// sampler settings) on one model with one seed, synchronously on the calling thread (the CLI,
// the tests; the GUI calls it from LabService's thread). Each cell is a fresh generation
// (the KV cache is reset), so a cell's output depends only on its prompt, settings and seed and a
// re-run gives the same tokens.
#include <QList>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "lab_csv.h"
#include "prompt_builder.h"
#include "prompt_template.h"
#include "sampling/sampling_params.h"

namespace gb {
class Model;
class Session;
}  // namespace gb

namespace gb::lab {

// One column of a run: a template (a full copy: a re-run uses these exact texts) and settings.
struct LabColumn {
    QString label;  // shown above the column ("few-shot-en", "T 0.8")
    PromptTemplate tmpl;
    gb::SamplingParams sampling;  // its seed is replaced by the run's
    int maxTokens = 64;
    ChatWrap wrap = ChatWrap::None;
};

struct RunSpec {
    enum class Mode { Compare, Batch };
    Mode mode = Mode::Compare;
    QString title;
    QString modelPath;
    QString modelHash;    // gb::history::modelFingerprint; a re-run refuses a different file
    quint64 seed = 0xC0FFEE;
    QList<LabColumn> columns;
    QList<LabInput> inputs;  // Compare: one input (expected may be empty)
    int threads = 0;
    int contextSize = 0;  // 0: the model's, at most 4096
};
QString modeKey(RunSpec::Mode m);  // "compare", "batch"

struct TokenInfo {
    int32_t id = 0;
    QString text;          // visible text that completed with this token (may be empty)
    double logProb = 0;    // log of the raw (softmax) probability
    float prob = 0;        // after the sampler chain
    int rank = 0;          // under the raw logits
    QStringList alternatives;      // top alternatives' texts …
    QList<float> alternativeProbs; // … and raw probabilities
    bool operator==(const TokenInfo&) const = default;
};

struct CellResult {
    QString prompt;          // exactly what the model read
    int promptTokens = 0;
    QString output;
    QString answer;          // extractAnswer(output, answerPrefix)
    QList<TokenInfo> tokens;
    double logProb = 0;      // sum of the tokens' log-probabilities
    double promptMs = 0, genMs = 0;
    double promptTokS = 0, genTokS = 0;
    QString stopReason;      // "eos", "length", "stop", "cancelled", "error"
    bool scored = false;     // the input has an expected answer
    bool exact = false, contains = false;
    QString error;           // why the cell did not run (missing variable, prompt too long, …)
    QStringList warnings;    // from building the prompt
    QList<int32_t> tokenIds() const;
};

struct ColumnScore {
    int n = 0;        // scored inputs
    int exact = 0, contains = 0;
    int errors = 0;
    double meanLogProb = 0;  // over the cells that ran
    double genTokS = 0;      // mean generation speed
    double exactRate() const { return n ? double(exact) / n : 0; }
    double containsRate() const { return n ? double(contains) / n : 0; }
};

struct RunResult {
    QList<QList<CellResult>> cells;  // [input][column]
    QList<int> divergence;           // per input: first token index where the columns differ (-1: none)
    QList<ColumnScore> scores;       // per column
    bool complete = false;           // false when stopped before every cell ran
};

// First index where the sequences stop agreeing (an id differs, or one ends before another);
// -1 when all are identical (or fewer than two).
int firstDivergence(const QList<QList<int32_t>>& sequences);
// Recomputes divergence and scores from the cells.
void summarize(const RunSpec& spec, RunResult& result);

class LabRunner {
public:
    // threads / contextSize: as gb::SessionOptions (0 = defaults). run() switches to a spec's own
    // values when they differ.
    explicit LabRunner(std::shared_ptr<const gb::Model> model, int threads = 0, int contextSize = 0);
    ~LabRunner();

    const gb::Model& model() const { return *model_; }
    int contextSize() const;  // what the session holds
    ChatContext chat() const { return chat_; }

    // The prompt a cell would read (for previews and the CLI). Throws TemplateVariableError.
    BuiltPrompt prompt(const LabColumn& column, const LabInput& input) const;

    // One generation. Errors in the template or the input are reported in CellResult::error.
    CellResult runCell(const LabColumn& column, const LabInput& input, quint64 seed,
                       const std::atomic<bool>* stop = nullptr,
                       const std::function<void(const TokenInfo&)>& onToken = {});

    // Every input × column, inputs in order. `cellDone(input, column, cell)` after each cell;
    // `onToken(input, column, token)` while it streams.
    using CellDone = std::function<void(int input, int column, const CellResult& cell)>;
    using TokenStream = std::function<void(int input, int column, const TokenInfo& token)>;
    RunResult run(const RunSpec& spec, const CellDone& cellDone = {}, const std::atomic<bool>* stop = nullptr,
                  const TokenStream& onToken = {});

private:
    void useSession(int threads, int contextSize);
    std::shared_ptr<const gb::Model> model_;
    std::unique_ptr<gb::Session> session_;
    int threads_ = 0, contextSize_ = 0;  // as asked (0 = defaults)
    ChatContext chat_;
};

// Checks a spec before running it: 1 to 16 columns, at least one input, the model file's hash
// (when the spec records one) equals the file's. Throws LabError.
void checkSpec(const RunSpec& spec, const QString& currentModelHash);

}  // namespace gb::lab
