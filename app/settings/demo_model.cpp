#include "settings/demo_model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace glassbox {

QString findDemoModel(const QString& sourceResourcesDir) {
    const QString rel = QStringLiteral("models/") + QLatin1String(kDemoModelFile);
    QStringList dirs;
    const QString exe = QCoreApplication::applicationDirPath();
    if (!exe.isEmpty()) {
        dirs << exe + QStringLiteral("/../share/glassbox") << exe + QStringLiteral("/resources")
             << exe + QStringLiteral("/../resources");
    }
    for (const QString& d : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        dirs << d + QStringLiteral("/glassbox");
    if (!sourceResourcesDir.isEmpty()) dirs << sourceResourcesDir;
    for (const QString& d : dirs) {
        const QFileInfo f(QDir(d).filePath(rel));
        if (f.isFile()) return f.canonicalFilePath();
    }
    return {};
}

}  // namespace glassbox
