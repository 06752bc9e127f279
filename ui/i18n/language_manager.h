#pragma once
// Switches the UI language at run time: installs Glassbox's translator (:/i18n/glassbox_<code>.qm,
// compiled from translations/) and Qt's own; every widget retranslates on QEvent::LanguageChange.
#include <QObject>
#include <QStringList>

class QTranslator;

namespace glassbox::ui {

class LanguageManager : public QObject {
    Q_OBJECT
public:
    static LanguageManager& instance();
    static QStringList available() { return {QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("zh_CN")}; }
    static QString nativeName(const QString& code);  // "English", "Русский", "简体中文"

    QString current() const { return current_; }
    bool setLanguage(const QString& code);  // "" = the system's (if one of ours), else English

signals:
    void languageChanged(const QString& code);

private:
    LanguageManager() = default;
    QString current_;
    QTranslator* app_ = nullptr;
    QTranslator* qt_ = nullptr;
};

}  // namespace glassbox::ui
