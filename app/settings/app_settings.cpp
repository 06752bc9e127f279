#include "settings/app_settings.h"

namespace glassbox {

AppSettings::AppSettings() : s_(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Glassbox"), QStringLiteral("Glassbox")) {}

QString AppSettings::lastModel() const { return s_.value("model/last").toString(); }
void AppSettings::setLastModel(const QString& path) { s_.setValue("model/last", path); }

QStringList AppSettings::recentModels() const { return s_.value("model/recent").toStringList(); }

void AppSettings::addRecentModel(const QString& path) {
    QStringList l = recentModels();
    l.removeAll(path);
    l.prepend(path);
    while (l.size() > 10) l.removeLast();
    s_.setValue("model/recent", l);
}

void AppSettings::removeRecentModel(const QString& path) {
    QStringList l = recentModels();
    l.removeAll(path);
    s_.setValue("model/recent", l);
}

QString AppSettings::language() const { return s_.value("ui/language").toString(); }
void AppSettings::setLanguage(const QString& code) { s_.setValue("ui/language", code); }

QString AppSettings::samplingPreset() const { return s_.value("sampling/preset", "balanced").toString(); }
void AppSettings::setSamplingPreset(const QString& name) { s_.setValue("sampling/preset", name); }

gb::SamplingParams AppSettings::sampling() const {
    gb::SamplingParams d, p;
    s_.beginGroup("sampling");
    p.temperature = s_.value("temperature", d.temperature).toFloat();
    p.topK = s_.value("topK", d.topK).toInt();
    p.topP = s_.value("topP", d.topP).toFloat();
    p.minP = s_.value("minP", d.minP).toFloat();
    p.repeatPenalty = s_.value("repeatPenalty", d.repeatPenalty).toFloat();
    p.repeatLastN = s_.value("repeatLastN", d.repeatLastN).toInt();
    p.presencePenalty = s_.value("presencePenalty", d.presencePenalty).toFloat();
    p.frequencyPenalty = s_.value("frequencyPenalty", d.frequencyPenalty).toFloat();
    p.seed = s_.value("seed", qulonglong(d.seed)).toULongLong();
    p.beams = s_.value("beams", d.beams).toInt();
    p.lengthPenalty = s_.value("lengthPenalty", d.lengthPenalty).toFloat();
    p.earlyStopping = s_.value("earlyStopping", d.earlyStopping).toBool();
    p.contrastiveK = s_.value("contrastiveK", d.contrastiveK).toInt();
    p.penaltyAlpha = s_.value("penaltyAlpha", d.penaltyAlpha).toFloat();
    p.tokenHealing = s_.value("tokenHealing", d.tokenHealing).toBool();
    s_.endGroup();
    return p;
}

void AppSettings::setSampling(const gb::SamplingParams& p) {
    s_.beginGroup("sampling");
    s_.setValue("temperature", p.temperature);
    s_.setValue("topK", p.topK);
    s_.setValue("topP", p.topP);
    s_.setValue("minP", p.minP);
    s_.setValue("repeatPenalty", p.repeatPenalty);
    s_.setValue("repeatLastN", p.repeatLastN);
    s_.setValue("presencePenalty", p.presencePenalty);
    s_.setValue("frequencyPenalty", p.frequencyPenalty);
    s_.setValue("seed", qulonglong(p.seed));
    s_.setValue("beams", p.beams);
    s_.setValue("lengthPenalty", p.lengthPenalty);
    s_.setValue("earlyStopping", p.earlyStopping);
    s_.setValue("contrastiveK", p.contrastiveK);
    s_.setValue("penaltyAlpha", p.penaltyAlpha);
    s_.setValue("tokenHealing", p.tokenHealing);
    s_.endGroup();
}

bool AppSettings::randomSeed() const { return s_.value("sampling/randomSeed", true).toBool(); }
void AppSettings::setRandomSeed(bool on) { s_.setValue("sampling/randomSeed", on); }
int AppSettings::maxTokens() const { return s_.value("sampling/maxTokens", 256).toInt(); }
void AppSettings::setMaxTokens(int n) { s_.setValue("sampling/maxTokens", n); }
int AppSettings::contextSize() const { return s_.value("engine/contextSize", 0).toInt(); }
void AppSettings::setContextSize(int n) { s_.setValue("engine/contextSize", n); }
int AppSettings::threads() const { return s_.value("engine/threads", 0).toInt(); }
void AppSettings::setThreads(int n) { s_.setValue("engine/threads", n); }
QString AppSettings::defaultSystemPrompt() const { return s_.value("chat/systemPrompt").toString(); }
void AppSettings::setDefaultSystemPrompt(const QString& s) { s_.setValue("chat/systemPrompt", s); }

int AppSettings::contextPolicy(const QString& key) const {
    return s_.value(QStringLiteral("contextPolicy/") + QString::fromLatin1(key.toUtf8().toHex()), 0).toInt();
}
void AppSettings::setContextPolicy(const QString& key, int policy) {
    s_.setValue(QStringLiteral("contextPolicy/") + QString::fromLatin1(key.toUtf8().toHex()), policy);
}

QByteArray AppSettings::windowGeometry() const { return s_.value("window/geometry").toByteArray(); }
QByteArray AppSettings::windowState() const { return s_.value("window/state").toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray& g) { s_.setValue("window/geometry", g); }
void AppSettings::setWindowState(const QByteArray& s) { s_.setValue("window/state", s); }

}  // namespace glassbox
