#include "lab_ui_util.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QLocale>
#include <cmath>
#include <optional>

namespace glassbox::ui {

QColor partColor(gb::lab::PromptPart part) {
    using P = gb::lab::PromptPart;
    switch (part) {
    case P::System: return QColor(0xe3, 0xec, 0xfa);    // blue
    case P::Examples: return QColor(0xfd, 0xf1, 0xd6);  // amber
    case P::History: return QColor(0xee, 0xe4, 0xf7);   // violet
    case P::User: return QColor(0xe2, 0xf4, 0xe4);      // green
    case P::Markup: return QColor(0xec, 0xec, 0xec);    // grey
    }
    return {};
}

QString partTitle(gb::lab::PromptPart part) {
    using P = gb::lab::PromptPart;
    switch (part) {
    case P::System: return QCoreApplication::translate("PromptLab", "System");
    case P::Examples: return QCoreApplication::translate("PromptLab", "Examples");
    case P::History: return QCoreApplication::translate("PromptLab", "History");
    case P::User: return QCoreApplication::translate("PromptLab", "User");
    case P::Markup: return QCoreApplication::translate("PromptLab", "Markup");
    }
    return {};
}

QColor probabilityColor(double logProb) {
    const double p = std::clamp(std::exp(logProb), 0.0, 1.0);
    // Hue 0 (red) at p = 0 … 120 (green) at p = 1, on a square-root scale so mid values read apart.
    const int hue = static_cast<int>(std::lround(120 * std::sqrt(p)));
    return QColor::fromHsl(hue, 170, 212);
}

QString formatLogProb(double logProb) {
    QString s = QLocale().toString(logProb, 'f', 2);
    if (logProb < 0) s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

namespace labdialogs {
namespace {
std::optional<QString> next;
}

QString openFile(QWidget* parent, const QString& title, const QString& filter) {
    if (next) {
        const QString f = *next;
        next.reset();
        return f;
    }
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

QString saveFile(QWidget* parent, const QString& title, const QString& suggested, const QString& filter) {
    if (next) {
        const QString f = *next;
        next.reset();
        return f;
    }
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

void setNextLabFileName(const QString& path) { next = path; }
}  // namespace labdialogs

}  // namespace glassbox::ui
