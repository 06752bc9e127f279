#pragma once
// One conversation's messages as a tree (an edit or a regeneration adds a sibling) and the branch
// being shown: for every parent, which child is selected. Pure data, no widgets.
#include <QHash>
#include <QList>

#include "history/history_types.h"

namespace glassbox::ui {

using gb::history::Message;

class ConversationTree {
public:
    void reset(const QList<Message>& messages, qint64 leafId = 0);

    bool isEmpty() const { return byId_.isEmpty(); }
    bool contains(qint64 id) const { return byId_.contains(id); }
    const Message* find(qint64 id) const;
    Message* find(qint64 id);

    void add(const Message& m);  // becomes the selected child of its parent
    void remove(qint64 id);      // and its descendants
    QList<qint64> children(qint64 parentId) const;  // oldest first (0: the roots)
    QList<qint64> siblings(qint64 id) const { return children(parentOf(id)); }
    qint64 parentOf(qint64 id) const;

    // The branch shown: root … leaf, following the selected child at each step.
    QList<qint64> path() const;
    qint64 leaf() const;
    void select(qint64 id);              // show the branch through this message
    void selectSibling(qint64 id, int delta);  // ‹ / ›: the previous or next sibling's branch
    QList<qint64> allIds() const { return byId_.keys(); }

private:
    QHash<qint64, Message> byId_;
    QHash<qint64, QList<qint64>> children_;  // parent -> children, oldest first
    QHash<qint64, qint64> selected_;         // parent -> selected child
};

}  // namespace glassbox::ui
