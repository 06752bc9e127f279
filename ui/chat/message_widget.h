#pragma once
// One message of the shown branch: who wrote it, branch navigation (‹ 2/3 ›), actions (copy,
// edit, regenerate, continue), the text as Markdown with code blocks, and the reply's statistics.
// Updating the text only touches the blocks that changed. A click on the text (not a drag, not a
// selection) says which character of the message it hit (textClicked: the inspector shows that
// token).
#include <QFrame>

#include "history/history_types.h"

class QLabel;
class QPlainTextEdit;
class QToolButton;
class QVBoxLayout;
class QPushButton;

namespace glassbox::ui {

struct MessageView {
    qint64 id = 0;
    gb::history::Role role = gb::history::Role::User;
    QString text;
    QString author;        // "You", the model's name
    QString footer;        // statistics, stop reason
    bool streaming = false;
    bool canContinue = false;
    bool busy = false;     // a reply streams in this conversation: no edits or regeneration
    int branchIndex = 0;   // 0-based among its siblings
    int branchCount = 1;
};

class MessageWidget : public QFrame {
    Q_OBJECT
public:
    explicit MessageWidget(QWidget* parent = nullptr);
    qint64 messageId() const { return view_.id; }
    const MessageView& view() const { return view_; }
    void setView(const MessageView& v);
    void setText(const QString& text, bool streaming);  // the fast path while streaming
    bool isEditing() const { return editor_ != nullptr; }

signals:
    void regenerateRequested(qint64 id);
    void continueRequested(qint64 id);
    void editSubmitted(qint64 id, const QString& text);
    void siblingRequested(qint64 id, int delta);
    void textClicked(qint64 id, int offset);  // offset: a character of view().text

protected:
    void changeEvent(QEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* e) override;

private:
    void retranslate();
    void updateChrome();
    void renderBody();
    void startEditing();
    void finishEditing(bool submit);
    QToolButton* makeButton(const char* objectName);
    int offsetAt(QObject* watched, const QPoint& pos) const;  // in view_.text, -1: none

    MessageView view_;
    QString rendered_;
    QLabel* author_;
    QLabel* branchLabel_;
    QToolButton *prev_, *next_, *copy_, *edit_, *regenerate_;
    QPushButton* continue_;
    QLabel* footer_;
    QLabel* waiting_;
    QWidget* body_;
    QVBoxLayout* bodyLayout_;
    QList<QWidget*> blocks_;
    QStringList blockTexts_;   // each block's source text (Markdown for prose)
    QList<int> blockStarts_;   // where it starts in view_.text (-1: not found)
    QPoint pressPos_;
    QObject* pressed_ = nullptr;
    QWidget* editBox_ = nullptr;
    QPlainTextEdit* editor_ = nullptr;
};

}  // namespace glassbox::ui
