#include "util/format.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace glassbox::ui {


QString formatBytes(quint64 bytes) { return QLocale().formattedDataSize(qint64(bytes), 1); }

QString formatCount(quint64 n) {
    const QLocale loc;
    if (n >= 1'000'000'000ULL) return QCoreApplication::translate("Format", "%1 B").arg(loc.toString(double(n) / 1e9, 'f', 2));
    if (n >= 1'000'000ULL) return QCoreApplication::translate("Format", "%1 M").arg(loc.toString(double(n) / 1e6, 'f', 2));
    if (n >= 10'000ULL) return QCoreApplication::translate("Format", "%1 K").arg(loc.toString(double(n) / 1e3, 'f', 0));
    return loc.toString(n);
}

QString formatSpeed(double tps) { return QCoreApplication::translate("Format", "%1 tok/s").arg(QLocale().toString(tps, 'f', tps >= 100 ? 0 : 1)); }

QString stopReasonText(const QString& r) {
    if (r == QLatin1String("length")) return QCoreApplication::translate("Format", "cut off at the token limit");
    if (r == QLatin1String("context")) return QCoreApplication::translate("Format", "cut off: the context is full");
    if (r == QLatin1String("cancelled")) return QCoreApplication::translate("Format", "stopped");
    if (r == QLatin1String("error")) return QCoreApplication::translate("Format", "failed");
    return {};
}

QString statsFooter(const GenerationStats& live, const gb::history::GenerationInfo* saved, bool streaming) {
    QStringList parts;
    const QLocale loc;
    double gen = live.genTokS, prompt = live.promptTokS;
    int tokens = live.generatedTokens;
    QString reason = live.stopReason;
    if (saved && !streaming && live.stopReason.isEmpty()) {
        gen = saved->genTokS;
        prompt = saved->promptTokS;
        tokens = saved->genTokens;
        reason = saved->stopReason;
    }
    if (streaming && tokens == 0) return QCoreApplication::translate("Format", "reading the prompt…");
    if (gen > 0) parts << formatSpeed(gen);
    if (prompt > 0) parts << QCoreApplication::translate("Format", "prompt %1").arg(formatSpeed(prompt));
    if (live.firstTokenMs > 0) parts << QCoreApplication::translate("Format", "first token after %1 s").arg(loc.toString(live.firstTokenMs / 1000.0, 'f', 2));
    if (tokens > 0) parts << QCoreApplication::translate("Format", "%n token(s)", nullptr, tokens);
    if (!streaming && !stopReasonText(reason).isEmpty()) parts << stopReasonText(reason);
    return parts.join(QStringLiteral(" · "));
}

}  // namespace glassbox::ui
