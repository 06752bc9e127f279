// The engine thread as the UI sees it: EngineService + EngineWorker signals, stop between tokens
// and inside a prompt evaluation, refusals before loading, the context policies.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include "app_setup.h"
#include "engine/engine_service.h"
#include "engine/engine_worker.h"
#include "engine/model_probe.h"
#include "gui_test_util.h"

using namespace glassbox;

// Note: QSignalSpy records the worker's signals in the worker thread, so a signal may arrive
// before a wait() would start: the tests poll the spies (QTRY_*) instead.

class TestEngineWorker : public QObject {
    Q_OBJECT
    EngineService* engine_ = nullptr;

    GenerateCommand command(const QString& text, const QString& conv = "c1") {
        GenerateCommand cmd;
        cmd.conversationId = conv;
        cmd.turns = {{ChatTurn::User, text}};
        cmd.sampling.temperature = 0;
        cmd.maxTokens = 32;
        return cmd;
    }

private slots:
    void initTestCase() {
        engine_ = new EngineService(this);
        QSignalSpy loaded(engine_->worker(), &EngineWorker::modelLoaded);
        QSignalSpy progress(engine_->worker(), &EngineWorker::loadProgress);
        engine_->loadModel(gbgui::demoModel());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        const auto info = loaded.at(0).at(1).value<ModelInfo>();
        QCOMPARE(info.architecture, QString("llama"));
        QCOMPARE(info.experts, 8);
        QCOMPARE(info.expertsUsed, 2);
        QCOMPARE(info.quantization, QString("Q8_0"));
        QCOMPARE(loaded.at(0).at(2).toInt(), 256);
        QVERIFY(progress.size() >= 2);
        QTRY_VERIFY(engine_->hasModel());  // the service hears of it through a queued signal
    }

    void refusesBadFilesBeforeLoading() {
        QTemporaryDir dir;
        const QString text = dir.filePath("notes.gguf");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a model\n");
        f.close();
        ProbeResult r = probeModel(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("not a GGUF"), qPrintable(r.error));

        const QString patched = gbgui::modelWithArchitecture(dir.path(), "mamba");
        QVERIFY(!patched.isEmpty());
        r = probeModel(patched);
        QVERIFY2(r.error.contains("unsupported architecture 'mamba'"), qPrintable(r.error));

        r = probeModel(gbgui::demoModel(), 1024 * 1024);  // a 1 MiB machine
        QVERIFY2(r.error.contains("needs"), qPrintable(r.error));
        QVERIFY(probeModel(gbgui::demoModel()).ok());
    }

    void streamsTokensThenFinishes() {
        QSignalSpy tokens(engine_->worker(), &EngineWorker::tokenReady);
        QSignalSpy finished(engine_->worker(), &EngineWorker::finished);
        const quint64 id = engine_->generate(command("Love is"));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        QCOMPARE(finished.at(0).at(0).toULongLong(), id);
        const auto stats = finished.at(0).at(1).value<GenerationStats>();
        QVERIFY(stats.generatedTokens > 0);
        QCOMPARE(tokens.size(), stats.generatedTokens);
        QVERIFY(stats.genTokS > 0);
        QVERIFY(stats.contextUsed > stats.promptTokens);
        for (const auto& t : tokens) QCOMPARE(t.at(0).toULongLong(), id);
    }

    void stopTakesEffectBeforeTheNextToken() {
        auto throttle = std::make_shared<gbgui::Throttle>(20);
        engine_->setInspectionProvider(throttle);
        QSignalSpy finished(engine_->worker(), &EngineWorker::finished);
        int seen = 0;
        quint64 id = 0;
        auto c = connect(engine_->worker(), &EngineWorker::tokenReady, this, [&](quint64, const StreamToken&) {
            if (++seen == 3) engine_->stop(id);
        });
        GenerateCommand cmd = command("Once upon a time");
        cmd.maxTokens = 200;
        id = engine_->generate(cmd);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        disconnect(c);
        engine_->setInspectionProvider(nullptr);
        const auto stats = finished.at(0).at(1).value<GenerationStats>();
        QCOMPARE(stats.stopReason, QString("cancelled"));
        QVERIFY2(stats.generatedTokens <= 4, qPrintable(QString::number(stats.generatedTokens)));
    }

    void stopInterruptsAPromptEvaluation() {
        // Slow the forward pass down (a sleep per attention row) so the prompt takes seconds.
        auto throttle = std::make_shared<gbgui::Throttle>(0, 400);
        engine_->setInspectionProvider(throttle);
        QSignalSpy started(engine_->worker(), &EngineWorker::generationStarted);
        QSignalSpy finished(engine_->worker(), &EngineWorker::finished);
        QSignalSpy full(engine_->worker(), &EngineWorker::contextFull);
        QSignalSpy failed(engine_->worker(), &EngineWorker::failed);
        GenerateCommand cmd = command(QString("The quick brown fox jumps over the lazy dog. ").repeated(8), "long");
        cmd.maxTokens = 8;
        const quint64 id = engine_->generate(cmd);
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !full.isEmpty() || !failed.isEmpty(), 5000);
        QVERIFY2(!started.isEmpty(), full.size() ? "context full" : "failed");
        QVERIFY(started.at(0).at(1).toInt() > 80);  // a long prompt
        QTest::qWait(150);
        QElapsedTimer t;
        t.start();
        engine_->stop(id);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 5000);
        engine_->setInspectionProvider(nullptr);
        QVERIFY2(t.elapsed() < 500, qPrintable(QString::number(t.elapsed())));
        const auto stats = finished.at(0).at(1).value<GenerationStats>();
        QCOMPARE(stats.stopReason, QString("cancelled"));
        QCOMPARE(stats.generatedTokens, 0);
    }

    void stopBeforeStartCancelsAQueuedRequest() {
        // A slow first request keeps the engine busy; the second is stopped while it waits.
        engine_->setInspectionProvider(std::make_shared<gbgui::Throttle>(20));
        QMap<quint64, GenerationStats> done;
        auto c = connect(engine_->worker(), &EngineWorker::finished, this,
                         [&](quint64 id, const GenerationStats& s) { done.insert(id, s); });
        GenerateCommand slow = command("Once upon a time");
        slow.maxTokens = 10;
        const quint64 a = engine_->generate(slow);
        const quint64 b = engine_->generate(command("Hello"));
        engine_->stop(b);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
        disconnect(c);
        engine_->setInspectionProvider(nullptr);
        QVERIFY(done.value(a).generatedTokens > 0);
        QCOMPARE(done.value(b).generatedTokens, 0);
        QCOMPARE(done.value(b).stopReason, QString("cancelled"));
    }

    void repliesOfTwoConversationsNeverMix() {
        QMap<quint64, int> tokensPer;
        QList<quint64> finishedOrder;
        auto c1 = connect(engine_->worker(), &EngineWorker::tokenReady, this,
                          [&](quint64 id, const StreamToken&) { tokensPer[id]++; });
        auto c2 = connect(engine_->worker(), &EngineWorker::finished, this,
                          [&](quint64 id, const GenerationStats& s) {
                              QCOMPARE(tokensPer.value(id), s.generatedTokens);
                              finishedOrder << id;
                          });
        const quint64 a = engine_->generate(command("Love is", "A"));
        const quint64 b = engine_->generate(command("Жизнь — это", "B"));
        QTRY_COMPARE_WITH_TIMEOUT(finishedOrder.size(), 2, 10000);
        disconnect(c1);
        disconnect(c2);
        QCOMPARE(finishedOrder, (QList<quint64>{a, b}));
    }

    void loadingCanBeCancelled() {
        QSignalSpy failed(engine_->worker(), &EngineWorker::loadFailed);
        engine_->loadModel(gbgui::modelPath("stories260K-f32.gguf"));
        engine_->cancelLoad();  // before the engine thread gets to it: the first progress check stops it
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
        QVERIFY(failed.at(0).at(2).toBool());  // cancelled, not an error
        QVERIFY(!engine_->isLoading());
        QVERIFY(engine_->model().path.endsWith("polyglot-moe-4m-q8_0.gguf"));  // the model before stays
    }

    void contextPolicies() {
        GenerateCommand cmd = command("x");
        cmd.turns.clear();
        for (int i = 0; i < 12; ++i) {
            cmd.turns.append({ChatTurn::User, QString("Turn %1: the night was dark and the wind was cold.").arg(i)});
            cmd.turns.append({ChatTurn::Assistant, QString("And the morning came with rain and grey light.")});
        }
        cmd.turns.append({ChatTurn::User, "What came next?"});
        cmd.systemPrompt = "A story.";
        cmd.policy = ContextPolicy::Ask;
        QSignalSpy full(engine_->worker(), &EngineWorker::contextFull);
        engine_->generate(cmd);
        QTRY_VERIFY_WITH_TIMEOUT(!full.isEmpty(), 5000);
        QVERIFY(full.at(0).at(1).toInt() > 256);

        cmd.policy = ContextPolicy::TruncateOldest;
        QSignalSpy started(engine_->worker(), &EngineWorker::generationStarted);
        QSignalSpy finished(engine_->worker(), &EngineWorker::finished);
        engine_->generate(cmd);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        QVERIFY(started.at(0).at(2).toInt() > 0);  // turns dropped
        QVERIFY(started.at(0).at(1).toInt() < 256);
    }
};

GBGUI_TEST_MAIN(TestEngineWorker)
#include "test_engine_worker.moc"
