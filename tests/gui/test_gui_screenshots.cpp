// Screenshots of the main states: empty, streaming, a long chat with Markdown and code, the model
// and sampling panels, an error, the context filling up, and the Russian and Chinese UI. PNGs go
// to $GLASSBOX_SCREENSHOT_DIR (tools/screenshots.sh), or to a temporary folder when unset.
#include <QCheckBox>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "app_setup.h"
#include "chat/chat_controller.h"
#include "chat/chat_store.h"
#include "chat/chat_view.h"
#include "chat/message_widget.h"
#include "engine/engine_service.h"
#include "gui_test_util.h"
#include "main_window.h"
#include "util/dialogs.h"

using namespace glassbox;
using namespace glassbox::ui;

class TestGuiScreenshots : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w_;
    QTemporaryDir tmp_;
    QString dir_;

    void shot(QWidget* w, const QString& name) {
        QApplication::processEvents();
        const QPixmap p = w->grab();
        QVERIFY(!p.isNull());
        QVERIFY(p.save(dir_ + "/" + name + ".png"));
    }
    bool idle() { return !w_->controller()->isBusy(); }
    void send(const QString& text) {
        auto* composer = gbgui::find<QPlainTextEdit>(w_.get(), "composer");
        composer->setPlainText(text);  // QTest::keyClicks types Latin-1 only
        composer->moveCursor(QTextCursor::End);
        QTest::keyClick(composer, Qt::Key_Return);
    }
    // A conversation written straight into the store: turns and replies with saved statistics.
    qint64 inject(const QString& title, const QList<QPair<QString, QString>>& turns) {
        ChatStore* s = w_->store();
        LoadedConversation c;
        s->createConversation(title, QString(), this, [&](const LoadedConversation& l) { c = l; });
        if (!QTest::qWaitFor([&] { return c.conversation.id != 0; }, 5000)) return 0;
        qint64 parent = c.messages[0].id;
        for (const auto& [user, reply] : turns) {
            Message u, a;
            s->addMessage(c.conversation.id, parent, Role::User, user, this, [&](const Message& m) { u = m; });
            if (!QTest::qWaitFor([&] { return u.id != 0; }, 5000)) return 0;
            s->beginReply(c.conversation.id, u.id, this, [&](const Message& m) { a = m; });
            if (!QTest::qWaitFor([&] { return a.id != 0; }, 5000)) return 0;
            GenerationInfo g;
            g.modelFile = "polyglot-moe-4m-q8_0.gguf";
            g.genTokens = int(reply.size() / 4);
            g.genTokS = 412.5;
            g.promptTokS = 2310;
            g.stopReason = "eos";
            s->finishReply(a.id, reply, g);
            parent = a.id;
        }
        QTest::qWait(100);
        return c.conversation.id;
    }

private slots:
    void initTestCase() {
        dir_ = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR", tmp_.path());
        QDir().mkpath(dir_);
        MainWindow::Options opt;
        opt.databasePath = gbgui::profileDir().filePath("shots.sqlite");
        opt.demoModelPath = gbgui::demoModel();
        w_ = std::make_unique<MainWindow>(opt);
        w_->resize(1360, 860);
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
        QTRY_VERIFY_WITH_TIMEOUT(w_->engine()->hasModel() && !w_->engine()->isLoading(), 20000);
        gbgui::find<QSpinBox>(w_.get(), "maxTokens")->setValue(48);
        gbgui::fixSeed(w_.get());
    }

    void empty() { shot(w_.get(), "01-empty"); }

    void streaming() {
        w_->engine()->setInspectionProvider(std::make_shared<gbgui::Throttle>(40));
        send("Love is");
        QTRY_VERIFY_WITH_TIMEOUT(w_->controller()->isStreaming() &&
                                     gbgui::find<ChatView>(w_.get(), "chatView")->messageWidgets().last()->view().text.size() > 20,
                                 10000);
        shot(w_.get(), "02-streaming");
        w_->controller()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 5000);
        w_->engine()->setInspectionProvider(nullptr);
        shot(w_.get(), "03-stopped");
    }

    void longChat() {
        const QString code = "Here is a small C++ function:\n\n```cpp\n#include <cstdio>\n\nint main() {\n"
                             "    std::puts(\"Привет, 世界\");\n    return 0;\n}\n```\n\nIt prints one line. **Bold**, "
                             "*italic*, `inline code` and a list:\n\n- one\n- two\n- three";
        const qint64 id = inject("Markdown and code", {{"Show me some code.", code},
                                                       {"And a table?", "| model | tok/s |\n|---|---|\n| demo | 412 |\n| 1B | 26 |"},
                                                       {"Спасибо! 谢谢！", "Пожалуйста. 不客气。"},
                                                       {"One more long paragraph please.",
                                                        QString("The quick brown fox jumps over the lazy dog. ").repeated(12)}});
        QVERIFY(id);
        w_->controller()->openConversation(id);
        QTRY_COMPARE(gbgui::find<ChatView>(w_.get(), "chatView")->messageWidgets().size(), 8);
        QTest::qWait(100);
        shot(w_.get(), "04-long-chat");
        auto* view = gbgui::find<ChatView>(w_.get(), "chatView");
        view->ensureWidgetVisible(view->messageWidgets().first());
        shot(w_.get(), "05-long-chat-top");
    }

    void panels() {
        auto* model = gbgui::find<QDockWidget>(w_.get(), "modelDock");
        model->raise();
        shot(model, "06-model-panel");
        auto* sampling = gbgui::find<QDockWidget>(w_.get(), "samplingDock");
        sampling->raise();
        QTest::qWait(50);
        shot(sampling, "07-sampling-panel");
        model->raise();
    }

    void errors() {
        const QString bad = tmp_.filePath("notes.gguf");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a model");
        f.close();
        w_->openModel(bad);
        QTRY_VERIFY(gbgui::find<QWidget>(w_.get(), "errorBanner")->isVisible());
        shot(w_.get(), "08-error-not-gguf");
        qobject_cast<QAbstractButton*>(gbgui::find<QWidget>(w_.get(), "errorBannerClose"))->click();
    }

    void contextFilling() {
        w_->controller()->newConversation();
        gbgui::find<QSpinBox>(w_.get(), "maxTokens")->setValue(40);
        auto* banner = gbgui::find<QWidget>(w_.get(), "contextBanner");
        for (int i = 0; i < 8 && !banner->isVisible(); ++i) {
            send(QString("The night was dark and the wind was cold and the sea was loud. ").repeated(2));
            QTRY_VERIFY_WITH_TIMEOUT(idle(), 10000);
        }
        QTRY_VERIFY(banner->isVisible());
        shot(w_.get(), "09-context-warning");
        for (int i = 0; i < 8 && !gbgui::find<QPushButton>(w_.get(), "truncateButton"); ++i) {
            send(QString("The night was dark and the wind was cold and the sea was loud. ").repeated(2));
            QTRY_VERIFY_WITH_TIMEOUT(idle(), 10000);
        }
        shot(w_.get(), "10-context-full");
    }

    void languages() {
        w_->controller()->openConversation(1);
        QTest::qWait(200);
        gbgui::find<QAction>(w_.get(), "language_ru")->trigger();
        QTest::qWait(50);
        shot(w_.get(), "11-russian");
        gbgui::find<QDockWidget>(w_.get(), "samplingDock")->raise();
        shot(w_.get(), "12-russian-sampling");
        gbgui::find<QDockWidget>(w_.get(), "modelDock")->raise();
        gbgui::find<QAction>(w_.get(), "language_zh_CN")->trigger();
        QTest::qWait(50);
        shot(w_.get(), "13-chinese");
        w_->controller()->newConversation();
        QTest::qWait(50);
        shot(w_.get(), "14-chinese-empty");
        gbgui::find<QAction>(w_.get(), "language_en")->trigger();
    }

    void cleanupTestCase() {
        w_.reset();
        qInfo("screenshots in %s", qPrintable(dir_));
    }
};

GBGUI_TEST_MAIN(TestGuiScreenshots)
#include "test_gui_screenshots.moc"
