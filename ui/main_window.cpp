#include "main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include "chat/chat_controller.h"
#include "chat/chat_view.h"
#include "chat/composer.h"
#include "chat/history_chat_store.h"
#include "engine/engine_service.h"
#include "engine/engine_worker.h"
#include "history/database_file.h"
#include "inspector/inspector_panel.h"
#include "panels/model_panel.h"
#include "panels/sampling_panel.h"
#include "settings/app_settings.h"
#include "sidebar/conversation_sidebar.h"
#include "status/status_panel.h"
#include "util/banner.h"

namespace glassbox::ui {

MainWindow::MainWindow(const Options& opt, QWidget* parent)
    : QMainWindow(parent), opt_(opt), settings_(std::make_unique<AppSettings>()),
      engine_(std::make_unique<EngineService>()) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    const QString db = opt.databasePath.isEmpty() ? gb::history::defaultDatabasePath() : opt.databasePath;
    store_ = new HistoryChatStore(db, this);
    controller_ = new ChatController(engine_.get(), store_, settings_.get(), this);
    buildLayout();
    buildDocks();
    buildMenus();
    connectEngine();
    connectChat();
    retranslate();
    if (!restoreGeometry(settings_->windowGeometry())) resize(1280, 800);
    restoreState(settings_->windowState());

    QString model = opt.modelPath;
    if (model.isEmpty() && QFileInfo::exists(settings_->lastModel())) model = settings_->lastModel();
    if (model.isEmpty()) model = opt.demoModelPath;
    if (opt.autoLoad && !model.isEmpty()) openModel(model);
    if (opt.autoLoad && model.isEmpty())
        showError(tr("No model is loaded and the demo model was not found. Open a GGUF model file to start."));
}

MainWindow::~MainWindow() {
    // The controller uses the engine and the settings (members, destroyed before the child
    // widgets): it goes first, then the engine thread stops.
    disconnect(store_, nullptr, this, nullptr);
    delete controller_;
    controller_ = nullptr;
    engine_.reset();
}

void MainWindow::buildLayout() {
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    sidebar_ = new ConversationSidebar(store_, splitter);
    auto* column = new QWidget(splitter);
    column->setObjectName(QStringLiteral("chatColumn"));
    auto* v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    chatView_ = new ChatView(controller_, column);
    errorBanner_ = new Banner(QStringLiteral("errorBanner"), column);
    noticeBanner_ = new Banner(QStringLiteral("noticeBanner"), column);
    contextBanner_ = new Banner(QStringLiteral("contextBanner"), column);
    composer_ = new Composer(column);
    v->addWidget(chatView_, 1);
    v->addWidget(errorBanner_);
    v->addWidget(noticeBanner_);
    v->addWidget(contextBanner_);
    v->addWidget(composer_);
    splitter->addWidget(sidebar_);
    splitter->addWidget(column);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 760});
    setCentralWidget(splitter);
    status_ = new StatusPanel(this);
    statusBar()->addPermanentWidget(status_);
    statusBar()->setSizeGripEnabled(true);
}

void MainWindow::buildDocks() {
    auto scrolled = [this](QWidget* w) {
        auto* s = new QScrollArea(this);
        s->setWidget(w);
        s->setWidgetResizable(true);
        s->setFrameShape(QFrame::NoFrame);
        s->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        return s;
    };
    modelPanel_ = new ModelPanel(this);
    modelDock_ = new QDockWidget(this);
    modelDock_->setObjectName(QStringLiteral("modelDock"));
    modelDock_->setWidget(scrolled(modelPanel_));
    samplingPanel_ = new SamplingPanel(settings_.get(), this);
    samplingDock_ = new QDockWidget(this);
    samplingDock_->setObjectName(QStringLiteral("samplingDock"));
    samplingDock_->setWidget(scrolled(samplingPanel_));
    // The inspector (attention, expert routing, token probabilities, logit lens, KV cache). It
    // records attention only while its dock is visible.
    inspectorDock_ = new QDockWidget(this);
    inspectorDock_->setObjectName(QStringLiteral("inspectorDock"));
    inspector_ = new inspector::InspectorPanel(engine_.get(), controller_, inspectorDock_);
    inspectorDock_->setWidget(inspector_);
    connect(inspectorDock_, &QDockWidget::visibilityChanged, inspector_, &inspector::InspectorPanel::setActive);
    addDockWidget(Qt::RightDockWidgetArea, modelDock_);
    addDockWidget(Qt::RightDockWidgetArea, samplingDock_);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock_);
    tabifyDockWidget(modelDock_, samplingDock_);
    tabifyDockWidget(samplingDock_, inspectorDock_);
    modelDock_->raise();
    resizeDocks({modelDock_}, {340}, Qt::Horizontal);
    modelPanel_->setRecentModels(settings_->recentModels());
    controller_->setSamplingSource([this] { return samplingPanel_->paramsForRequest(); },
                                   [this] { return samplingPanel_->maxTokens(); });
}

void MainWindow::connectEngine() {
    EngineWorker* w = engine_->worker();
    connect(w, &EngineWorker::loadProgress, this, [this](quint64, float f) { modelPanel_->setProgress(f); });
    connect(w, &EngineWorker::modelLoaded, this, [this](quint64, const ModelInfo& info, int ctx) {
        modelPanel_->setLoading(false);
        modelPanel_->setModel(info, ctx);
        settings_->setLastModel(info.path);
        settings_->addRecentModel(info.path);
        modelPanel_->setRecentModels(settings_->recentModels());
        chatView_->setModelName(QFileInfo(info.path).completeBaseName());
        if (errorBanner_->property("fromModel").toBool()) errorBanner_->hide();
        statusBar()->showMessage(tr("Loaded %1").arg(info.name), 4000);
        controller_->refreshContextUsage();
        updateTitle();
        focusComposer();
    });
    connect(w, &EngineWorker::loadFailed, this, [this](quint64, const QString& message, bool cancelled) {
        modelPanel_->setLoading(false);
        if (cancelled) {
            statusBar()->showMessage(message, 4000);
            return;
        }
        modelPanel_->setError(message);
        showError(message);
        errorBanner_->setProperty("fromModel", true);
    });
    connect(w, &EngineWorker::memoryUsage, status_, &StatusPanel::setMemory);
    connect(modelPanel_, &ModelPanel::browseRequested, this, &MainWindow::browseForModel);
    connect(modelPanel_, &ModelPanel::openRequested, this, &MainWindow::openModel);
    connect(modelPanel_, &ModelPanel::cancelRequested, engine_.get(), &EngineService::cancelLoad);
}

void MainWindow::connectChat() {
    connect(composer_, &Composer::sendRequested, controller_, &ChatController::send);
    connect(composer_, &Composer::stopRequested, controller_, &ChatController::stop);
    connect(chatView_, &ChatView::examplePicked, controller_, &ChatController::send);
    // A click on a token of a message, with the inspector open: that token's attention, every layer.
    connect(chatView_, &ChatView::textClicked, this, [this](qint64 id, int offset) {
        if (!inspectorDock_->toggleViewAction()->isChecked()) return;
        inspectorDock_->raise();
        inspector_->inspectText(id, offset);
    });
    connect(controller_, &ChatController::streamingChanged, composer_, &Composer::setStreaming);
    connect(controller_, &ChatController::streamingChanged, this, [this](bool busy) {
        if (busy) noticeBanner_->hide();
    });
    connect(controller_, &ChatController::replyFinished, this, &MainWindow::focusComposer);
    connect(controller_, &ChatController::liveStats, this,
            [this](const GenerationStats& s) { status_->setStats(s, controller_->isStreaming()); });
    connect(controller_, &ChatController::promptProgress, status_, &StatusPanel::setPromptProgress);
    connect(controller_, &ChatController::contextUsageChanged, this, &MainWindow::onContextUsage);
    connect(controller_, &ChatController::contextFull, this, &MainWindow::onContextFull);
    connect(controller_, &ChatController::notice, this,
            [this](const QString& t) { noticeBanner_->showMessage(Banner::Info, t); });
    connect(controller_, &ChatController::errorOccurred, this, &MainWindow::showError);
    connect(controller_, &ChatController::conversationOpened, this, [this](qint64 id) {
        sidebar_->setCurrent(id);
        contextBanner_->hide();
        noticeBanner_->hide();
        syncConversationPanel();
        updateTitle();
        focusComposer();
        // The status bar shows the speeds of the last reply shown (kept with each message).
        GenerationStats last;
        for (qint64 m : controller_->shownPath()) {
            const Message* msg = controller_->tree().find(m);
            if (msg->role != gb::history::Role::Assistant) continue;
            last = controller_->statsFor(m);
            if (last.genTokS <= 0 && msg->generation) {
                last.genTokS = msg->generation->genTokS;
                last.promptTokS = msg->generation->promptTokS;
            }
        }
        status_->setStats(last, false);
    });
    connect(sidebar_, &ConversationSidebar::conversationActivated, controller_, &ChatController::openConversation);
    connect(sidebar_, &ConversationSidebar::newChatRequested, controller_, &ChatController::newConversation);
    connect(sidebar_, &ConversationSidebar::searchResultActivated, controller_,
            [this](qint64 conv, qint64) { controller_->openConversation(conv); });
    connect(sidebar_, &ConversationSidebar::duplicateRequested, this, [this](qint64 id) {
        controller_->duplicateConversation(id, tr("%1 (copy)").arg(sidebar_->titleOf(id)));
    });
    connect(sidebar_, &ConversationSidebar::deleteRequested, this, &MainWindow::deleteConversation);
    connect(sidebar_, &ConversationSidebar::listLoaded, this, &MainWindow::updateTitle);
    connect(store_, &ChatStore::openFailed, this, [this](const QString& message) {
        composer_->setEnabled(true);
        onHistoryUnusable(message);
    });
    connect(store_, &ChatStore::reopened, this, [this] { composer_->setEnabled(true); });
    connect(modelPanel_, &ModelPanel::systemPromptEdited, controller_, &ChatController::setSystemPrompt);
    connect(modelPanel_, &ModelPanel::contextPolicyChanged, controller_, &ChatController::setContextPolicy);
}

void MainWindow::syncConversationPanel() {
    modelPanel_->setSystemPrompt(controller_->systemPrompt());
    modelPanel_->setContextPolicy(controller_->contextPolicy());
}

void MainWindow::updateTitle() {
    QString title = QStringLiteral("Glassbox");
    const QString conv = sidebar_->titleOf(controller_->currentConversation());
    if (!conv.isEmpty()) title += QStringLiteral(" — ") + conv;
    if (engine_->hasModel()) title += QStringLiteral(" — ") + QFileInfo(engine_->model().path).fileName();
    setWindowTitle(title);
}

void MainWindow::showError(const QString& text) {
    errorBanner_->setProperty("fromModel", false);
    errorBanner_->clearButtons();
    errorBanner_->showMessage(Banner::Error, text);
}

void MainWindow::focusComposer() { composer_->focusEditor(); }

void MainWindow::showEvent(QShowEvent* e) {
    QMainWindow::showEvent(e);
    QTimer::singleShot(0, this, &MainWindow::focusComposer);
}

void MainWindow::closeEvent(QCloseEvent* e) {
    controller_->stop();
    settings_->setWindowGeometry(saveGeometry());
    settings_->setWindowState(saveState());
    settings_->sync();
    QMainWindow::closeEvent(e);
}

}  // namespace glassbox::ui
