#pragma once
// Where the user writes: multi-line, Return sends, Shift+Return starts a new line. The button
// beside it is Send, or Stop while a reply streams.
#include <QPlainTextEdit>
#include <QWidget>

class QPushButton;

namespace glassbox::ui {

class ComposerEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    using QPlainTextEdit::QPlainTextEdit;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent* e) override;
};

class Composer : public QWidget {
    Q_OBJECT
public:
    explicit Composer(QWidget* parent = nullptr);
    ComposerEdit* editor() const { return edit_; }
    QString text() const;
    void setText(const QString& text);
    void setStreaming(bool streaming);
    void focusEditor();

signals:
    void sendRequested(const QString& text);
    void stopRequested();

protected:
    void changeEvent(QEvent* e) override;

private:
    void submit();
    void retranslate();
    void fitHeight();
    ComposerEdit* edit_;
    QPushButton* send_;
    QPushButton* stop_;
    bool streaming_ = false;
};

}  // namespace glassbox::ui
