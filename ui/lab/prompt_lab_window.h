#pragma once
// The Prompt Lab in a window of its own, and the one hook the main window needs:
// addPromptLabAction() puts "Prompt Lab…" in a menu; the window it opens follows the model the
// chat has loaded (until the lab opens another) and keeps its runs in the same history database.
#include <QMainWindow>

class QMenu;

namespace glassbox {
class EngineService;
}

namespace glassbox::ui {

class PromptLabWidget;

class PromptLabWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit PromptLabWindow(const QString& databasePath, QWidget* parent = nullptr);
    PromptLabWidget* lab() const { return lab_; }

protected:
    void changeEvent(QEvent* e) override;

private:
    PromptLabWidget* lab_;
};

// Adds the "Prompt Lab…" action (objectName "promptLabAction", Ctrl+Shift+L) to `menu`. The window
// is made on first use as a child window of `host`. `engine` (may be null) supplies the chat's model.
QAction* addPromptLabAction(QMenu* menu, QWidget* host, EngineService* engine, const QString& databasePath);

}  // namespace glassbox::ui
