#include "i18n/language_manager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace glassbox::ui {

LanguageManager& LanguageManager::instance() {
    static LanguageManager* m = new LanguageManager;  // lives as long as the process
    return *m;
}

QString LanguageManager::nativeName(const QString& code) {
    if (code == QLatin1String("ru")) return QStringLiteral("Русский");
    if (code == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

bool LanguageManager::setLanguage(const QString& requested) {
    QString code = requested;
    if (code.isEmpty()) {
        const QLocale sys;
        code = sys.language() == QLocale::Russian ? QStringLiteral("ru")
               : sys.language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                    : QStringLiteral("en");
    }
    if (!available().contains(code)) code = QStringLiteral("en");
    if (code == current_) return true;
    if (app_) {
        QCoreApplication::removeTranslator(app_);
        delete app_;
        app_ = nullptr;
    }
    if (qt_) {
        QCoreApplication::removeTranslator(qt_);
        delete qt_;
        qt_ = nullptr;
    }
    bool ok = true;
    auto* t = new QTranslator;
    if (t->load(QStringLiteral(":/i18n/glassbox_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(t);
        app_ = t;
    } else {
        delete t;
        ok = code == QLatin1String("en");
    }
    auto* q = new QTranslator;
    if (code != QLatin1String("en") &&
        q->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(q);
        qt_ = q;
    } else {
        delete q;
    }
    current_ = code;
    QLocale::setDefault(QLocale(code));
    emit languageChanged(code);
    return ok;
}

}  // namespace glassbox::ui
