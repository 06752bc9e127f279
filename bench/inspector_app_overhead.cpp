// glassbox-bench-inspector-app [--model FILE.gguf] [--reps 8] [--max-tokens 256] [--seed 11] [--prompt TEXT] [--only CONFIG]
// The whole app's cost of the inspector: the real main window (offscreen), the demo model, the
// same message sent in a new conversation per run with the inspector dock
//   closed      hidden (the collector records routing and token pieces only)
//   attention   visible on the attention tab (every head of every layer recorded, views updating)
//   tokens      visible on the tokens tab, a token selected (the per-layer view follows it)
//   taps        hidden, and instead of the inspector's collector an observer that asks the engine
//               for what the open inspector asks (attention, routing, the logit lens on small
//               models) and ignores it: the engine's own tap cost, the floor for `attention`
// interleaved (the order rotates every rep). Per configuration: the engine's decoding speed
// (GenerationStats::genTokS, medians and bests) and the GUI thread's CPU time while the engine
// generates (from its generationStarted to its finished, as the GUI thread hears them), per token.
// JSON out. Starts itself again with OMP_WAIT_POLICY=passive, as the app does.
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QAbstractButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

#include "all_taps_observer.h"
#include "app_setup.h"
#include "chat/chat_controller.h"
#include "engine/engine_service.h"
#include "inspection/inspection_model.h"
#include "inspector/inspector_panel.h"
#include "engine/engine_worker.h"
#include "inspect/observer.h"
#include "inspection/inspection_collector.h"
#include "main_window.h"

using glassbox::ui::ChatController;
using glassbox::ui::MainWindow;
using glassbox::ui::inspector::InspectorPanel;

namespace {

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double median(QList<double> v) {
    if (v.isEmpty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Runs the event loop (blocking, not spinning: the GUI thread's CPU time is what is measured)
// until `done` holds or `ms` pass.
bool waitUntil(const std::function<bool()>& done, int ms) {
    QElapsedTimer t;
    t.start();
    QTimer tick;
    tick.start(10);
    while (!done() && t.elapsed() < ms) QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    return done();
}

// Asks for everything the open inspector records and does nothing with it.
class Taps : public glassbox::InspectionProvider, public AllTapsObserver {
public:
    using AllTapsObserver::AllTapsObserver;
    gb::Observer* begin(const glassbox::GenerateCommand&, const gb::Model&, const std::vector<int32_t>&) override { return this; }
    QVariant collect(int, int32_t) override { return {}; }
    void end() override {}
};

struct Sample {
    double tokS = 0, guiMsPerToken = 0;
    int tokens = 0;
};

Sample runOnce(MainWindow& w, const QString& config, const QString& prompt) {
    InspectorPanel* panel = w.inspector();
    const bool taps = config == QLatin1String("taps");
    if (config == QLatin1String("closed") || taps) {
        w.inspectorDock()->hide();
    } else {
        w.inspectorDock()->show();
        w.inspectorDock()->raise();
        panel->showView(config);
    }
    const bool open = !taps && config != QLatin1String("closed");
    waitUntil([&] { return panel->isActive() == open; }, 2000);
    // The collector (not owned here) as the engine's provider, or the bare taps in its place.
    std::shared_ptr<glassbox::InspectionProvider> provider(panel->collector(), [](glassbox::InspectionProvider*) {});
    if (taps) {
        panel->setActive(true);  // the settings the open inspector would use
        provider = std::make_shared<Taps>(panel->collector()->settings().lensK);
        panel->setActive(false);
    }
    w.engine()->setInspectionProvider(provider);
    ChatController* c = w.controller();
    c->newConversation();
    QApplication::processEvents();
    QSignalSpy replied(c, &ChatController::replyFinished);
    if (config == QLatin1String("tokens")) {  // follow a token while the reply streams
        QObject::connect(panel->model(), &glassbox::inspection::InspectionModel::recordStarted, &replied,
                         [panel] { QMetaObject::invokeMethod(panel, [panel] { panel->model()->setSelectedPosition(1); }, Qt::QueuedConnection); },
                         Qt::SingleShotConnection);
    }
    double cpu0 = 0, cpu = 0;
    glassbox::EngineWorker* worker = w.engine()->worker();
    QObject guard;
    QObject::connect(worker, &glassbox::EngineWorker::generationStarted, &guard, [&] { cpu0 = threadCpuMs(); });
    QObject::connect(worker, &glassbox::EngineWorker::finished, &guard, [&] { cpu = threadCpuMs() - cpu0; });
    c->send(prompt);
    if (replied.isEmpty()) replied.wait(60000);
    Sample s;
    if (replied.isEmpty()) return s;
    const glassbox::GenerationStats st = c->statsFor(replied[0][0].toLongLong());
    s.tokS = st.genTokS;
    s.tokens = st.generatedTokens;
    s.guiMsPerToken = st.generatedTokens > 0 ? cpu / st.generatedTokens : 0;
    // Let the last frame and the history writes settle outside the measurement.
    waitUntil([] { return false; }, 60);
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (!std::getenv("OMP_WAIT_POLICY")) {
        ::setenv("OMP_WAIT_POLICY", "passive", 1);
        ::execv("/proc/self/exe", argv);
    }
    static QTemporaryDir profile;
    qputenv("HOME", profile.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (profile.path() + "/config").toUtf8());
    qputenv("XDG_DATA_HOME", (profile.path() + "/data").toUtf8());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    glassbox::ui::prepareApplicationAttributes();
    QApplication app(argc, argv);
    glassbox::ui::setUpApplication(app);

    QString model = QStringLiteral(GLASSBOX_DEMO_MODEL), prompt = QStringLiteral("Love is"), seed = QStringLiteral("11");
    QString only;
    int reps = 8, maxTokens = 256;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        const QString v = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--model")) model = v, ++i;
        else if (a == QLatin1String("--prompt")) prompt = v, ++i;
        else if (a == QLatin1String("--seed")) seed = v, ++i;
        else if (a == QLatin1String("--only")) only = v, ++i;
        else if (a == QLatin1String("--reps")) reps = std::max(1, v.toInt()), ++i;
        else if (a == QLatin1String("--max-tokens")) maxTokens = std::max(1, v.toInt()), ++i;
        else {
            std::fprintf(stderr, "error: unknown argument %s\nusage: glassbox-bench-inspector-app [--model FILE.gguf] [--reps 8] "
                                 "[--max-tokens 256] [--seed 11] [--prompt TEXT] [--only CONFIG]\n", qPrintable(a));
            return 2;
        }
    }

    MainWindow::Options opt;
    opt.modelPath = model;
    opt.databasePath = profile.filePath(QStringLiteral("bench.sqlite"));
    MainWindow w(opt);
    w.resize(1400, 900);
    w.show();
    if (!waitUntil([&] { return w.engine()->hasModel() && !w.engine()->isLoading(); }, 30000)) {
        std::fprintf(stderr, "error: could not load %s\n", qPrintable(model));
        return 1;
    }
    if (auto* random = w.findChild<QAbstractButton*>(QStringLiteral("randomSeed"))) random->setChecked(false);
    if (auto* edit = w.findChild<QLineEdit*>(QStringLiteral("seedEdit"))) {
        edit->setText(seed);
        emit edit->textEdited(seed);
    }
    if (auto* max = w.findChild<QSpinBox*>(QStringLiteral("maxTokens"))) max->setValue(maxTokens);

    const QStringList configs = {QStringLiteral("closed"), QStringLiteral("taps"), QStringLiteral("attention"), QStringLiteral("tokens")};
    runOnce(w, configs[1], prompt);  // warm-up
    QHash<QString, QList<double>> tokS, gui;
    QHash<QString, int> tokens;
    for (int r = 0; r < reps; ++r)
        for (int k = 0; k < configs.size(); ++k) {
            const QString& c = configs[(k + r) % configs.size()];
            if (!only.isEmpty() && c != only && c != configs[0]) continue;
            const Sample s = runOnce(w, c, prompt);
            if (s.tokens <= 0) continue;
            tokS[c] << s.tokS;
            gui[c] << s.guiMsPerToken;
            tokens[c] = s.tokens;
        }
    const double base = median(tokS.value(configs[0]));
    QJsonObject out;
    for (const QString& c : configs) {
        const QList<double> t = tokS.value(c);
        if (t.isEmpty()) continue;
        QJsonArray runs;
        for (double v : t) runs.append(v);
        out.insert(c, QJsonObject{{"tg_tok_s", median(t)},
                                  {"tg_best_tok_s", *std::max_element(t.begin(), t.end())},
                                  {"tg_overhead_pct", base > 0 ? (base / median(t) - 1) * 100 : 0},
                                  {"gui_cpu_ms_per_token", median(gui.value(c))},
                                  {"tokens", tokens.value(c)},
                                  {"tg_runs", runs}});
    }
    const QJsonObject j{{"bench", "inspector_app_overhead"}, {"model", model}, {"prompt", prompt}, {"reps", reps},
                        {"max_tokens", maxTokens}, {"configs", out}};
    std::fputs(QJsonDocument(j).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
