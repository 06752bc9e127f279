#include "engine/engine_types.h"

namespace glassbox {

void registerEngineTypes() {
    qRegisterMetaType<ModelInfo>();
    qRegisterMetaType<GenerateCommand>();
    qRegisterMetaType<StreamToken>();
    qRegisterMetaType<GenerationStats>();
    qRegisterMetaType<MemoryUsage>();
}

}  // namespace glassbox
