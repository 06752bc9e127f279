#include "model_fingerprint.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

namespace gb::history {

namespace {

constexpr qint64 kWholeFileLimit = 256LL << 20;
constexpr qint64 kSlice = 1LL << 20;
constexpr int kSlices = 64;

QString compute(const QString& path, qint64 size) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (size <= kWholeFileLimit) {
        if (!h.addData(&f)) return {};
        return QStringLiteral("sha256:") + QString::fromLatin1(h.result().toHex());
    }
    h.addData(QByteArray::number(size));
    for (int i = 0; i < kSlices; ++i) {
        const qint64 at = (size - kSlice) * i / (kSlices - 1);
        if (!f.seek(at)) return {};
        h.addData(f.read(kSlice));
    }
    return QStringLiteral("sha256-sampled:") + QString::fromLatin1(h.result().toHex());
}

}  // namespace

QString modelFingerprint(const QString& path) {
    static QMutex mutex;
    static QHash<QString, QString> cache;
    const QFileInfo fi(path);
    if (!fi.isFile()) return {};
    const QString key = fi.absoluteFilePath() + QLatin1Char('|') + QString::number(fi.size()) + QLatin1Char('|') +
                        QString::number(fi.lastModified().toMSecsSinceEpoch());
    {
        QMutexLocker lock(&mutex);
        if (auto it = cache.constFind(key); it != cache.constEnd()) return *it;
    }
    const QString hash = compute(path, fi.size());
    QMutexLocker lock(&mutex);
    if (!hash.isEmpty()) cache.insert(key, hash);
    return hash;
}

}  // namespace gb::history
