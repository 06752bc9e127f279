#pragma once
// The left column: New chat, the search box with result snippets, and the conversations grouped
// as Pinned, Today, Yesterday, Previous 7 days, Previous 30 days, Older. Right-click (or the
// actions) renames in place, pins, duplicates and deletes.
#include <QHash>
#include <QWidget>

#include "chat/chat_store.h"

class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;
class QAction;
class QLabel;

namespace glassbox::ui {

class ConversationSidebar : public QWidget {
    Q_OBJECT
public:
    ConversationSidebar(ChatStore* store, QWidget* parent = nullptr);
    void setCurrent(qint64 conversationId);
    qint64 selectedConversation() const;
    QLineEdit* searchBox() const { return search_; }
    void focusSearch();
    void reload();
    QString titleOf(qint64 id) const { return conversations_.value(id).title; }

signals:
    void conversationActivated(qint64 id);
    void newChatRequested();
    void deleteRequested(qint64 id);
    void duplicateRequested(qint64 id);
    void searchResultActivated(qint64 conversationId, qint64 messageId);
    void listLoaded();  // titles (titleOf) are current

protected:
    void changeEvent(QEvent* e) override;

private:
    void runSearch();
    void populate(QList<Conversation> all);
    void showResults(const QList<SearchHit>& hits);
    void showMenu(const QPoint& pos);
    void renameSelected();
    void retranslate();
    QTreeWidgetItem* itemFor(qint64 id) const;

    ChatStore* store_;
    QPushButton* newChat_;
    QLineEdit* search_;
    QTimer* searchTimer_;
    QTreeWidget* list_;
    QListWidget* results_;
    QLabel* noResults_;
    QAction *rename_, *pin_, *duplicate_, *delete_;
    QHash<qint64, Conversation> conversations_;
    qint64 current_ = 0;
    bool reloading_ = false;
};

}  // namespace glassbox::ui
