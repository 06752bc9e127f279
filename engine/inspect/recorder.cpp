#include "inspect/recorder.h"

namespace gb {
namespace {

template <class T>
T& slot(std::vector<T>& v, int pos) {
    if (static_cast<int>(v.size()) <= pos) v.resize(pos + 1);
    return v[pos];
}

}  // namespace

bool InspectionRecorder::wantsAttention(int layer, int head) const {
    return sel_.attention && layerSelected(layer) && (sel_.heads.empty() || sel_.heads.count(head));
}

bool InspectionRecorder::wantsRouting(int layer) const { return sel_.routing && layerSelected(layer); }

void InspectionRecorder::onAttention(int layer, int head, int kvHead, int pos, std::span<const float> probs) {
    slot(attention_[{layer, head}], pos).assign(probs.begin(), probs.end());
    kvHead_[head] = kvHead;
}

void InspectionRecorder::onRouting(int layer, int pos, std::span<const float> router, std::span<const int32_t> experts,
                                   std::span<const float> weights, int sharedExperts) {
    RoutingRecord& r = slot(routing_[layer], pos);
    r.experts.assign(experts.begin(), experts.end());
    r.weights.assign(weights.begin(), weights.end());
    r.router.assign(router.begin(), router.end());
    r.sharedExperts = sharedExperts;
}

void InspectionRecorder::onLogitLens(int layer, int pos, std::span<const TopToken> top) {
    if (!layerSelected(layer)) return;
    slot(lens_[layer], pos).assign(top.begin(), top.end());
}

void InspectionRecorder::clear() {
    attention_.clear();
    kvHead_.clear();
    routing_.clear();
    lens_.clear();
}

}  // namespace gb
