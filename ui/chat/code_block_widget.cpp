#include "chat/code_block_widget.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace glassbox::ui {

CodeBlockWidget::CodeBlockWidget(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("codeBlock"));
    setFrameShape(QFrame::StyledPanel);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    auto* header = new QWidget(this);
    header->setObjectName(QStringLiteral("codeHeader"));
    auto* h = new QHBoxLayout(header);
    h->setContentsMargins(8, 2, 2, 2);
    language_ = new QLabel(header);
    language_->setObjectName(QStringLiteral("codeLanguage"));
    copy_ = new QToolButton(header);
    copy_->setObjectName(QStringLiteral("copyCodeButton"));
    copy_->setAutoRaise(true);
    h->addWidget(language_);
    h->addStretch();
    h->addWidget(copy_);
    view_ = new QPlainTextEdit(this);
    view_->setObjectName(QStringLiteral("codeText"));
    view_->setReadOnly(true);
    view_->setFrameShape(QFrame::NoFrame);
    view_->setLineWrapMode(QPlainTextEdit::NoWrap);
    view_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    view_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    v->addWidget(header);
    v->addWidget(view_);
    connect(copy_, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(code_);
        copy_->setText(tr("Copied"));
        QTimer::singleShot(1500, this, [this] { retranslate(); });
    });
    retranslate();
}

void CodeBlockWidget::setCode(const QString& code, const QString& language) {
    if (language != lang_ || language_->text().isEmpty()) {
        lang_ = language;
        retranslate();
    }
    if (code == code_) return;
    const bool grewOnly = code.startsWith(code_) && !code_.isEmpty();
    if (grewOnly) {  // streaming: append, no full re-layout of what is there
        QTextCursor c(view_->document());
        c.movePosition(QTextCursor::End);
        c.insertText(code.mid(code_.size()));
    } else {
        view_->setPlainText(code);
    }
    code_ = code;
    fitHeight();
}

void CodeBlockWidget::fitHeight() {
    const int lines = std::max(1, view_->document()->blockCount());
    const QFontMetrics fm(view_->font());
    const int bar = view_->horizontalScrollBar()->isVisible() ? view_->horizontalScrollBar()->sizeHint().height() : 0;
    view_->setFixedHeight(lines * fm.lineSpacing() + 2 * int(view_->document()->documentMargin()) + 4 + bar);
}

void CodeBlockWidget::retranslate() {
    language_->setText(lang_.isEmpty() ? tr("code") : lang_);
    copy_->setText(tr("Copy"));
    copy_->setToolTip(tr("Copy the code to the clipboard"));
    copy_->setAccessibleName(tr("Copy code"));
    view_->setAccessibleName(tr("Code block"));
}

void CodeBlockWidget::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QFrame::changeEvent(e);
}

}  // namespace glassbox::ui
