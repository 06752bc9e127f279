#pragma once
// The exact prompt a template makes for an input: each token shaded by the part it comes from
// (system, examples, history, user, markup; alternate tokens lighter and darker so their borders
// show), special tokens (BOS, <|im_start|>, …) dark, and the token count of every part. Above
// it: the input, a field per variable of the template, and whether to wrap the prompt in the
// model's chat template.
#include <QMap>
#include <QWidget>
#include <memory>

#include "lab/prompt_builder.h"

namespace gb {
class Model;
}

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTextEdit;

namespace glassbox::ui {

class LabPromptPreview : public QWidget {
    Q_OBJECT
public:
    explicit LabPromptPreview(QWidget* parent = nullptr);

    void setModel(std::shared_ptr<const gb::Model> model);  // null: text only, no token counts
    void setTemplate(const gb::lab::PromptTemplate& t);
    QString question() const;
    void setQuestion(const QString& q);
    QMap<QString, QString> variables() const;  // the template's own variables as typed
    gb::lab::ChatWrap wrap() const;
    void setWrap(gb::lab::ChatWrap w);

    const gb::lab::BuiltPrompt& built() const { return built_; }
    const gb::lab::TokenizedPrompt& tokens() const { return tokens_; }
    QString error() const { return error_; }

signals:
    void inputChanged();  // question, variables or chat mode

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void rebuildVariableFields();
    void refresh();
    void render();

    std::shared_ptr<const gb::Model> model_;
    gb::lab::ChatContext chat_;
    gb::lab::PromptTemplate template_;
    gb::lab::BuiltPrompt built_;
    gb::lab::TokenizedPrompt tokens_;
    QString error_;
    QPlainTextEdit* question_;
    QFormLayout* varForm_;
    QMap<QString, QLineEdit*> varFields_;
    QMap<QString, QString> varValues_;  // kept while switching templates
    QComboBox* wrap_;
    QLabel *questionLabel_, *wrapLabel_, *counts_, *notes_;
    QTextEdit* text_;
};

}  // namespace glassbox::ui
