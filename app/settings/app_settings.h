#pragma once
// What Glassbox remembers between runs, in QSettings (organisation "Glassbox", application
// "Glassbox"): under $XDG_CONFIG_HOME or $HOME/.config, so another HOME is a fresh profile.
#include <QByteArray>
#include <QSettings>
#include <QStringList>

#include "sampling/sampling_params.h"

namespace glassbox {

class AppSettings {
public:
    AppSettings();

    QString lastModel() const;
    void setLastModel(const QString& path);
    QStringList recentModels() const;
    void addRecentModel(const QString& path);  // most recent first, at most 10
    void removeRecentModel(const QString& path);

    QString language() const;  // "en", "ru", "zh_CN"; "" = the system's
    void setLanguage(const QString& code);

    QString samplingPreset() const;
    void setSamplingPreset(const QString& name);
    gb::SamplingParams sampling() const;  // the last settings used (preset or custom)
    void setSampling(const gb::SamplingParams& p);
    bool randomSeed() const;
    void setRandomSeed(bool on);
    int maxTokens() const;
    void setMaxTokens(int n);
    int contextSize() const;  // 0: the model's own (at most 4096)
    void setContextSize(int n);
    int threads() const;      // 0: all cores
    void setThreads(int n);
    QString defaultSystemPrompt() const;
    void setDefaultSystemPrompt(const QString& s);

    // What to do when a conversation outgrows the context (ContextPolicy as int), per conversation;
    // key: the history file and the conversation id.
    int contextPolicy(const QString& conversationKey) const;
    void setContextPolicy(const QString& conversationKey, int policy);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowGeometry(const QByteArray& g);
    void setWindowState(const QByteArray& s);

    void sync() { s_.sync(); }

private:
    mutable QSettings s_;
};

}  // namespace glassbox
