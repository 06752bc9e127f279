#include "util/dialogs.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <optional>

namespace glassbox::ui::dialogs {
namespace {
std::optional<QString> nextFile;
std::optional<bool> nextAnswer;
}  // namespace

QString openModelFile(QWidget* parent, const QString& startDir) {
    if (nextFile) {
        const QString f = *nextFile;
        nextFile.reset();
        return f;
    }
    return QFileDialog::getOpenFileName(parent, QCoreApplication::translate("Dialogs", "Open a model"), startDir,
                                        QCoreApplication::translate("Dialogs", "GGUF models (*.gguf);;All files (*)"));
}

bool confirm(QWidget* parent, const QString& title, const QString& text) {
    if (nextAnswer) {
        const bool a = *nextAnswer;
        nextAnswer.reset();
        return a;
    }
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

void setNextFileName(const QString& path) { nextFile = path; }
void setNextAnswer(bool yes) { nextAnswer = yes; }

}  // namespace glassbox::ui::dialogs
