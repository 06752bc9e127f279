#include "chat/shown_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace glassbox::ui {

ShownText shownText(const QString& text, qsizetype limit) {
    if (text.size() <= limit) return {text, 0};
    qsizetype cut = text.lastIndexOf(QLatin1Char('\n'), limit - 1);
    if (cut < limit / 2) cut = limit;                              // no line end near the limit
    if (cut > 0 && text[cut - 1].isHighSurrogate()) --cut;         // never half a character
    return {text.left(cut), text.size() - cut};
}

QString ShownText::note() const {
    if (hidden == 0) return {};
    return QCoreApplication::translate("MessageWidget", "… %1 more characters are not shown here; Copy copies the whole message.")
        .arg(QLocale().toString(hidden));
}

}  // namespace glassbox::ui
