#pragma once
// The inspector's observer on the engine thread. It copies what the views need (attention rows
// as 16-bit fractions, routing, logit lens, token pieces) into an InspectionChunk and posts it
// through the worker's inspectionReady at a bounded rate: collect() hands a chunk over at most
// once per minIntervalMs and keeps collecting in between, flush() hands over the rest. The
// engine thread never waits for the GUI: chunks are immutable values carried by the signal.
//
// What it records is fixed per request at begin() from the settings (set from any thread):
//   attention  every head of every layer is observed, reduced to mean and max per layer; heads
//              keep their own rows for all layers when layers × heads <= detailBudget, else for
//              detailLayer only (memory stays bounded on big models);
//   routing    MoE models only; lensK > 0: the logit lens (costs an output-head product per layer).
// Nothing wanted: the forward pass does no extra work (only token pieces are kept).
#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <vector>

#include "engine/inspection_hook.h"
#include "inspect/observer.h"
#include "inspection/inspection_data.h"

namespace gb {
class Tokenizer;
}

namespace glassbox::inspection {

class InspectionCollector : public InspectionProvider, public gb::Observer {
public:
    struct Settings {
        bool attention = false;
        bool routing = true;
        int lensK = 0;
        int detailLayer = -1;    // -1: the last layer
        int detailBudget = 64;   // per-head matrices kept per request
        int minIntervalMs = 40;  // at most 25 posts a second
    };

    InspectionCollector();
    void setSettings(const Settings& s);  // any thread; applies from the next request
    Settings settings() const;
    int posts() const { return posts_; }  // chunks handed over in the last request (engine thread)

    // InspectionProvider (engine thread)
    gb::Observer* begin(const GenerateCommand& cmd, const gb::Model& model, const std::vector<int32_t>& prompt) override;
    QVariant collect(int tokenIndex, int32_t token) override;
    QVariant flush() override;
    void end() override;

    // gb::Observer (engine thread)
    bool wantsAttention(int, int) const override { return attention_; }
    bool wantsRouting(int) const override { return routing_; }
    int logitLensTopK() const override { return lensK_; }
    void onAttention(int layer, int head, int kvHead, int pos, std::span<const float> probs) override;
    void onRouting(int layer, int pos, std::span<const float> router, std::span<const int32_t> experts,
                   std::span<const float> weights, int sharedExperts) override;
    void onLogitLens(int layer, int pos, std::span<const gb::TopToken> top) override;

    // The plan begin() would choose for a model of this shape.
    static RecordingPlan planFor(const ModelShape& shape, const Settings& s);

private:
    TokenEntry entry(int32_t id) const;
    int rowFor(int pos);  // the pending chunk's row of `pos` (grown as needed), -1 to ignore
    QVariant post();
    void resetPending(bool header);

    mutable std::mutex settingsMutex_;
    Settings settings_;

    // Per request, engine thread only.
    const gb::Tokenizer* tok_ = nullptr;
    ModelShape shape_;
    RecordingPlan plan_;
    bool attention_ = false, routing_ = false;
    int lensK_ = 0;
    int intervalMs_ = 40;
    std::vector<int> slotOf_;                  // layer * heads + head -> detail slot, -1
    std::unique_ptr<InspectionChunk> pending_;
    std::vector<std::vector<float>> sum_, max_;  // per layer: pending mean (as sums) and max rows
    std::unordered_set<int32_t> lensSent_;
    std::chrono::steady_clock::time_point lastPost_;
    bool posted_ = false;
    int posts_ = 0;
};

}  // namespace glassbox::inspection
