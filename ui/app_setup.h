#pragma once
// Application-wide look: fonts that cover Latin, Cyrillic and CJK, high-DPI rounding, the style
// sheet, and the UI language from the settings.
class QApplication;

namespace glassbox::ui {

void prepareApplicationAttributes();  // before QApplication exists
void setUpApplication(QApplication& app);

}  // namespace glassbox::ui
