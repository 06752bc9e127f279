#pragma once
// Stop strings over streamed text: releases text only once it can no longer be the start of a
// stop string, so the user never sees half of one.
#include <string>
#include <vector>

namespace gb {

class StopMatcher {
public:
    explicit StopMatcher(std::vector<std::string> stops);
    // Adds text; returns what may be shown now. Sets stopped() when a stop string completed
    // (the stop string and anything after it are never released).
    std::string push(const std::string& text);
    std::string flush();  // at the end: whatever was held back
    bool stopped() const { return stopped_; }

private:
    std::vector<std::string> stops_;
    std::string held_;
    bool stopped_ = false;
};

}  // namespace gb
