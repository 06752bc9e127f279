#include "chat/chat_view.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include "chat/chat_controller.h"
#include "chat/message_widget.h"
#include "util/format.h"

namespace glassbox::ui {

using gb::history::Role;

ChatView::ChatView(ChatController* controller, QWidget* parent) : QScrollArea(parent), controller_(controller) {
    setObjectName(QStringLiteral("chatView"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    content_ = new QWidget(this);
    content_->setObjectName(QStringLiteral("chatContent"));
    layout_ = new QVBoxLayout(content_);
    layout_->setContentsMargins(16, 12, 16, 12);
    layout_->setSpacing(8);

    empty_ = new QWidget(content_);
    empty_->setObjectName(QStringLiteral("emptyState"));
    auto* ev = new QVBoxLayout(empty_);
    ev->addStretch();
    emptyTitle_ = new QLabel(empty_);
    emptyTitle_->setObjectName(QStringLiteral("emptyTitle"));
    emptyTitle_->setAlignment(Qt::AlignCenter);
    QFont f = emptyTitle_->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    emptyTitle_->setFont(f);
    emptyText_ = new QLabel(empty_);
    emptyText_->setAlignment(Qt::AlignCenter);
    emptyText_->setWordWrap(true);
    ev->addWidget(emptyTitle_);
    ev->addWidget(emptyText_);
    auto* row = new QHBoxLayout;
    row->addStretch();
    // Openings the demo model knows: fortunes, Russian fortunes, a Tang poem.
    for (const QString& ex : {QStringLiteral("Love is"), QStringLiteral("Жизнь — это"), QStringLiteral("春眠不觉晓，")}) {
        auto* b = new QPushButton(ex, empty_);
        b->setObjectName(QStringLiteral("exampleButton"));
        connect(b, &QPushButton::clicked, this, [this, ex] { emit examplePicked(ex); });
        row->addWidget(b);
        exampleButtons_.append(b);
    }
    row->addStretch();
    ev->addLayout(row);
    ev->addStretch();
    layout_->addWidget(empty_, 1);
    layout_->addStretch();
    setWidget(content_);

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int v) { stickToBottom_ = v >= verticalScrollBar()->maximum() - 8; });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int max) {
        if (stickToBottom_) verticalScrollBar()->setValue(max);
    });
    connect(controller_, &ChatController::conversationOpened, this, &ChatView::rebuild);
    connect(controller_, &ChatController::pathChanged, this, &ChatView::rebuild);
    connect(controller_, &ChatController::messageAdded, this, &ChatView::append);
    connect(controller_, &ChatController::messageUpdated, this, &ChatView::updateMessage);
    connect(controller_, &ChatController::streamingChanged, this, &ChatView::refreshChrome);
    retranslate();
    rebuild();
}

QList<MessageWidget*> ChatView::messageWidgets() const {
    QList<MessageWidget*> l;
    for (int i = 0; i < layout_->count(); ++i)
        if (auto* w = qobject_cast<MessageWidget*>(layout_->itemAt(i)->widget())) l.append(w);
    return l;
}

void ChatView::setModelName(const QString& name) {
    modelName_ = name;
    refreshChrome();
}

MessageView ChatView::viewFor(qint64 id) const {
    const ConversationTree& tree = controller_->tree();
    const Message* m = tree.find(id);
    MessageView v;
    if (!m) return v;
    v.id = id;
    v.role = m->role;
    v.text = m->content;
    v.streaming = controller_->isStreaming(id);
    v.busy = controller_->isStreaming();
    const QList<qint64> sib = tree.siblings(id);
    v.branchCount = int(sib.size());
    v.branchIndex = int(sib.indexOf(id));
    if (m->role == Role::User) {
        v.author = tr("You");
        return v;
    }
    QString model = m->generation && !m->generation->modelFile.isEmpty() ? m->generation->modelFile : modelName_;
    if (model.endsWith(QLatin1String(".gguf"))) model.chop(5);
    v.author = model.isEmpty() ? tr("Assistant") : model;
    const GenerationStats live = controller_->statsFor(id);
    v.footer = statsFooter(live, m->generation ? &*m->generation : nullptr, v.streaming);
    const QString reason = !live.stopReason.isEmpty() ? live.stopReason
                           : m->generation       ? m->generation->stopReason
                                                 : (m->complete ? QString() : QStringLiteral("cancelled"));
    v.canContinue = !v.streaming && (reason == QLatin1String("length") || reason == QLatin1String("context") ||
                                     reason == QLatin1String("cancelled"));
    return v;
}

void ChatView::rebuild() {
    for (MessageWidget* w : std::as_const(widgets_)) delete w;
    widgets_.clear();
    const QList<qint64> path = controller_->shownPath();
    empty_->setVisible(path.isEmpty());
    stickToBottom_ = true;
    for (qint64 id : path) append(id);
}

void ChatView::append(qint64 id) {
    if (widgets_.contains(id)) return updateMessage(id);
    const Message* m = controller_->tree().find(id);
    if (!m || m->role == Role::System) return;
    empty_->hide();
    auto* w = new MessageWidget(content_);
    w->setView(viewFor(id));
    layout_->insertWidget(layout_->count() - 1, w);
    widgets_.insert(id, w);
    connect(w, &MessageWidget::regenerateRequested, controller_, &ChatController::regenerate);
    connect(w, &MessageWidget::continueRequested, controller_, &ChatController::continueReply);
    connect(w, &MessageWidget::editSubmitted, controller_, &ChatController::editMessage);
    connect(w, &MessageWidget::siblingRequested, controller_, &ChatController::showSibling);
    connect(w, &MessageWidget::textClicked, this, &ChatView::textClicked);
    stickToBottom_ = true;
    // Siblings of earlier messages may have changed (a new branch shows ‹ n/m ›).
    refreshChrome();
}

void ChatView::updateMessage(qint64 id) {
    if (MessageWidget* w = widgets_.value(id)) w->setView(viewFor(id));
}

void ChatView::refreshChrome() {
    for (auto it = widgets_.begin(); it != widgets_.end(); ++it) it.value()->setView(viewFor(it.key()));
}

void ChatView::retranslate() {
    setAccessibleName(tr("Conversation"));
    emptyTitle_->setText(tr("Start a conversation"));
    emptyText_->setText(tr("Type a message below and press Return. The demo model continues text in English, Russian "
                           "and Chinese; try one of these:"));
    for (QWidget* b : exampleButtons_) b->setAccessibleDescription(tr("Send this example"));
}

void ChatView::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) {
        retranslate();
        refreshChrome();
    }
    QScrollArea::changeEvent(e);
}

}  // namespace glassbox::ui
