#include "sidebar/conversation_sidebar.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "chat/chat_store.h"

namespace glassbox::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kMessageRole = Qt::UserRole + 2;

enum Group { Pinned, Today, Yesterday, Week, Month, Older, GroupCount };

Group groupOf(const Conversation& c, const QDate& today) {
    if (c.pinned) return Pinned;
    const QDate d = QDateTime::fromMSecsSinceEpoch(c.updatedMs).date();
    const qint64 days = d.daysTo(today);
    if (days <= 0) return Today;
    if (days == 1) return Yesterday;
    if (days < 7) return Week;
    if (days < 30) return Month;
    return Older;
}

QString groupTitle(Group g) {
    switch (g) {
    case Pinned: return ConversationSidebar::tr("Pinned");
    case Today: return ConversationSidebar::tr("Today");
    case Yesterday: return ConversationSidebar::tr("Yesterday");
    case Week: return ConversationSidebar::tr("Previous 7 days");
    case Month: return ConversationSidebar::tr("Previous 30 days");
    default: return ConversationSidebar::tr("Older");
    }
}

// Matches come wrapped in U+0001 … U+0002: bold them, escape the rest.
QString snippetHtml(const QString& s) {
    return s.toHtmlEscaped().replace(QChar(1), QStringLiteral("<b>")).replace(QChar(2), QStringLiteral("</b>"));
}
}  // namespace

ConversationSidebar::ConversationSidebar(ChatStore* store, QWidget* parent) : QWidget(parent), store_(store) {
    setObjectName(QStringLiteral("sidebar"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 4, 8);
    newChat_ = new QPushButton(this);
    newChat_->setObjectName(QStringLiteral("newChatButton"));
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("searchBox"));
    search_->setClearButtonEnabled(true);
    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("conversationList"));
    list_->setHeaderHidden(true);
    list_->setRootIsDecorated(false);
    list_->setIndentation(0);
    list_->setContextMenuPolicy(Qt::CustomContextMenu);
    list_->setEditTriggers(QAbstractItemView::EditKeyPressed);
    results_ = new QListWidget(this);
    results_->setObjectName(QStringLiteral("searchResults"));
    results_->setWordWrap(true);
    results_->hide();
    noResults_ = new QLabel(this);
    noResults_->setObjectName(QStringLiteral("noResults"));
    noResults_->setWordWrap(true);
    noResults_->hide();
    v->addWidget(newChat_);
    v->addWidget(search_);
    v->addWidget(list_, 1);
    v->addWidget(results_, 1);
    v->addWidget(noResults_);

    rename_ = new QAction(this);
    rename_->setObjectName(QStringLiteral("renameAction"));
    rename_->setShortcut(Qt::Key_F2);
    rename_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    pin_ = new QAction(this);
    pin_->setObjectName(QStringLiteral("pinAction"));
    duplicate_ = new QAction(this);
    duplicate_->setObjectName(QStringLiteral("duplicateAction"));
    delete_ = new QAction(this);
    delete_->setObjectName(QStringLiteral("deleteAction"));
    delete_->setShortcut(QKeySequence::Delete);
    delete_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    list_->addActions({rename_, pin_, duplicate_, delete_});

    searchTimer_ = new QTimer(this);
    searchTimer_->setSingleShot(true);
    searchTimer_->setInterval(150);
    connect(search_, &QLineEdit::textChanged, searchTimer_, qOverload<>(&QTimer::start));
    connect(searchTimer_, &QTimer::timeout, this, &ConversationSidebar::runSearch);
    connect(newChat_, &QPushButton::clicked, this, &ConversationSidebar::newChatRequested);
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (reloading_ || !item) return;
        const qint64 id = item->data(0, kIdRole).toLongLong();
        if (id && id != current_) emit conversationActivated(id);
    });
    connect(list_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item) {
        if (reloading_) return;
        const qint64 id = item->data(0, kIdRole).toLongLong();
        const QString title = item->text(0).trimmed();
        if (id && !title.isEmpty() && title != conversations_.value(id).title) {
            conversations_[id].title = title;
            store_->renameConversation(id, title);
        }
    });
    connect(list_, &QTreeWidget::customContextMenuRequested, this, &ConversationSidebar::showMenu);
    connect(results_, &QListWidget::itemActivated, this, [this](QListWidgetItem* it) {
        emit searchResultActivated(it->data(kIdRole).toLongLong(), it->data(kMessageRole).toLongLong());
    });
    connect(results_, &QListWidget::itemClicked, results_, &QListWidget::itemActivated);
    connect(rename_, &QAction::triggered, this, &ConversationSidebar::renameSelected);
    connect(pin_, &QAction::triggered, this, [this] {
        if (const qint64 id = selectedConversation()) store_->setPinned(id, !conversations_.value(id).pinned);
    });
    connect(duplicate_, &QAction::triggered, this, [this] {
        if (const qint64 id = selectedConversation()) emit duplicateRequested(id);
    });
    connect(delete_, &QAction::triggered, this, [this] {
        if (const qint64 id = selectedConversation()) emit deleteRequested(id);
    });
    connect(store_, &ChatStore::conversationsChanged, this, &ConversationSidebar::reload);
    retranslate();
    reload();
}

void ConversationSidebar::reload() {
    store_->listConversations(this, [this](const QList<Conversation>& all) { populate(all); });
}

void ConversationSidebar::populate(QList<Conversation> all) {
    conversations_.clear();
    for (const Conversation& c : all) conversations_.insert(c.id, c);
    reloading_ = true;
    list_->clear();
    std::sort(all.begin(), all.end(), [](const Conversation& a, const Conversation& b) {
        return a.updatedMs != b.updatedMs ? a.updatedMs > b.updatedMs : a.id > b.id;
    });
    const QDate today = QDate::currentDate();
    QTreeWidgetItem* groups[GroupCount] = {};
    QFont headerFont = list_->font();
    headerFont.setBold(true);
    for (int g = 0; g < GroupCount; ++g) {
        for (const Conversation& c : all) {
            if (groupOf(c, today) != g) continue;
            if (!groups[g]) {
                groups[g] = new QTreeWidgetItem(list_, {groupTitle(Group(g))});
                groups[g]->setFlags(Qt::ItemIsEnabled);
                groups[g]->setFont(0, headerFont);
                groups[g]->setExpanded(true);
            }
            auto* it = new QTreeWidgetItem(groups[g], {c.title.isEmpty() ? tr("Untitled") : c.title});
            it->setData(0, kIdRole, c.id);
            it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
            it->setToolTip(0, c.title);
        }
    }
    list_->expandAll();
    if (QTreeWidgetItem* cur = itemFor(current_)) list_->setCurrentItem(cur);
    reloading_ = false;
    if (!search_->text().isEmpty()) runSearch();
    emit listLoaded();
}

QTreeWidgetItem* ConversationSidebar::itemFor(qint64 id) const {
    for (int g = 0; g < list_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = list_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->data(0, kIdRole).toLongLong() == id) return group->child(i);
    }
    return nullptr;
}

void ConversationSidebar::setCurrent(qint64 id) {
    current_ = id;
    reloading_ = true;
    if (QTreeWidgetItem* it = itemFor(id))
        list_->setCurrentItem(it);
    else
        list_->setCurrentItem(nullptr);
    reloading_ = false;
}

qint64 ConversationSidebar::selectedConversation() const {
    QTreeWidgetItem* it = list_->currentItem();
    return it ? it->data(0, kIdRole).toLongLong() : 0;
}

void ConversationSidebar::focusSearch() {
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void ConversationSidebar::runSearch() {
    const QString q = search_->text().trimmed();
    results_->clear();
    const bool searching = !q.isEmpty();
    list_->setVisible(!searching);
    results_->setVisible(searching);
    noResults_->setVisible(false);
    if (!searching) return;
    store_->search(q, this, [this, q](const QList<SearchHit>& hits) {
        if (q == search_->text().trimmed()) showResults(hits);
    });
}

void ConversationSidebar::showResults(const QList<SearchHit>& hits) {
    results_->clear();
    for (const SearchHit& h : hits) {
        auto* it = new QListWidgetItem(results_);
        it->setData(kIdRole, h.conversationId);
        it->setData(kMessageRole, h.messageId);
        it->setData(Qt::AccessibleTextRole, h.conversationTitle + QStringLiteral(": ") +
                                                QString(h.snippet).remove(QChar(1)).remove(QChar(2)));
        auto* label = new QLabel(QStringLiteral("<b>%1</b><br>%2").arg(h.conversationTitle.toHtmlEscaped(), snippetHtml(h.snippet)));
        label->setObjectName(QStringLiteral("searchSnippet"));
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setContentsMargins(4, 3, 4, 3);
        it->setSizeHint(label->sizeHint());
        results_->setItemWidget(it, label);
    }
    noResults_->setVisible(hits.isEmpty());
}

void ConversationSidebar::showMenu(const QPoint& pos) {
    QTreeWidgetItem* it = list_->itemAt(pos);
    if (!it || !it->data(0, kIdRole).toLongLong()) return;
    list_->setCurrentItem(it);
    pin_->setText(conversations_.value(selectedConversation()).pinned ? tr("Unpin") : tr("Pin"));
    QMenu menu(this);
    menu.addActions({rename_, pin_, duplicate_});
    menu.addSeparator();
    menu.addAction(delete_);
    menu.exec(list_->viewport()->mapToGlobal(pos));
    retranslate();
}

void ConversationSidebar::renameSelected() {
    if (QTreeWidgetItem* it = list_->currentItem(); it && it->data(0, kIdRole).toLongLong()) list_->editItem(it);
}

void ConversationSidebar::retranslate() {
    newChat_->setText(tr("New chat"));
    newChat_->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    newChat_->setAccessibleName(tr("New chat"));
    search_->setPlaceholderText(tr("Search all conversations (Ctrl+F)"));
    search_->setAccessibleName(tr("Search conversations"));
    list_->setAccessibleName(tr("Conversations"));
    results_->setAccessibleName(tr("Search results"));
    noResults_->setText(tr("No message matches."));
    rename_->setText(tr("Rename"));
    pin_->setText(tr("Pin / unpin"));
    duplicate_->setText(tr("Duplicate"));
    delete_->setText(tr("Delete"));
}

void ConversationSidebar::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
