#pragma once
// Where the shared test models live: $GLASSBOX_TEST_MODELS or ../shared/models.
#include <QString>
#include <QtGlobal>

namespace gbtest {

inline QString modelsDir() {
    QString d = qEnvironmentVariable("GLASSBOX_TEST_MODELS");
    return d.isEmpty() ? QStringLiteral("../shared/models") : d;
}
inline std::string modelPath(const char* name) { return (modelsDir() + "/" + QString::fromUtf8(name)).toStdString(); }
inline QString sourceDir() { return qEnvironmentVariable("GLASSBOX_SOURCE_DIR", QStringLiteral(".")); }

}  // namespace gbtest
