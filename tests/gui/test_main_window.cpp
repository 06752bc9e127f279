// Drives the real main window offscreen: opens the demo model, sends messages and watches them
// stream, stops a reply, regenerates and walks the branches, edits, searches, manages
// conversations, switches language, hits the context limit, reports bad input, and restarts to
// find the history intact.
#include <QAction>
#include <QDockWidget>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include "app_setup.h"
#include "chat/chat_controller.h"
#include "chat/chat_view.h"
#include "chat/message_widget.h"
#include "engine/engine_service.h"
#include "gui_test_util.h"
#include "main_window.h"
#include "util/dialogs.h"

using namespace glassbox;
using namespace glassbox::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w_;
    QString db_;

    void start(const QString& db) {
        MainWindow::Options opt;
        opt.databasePath = db;
        opt.demoModelPath = gbgui::demoModel();
        w_ = std::make_unique<MainWindow>(opt);
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
    }
    template <class T>
    T* get(const QString& name) {
        return gbgui::find<T>(w_.get(), name);
    }
    ChatView* view() { return get<ChatView>("chatView"); }
    MessageWidget* last() {
        const auto l = view()->messageWidgets();
        return l.isEmpty() ? nullptr : l.last();
    }
    QString textOf(MessageWidget* m) { return m ? m->view().text : QString(); }
    bool idle() { return !w_->controller()->isBusy(); }
    void send(const QString& text) {
        auto* composer = get<QPlainTextEdit>("composer");
        composer->setFocus();
        composer->setPlainText(text);  // QTest::keyClicks types Latin-1 only
        composer->moveCursor(QTextCursor::End);
        QTest::keyClick(composer, Qt::Key_Return);
    }
    void fixSeed() { gbgui::fixSeed(w_.get()); }
    void waitLoaded() { QTRY_VERIFY_WITH_TIMEOUT(w_->engine()->hasModel() && !w_->engine()->isLoading(), 20000); }

private slots:
    void initTestCase() {
        db_ = gbgui::profileDir().filePath("history.sqlite");
        start(db_);
        waitLoaded();
        get<QSpinBox>("maxTokens")->setValue(24);
        fixSeed();
    }

    void opensWithTitleFocusAndModel() {
        QVERIFY(w_->windowTitle().startsWith("Glassbox"));
        QVERIFY(get<QWidget>("emptyState")->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), get<QWidget>("composer"));
        QCOMPARE(get<QLabel>("modelArch")->text(), QString("llama"));
        QCOMPARE(get<QLabel>("modelQuant")->text(), QString("Q8_0"));
        QVERIFY(get<QLabel>("modelExperts")->text().startsWith("8 experts, 2"));
        QVERIFY(get<QLabel>("modelMemory")->text().contains("weights"));
        QVERIFY(get<QDockWidget>("inspectorDock"));
        QVERIFY(w_->windowTitle().contains("polyglot"));
    }

    void sendStreamsTokenByToken() {
        w_->engine()->setInspectionProvider(std::make_shared<gbgui::Throttle>(15));
        QStringList seen;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] {
            const QString t = textOf(last());
            if (!t.isEmpty() && (seen.isEmpty() || seen.last() != t)) seen << t;
        });
        sampler.start(5);
        send("Love is");
        QTRY_VERIFY(get<QPushButton>("stopButton")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 10000);
        sampler.stop();
        w_->engine()->setInspectionProvider(nullptr);
        QVERIFY2(seen.size() >= 4, qPrintable(seen.join(" | ")));  // grew over several frames
        const auto msgs = view()->messageWidgets();
        QCOMPARE(msgs.size(), 2);
        QCOMPARE(msgs[0]->view().text, QString("Love is"));
        QVERIFY(!msgs[1]->view().text.isEmpty());
        QVERIFY(msgs[1]->view().footer.contains("tok/s"));
        QVERIFY(get<QLabel>("genSpeed")->text().contains("tok/s"));
        QVERIFY(get<QProgressBar>("contextMeter")->value() > 0);
        QVERIFY(get<QPushButton>("sendButton")->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), get<QWidget>("composer"));  // back to writing
        QVERIFY(w_->windowTitle().contains("Love is"));
    }

    void escStopsMidReply() {
        get<QSpinBox>("maxTokens")->setValue(200);
        w_->engine()->setInspectionProvider(std::make_shared<gbgui::Throttle>(30));
        send("Жизнь — это");
        QTRY_VERIFY_WITH_TIMEOUT(textOf(last()).size() > 3 && w_->controller()->isStreaming(), 10000);
        QTest::keyClick(w_.get(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 2000);
        w_->engine()->setInspectionProvider(nullptr);
        get<QSpinBox>("maxTokens")->setValue(24);
        MessageWidget* reply = last();
        QVERIFY(reply->view().footer.contains("stopped"));
        QVERIFY(w_->controller()->statsFor(reply->messageId()).generatedTokens < 60);
        auto* cont = reply->findChild<QPushButton*>("continueButton");
        QVERIFY(cont->isVisible());
        const QString before = textOf(reply);
        cont->click();  // continue the cut-off reply: it grows in place
        QTRY_VERIFY_WITH_TIMEOUT(idle() && textOf(last()).size() > before.size(), 10000);
        QVERIFY(textOf(last()).startsWith(before));
    }

    void regenerateAndNavigateBranches() {
        MessageWidget* reply = last();
        const QString first = textOf(reply);
        reply->findChild<QToolButton*>("regenerateButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 10000);
        reply = last();
        QCOMPARE(reply->findChild<QLabel*>("branchLabel")->text(), QString("2/2"));
        const QString second = textOf(reply);
        reply->findChild<QToolButton*>("prevBranchButton")->click();
        QTRY_COMPARE(last()->findChild<QLabel*>("branchLabel")->text(), QString("1/2"));
        QCOMPARE(textOf(last()), first);
        last()->findChild<QToolButton*>("nextBranchButton")->click();
        QTRY_COMPARE(textOf(last()), second);
    }

    void editUserMessageMakesABranch() {
        MessageWidget* user = view()->messageWidgets().at(2);  // "Жизнь — это"
        user->findChild<QToolButton*>("editButton")->click();
        auto* editor = user->findChild<QPlainTextEdit*>("editMessageEditor");
        QVERIFY(editor);
        editor->setPlainText("Любовь — это");
        user->findChild<QPushButton*>("saveEditButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(idle() && view()->messageWidgets().size() == 4, 10000);
        user = view()->messageWidgets().at(2);
        QCOMPARE(user->view().text, QString("Любовь — это"));
        QCOMPARE(user->findChild<QLabel*>("branchLabel")->text(), QString("2/2"));
    }

    void systemPromptAndShortcutsPerConversation() {
        const qint64 conv = w_->controller()->currentConversation();
        get<QPlainTextEdit>("systemPrompt")->setPlainText("Answer in verse.");
        QTest::keySequence(w_.get(), QKeySequence(Qt::CTRL | Qt::Key_N));
        QTRY_COMPARE(get<QPlainTextEdit>("systemPrompt")->toPlainText(), QString());
        get<QPlainTextEdit>("systemPrompt")->setFocus();
        QTest::keySequence(w_.get(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QCOMPARE(QApplication::focusWidget(), get<QWidget>("composer"));
        QTest::qWait(500);  // the system prompt is saved once typing pauses
        w_->controller()->openConversation(conv);
        QTRY_COMPARE(get<QPlainTextEdit>("systemPrompt")->toPlainText(), QString("Answer in verse."));
    }

    void searchFindsMessages() {
        QTest::keySequence(w_.get(), QKeySequence(Qt::CTRL | Qt::Key_F));
        auto* box = get<QLineEdit>("searchBox");
        QTRY_COMPARE(QApplication::focusWidget(), box);
        box->setText("Любовь");
        auto* results = get<QListWidget>("searchResults");
        QTRY_VERIFY(results->isVisible() && results->count() >= 1);
        auto* snippet = qobject_cast<QLabel*>(results->itemWidget(results->item(0)));
        QVERIFY(snippet && snippet->text().contains("<b>Любовь</b>"));
        box->clear();
        QTRY_VERIFY(get<QTreeWidget>("conversationList")->isVisible());
    }

    void manageConversations() {
        const qint64 first = w_->controller()->currentConversation();
        QTest::keySequence(w_.get(), QKeySequence(Qt::CTRL | Qt::Key_N));
        QTRY_VERIFY(get<QWidget>("emptyState")->isVisible());
        QCOMPARE(QApplication::focusWidget(), get<QWidget>("composer"));
        send("春眠不觉晓，");
        QTRY_VERIFY_WITH_TIMEOUT(idle() && w_->controller()->currentConversation() != first, 10000);
        auto* list = get<QTreeWidget>("conversationList");
        QTRY_COMPARE(list->topLevelItem(0)->childCount(), 2);  // both under "Today"
        // Rename in place, pin, duplicate, delete.
        QTreeWidgetItem* item = list->topLevelItem(0)->child(0);
        list->setCurrentItem(item);
        item->setText(0, "Poems");
        QTRY_VERIFY(w_->windowTitle().contains("Poems"));
        get<QAction>("pinAction")->trigger();
        QTRY_COMPARE(list->topLevelItem(0)->text(0), QString("Pinned"));
        QCOMPARE(list->topLevelItem(0)->child(0)->text(0), QString("Poems"));
        list->setCurrentItem(list->topLevelItem(0)->child(0));
        get<QAction>("duplicateAction")->trigger();
        QTRY_VERIFY(w_->windowTitle().contains("Poems (copy)"));
        QTRY_COMPARE(view()->messageWidgets().size(), 2);
        QTRY_COMPARE(list->topLevelItem(1)->childCount(), 2);
        dialogs::setNextAnswer(true);
        get<QAction>("deleteAction")->trigger();  // the copy is the current one
        QTRY_COMPARE(list->topLevelItem(1)->childCount(), 1);
        QTRY_VERIFY(get<QWidget>("emptyState")->isVisible());
    }

    void switchingConversationDuringAReplyKeepsItApart() {
        auto* list = get<QTreeWidget>("conversationList");
        list->setCurrentItem(list->topLevelItem(0)->child(0));  // "Poems"
        QTRY_COMPARE(view()->messageWidgets().size(), 2);
        const qint64 poems = w_->controller()->currentConversation();
        w_->engine()->setInspectionProvider(std::make_shared<gbgui::Throttle>(25));
        send("夜来风雨声，");
        QTRY_VERIFY_WITH_TIMEOUT(w_->controller()->isStreaming(), 5000);
        list->setCurrentItem(list->topLevelItem(1)->child(0));  // the first conversation
        QTRY_VERIFY(w_->controller()->currentConversation() != poems);
        const int shown = view()->messageWidgets().size();
        QVERIFY(!w_->controller()->isStreaming());  // this one is not streaming
        QTest::qWait(200);
        QCOMPARE(view()->messageWidgets().size(), shown);  // nothing leaked in here
        list->setCurrentItem(list->topLevelItem(0)->child(0));
        QTRY_COMPARE(w_->controller()->currentConversation(), poems);
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 10000);
        w_->engine()->setInspectionProvider(nullptr);
        QCOMPARE(view()->messageWidgets().size(), 4);
        QVERIFY(!textOf(last()).isEmpty());
    }

    void deletingAConversationWhileItsReplyStreams() {
        QTest::keySequence(w_.get(), QKeySequence(Qt::CTRL | Qt::Key_N));
        w_->engine()->setInspectionProvider(std::make_shared<gbgui::Throttle>(25));
        get<QSpinBox>("maxTokens")->setValue(100);
        send("Doomed");
        QTRY_VERIFY_WITH_TIMEOUT(w_->controller()->isStreaming() && !textOf(last()).isEmpty(), 10000);
        auto* list = get<QTreeWidget>("conversationList");
        QTRY_COMPARE(list->currentItem()->text(0), QString("Doomed"));
        dialogs::setNextAnswer(true);
        get<QAction>("deleteAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(idle() && get<QWidget>("emptyState")->isVisible(), 5000);
        QTest::qWait(200);
        w_->engine()->setInspectionProvider(nullptr);
        get<QSpinBox>("maxTokens")->setValue(24);
        QVERIFY(!get<QWidget>("errorBanner")->isVisible());
        QVERIFY(list->findItems("Doomed", Qt::MatchRecursive).isEmpty());
    }

    void contextFullAsksAndTruncates() {
        QTest::keySequence(w_.get(), QKeySequence(Qt::CTRL | Qt::Key_N));
        get<QSpinBox>("maxTokens")->setValue(40);
        const QString line = "The night was dark and the wind was cold and the sea was loud. ";
        auto* banner = get<QWidget>("contextBanner");
        for (int i = 0; i < 8 && !(banner->isVisible() && get<QPushButton>("truncateButton")); ++i) {
            send(line.repeated(2));
            QTRY_VERIFY_WITH_TIMEOUT(idle(), 10000);
        }
        QTRY_VERIFY(get<QPushButton>("truncateButton"));
        QVERIFY(get<QProgressBar>("contextMeter")->value() > 150);
        get<QPushButton>("truncateButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(idle() && get<QWidget>("noticeBanner")->isVisible(), 10000);
        QVERIFY(get<QLabel>("noticeBannerText")->text().contains("left out"));
        get<QSpinBox>("maxTokens")->setValue(24);
    }

    void badModelFilesShowClearMessages() {
        QTemporaryDir dir;
        const QString text = dir.filePath("readme.gguf");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
        f.close();
        dialogs::setNextFileName(text);
        get<QAction>("openModelAction")->trigger();
        QTRY_VERIFY(get<QWidget>("errorBanner")->isVisible());
        QVERIFY(get<QLabel>("errorBannerText")->text().contains("not a GGUF model file"));
        get<QToolButton>("errorBannerClose")->click();
        {  // the same file dropped on the window
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(text)});
            QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            // Straight to the window: QApplication::notify drops a drop event that no drag started.
            static_cast<QObject*>(w_.get())->event(&drop);
            QVERIFY(drop.isAccepted());
        }
        QTRY_VERIFY(get<QWidget>("errorBanner")->isVisible());
        QVERIFY(get<QLabel>("errorBannerText")->text().contains("readme.gguf"));
        QVERIFY(get<QLabel>("modelError")->isVisible());
        QVERIFY(w_->engine()->hasModel());  // the demo model is still there

        w_->openModel(gbgui::modelWithArchitecture(dir.path(), "rwkv6"));
        QTRY_VERIFY(get<QLabel>("errorBannerText")->text().contains("unsupported architecture 'rwkv6'"));

        w_->engine()->setMemoryLimit(1024 * 1024);
        w_->openModel(gbgui::demoModel());
        QTRY_VERIFY(get<QLabel>("errorBannerText")->text().contains("needs"));
        w_->engine()->setMemoryLimit(0);
        w_->openModel(gbgui::demoModel());
        waitLoaded();
        QTRY_VERIFY(!get<QWidget>("errorBanner")->isVisible());
    }

    void languagesSwitchAtRunTime() {
        QVERIFY(QFile::exists(":/i18n/glassbox_ru.qm") && QFile::exists(":/i18n/glassbox_zh_CN.qm"));
        get<QAction>("language_ru")->trigger();  // the UI retranslates on the LanguageChange event
        QTRY_COMPARE(get<QPushButton>("newChatButton")->text(), QString("Новый чат"));
        QCOMPARE(get<QPushButton>("sendButton")->text(), QString("Отправить"));
        QCOMPARE(get<QDockWidget>("modelDock")->windowTitle(), QString("Модель"));
        get<QAction>("language_zh_CN")->trigger();
        QTRY_COMPARE(get<QPushButton>("newChatButton")->text(), QString("新建对话"));
        get<QAction>("language_en")->trigger();
        QTRY_COMPARE(get<QPushButton>("newChatButton")->text(), QString("New chat"));
    }

    void restartFindsHistoryIntact() {
        auto* list = get<QTreeWidget>("conversationList");
        int conversations = 0;
        for (int g = 0; g < list->topLevelItemCount(); ++g) conversations += list->topLevelItem(g)->childCount();
        get<QDoubleSpinBox>("temperature")->setValue(0.55);
        w_.reset();  // quit
        start(db_);
        QCOMPARE(get<QDoubleSpinBox>("temperature")->value(), 0.55);  // settings persist
        QCOMPARE(get<QDoubleSpinBox>("lengthPenalty")->value(), 1.0);
        QVERIFY(get<QCheckBox>("earlyStopping")->isChecked());
        waitLoaded();
        list = get<QTreeWidget>("conversationList");
        int again = 0;
        QTRY_VERIFY(list->topLevelItemCount() > 0);
        for (int g = 0; g < list->topLevelItemCount(); ++g) again += list->topLevelItem(g)->childCount();
        QCOMPARE(again, conversations);
        QCOMPARE(list->topLevelItem(0)->text(0), QString("Pinned"));
        // The first conversation: its edited branch and the regenerated reply are there.
        QTreeWidgetItem* first = list->topLevelItem(1)->child(list->topLevelItem(1)->childCount() - 1);
        QCOMPARE(first->text(0), QString("Love is"));
        list->setCurrentItem(first);
        QTRY_COMPARE(view()->messageWidgets().size(), 4);
        QCOMPARE(view()->messageWidgets().at(0)->view().text, QString("Love is"));
        QCOMPARE(view()->messageWidgets().at(2)->findChild<QLabel*>("branchLabel")->text(), QString("2/2"));
        QVERIFY(view()->messageWidgets().at(1)->view().footer.contains("tok/s"));  // speeds kept with the message
        get<QSpinBox>("maxTokens")->setValue(24);
    }

    void corruptHistoryIsReported() {
        w_.reset();
        const QString bad = gbgui::profileDir().filePath("broken.sqlite");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        start(bad);
        QTRY_VERIFY(get<QWidget>("errorBanner")->isVisible());
        QVERIFY2(get<QLabel>("errorBannerText")->text().contains("history"), qPrintable(get<QLabel>("errorBannerText")->text()));
        auto* recover = get<QPushButton>("recoverHistoryButton");
        QVERIFY(recover);
        recover->click();
        QTRY_VERIFY(!get<QWidget>("errorBanner")->isVisible());
        waitLoaded();
        QTRY_VERIFY(get<QWidget>("composer")->isEnabled());  // the fresh history is open
        QVERIFY(w_->store()->isPersistent());
        send("Love is");
        QTRY_VERIFY_WITH_TIMEOUT(idle() && view()->messageWidgets().size() == 2, 10000);
        QVERIFY(!QDir(gbgui::profileDir().path()).entryList({"broken.sqlite.corrupt-*"}).isEmpty());
    }

    void cleanupTestCase() { w_.reset(); }
};

GBGUI_TEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
