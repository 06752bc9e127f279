#pragma once
// How much of a message the chat lays out. A label wraps its whole text on every layout pass, so a
// pasted megabyte would freeze the window for seconds; such a message is shown up to a line end
// near the limit, followed by a note. The message itself stays whole (Copy, Edit, the history).
#include <QString>

namespace glassbox::ui {

inline constexpr qsizetype kMaxShownChars = 16384;

struct ShownText {
    QString text;          // what is laid out
    qsizetype hidden = 0;  // characters left out at the end
    QString note() const;  // "… N more characters …", empty when nothing is hidden
};

ShownText shownText(const QString& text, qsizetype limit = kMaxShownChars);

}  // namespace glassbox::ui
