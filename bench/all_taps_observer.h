#pragma once
// An observer that asks the engine for every tap the inspector can record (attention of every
// layer and head, MoE routing, the logit lens with the given top-k) and drops what it is handed:
// the cost of the taps alone, without a consumer. Shared by the inspector benchmarks.
#include <span>

#include "inspect/observer.h"

class AllTapsObserver : public gb::Observer {
public:
    explicit AllTapsObserver(int lensK) : lensK_(lensK) {}
    bool wantsAttention(int, int) const override { return true; }
    bool wantsRouting(int) const override { return true; }
    int logitLensTopK() const override { return lensK_; }
    void onAttention(int, int, int, int, std::span<const float>) override {}
    void onRouting(int, int, std::span<const float>, std::span<const int32_t>, std::span<const float>, int) override {}
    void onLogitLens(int, int, std::span<const gb::TopToken>) override {}

private:
    int lensK_;
};
