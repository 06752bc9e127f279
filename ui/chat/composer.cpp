#include "chat/composer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPushButton>

namespace glassbox::ui {

QSize ComposerEdit::sizeHint() const {
    const QFontMetrics fm(font());
    return {QPlainTextEdit::sizeHint().width(), fm.lineSpacing() * 3 + 12};
}

QSize ComposerEdit::minimumSizeHint() const {
    const QFontMetrics fm(font());
    return {100, fm.lineSpacing() + 12};
}

void ComposerEdit::keyPressEvent(QKeyEvent* e) {
    const bool enter = e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter;
    if (enter && !(e->modifiers() & Qt::ShiftModifier)) {
        emit submitted();
        e->accept();
        return;
    }
    if (enter) {  // Shift+Return: a new line (not a paragraph separator)
        insertPlainText(QStringLiteral("\n"));
        e->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(e);
}

Composer::Composer(QWidget* parent) : QWidget(parent) {
    auto* h = new QHBoxLayout(this);
    h->setContentsMargins(12, 6, 12, 10);
    edit_ = new ComposerEdit(this);
    edit_->setObjectName(QStringLiteral("composer"));
    edit_->setTabChangesFocus(true);
    send_ = new QPushButton(this);
    send_->setObjectName(QStringLiteral("sendButton"));
    send_->setDefault(false);
    stop_ = new QPushButton(this);
    stop_->setObjectName(QStringLiteral("stopButton"));
    stop_->hide();
    h->addWidget(edit_, 1);
    h->addWidget(send_, 0, Qt::AlignBottom);
    h->addWidget(stop_, 0, Qt::AlignBottom);
    connect(edit_, &ComposerEdit::submitted, this, &Composer::submit);
    connect(send_, &QPushButton::clicked, this, &Composer::submit);
    connect(stop_, &QPushButton::clicked, this, &Composer::stopRequested);
    connect(edit_, &QPlainTextEdit::textChanged, this, &Composer::fitHeight);
    setFocusProxy(edit_);
    retranslate();
    fitHeight();
}

QString Composer::text() const { return edit_->toPlainText(); }

void Composer::setText(const QString& text) { edit_->setPlainText(text); }

void Composer::focusEditor() {
    edit_->setFocus(Qt::OtherFocusReason);
    window()->activateWindow();
}

void Composer::setStreaming(bool streaming) {
    streaming_ = streaming;
    send_->setVisible(!streaming);
    stop_->setVisible(streaming);
}

void Composer::submit() {
    if (streaming_) return;  // Return while a reply streams keeps the draft
    const QString t = edit_->toPlainText();
    if (t.trimmed().isEmpty()) return;
    edit_->clear();
    emit sendRequested(t);
}

void Composer::fitHeight() {
    // Grow with the text up to eight lines, then scroll.
    const QFontMetrics fm(edit_->font());
    const int lines = std::clamp(edit_->document()->lineCount(), 2, 8);
    edit_->setFixedHeight(lines * fm.lineSpacing() + 2 * int(edit_->document()->documentMargin()) + 6);
}

void Composer::retranslate() {
    edit_->setPlaceholderText(tr("Write a message… (Return sends, Shift+Return starts a new line)"));
    edit_->setAccessibleName(tr("Message"));
    send_->setText(tr("Send"));
    send_->setToolTip(tr("Send the message (Return)"));
    send_->setAccessibleName(tr("Send"));
    stop_->setText(tr("Stop"));
    stop_->setToolTip(tr("Stop the reply (Esc)"));
    stop_->setAccessibleName(tr("Stop"));
}

void Composer::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
