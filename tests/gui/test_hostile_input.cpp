// Hostile input through the real main window (offscreen): a megabyte pasted into the composer, a
// prompt longer than the model's context under every context policy, and a model bigger than
// the memory available. Each ends in one clear message; the history keeps every word the user
// wrote, and the window keeps answering.
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>
#include <functional>

#include "app_setup.h"
#include "chat/chat_controller.h"
#include "chat/chat_store.h"
#include "chat/chat_view.h"
#include "chat/message_widget.h"
#include "engine/engine_service.h"
#include "engine/engine_worker.h"
#include "engine/model_probe.h"
#include "gui_test_util.h"
#include "main_window.h"
#include "util/dialogs.h"

using namespace glassbox;
using namespace glassbox::ui;

namespace {

// Just over 1 MiB of UTF-8 in numbered lines of Latin, Cyrillic, CJK and an emoji.
QString megabyteOfText() {
    QString s;
    for (qsizetype i = 0, bytes = 0; bytes < (1 << 20); ++i) {
        const QString line = QStringLiteral("Line %1: the night was dark, ночь была тёмной, 夜很黑 🌙\n").arg(i);
        bytes += line.toUtf8().size();
        s += line;
    }
    return s;
}

// The longest time the event loop went without running a 10 ms timer until `done` holds.
qint64 longestStall(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock, total;
    clock.start();
    total.start();
    qint64 worst = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        worst = qMax(worst, clock.restart());
    });
    tick.start(10);
    while (!done() && total.elapsed() < timeoutMs) QTest::qWait(10);
    return qMax(worst, clock.elapsed());
}

}  // namespace

class TestHostileInput : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w_;

    template <class T>
    T* get(const QString& name) {
        return gbgui::find<T>(w_.get(), name);
    }
    bool idle() { return !w_->controller()->isBusy(); }
    QString errorText() { return get<QLabel>("errorBannerText")->text(); }
    void waitLoaded() { QTRY_VERIFY_WITH_TIMEOUT(w_->engine()->hasModel() && !w_->engine()->isLoading(), 20000); }
    void newChat() {
        QTest::keySequence(w_.get(), QKeySequence(Qt::CTRL | Qt::Key_N));
        QTRY_VERIFY(get<QWidget>("emptyState")->isVisible());
    }
    void send(const QString& text) {
        auto* composer = get<QPlainTextEdit>("composer");
        composer->setFocus();
        composer->setPlainText(text);
        QTest::keyClick(composer, Qt::Key_Return);
    }
    void setPolicy(ContextPolicy p) {
        auto* box = get<QComboBox>("contextPolicy");
        box->setCurrentIndex(int(p));
        emit box->activated(int(p));  // what the panel listens to (a user's choice)
    }
    // The conversation as the history database holds it (read back through the window's store).
    QList<Message> stored(qint64 conversation) {
        QList<Message> out;
        bool done = false;
        w_->store()->loadConversation(conversation, this, [&](const LoadedConversation& c) {
            out = c.messages;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000)) qWarning("the history did not answer");
        return out;
    }
    QStringList storedTexts(qint64 conversation, Role role) {
        QStringList t;
        for (const Message& m : stored(conversation))
            if (m.role == role) t << m.content;
        return t;
    }
    int conversationCount() {
        auto* list = get<QTreeWidget>("conversationList");
        int n = 0;
        for (int g = 0; g < list->topLevelItemCount(); ++g) n += list->topLevelItem(g)->childCount();
        return n;
    }
    // A short message gets a reply: the window and the engine still work.
    void stillAnswers() {
        newChat();
        send("Love is");
        QTRY_VERIFY_WITH_TIMEOUT(idle() && get<ChatView>("chatView")->messageWidgets().size() == 2, 20000);
        QVERIFY(!get<ChatView>("chatView")->messageWidgets().last()->view().text.isEmpty());
    }

private slots:
    void initTestCase() {
        MainWindow::Options opt;
        opt.databasePath = gbgui::profileDir().filePath("history.sqlite");
        opt.demoModelPath = gbgui::demoModel();
        w_ = std::make_unique<MainWindow>(opt);
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
        waitLoaded();
        QCOMPARE(w_->engine()->contextSize(), 256);  // the demo model's own context
        get<QSpinBox>("maxTokens")->setValue(16);
        gbgui::fixSeed(w_.get());
    }

    void pastedMegabyteIsKeptAndRefusedClearly() {
        newChat();
        const QString big = megabyteOfText();
        QGuiApplication::clipboard()->setText(big);
        auto* composer = get<QPlainTextEdit>("composer");
        composer->setFocus();
        QTest::keySequence(composer, QKeySequence::Paste);
        QCOMPARE(composer->toPlainText().size(), big.size());
        QTest::keyClick(composer, Qt::Key_Return);
        const qint64 stall = longestStall([&] { return idle() && get<QWidget>("errorBanner")->isVisible(); }, 60000);
        QVERIFY2(idle(), "the reply never ended");
        QVERIFY2(errorText().contains("alone is longer than the model's context of 256 tokens"), qPrintable(errorText()));
        QVERIFY(!get<QWidget>("contextBanner")->isVisible());  // no choice that could not help
        QVERIFY2(stall < 2000, qPrintable(QString("the window froze for %1 ms").arg(stall)));
        qInfo("longest stall of the event loop: %lld ms", stall);

        const qint64 conv = w_->controller()->currentConversation();
        QVERIFY(conv != 0);
        QCOMPARE(storedTexts(conv, Role::User), QStringList{big});  // every byte, in the history
        QVERIFY(storedTexts(conv, Role::Assistant).isEmpty());    // no empty or half reply
        const auto shown = get<ChatView>("chatView")->messageWidgets();
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown[0]->view().text, big);
        QString laidOut;  // what the labels wrap: the start of the message and a note
        for (auto* l : shown[0]->findChildren<QLabel*>("messageText")) laidOut += l->text();
        QVERIFY2(laidOut.size() < 20000 && big.startsWith(laidOut.left(16000)), qPrintable(laidOut.right(200)));
        QVERIFY(laidOut.contains("more characters are not shown here"));

        // Going on in the same chat: only dropping the megabyte helps, and then the reply comes.
        send("Love is");
        QTRY_VERIFY_WITH_TIMEOUT(idle() && get<QPushButton>("truncateButton") && get<QWidget>("contextBanner")->isVisible(), 60000);
        get<QPushButton>("truncateButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(idle() && get<ChatView>("chatView")->messageWidgets().size() == 3, 60000);
        QVERIFY(get<QLabel>("noticeBannerText")->text().contains("left out"));
        QCOMPARE(storedTexts(conv, Role::User), (QStringList{big, "Love is"}));
        QCOMPARE(storedTexts(conv, Role::Assistant).size(), 1);
        setPolicy(ContextPolicy::Ask);
    }

    void promptLongerThanContextLosesNothing_data() {
        QTest::addColumn<int>("policy");
        QTest::newRow("ask") << int(ContextPolicy::Ask);
        QTest::newRow("drop oldest") << int(ContextPolicy::TruncateOldest);
        QTest::newRow("new chat") << int(ContextPolicy::NewChat);
    }
    void promptLongerThanContextLosesNothing() {
        QFETCH(int, policy);
        get<QToolButton>("errorBannerClose")->click();
        newChat();
        setPolicy(ContextPolicy(policy));
        send("Love is");
        QTRY_VERIFY_WITH_TIMEOUT(idle() && get<ChatView>("chatView")->messageWidgets().size() == 2, 20000);
        const qint64 conv = w_->controller()->currentConversation();
        const QString reply = get<ChatView>("chatView")->messageWidgets().last()->view().text;
        const int conversations = conversationCount();

        const QString longPrompt = QString("The night was dark and the wind was cold and the sea was loud. ").repeated(40);
        send(longPrompt);
        QTRY_VERIFY_WITH_TIMEOUT(idle() && get<QWidget>("errorBanner")->isVisible(), 20000);
        QVERIFY2(errorText().contains("alone is longer than the model's context of 256 tokens"), qPrintable(errorText()));
        QVERIFY(!get<QWidget>("contextBanner")->isVisible());
        QTest::qWait(300);  // nothing more happens: no retry, no new chat after new chat
        QCOMPARE(w_->controller()->currentConversation(), conv);
        QCOMPARE(conversationCount(), conversations);
        QVERIFY(idle());

        QCOMPARE(storedTexts(conv, Role::User), (QStringList{"Love is", longPrompt}));
        QCOMPARE(storedTexts(conv, Role::Assistant), QStringList{reply});
        const auto shown = get<ChatView>("chatView")->messageWidgets();
        QCOMPARE(shown.size(), 3);
        QCOMPARE(shown.last()->view().text, longPrompt);
        setPolicy(ContextPolicy::Ask);
    }

    void modelLargerThanMemoryIsRefusedBeforeLoading() {
        QTemporaryDir dir;
        const QString copy = gbgui::modelWithArchitecture(dir.path(), "llama");  // the demo model, renamed
        QVERIFY(!copy.isEmpty());
        const ProbeResult probe = probeModel(copy);
        QVERIFY2(probe.ok(), qPrintable(probe.error));
        const quint64 weights = probe.info.weightBytes;
        const quint64 available = weights / 3;
        const QString loadedBefore = w_->engine()->model().path;

        qputenv("GLASSBOX_AVAILABLE_MEMORY", QByteArray::number(available));  // what the machine "has"
        QSignalSpy progress(w_->engine()->worker(), &EngineWorker::loadProgress);
        QSignalSpy failed(w_->engine()->worker(), &EngineWorker::loadFailed);
        dialogs::setNextFileName(copy);
        get<QAction>("openModelAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() && !w_->engine()->isLoading(), 10000);
        qunsetenv("GLASSBOX_AVAILABLE_MEMORY");

        const QLocale loc;
        const QString message = errorText();
        QVERIFY(get<QWidget>("errorBanner")->isVisible());
        QVERIFY2(message.contains("llama.gguf") && message.contains("needs " + loc.formattedDataSize(qint64(weights))) &&
                     message.contains("only " + loc.formattedDataSize(qint64(available)) + " are available"),
                 qPrintable(message));
        QCOMPARE(progress.size(), 0);  // refused before a byte was loaded
        QCOMPARE(w_->engine()->model().path, loadedBefore);  // the model that was there stays
        QVERIFY(w_->engine()->hasModel());
        stillAnswers();
    }

    void cleanupTestCase() {
        qunsetenv("GLASSBOX_AVAILABLE_MEMORY");
        w_.reset();
    }
};

GBGUI_TEST_MAIN(TestHostileInput)
#include "test_hostile_input.moc"
