#pragma once
// A fenced code block: its language, a Copy button, and the code in a monospace face.
#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace glassbox::ui {

class CodeBlockWidget : public QFrame {
    Q_OBJECT
public:
    explicit CodeBlockWidget(QWidget* parent = nullptr);
    void setCode(const QString& code, const QString& language);
    QString code() const { return code_; }

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void fitHeight();
    QString code_;
    QString lang_;
    QLabel* language_;
    QToolButton* copy_;
    QPlainTextEdit* view_;
};

}  // namespace glassbox::ui
