#pragma once
// Reads what a GGUF file is before loading it, and refuses early with a message a user can read:
// not a GGUF file, an architecture the engine does not run, more memory than the machine has.
#include <QString>

#include "engine/engine_types.h"

namespace gb {
class GgufFile;
class Model;
}

namespace glassbox {

struct ProbeResult {
    ModelInfo info;
    QString error;  // empty when the file can be loaded
    bool ok() const { return error.isEmpty(); }
};

// memoryLimit: bytes the model may use; 0 = what the operating system reports as available.
ProbeResult probeModel(const QString& path, quint64 memoryLimit = 0);

ModelInfo describeModel(const gb::GgufFile& f, const QString& path);

}  // namespace glassbox
