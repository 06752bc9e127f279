#pragma once
// glassbox --model FILE --db FILE --send "TEXT" --inspector VIEW --screenshot OUT.png --exit-after-reply
// Waits for the model, sends the text, waits for the reply, opens the inspector on VIEW, saves a
// screenshot of the whole window and (with --exit-after-reply) quits with 0. Anything that fails
// prints "error: …" on stderr and quits with 1. Used for the README's pictures and for review.
#include <QObject>
#include <QSize>
#include <QTimer>

namespace glassbox::ui {
class MainWindow;
}

namespace glassbox::ui::inspector {

struct ScriptOptions {
    QString send;
    QString view;        // an InspectorPanel::viewNames() entry, "" to leave the inspector closed
    QString screenshot;  // PNG path, "" for none
    QString modelPath;   // --model, for the error messages
    bool exitAfterReply = false;
    int timeoutMs = 300000;
    QSize windowSize{1600, 1000};
    int inspectorWidth = 660;

    bool isSet() const { return !send.isEmpty() || !view.isEmpty() || !screenshot.isEmpty() || exitAfterReply; }
    QString validate() const;  // "" or what is wrong
};

class ScriptedRun : public QObject {
    Q_OBJECT
public:
    ScriptedRun(MainWindow* window, const ScriptOptions& options, QObject* parent = nullptr);
    void start();  // once the window is shown; finished() comes later

signals:
    void finished(int exitCode);

private:
    void onModelReady();
    void onReplyFinished();
    void capture();
    void fail(const QString& message);
    void succeed();

    MainWindow* w_;
    ScriptOptions o_;
    QTimer timeout_;
    bool modelReady_ = false, sent_ = false, over_ = false;
};

}  // namespace glassbox::ui::inspector
