#include "app_setup.h"

#include <QApplication>
#include <QFontDatabase>
#include <QGuiApplication>

#include "engine/engine_types.h"
#include "settings/app_settings.h"
#include "i18n/language_manager.h"

namespace glassbox::ui {

void prepareApplicationAttributes() {
    // Fractional scale factors (150 %, 175 %) are used as they are, so text stays crisp.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
}

void setUpApplication(QApplication& app) {
    registerEngineTypes();
    // A UI font with a fallback chain that has Cyrillic and CJK glyphs.
    QFont f = QApplication::font();
    QStringList families{f.family()};
    for (const char* fam : {"Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Micro Hei"})
        if (QFontDatabase::hasFamily(QLatin1String(fam)) && !families.contains(QLatin1String(fam)))
            families << QLatin1String(fam);
    f.setFamilies(families);
    QApplication::setFont(f);
    app.setStyleSheet(QStringLiteral(
        "glassbox--ui--MessageWidget[role=\"user\"] { background: palette(alternate-base); border-radius: 8px; }"
        "glassbox--ui--MessageWidget[role=\"assistant\"] { border: 1px solid palette(midlight); border-radius: 8px; }"
        "#codeBlock { border: 1px solid palette(mid); border-radius: 4px; }"
        "#codeHeader { background: palette(button); }"
        "#codeText { background: palette(base); }"
        "glassbox--ui--Banner[kind=\"error\"] { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; }"
        "glassbox--ui--Banner[kind=\"warning\"] { background: #fff4e5; color: #663c00; border: 1px solid #ffd699; }"
        "glassbox--ui--Banner[kind=\"info\"] { background: #e8f4fd; color: #0d3c61; border: 1px solid #b6dcfb; }"
        "#modelError { color: #b00020; }"));
    AppSettings settings;
    LanguageManager::instance().setLanguage(settings.language());
}

}  // namespace glassbox::ui
