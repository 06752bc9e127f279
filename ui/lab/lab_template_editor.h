#pragma once
// Edits one prompt template: name, language, kind, system text, the body with its {{variables}},
// the examples (an editable input/output table) and how each is written, the answer prefix and
// stop strings. Built-ins are shown read-only (duplicate one to change it). Every change is
// reported at once (edited) so the preview follows the text being typed; Save keeps it.
#include <QWidget>

#include "lab/prompt_template.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace glassbox::ui {

class LabTemplateEditor : public QWidget {
    Q_OBJECT
public:
    explicit LabTemplateEditor(QWidget* parent = nullptr);

    void setTemplate(const gb::lab::PromptTemplate& t);
    gb::lab::PromptTemplate currentTemplate() const;  // as edited (id and builtin as loaded)
    bool isModified() const { return modified_; }
    void setModified(bool m);

    // Stop strings as one line: comma-separated, "\n" for a line break, "\," and "\\" escaped.
    static QString stopsToText(const QStringList& stops);
    static QStringList stopsFromText(const QString& text);

signals:
    void edited();
    void saveRequested(const gb::lab::PromptTemplate& t);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void onChanged();
    void addExampleRow(const gb::lab::Example& e);

    gb::lab::PromptTemplate loaded_;
    bool filling_ = false;
    bool modified_ = false;
    QLabel* readOnlyNote_;
    QFormLayout* form_;
    QLineEdit *name_, *answerPrefix_, *stops_, *separator_;
    QComboBox *language_, *kind_;
    QPlainTextEdit *system_, *body_, *exampleFormat_;
    QTableWidget* examples_;
    QPushButton *addExample_, *removeExample_, *save_, *revert_;
    QLabel* variables_;
    QLabel *nameLabel_, *langLabel_, *systemLabel_, *bodyLabel_, *examplesLabel_, *formatLabel_, *separatorLabel_,
        *answerLabel_, *stopsLabel_;
};

}  // namespace glassbox::ui
