#include "prompt_lab_window.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QMenu>
#include <QPointer>

#include "engine/engine_service.h"
#include "prompt_lab_widget.h"

namespace glassbox::ui {

namespace {

// Keeps the action's text in the UI language (the host gets LanguageChange, actions do not).
class ActionTranslator : public QObject {
public:
    ActionTranslator(QAction* action, QWidget* host) : QObject(action), action_(action) {
        host->installEventFilter(this);
        retranslate();
    }
    bool eventFilter(QObject* o, QEvent* e) override {
        if (e->type() == QEvent::LanguageChange) retranslate();
        return QObject::eventFilter(o, e);
    }

private:
    void retranslate() {
        action_->setText(QCoreApplication::translate("PromptLab", "&Prompt Lab…"));
        action_->setStatusTip(QCoreApplication::translate(
            "PromptLab", "Compare prompt templates side by side and score them on a table of inputs"));
    }
    QAction* action_;
};

}  // namespace

PromptLabWindow::PromptLabWindow(const QString& databasePath, QWidget* parent) : QMainWindow(parent, Qt::Window) {
    setObjectName(QStringLiteral("promptLabWindow"));
    lab_ = new PromptLabWidget(databasePath, this);
    setCentralWidget(lab_);
    resize(1360, 880);
    setWindowTitle(tr("Prompt Lab — Glassbox"));
}

void PromptLabWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) setWindowTitle(tr("Prompt Lab — Glassbox"));
    QMainWindow::changeEvent(e);
}

QAction* addPromptLabAction(QMenu* menu, QWidget* host, EngineService* engine, const QString& databasePath) {
    auto* action = new QAction(host);
    action->setObjectName(QStringLiteral("promptLabAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    action->setShortcutContext(Qt::WindowShortcut);
    new ActionTranslator(action, host);
    menu->addAction(action);
    auto window = std::make_shared<QPointer<PromptLabWindow>>();
    QObject::connect(action, &QAction::triggered, host, [=] {
        if (!*window) {
            *window = new PromptLabWindow(databasePath, host);
            if (engine) {
                QObject::connect(engine, &EngineService::modelChanged, *window,
                                 [w = window->data()](const ModelInfo& info) { w->lab()->followModel(info.path); });
                if (engine->hasModel()) (*window)->lab()->followModel(engine->model().path);
            }
        }
        (*window)->show();
        (*window)->raise();
        (*window)->activateWindow();
    });
    return action;
}

}  // namespace glassbox::ui
