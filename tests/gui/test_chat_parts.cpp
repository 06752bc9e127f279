// The chat's parts without the engine: the message tree and its branches, Markdown splitting,
// prompt formats, the in-memory store, the composer's keys, streaming widget updates.
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QtTest>

#include "app_setup.h"
#include "chat/code_block_widget.h"
#include "chat/composer.h"
#include "chat/conversation_tree.h"
#include "chat/markdown_blocks.h"
#include "chat/memory_chat_store.h"
#include "chat/message_widget.h"
#include "engine/prompt_format.h"
#include "gui_test_util.h"

using namespace glassbox;
using namespace glassbox::ui;

static Message msg(qint64 id, qint64 parent, Role role, const QString& text) {
    Message m;
    m.id = id;
    m.parentId = parent;
    m.role = role;
    m.content = text;
    return m;
}

class TestChatParts : public QObject {
    Q_OBJECT
private slots:
    void treeBranches() {
        ConversationTree t;
        t.reset({msg(1, 0, Role::System, ""), msg(2, 1, Role::User, "hi"), msg(3, 2, Role::Assistant, "a"),
                 msg(4, 2, Role::Assistant, "b"), msg(5, 4, Role::User, "more"), msg(6, 1, Role::User, "edited")});
        QCOMPARE(t.path(), (QList<qint64>{1, 6}));  // newest branch by default
        t.select(3);
        QCOMPARE(t.path(), (QList<qint64>{1, 2, 3}));
        QCOMPARE(t.siblings(3), (QList<qint64>{3, 4}));
        t.selectSibling(3, +1);
        QCOMPARE(t.path(), (QList<qint64>{1, 2, 4, 5}));
        t.selectSibling(2, +1);
        QCOMPARE(t.leaf(), qint64(6));
        t.selectSibling(6, -1);
        QCOMPARE(t.leaf(), qint64(5));  // the branch below keeps its choice
        t.reset({msg(1, 0, Role::System, ""), msg(2, 1, Role::User, "hi"), msg(3, 2, Role::Assistant, "a"),
                 msg(4, 2, Role::Assistant, "b")}, 3);
        QCOMPARE(t.leaf(), qint64(3));  // the remembered leaf
        t.remove(2);
        QCOMPARE(t.path(), (QList<qint64>{1}));
    }

    void markdownSplitsCodeBlocks() {
        const auto b = splitMarkdown("Intro **bold**\n\n```cpp\nint x = 1;\n```\nAfter\n~~~\nraw\n");
        QCOMPARE(b.size(), 4);
        QCOMPARE(b[0].kind, MarkdownBlock::Prose);
        QCOMPARE(b[1].kind, MarkdownBlock::Code);
        QCOMPARE(b[1].language, QString("cpp"));
        QCOMPARE(b[1].text, QString("int x = 1;"));
        QCOMPARE(b[2].text, QString("After"));
        QCOMPARE(b[3].text, QString("raw\n"));  // still open while streaming
        QCOMPARE(splitMarkdown("plain").size(), 1);
    }

    void promptFormats() {
        std::vector<PromptTurn> turns{{ChatTurn::System, "Be brief."}, {ChatTurn::User, "Hi"}};
        // Qwen2's template (rendered by the engine's Jinja renderer).
        PromptFormat chatml(
            "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou "
            "are a helpful assistant.<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + "
            "'<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}");
        QCOMPARE(chatml.name(), std::string("chatml"));
        QCOMPARE(chatml.render(turns, false),
                 std::string("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"));
        PromptFormat llama3("{% broken <|start_header_id|>");  // does not parse: the built-in Llama 3 format
        QCOMPARE(llama3.render({{ChatTurn::User, "Hi"}}, false),
                 std::string("<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"));
        PromptFormat plain;
        QVERIFY(plain.isPlain());
        QCOMPARE(plain.render({{ChatTurn::User, "Love is"}, {ChatTurn::Assistant, " blind."}, {ChatTurn::User, "Then"}}, false),
                 std::string("Love is blind.\n\nThen"));
        QCOMPARE(chatml.render({{ChatTurn::User, "Hi"}, {ChatTurn::Assistant, "Hel"}}, true),
                 std::string("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                             "<|im_start|>assistant\nHel"));
    }

    void memoryStoreAnswersLater() {
        MemoryChatStore store;
        LoadedConversation created;
        store.createConversation("T", "sys", this, [&](const LoadedConversation& c) { created = c; });
        QCOMPARE(created.conversation.id, qint64(0));  // not yet: answers are queued
        QTRY_VERIFY(created.conversation.id != 0);
        QCOMPARE(created.messages.size(), 1);
        Message user;
        store.addMessage(created.conversation.id, created.messages[0].id, Role::User, "find the needle here", this,
                         [&](const Message& m) { user = m; });
        QTRY_VERIFY(user.id != 0);
        QList<SearchHit> hits;
        store.search("needle", this, [&](const QList<SearchHit>& h) { hits = h; });
        QTRY_COMPARE(hits.size(), 1);
        QVERIFY(hits[0].snippet.contains(QString(QChar(1)) + "needle" + QChar(2)));
        qint64 copy = 0;
        store.duplicateConversation(created.conversation.id, "T copy", this, [&](const qint64& id) { copy = id; });
        QTRY_VERIFY(copy != 0);
        LoadedConversation c;
        store.loadConversation(copy, this, [&](const LoadedConversation& l) { c = l; });
        QTRY_COMPARE(c.messages.size(), 2);
    }

    void composerKeys() {
        Composer composer;
        QSignalSpy sent(&composer, &Composer::sendRequested);
        composer.show();
        QTest::keyClicks(composer.editor(), "first line");
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer.editor(), "second");
        QCOMPARE(sent.size(), 0);
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), QString("first line\nsecond"));
        QVERIFY(composer.text().isEmpty());
        composer.setStreaming(true);
        QTest::keyClicks(composer.editor(), "draft");
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);  // no send while a reply streams; the draft stays
        QCOMPARE(composer.text(), QString("draft"));
    }

    void messageWidgetUpdatesOnlyWhatChanged() {
        MessageWidget w;
        MessageView v;
        v.id = 7;
        v.role = Role::Assistant;
        v.text = "Here:\n```py\nprint(1)\n";
        v.streaming = true;
        w.setView(v);
        auto* code = w.findChild<CodeBlockWidget*>();
        QVERIFY(code);
        w.setText(v.text + "print(2)\n```\nDone.", true);
        QCOMPARE(w.findChild<CodeBlockWidget*>(), code);  // the same widget, grown
        QCOMPARE(code->code(), QString("print(1)\nprint(2)"));
        QCOMPARE(w.findChildren<QLabel*>("messageText").size(), 2);
    }
};

GBGUI_TEST_MAIN(TestChatParts)
#include "test_chat_parts.moc"
