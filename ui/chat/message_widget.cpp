#include "chat/message_widget.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

#include "chat/code_block_widget.h"
#include "chat/label_hit_test.h"
#include "chat/markdown_blocks.h"
#include "chat/shown_text.h"
#include "inspection/text_positions.h"

namespace glassbox::ui {

using gb::history::Role;

MessageWidget::MessageWidget(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::NoFrame);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(12, 8, 12, 8);
    v->setSpacing(4);
    auto* header = new QHBoxLayout;
    author_ = new QLabel(this);
    author_->setObjectName(QStringLiteral("messageAuthor"));
    QFont f = author_->font();
    f.setBold(true);
    author_->setFont(f);
    prev_ = makeButton("prevBranchButton");
    prev_->setText(QStringLiteral("‹"));
    branchLabel_ = new QLabel(this);
    branchLabel_->setObjectName(QStringLiteral("branchLabel"));
    next_ = makeButton("nextBranchButton");
    next_->setText(QStringLiteral("›"));
    copy_ = makeButton("copyMessageButton");
    edit_ = makeButton("editButton");
    regenerate_ = makeButton("regenerateButton");
    header->addWidget(author_);
    header->addSpacing(8);
    header->addWidget(prev_);
    header->addWidget(branchLabel_);
    header->addWidget(next_);
    header->addStretch();
    header->addWidget(copy_);
    header->addWidget(edit_);
    header->addWidget(regenerate_);
    v->addLayout(header);

    body_ = new QWidget(this);
    body_->setObjectName(QStringLiteral("messageBody"));
    bodyLayout_ = new QVBoxLayout(body_);
    bodyLayout_->setContentsMargins(0, 0, 0, 0);
    bodyLayout_->setSpacing(6);
    waiting_ = new QLabel(body_);
    waiting_->setObjectName(QStringLiteral("waitingLabel"));
    waiting_->setEnabled(false);
    bodyLayout_->addWidget(waiting_);
    v->addWidget(body_);

    auto* footer = new QHBoxLayout;
    footer_ = new QLabel(this);
    footer_->setObjectName(QStringLiteral("messageStats"));
    footer_->setEnabled(false);
    footer_->setWordWrap(true);
    continue_ = new QPushButton(this);
    continue_->setObjectName(QStringLiteral("continueButton"));
    footer->addWidget(footer_, 1);
    footer->addWidget(continue_);
    v->addLayout(footer);

    connect(prev_, &QToolButton::clicked, this, [this] { emit siblingRequested(view_.id, -1); });
    connect(next_, &QToolButton::clicked, this, [this] { emit siblingRequested(view_.id, +1); });
    connect(copy_, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(view_.text); });
    connect(edit_, &QToolButton::clicked, this, &MessageWidget::startEditing);
    connect(regenerate_, &QToolButton::clicked, this, [this] { emit regenerateRequested(view_.id); });
    connect(continue_, &QPushButton::clicked, this, [this] { emit continueRequested(view_.id); });
    retranslate();
}

QToolButton* MessageWidget::makeButton(const char* objectName) {
    auto* b = new QToolButton(this);
    b->setObjectName(QLatin1String(objectName));
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::TabFocus);
    return b;
}

void MessageWidget::setView(const MessageView& v) {
    const bool textChanged = v.text != view_.text || v.streaming != view_.streaming;
    view_ = v;
    setObjectName(QStringLiteral("message_%1").arg(v.id));
    setProperty("role", gb::history::roleName(v.role));
    updateChrome();
    if (textChanged || rendered_.isNull()) renderBody();
}

void MessageWidget::setText(const QString& text, bool streaming) {
    if (text == view_.text && streaming == view_.streaming) return;
    view_.text = text;
    view_.streaming = streaming;
    renderBody();
}

void MessageWidget::updateChrome() {
    const bool user = view_.role == Role::User;
    author_->setText(view_.author);
    setAccessibleName(view_.author);
    const bool branches = view_.branchCount > 1;
    prev_->setVisible(branches);
    next_->setVisible(branches);
    branchLabel_->setVisible(branches);
    branchLabel_->setText(QStringLiteral("%1/%2").arg(view_.branchIndex + 1).arg(view_.branchCount));
    prev_->setEnabled(view_.branchIndex > 0);
    next_->setEnabled(view_.branchIndex + 1 < view_.branchCount);
    edit_->setVisible(user);
    edit_->setEnabled(!view_.busy);
    regenerate_->setVisible(!user);
    regenerate_->setEnabled(!view_.busy);
    continue_->setVisible(!user && view_.canContinue && !view_.busy);
    footer_->setText(view_.footer);
    footer_->setVisible(!view_.footer.isEmpty());
}

void MessageWidget::renderBody() {
    const QString text = view_.role == Role::Assistant ? view_.text.trimmed() : view_.text;
    waiting_->setVisible(text.isEmpty());
    waiting_->setText(view_.streaming ? tr("…") : tr("(no text)"));
    rendered_ = text;
    setAccessibleDescription(text.left(200));
    const ShownText visible = shownText(text);  // a pasted megabyte is not laid out whole
    QList<MarkdownBlock> blocks = text.isEmpty() ? QList<MarkdownBlock>{} : splitMarkdown(visible.text);
    if (visible.hidden > 0) blocks.append({MarkdownBlock::Prose, visible.note(), {}});
    // Where each block's text is in the message (for clicks on a token).
    int lead = 0;  // the spaces trimmed off a reply
    while (view_.role == Role::Assistant && lead < view_.text.size() && view_.text[lead].isSpace()) ++lead;
    blockTexts_.clear();
    blockStarts_.clear();
    for (int i = 0, from = 0; i < blocks.size(); ++i) {
        const int at = int(text.indexOf(blocks[i].text, from));
        blockTexts_.append(blocks[i].text);
        blockStarts_.append(at < 0 ? -1 : lead + at);
        if (at >= 0) from = at + int(blocks[i].text.size());
    }
    for (int i = 0; i < blocks.size(); ++i) {
        const MarkdownBlock& b = blocks[i];
        QWidget* w = i < blocks_.size() ? blocks_[i] : nullptr;
        const bool isCode = w && qobject_cast<CodeBlockWidget*>(w);
        if (w && isCode != (b.kind == MarkdownBlock::Code)) {  // kind changed: replace
            delete w;
            w = nullptr;
        }
        if (!w) {
            if (b.kind == MarkdownBlock::Code) {
                w = new CodeBlockWidget(body_);
                if (auto* code = w->findChild<QPlainTextEdit*>()) code->viewport()->installEventFilter(this);
            } else {
                auto* l = new QLabel(body_);
                l->setObjectName(QStringLiteral("messageText"));
                l->setTextFormat(view_.role == Role::User ? Qt::PlainText : Qt::MarkdownText);
                l->setWordWrap(true);
                l->setTextInteractionFlags(Qt::TextBrowserInteraction);
                l->setOpenExternalLinks(true);
                l->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
                l->installEventFilter(this);
                w = l;
            }
            if (i < blocks_.size())
                blocks_[i] = w;
            else
                blocks_.append(w);
            bodyLayout_->insertWidget(i + 1, w);
        }
        if (auto* c = qobject_cast<CodeBlockWidget*>(w)) {
            c->setCode(b.text, b.language);
        } else if (auto* l = qobject_cast<QLabel*>(w)) {
            // A line break the model wrote stays one (Markdown would join the lines).
            static const QRegularExpression softBreak(QStringLiteral("(?<!\\n)\\n(?!\\n)"));
            QString shown = b.text;
            if (view_.role != Role::User) shown.replace(softBreak, QStringLiteral("  \n"));
            if (l->text() != shown) l->setText(shown);
        }
    }
    while (blocks_.size() > blocks.size()) delete blocks_.takeLast();
}

void MessageWidget::startEditing() {
    if (editor_) return;
    editBox_ = new QWidget(this);
    auto* v = new QVBoxLayout(editBox_);
    v->setContentsMargins(0, 0, 0, 0);
    editor_ = new QPlainTextEdit(editBox_);
    editor_->setObjectName(QStringLiteral("editMessageEditor"));
    editor_->setAccessibleName(tr("Edit message"));
    editor_->setPlainText(view_.text);
    auto* buttons = new QHBoxLayout;
    auto* save = new QPushButton(tr("Save && send"), editBox_);
    save->setObjectName(QStringLiteral("saveEditButton"));
    auto* cancel = new QPushButton(tr("Cancel"), editBox_);
    cancel->setObjectName(QStringLiteral("cancelEditButton"));
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(save);
    v->addWidget(editor_);
    v->addLayout(buttons);
    static_cast<QVBoxLayout*>(layout())->insertWidget(2, editBox_);
    body_->hide();
    editor_->setFocus();
    connect(save, &QPushButton::clicked, this, [this] { finishEditing(true); });
    connect(cancel, &QPushButton::clicked, this, [this] { finishEditing(false); });
}

void MessageWidget::finishEditing(bool submit) {
    const QString text = editor_->toPlainText();
    editBox_->deleteLater();
    editBox_ = nullptr;
    editor_ = nullptr;
    body_->show();
    if (submit && !text.trimmed().isEmpty() && text != view_.text) emit editSubmitted(view_.id, text);
}

void MessageWidget::retranslate() {
    prev_->setToolTip(tr("Previous version"));
    prev_->setAccessibleName(tr("Previous version"));
    next_->setToolTip(tr("Next version"));
    next_->setAccessibleName(tr("Next version"));
    branchLabel_->setAccessibleName(tr("Version"));
    copy_->setText(tr("Copy"));
    copy_->setToolTip(tr("Copy the message to the clipboard"));
    copy_->setAccessibleName(tr("Copy message"));
    edit_->setText(tr("Edit"));
    edit_->setToolTip(tr("Edit this message and send it again as a new version"));
    edit_->setAccessibleName(tr("Edit message"));
    regenerate_->setText(tr("Regenerate"));
    regenerate_->setToolTip(tr("Write another version of this reply"));
    regenerate_->setAccessibleName(tr("Regenerate reply"));
    continue_->setText(tr("Continue"));
    continue_->setToolTip(tr("Continue this reply where it stopped"));
    continue_->setAccessibleName(tr("Continue reply"));
    waiting_->setText(view_.streaming ? tr("…") : tr("(no text)"));
}

bool MessageWidget::eventFilter(QObject* watched, QEvent* e) {
    const bool press = e->type() == QEvent::MouseButtonPress, release = e->type() == QEvent::MouseButtonRelease;
    if ((press || release) && static_cast<QMouseEvent*>(e)->button() == Qt::LeftButton) {
        const QPoint p = static_cast<QMouseEvent*>(e)->position().toPoint();
        if (press) {
            pressed_ = watched;
            pressPos_ = p;
        } else if (pressed_ == watched && (p - pressPos_).manhattanLength() < QApplication::startDragDistance()) {
            pressed_ = nullptr;
            if (const int offset = offsetAt(watched, p); offset >= 0) emit textClicked(view_.id, offset);
        }
    }
    return QFrame::eventFilter(watched, e);
}

int MessageWidget::offsetAt(QObject* watched, const QPoint& pos) const {
    for (int i = 0; i < blocks_.size() && i < blockStarts_.size(); ++i) {
        if (blockStarts_[i] < 0) continue;
        if (blocks_[i] == watched) {  // prose: the label's rendered text, back to its Markdown
            const auto* l = static_cast<const QLabel*>(watched);
            if (l->hasSelectedText()) return -1;
            const int at = inspection::alignedIndex(labelPlainText(l), labelCharacterAt(l, pos), blockTexts_[i]);
            return at < 0 ? -1 : blockStarts_[i] + at;
        }
        auto* code = blocks_[i]->findChild<QPlainTextEdit*>();
        if (code && code->viewport() == watched) {
            if (code->textCursor().hasSelection()) return -1;
            QTextCursor c = code->cursorForPosition(pos);
            if (code->cursorRect(c).center().x() > pos.x() && !c.atBlockStart()) c.movePosition(QTextCursor::PreviousCharacter);
            return c.position() < blockTexts_[i].size() ? blockStarts_[i] + c.position() : -1;
        }
    }
    return -1;
}

void MessageWidget::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QFrame::changeEvent(e);
}

}  // namespace glassbox::ui
