#pragma once
// Where the inspector plugs into generation. A provider hands the engine an observer per request
// and, after the prompt and after each token, packs what it saw into a QVariant that the worker
// sends to the UI thread as EngineWorker::inspectionReady. All calls happen on the engine thread.
#include <QVariant>

#include "engine/engine_types.h"

namespace gb {
class Model;
class Observer;
}

namespace glassbox {

class InspectionProvider {
public:
    virtual ~InspectionProvider() = default;
    // Before the prompt is evaluated. The observer must live until end(); nullptr observes nothing.
    virtual gb::Observer* begin(const GenerateCommand& cmd, const gb::Model& model, const std::vector<int32_t>& prompt) = 0;
    // tokenIndex -1: after the prompt; 0…: after each generated token (its id in `token`).
    virtual QVariant collect(int tokenIndex, int32_t token) = 0;
    // After the last token, before end(): what collect() held back (a provider that posts at a
    // bounded rate returns nothing from some collect() calls). Sent like collect()'s data.
    virtual QVariant flush() { return {}; }
    virtual void end() = 0;
};

}  // namespace glassbox
