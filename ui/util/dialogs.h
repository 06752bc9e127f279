#pragma once
// The modal questions the window asks, behind a seam so GUI tests can answer them
// (setNextFileName / setNextAnswer), as KeePassXC's tests do.
#include <QString>

class QWidget;

namespace glassbox::ui::dialogs {

QString openModelFile(QWidget* parent, const QString& startDir);  // "" when cancelled
bool confirm(QWidget* parent, const QString& title, const QString& text);

void setNextFileName(const QString& path);  // the next openModelFile returns this without a dialog
void setNextAnswer(bool yes);               // the next confirm returns this without a dialog

}  // namespace glassbox::ui::dialogs
