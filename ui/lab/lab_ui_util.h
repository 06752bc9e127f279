#pragma once
// Small things the Prompt Lab widgets share: the colours of prompt parts and of token
// probabilities, and file dialogs behind a seam the GUI tests answer (setNextLabFileName).
#include <QColor>
#include <QString>

#include "lab/prompt_template.h"

class QWidget;

namespace glassbox::ui {

QColor partColor(gb::lab::PromptPart part);  // light background of a prompt part
QString partTitle(gb::lab::PromptPart part);  // "System", "Examples", … (translated)
// Background for a token of probability exp(logProb): green (sure) through yellow to red (unlikely).
QColor probabilityColor(double logProb);
QString formatLogProb(double logProb);  // "−1.23"

namespace labdialogs {
QString openFile(QWidget* parent, const QString& title, const QString& filter);  // "" when cancelled
QString saveFile(QWidget* parent, const QString& title, const QString& suggested, const QString& filter);
void setNextLabFileName(const QString& path);  // the next openFile/saveFile returns this without a dialog
}  // namespace labdialogs

}  // namespace glassbox::ui
