#pragma once
// An Observer that keeps what it is shown, for the selected layers and heads only, so memory
// stays bounded on long contexts. Used by `glassbox-cli inspect` and the GUI's inspector.
#include <map>
#include <set>
#include <vector>

#include "inspect/observer.h"

namespace gb {

struct RoutingRecord {
    std::vector<int32_t> experts;
    std::vector<float> weights;
    std::vector<float> router;
    int sharedExperts = 0;
};

struct InspectionSelection {
    std::set<int> layers;  // empty: all
    std::set<int> heads;   // empty: all
    bool attention = true;
    bool routing = true;
    int logitLensTopK = 0;
};

class InspectionRecorder : public Observer {
public:
    explicit InspectionRecorder(InspectionSelection sel) : sel_(std::move(sel)) {}

    bool wantsAttention(int layer, int head) const override;
    bool wantsRouting(int layer) const override;
    int logitLensTopK() const override { return sel_.logitLensTopK; }
    void onAttention(int layer, int head, int kvHead, int pos, std::span<const float> probs) override;
    void onRouting(int layer, int pos, std::span<const float> router, std::span<const int32_t> experts,
                   std::span<const float> weights, int sharedExperts) override;
    void onLogitLens(int layer, int pos, std::span<const TopToken> top) override;

    // (layer, head) -> rows by position (row q has q+1 weights).
    const std::map<std::pair<int, int>, std::vector<std::vector<float>>>& attention() const { return attention_; }
    const std::map<int, int>& kvHeadOf() const { return kvHead_; }
    const std::map<int, std::vector<RoutingRecord>>& routing() const { return routing_; }
    const std::map<int, std::vector<std::vector<TopToken>>>& logitLens() const { return lens_; }
    void clear();

private:
    bool layerSelected(int layer) const { return sel_.layers.empty() || sel_.layers.count(layer); }
    InspectionSelection sel_;
    std::map<std::pair<int, int>, std::vector<std::vector<float>>> attention_;
    std::map<int, int> kvHead_;
    std::map<int, std::vector<RoutingRecord>> routing_;
    std::map<int, std::vector<std::vector<TopToken>>> lens_;
};

}  // namespace gb
