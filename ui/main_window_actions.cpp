// MainWindow: menus and keyboard shortcuts, languages, opening models (dialog, recent list,
// drag and drop), the context banner, and the history file's problems.
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>

#include "chat/chat_controller.h"
#include "chat/composer.h"
#include "chat/history_chat_store.h"
#include "engine/engine_service.h"
#include "i18n/language_manager.h"
#include "lab/prompt_lab_window.h"
#include "main_window.h"
#include "panels/model_panel.h"
#include "settings/app_settings.h"
#include "sidebar/conversation_sidebar.h"
#include "status/status_panel.h"
#include "util/banner.h"
#include "util/dialogs.h"

namespace glassbox::ui {

static QAction* makeAction(QObject* parent, const char* name, const QKeySequence& key = {}) {
    auto* a = new QAction(parent);
    a->setObjectName(QLatin1String(name));
    a->setShortcut(key);
    a->setShortcutContext(Qt::WindowShortcut);
    return a;
}

void MainWindow::buildMenus() {
    actions_ = std::make_unique<Actions>();
    Actions& a = *actions_;
    a.openModel = makeAction(this, "openModelAction", QKeySequence::Open);
    a.quit = makeAction(this, "quitAction", QKeySequence::Quit);
    a.newChat = makeAction(this, "newChatAction", QKeySequence(Qt::CTRL | Qt::Key_N));
    a.search = makeAction(this, "searchAction", QKeySequence(Qt::CTRL | Qt::Key_F));
    a.stop = makeAction(this, "stopAction", QKeySequence(Qt::Key_Escape));
    a.focusComposer = makeAction(this, "focusComposerAction", QKeySequence(Qt::CTRL | Qt::Key_L));
    a.about = makeAction(this, "aboutAction");
    connect(a.openModel, &QAction::triggered, this, &MainWindow::browseForModel);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.newChat, &QAction::triggered, controller_, [this] {
        controller_->newConversation();
        focusComposer();
    });
    connect(a.search, &QAction::triggered, sidebar_, &ConversationSidebar::focusSearch);
    connect(a.stop, &QAction::triggered, this, [this] {
        if (engine_->isLoading())
            engine_->cancelLoad();
        else
            controller_->stop();
    });
    connect(a.focusComposer, &QAction::triggered, this, &MainWindow::focusComposer);
    connect(a.about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Glassbox"),
                           tr("<b>Glassbox %1</b><p>Chat with local language models (GGUF) and see inside them.</p>"
                              "<p>Licensed under the GNU GPL version 3 or later.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(a.openModel);
    fileMenu_->addSeparator();
    fileMenu_->addAction(a.quit);
    chatMenu_ = menuBar()->addMenu(QString());
    chatMenu_->addActions({a.newChat, a.search, a.stop, a.focusComposer});
    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addActions({modelDock_->toggleViewAction(), samplingDock_->toggleViewAction(), inspectorDock_->toggleViewAction()});
    addPromptLabAction(viewMenu_, this, engine_.get(), opt_.databasePath);
    viewMenu_->addSeparator();
    languageMenu_ = viewMenu_->addMenu(QString());
    a.languages = new QActionGroup(this);
    for (const QString& code : LanguageManager::available()) {
        QAction* l = languageMenu_->addAction(LanguageManager::nativeName(code));
        l->setObjectName(QStringLiteral("language_") + code);
        l->setCheckable(true);
        l->setChecked(code == LanguageManager::instance().current());
        a.languages->addAction(l);
        connect(l, &QAction::triggered, this, [this, code] {
            settings_->setLanguage(code);
            LanguageManager::instance().setLanguage(code);
        });
    }
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(a.about);
}

void MainWindow::retranslate() {
    const Actions& a = *actions_;
    fileMenu_->setTitle(tr("&File"));
    chatMenu_->setTitle(tr("&Chat"));
    viewMenu_->setTitle(tr("&View"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    a.openModel->setText(tr("&Open model…"));
    a.quit->setText(tr("&Quit"));
    a.newChat->setText(tr("&New chat"));
    a.search->setText(tr("&Search conversations"));
    a.stop->setText(tr("S&top the reply"));
    a.focusComposer->setText(tr("&Write a message"));
    a.about->setText(tr("&About Glassbox"));
    modelDock_->setWindowTitle(tr("Model"));
    samplingDock_->setWindowTitle(tr("Sampling"));
    inspectorDock_->setWindowTitle(tr("Inspector"));
    for (QAction* l : a.languages->actions())
        l->setChecked(l->objectName() == QStringLiteral("language_") + LanguageManager::instance().current());
    updateTitle();
}

void MainWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange && actions_) retranslate();
    QMainWindow::changeEvent(e);
}

void MainWindow::openModel(const QString& path) {
    if (path.isEmpty()) return;
    modelPanel_->setLoading(true, path);
    modelDock_->show();
    modelDock_->raise();
    engine_->loadModel(path, settings_->contextSize(), settings_->threads());
}

void MainWindow::browseForModel() {
    const QString start = QFileInfo(settings_->lastModel()).absolutePath();
    openModel(dialogs::openModelFile(this, start));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    for (const QUrl& u : e->mimeData()->urls())
        if (u.isLocalFile()) return e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    for (const QUrl& u : e->mimeData()->urls()) {
        if (!u.isLocalFile()) continue;
        openModel(u.toLocalFile());  // a non-GGUF file gets a clear message from the engine
        e->acceptProposedAction();
        return;
    }
}

void MainWindow::deleteConversation(qint64 id) {
    const QString title = sidebar_->titleOf(id);
    if (!dialogs::confirm(this, tr("Delete conversation"),
                          tr("Delete “%1” and all its messages? This cannot be undone.").arg(title)))
        return;
    controller_->removeConversation(id);
}

void MainWindow::onHistoryUnusable(const QString& message) {
    showError(tr("The chat history cannot be used: %1\nChats of this session are kept in memory only.").arg(message));
    QPushButton* fresh = errorBanner_->addButton(QStringLiteral("recoverHistoryButton"));
    fresh->setText(tr("Move it aside and start a new history"));
    connect(fresh, &QPushButton::clicked, this, [this] {
        auto* h = qobject_cast<HistoryChatStore*>(store_);
        if (!h) return;
        composer_->setEnabled(false);  // until the fresh history is open (reopened / openFailed)
        h->recover();
        errorBanner_->hide();
    });
}

void MainWindow::onContextUsage(int used, int size) {
    status_->setContextUsage(used, size);
    const qint64 conv = controller_->currentConversation();
    const bool nearlyFull = size > 0 && used >= StatusPanel::kNearlyFull * size;
    if (!nearlyFull || controller_->contextPolicy() != ContextPolicy::Ask || contextWarnedFor_ == conv) {
        if (!nearlyFull && contextBanner_->kind() == Banner::Warning) contextBanner_->hide();
        return;
    }
    contextWarnedFor_ = conv;
    contextBanner_->clearButtons();
    contextBanner_->showMessage(Banner::Warning,
                                used >= size ? tr("This conversation (%1 tokens) is longer than the model's context of %2 "
                                                  "tokens. For the next reply:").arg(used).arg(size)
                                             : tr("This conversation fills %1 of the model's %2 tokens of context. "
                                                  "When it is full:").arg(used).arg(size));
    QPushButton* drop = contextBanner_->addButton(QStringLiteral("truncatePolicyButton"));
    drop->setText(tr("Drop the oldest turns"));
    QPushButton* fresh = contextBanner_->addButton(QStringLiteral("newChatPolicyButton"));
    fresh->setText(tr("Start a new chat"));
    connect(drop, &QPushButton::clicked, this, [this] {
        controller_->setContextPolicy(ContextPolicy::TruncateOldest);
        modelPanel_->setContextPolicy(ContextPolicy::TruncateOldest);
        contextBanner_->hide();
    });
    connect(fresh, &QPushButton::clicked, this, [this] {
        controller_->setContextPolicy(ContextPolicy::NewChat);
        modelPanel_->setContextPolicy(ContextPolicy::NewChat);
        contextBanner_->hide();
    });
}

void MainWindow::onContextFull(int needed, int size) {
    contextBanner_->clearButtons();
    contextBanner_->showMessage(Banner::Error, tr("The conversation no longer fits: it needs %1 tokens but the model's "
                                                  "context holds %2. Choose how to go on:").arg(needed).arg(size));
    QPushButton* drop = contextBanner_->addButton(QStringLiteral("truncateButton"));
    drop->setText(tr("Drop the oldest turns and reply"));
    QPushButton* fresh = contextBanner_->addButton(QStringLiteral("newChatFromContextButton"));
    fresh->setText(tr("Continue in a new chat"));
    connect(drop, &QPushButton::clicked, this, [this] {
        contextBanner_->hide();
        modelPanel_->setContextPolicy(ContextPolicy::TruncateOldest);
        controller_->resolveContextFull(ContextPolicy::TruncateOldest);
    });
    connect(fresh, &QPushButton::clicked, this, [this] {
        contextBanner_->hide();
        controller_->resolveContextFull(ContextPolicy::NewChat);
    });
}

}  // namespace glassbox::ui
