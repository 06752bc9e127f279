#pragma once
// The character of a QLabel's text under a point, as the label itself laid the text out (its own
// QTextDocument, for rich, Markdown and selectable text), and back: where a character is drawn.
// Indices are into labelPlainText(): the rendered text, without Markdown syntax.
#include <QPoint>
#include <QRect>
#include <QString>

class QLabel;

namespace glassbox::ui {

QString labelPlainText(const QLabel* label);
int labelCharacterAt(const QLabel* label, const QPoint& pos);  // -1: no character there
QRect labelCharacterRect(const QLabel* label, int index);      // label coordinates; empty when none

}  // namespace glassbox::ui
