#pragma once
// Where the bundled demo model is: next to the installed executable's data directory, or in the
// source tree's resources/ (the build passes that path as the fallback). Not a Qt resource:
// the engine maps the file from disk.
#include <QString>

namespace glassbox {

inline constexpr const char* kDemoModelFile = "polyglot-moe-4m-q8_0.gguf";

// sourceResourcesDir: the source tree's resources/ folder, compiled in by the build; may be empty.
QString findDemoModel(const QString& sourceResourcesDir);

}  // namespace glassbox
