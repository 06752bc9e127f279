#pragma once
// The main window: conversations on the left, the chat in the middle, the model and sampling
// panels on the right (and an empty inspector dock for the inspector views), the status bar
// below. It wires widgets to the services (EngineService, ChatStore, ChatController) and holds
// no chat logic of its own.
#include <QMainWindow>
#include <memory>

#include "engine/engine_types.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;

namespace glassbox {
class AppSettings;
class EngineService;
}

namespace glassbox::ui {

class Banner;
class ChatController;
class ChatStore;
class ChatView;
class Composer;
class ConversationSidebar;
class ModelPanel;
class SamplingPanel;
class StatusPanel;
namespace inspector {
class InspectorPanel;
}

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        QString modelPath;      // --model
        QString databasePath;   // --db ("" = the default in the user's data folder)
        QString demoModelPath;  // loaded when no model is given or remembered
        bool autoLoad = true;
    };
    explicit MainWindow(const Options& opt, QWidget* parent = nullptr);
    ~MainWindow() override;

    EngineService* engine() const { return engine_.get(); }
    ChatController* controller() const { return controller_; }
    ChatStore* store() const { return store_; }
    inspector::InspectorPanel* inspector() const { return inspector_; }
    QDockWidget* inspectorDock() const { return inspectorDock_; }
    void openModel(const QString& path);

protected:
    void closeEvent(QCloseEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void changeEvent(QEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void buildLayout();
    void buildDocks();
    void buildMenus();
    void connectEngine();
    void connectChat();
    void retranslate();
    void updateTitle();
    void showError(const QString& text);
    void onContextUsage(int used, int size);
    void onContextFull(int needed, int size);
    void syncConversationPanel();
    void browseForModel();
    void focusComposer();
    void deleteConversation(qint64 id);
    void onHistoryUnusable(const QString& message);

    Options opt_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<EngineService> engine_;
    ChatStore* store_ = nullptr;
    ChatController* controller_ = nullptr;
    ConversationSidebar* sidebar_ = nullptr;
    ChatView* chatView_ = nullptr;
    Composer* composer_ = nullptr;
    Banner* errorBanner_ = nullptr;
    Banner* contextBanner_ = nullptr;
    Banner* noticeBanner_ = nullptr;
    StatusPanel* status_ = nullptr;
    ModelPanel* modelPanel_ = nullptr;
    SamplingPanel* samplingPanel_ = nullptr;
    QDockWidget* modelDock_ = nullptr;
    QDockWidget* samplingDock_ = nullptr;
    QDockWidget* inspectorDock_ = nullptr;
    inspector::InspectorPanel* inspector_ = nullptr;
    QMenu *fileMenu_ = nullptr, *chatMenu_ = nullptr, *viewMenu_ = nullptr, *languageMenu_ = nullptr,
          *helpMenu_ = nullptr;
    struct Actions {
        QAction *openModel, *quit, *newChat, *search, *stop, *focusComposer, *about;
        QActionGroup* languages;
    };
    std::unique_ptr<Actions> actions_;
    qint64 contextWarnedFor_ = -1;
    bool closing_ = false;
};

}  // namespace glassbox::ui
