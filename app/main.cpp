// glassbox [--model FILE.gguf] [--db FILE]: the desktop app.
// Scripted (README pictures, review): --send TEXT --inspector attention|routing|tokens|lens|kv
// --screenshot OUT.png --exit-after-reply (see ui/inspector/scripted_run.h).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unistd.h>

#include "settings/app_settings.h"
#include "settings/demo_model.h"
#include "app_setup.h"
#include "inspector/scripted_run.h"
#include "main_window.h"

namespace {

// oneDNN's OpenMP threads spin-wait by default and starve when the GUI thread is busy; libgomp
// reads OMP_WAIT_POLICY once, at load, so it must be in the environment before the process
// starts: set it and start again.
void ensurePassiveOpenMp(char** argv) {
    if (std::getenv("OMP_WAIT_POLICY")) return;
    ::setenv("OMP_WAIT_POLICY", "passive", 1);
    ::execv("/proc/self/exe", argv);
    std::fprintf(stderr, "glassbox: warning: could not restart with OMP_WAIT_POLICY=passive (%s)\n", std::strerror(errno));
}

}  // namespace

int main(int argc, char** argv) {
    ensurePassiveOpenMp(argv);
    glassbox::ui::prepareApplicationAttributes();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Glassbox"));
    QApplication::setApplicationName(QStringLiteral("Glassbox"));
    QApplication::setApplicationVersion(QStringLiteral(GLASSBOX_VERSION));
    glassbox::ui::setUpApplication(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Chat with local language models and see inside them."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption modelOpt(QStringLiteral("model"), QApplication::translate("main", "Open this GGUF model file."),
                                QStringLiteral("FILE.gguf"));
    QCommandLineOption dbOpt(QStringLiteral("db"), QApplication::translate("main", "Keep the chat history in this SQLite file."),
                             QStringLiteral("FILE"));
    QCommandLineOption sendOpt(QStringLiteral("send"), QApplication::translate("main", "Send this message once the model is loaded."),
                               QStringLiteral("TEXT"));
    QCommandLineOption inspectorOpt(QStringLiteral("inspector"),
                                    QApplication::translate("main", "Open the inspector on this view: attention, routing, tokens, lens or kv."),
                                    QStringLiteral("VIEW"));
    QCommandLineOption screenshotOpt(QStringLiteral("screenshot"),
                                     QApplication::translate("main", "Save a picture of the window here once the reply is written."),
                                     QStringLiteral("OUT.png"));
    QCommandLineOption exitOpt(QStringLiteral("exit-after-reply"), QApplication::translate("main", "Quit once the reply is written (and the picture saved)."));
    parser.addOption(modelOpt);
    parser.addOption(dbOpt);
    parser.addOptions({sendOpt, inspectorOpt, screenshotOpt, exitOpt});
    parser.process(app);
    glassbox::ui::inspector::ScriptOptions script;
    script.send = parser.value(sendOpt);
    script.view = parser.value(inspectorOpt).trimmed().toLower();
    script.screenshot = parser.value(screenshotOpt);
    script.exitAfterReply = parser.isSet(exitOpt);
    script.modelPath = parser.value(modelOpt);
    if (const QString problem = script.validate(); !problem.isEmpty()) {
        std::fprintf(stderr, "error: %s\n", qPrintable(problem));
        return 2;
    }

    glassbox::ui::MainWindow::Options opt;
    opt.databasePath = parser.value(dbOpt);
    if (parser.isSet(modelOpt)) opt.modelPath = QFileInfo(parser.value(modelOpt)).absoluteFilePath();
    opt.demoModelPath = glassbox::findDemoModel(QStringLiteral(GLASSBOX_SOURCE_RESOURCES));
    glassbox::ui::MainWindow window(opt);
    window.show();
    std::unique_ptr<glassbox::ui::inspector::ScriptedRun> run;
    if (script.isSet()) {
        run = std::make_unique<glassbox::ui::inspector::ScriptedRun>(&window, script);
        QObject::connect(run.get(), &glassbox::ui::inspector::ScriptedRun::finished, &app, [](int code) { QCoreApplication::exit(code); });
        QTimer::singleShot(0, run.get(), &glassbox::ui::inspector::ScriptedRun::start);
    }
    return app.exec();
}
