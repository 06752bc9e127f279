#pragma once
// The shown branch of the conversation, one MessageWidget per message, in a scroll area that
// follows the newest text while the user is at the bottom. Rebuilt on branch or conversation
// switches; while a reply streams only its own widget changes (once per frame).
#include <QHash>
#include <QScrollArea>

class QVBoxLayout;
class QLabel;

namespace glassbox::ui {

class ChatController;
class MessageWidget;
struct MessageView;

class ChatView : public QScrollArea {
    Q_OBJECT
public:
    explicit ChatView(ChatController* controller, QWidget* parent = nullptr);
    MessageWidget* messageWidget(qint64 id) const { return widgets_.value(id); }
    QList<MessageWidget*> messageWidgets() const;
    void setModelName(const QString& name);

signals:
    void examplePicked(const QString& text);
    void textClicked(qint64 messageId, int offset);  // a click on a message's text (a character of its content)

protected:
    void changeEvent(QEvent* e) override;

private:
    void rebuild();
    void append(qint64 id);
    void updateMessage(qint64 id);
    MessageView viewFor(qint64 id) const;
    void retranslate();
    void refreshChrome();

    ChatController* controller_;
    QWidget* content_;
    QVBoxLayout* layout_;
    QWidget* empty_;
    QLabel* emptyTitle_;
    QLabel* emptyText_;
    QList<QWidget*> exampleButtons_;
    QHash<qint64, MessageWidget*> widgets_;
    QString modelName_;
    bool stickToBottom_ = true;
};

}  // namespace glassbox::ui
