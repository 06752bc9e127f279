// The inspector against the real engine and the bundled MoE model (polyglot-moe-4m-q8_0):
//   - what the collector keeps equals what the engine reported (gb::InspectionRecorder watching
//     the same run): routing, attention (to 16-bit precision), mean over heads, logit lens;
//   - through the engine thread (EngineWorker): the routing view's cells show the experts the
//     engine chose (BOS → expert 1 in layer 3, as the model's README says), and chunks arrive at a
//     bounded rate;
//   - the app: a reply's inspection is saved in the history and comes back after a restart.
#include <QDockWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>

#include "app_setup.h"
#include "chat/chat_controller.h"
#include "engine/engine_service.h"
#include "engine/engine_worker.h"
#include "gui/gui_test_util.h"
#include "inspect/recorder.h"
#include "inspection/inspection_archive.h"
#include "inspection/inspection_collector.h"
#include "inspection/inspection_model.h"
#include "inspector/colormap.h"
#include "inspector/inspector_panel.h"
#include "inspector/routing_grid_view.h"
#include "inspector/token_view.h"
#include <QTreeWidget>
#include <QPushButton>
#include "main_window.h"
#include "model/model.h"
#include "model/session.h"
#include "sampling/generation.h"
#include "tokenizer/tokenizer.h"

using namespace glassbox;
using namespace glassbox::inspection;
using namespace glassbox::ui::inspector;

namespace {

// Shows one run to two observers.
class Tee : public gb::Observer {
public:
    Tee(gb::Observer* a, gb::Observer* b) : a_(a), b_(b) {}
    bool wantsAttention(int l, int h) const override { return a_->wantsAttention(l, h) || b_->wantsAttention(l, h); }
    bool wantsRouting(int l) const override { return a_->wantsRouting(l) || b_->wantsRouting(l); }
    int logitLensTopK() const override { return std::max(a_->logitLensTopK(), b_->logitLensTopK()); }
    void onAttention(int l, int h, int kv, int pos, std::span<const float> p) override {
        a_->onAttention(l, h, kv, pos, p);
        b_->onAttention(l, h, kv, pos, p);
    }
    void onRouting(int l, int pos, std::span<const float> r, std::span<const int32_t> e, std::span<const float> w, int s) override {
        a_->onRouting(l, pos, r, e, w, s);
        b_->onRouting(l, pos, r, e, w, s);
    }
    void onLogitLens(int l, int pos, std::span<const gb::TopToken> top) override {
        a_->onLogitLens(l, pos, top);
        b_->onLogitLens(l, pos, top);
    }

private:
    gb::Observer *a_, *b_;
};

gb::InspectionSelection everything(int lensK) {
    gb::InspectionSelection s;
    s.logitLensTopK = lensK;
    return s;
}

// The worker's provider: the panel's collector, with a recorder watching the same run.
class TeeProvider : public InspectionProvider {
public:
    explicit TeeProvider(InspectionCollector* c) : c_(c) {}
    gb::Observer* begin(const GenerateCommand& cmd, const gb::Model& m, const std::vector<int32_t>& prompt) override {
        recorder = std::make_unique<gb::InspectionRecorder>(everything(c_->settings().lensK));
        tee_ = std::make_unique<Tee>(c_->begin(cmd, m, prompt), recorder.get());
        return tee_.get();
    }
    QVariant collect(int i, int32_t t) override { return c_->collect(i, t); }
    QVariant flush() override { return c_->flush(); }
    void end() override { c_->end(); }
    std::unique_ptr<gb::InspectionRecorder> recorder;

private:
    InspectionCollector* c_;
    std::unique_ptr<Tee> tee_;
};

StreamToken toStream(const gb::GeneratedToken& g) {
    StreamToken t;
    t.id = g.id;
    t.text = QString::fromStdString(g.text);
    t.prob = g.prob;
    t.rawProb = g.rawProb;
    t.entropy = g.entropy;
    t.rank = g.rank;
    return t;
}

// The record holds what the recorder saw, position by position (no cache: row = position).
void compareWithEngine(const InspectionRecord& r, const gb::InspectionRecorder& rec, int layers, int heads, int lensK) {
    QCOMPARE(r.rowBase, 0);
    for (int l = 0; l < layers; ++l) {
        const auto& routing = rec.routing().at(l);
        QCOMPARE(int(routing.size()), r.rowCount);
        for (int pos = 0; pos < r.rowCount; ++pos) {
            for (size_t k = 0; k < routing[size_t(pos)].experts.size(); ++k) {
                QCOMPARE(r.chosenExpert(pos, l, int(k)), routing[size_t(pos)].experts[k]);
                QCOMPARE(r.chosenWeight(pos, l, int(k)), routing[size_t(pos)].weights[k]);
            }
            for (size_t e = 0; e < routing[size_t(pos)].router.size(); ++e) QCOMPARE(r.routerRow(pos, l)[e], routing[size_t(pos)].router[e]);
        }
        for (int pos = 0; pos < r.rowCount; ++pos) {
            std::vector<double> mean(size_t(pos) + 1, 0.0);
            for (int h = 0; h < heads; ++h) {
                const auto& row = rec.attention().at({l, h})[size_t(pos)];
                for (int k = 0; k <= pos; ++k) {
                    QVERIFY(std::abs(r.attention(l, h, pos, k) - row[size_t(k)]) <= 0.5f / 65535 + 1e-6f);
                    mean[size_t(k)] += row[size_t(k)] / heads;
                }
            }
            for (int k = 0; k <= pos; ++k) QVERIFY(std::abs(r.attention(l, MeanHead, pos, k) - mean[size_t(k)]) < 1e-4);
            if (lensK > 0) {
                const auto& top = rec.logitLens().at(l)[size_t(pos)];
                for (int k = 0; k < lensK; ++k) QCOMPARE(r.lensToken(pos, l, k), top[size_t(k)].token);
            }
        }
    }
}

}  // namespace

class TestInspectorEngine : public QObject {
    Q_OBJECT

private slots:
    void collectorKeepsWhatTheEngineReported() {
        auto model = gb::Model::load(gbgui::demoModel().toStdString());
        const gb::ModelConfig& c = model->config();
        QVERIFY(c.isMoe());
        gb::Session s(model, {256, 1});
        InspectionCollector col;
        InspectionCollector::Settings set;
        set.attention = true;
        set.lensK = 3;
        col.setSettings(set);
        gb::InspectionRecorder rec(everything(3));
        GenerateCommand cmd;
        cmd.requestId = 5;
        gb::GenerationRequest req;
        req.promptTokens = model->tokenizer().encode("Love is", true, true);
        req.maxTokens = 24;
        req.sampling.temperature = 0;
        req.topAlternatives = 5;
        Tee tee(col.begin(cmd, *model, req.promptTokens), &rec);
        QList<QVariant> posted;
        QList<StreamToken> stats;
        int index = 0;
        gb::GenerationCallbacks cb;
        cb.observer = &tee;
        cb.onPromptProgress = [&](int done, int total) {
            if (done == total) posted << col.collect(-1, 0);
        };
        cb.onToken = [&](const gb::GeneratedToken& g) {
            stats << toStream(g);
            posted << col.collect(index++, g.id);
            return true;
        };
        const gb::GenerationResult res = gb::generate(s, req, cb);
        posted << col.flush();
        col.end();
        QVERIFY(res.tokens.size() > 4);
        // Posts are few: at most one per 40 ms plus the first and the last.
        int valid = 0;
        for (const QVariant& v : posted) valid += v.isValid() ? 1 : 0;
        QVERIFY(valid >= 1 && valid <= int(res.tokens.size()) + 2);

        InspectionModel m;
        for (const QVariant& v : posted) m.addChunks(1, v);
        for (const StreamToken& t : stats) m.addToken(5, t);
        m.finishRequest(5);
        m.show(1);
        const InspectionRecord* r = m.current();
        QVERIFY(r);
        QCOMPARE(r->promptLength, int(req.promptTokens.size()));
        QCOMPARE(r->positions(), int(req.promptTokens.size() + res.tokens.size()));
        QCOMPARE(r->rowCount, r->positions() - 1);  // the last token is never fed back
        QCOMPARE(r->stats.size(), qsizetype(res.tokens.size()));
        for (size_t i = 0; i < res.tokens.size(); ++i) QCOMPARE(r->tokens[r->promptLength + int(i)].id, res.tokens[i].id);
        compareWithEngine(*r, rec, c.nLayer, c.nHead, 3);
        // The README of the model: the BOS position always routes to expert 1 (layer 3, top-1).
        QCOMPARE(r->tokens[0].id, model->tokenizer().vocab().bos);
        QCOMPARE(r->chosenExpert(0, 3, 0), 1);
    }

    void routingViewShowsTheEnginesChoicesThroughTheWorker() {
        EngineService engine;
        QSignalSpy loaded(&engine, &EngineService::modelChanged);
        engine.loadModel(gbgui::demoModel(), 256, 1);
        QVERIFY(loaded.wait(20000));
        QVERIFY(engine.hasModel());
        InspectorPanel panel(&engine, nullptr);
        panel.resize(640, 900);
        panel.show();
        panel.setActive(true);
        panel.showView(QStringLiteral("routing"));
        auto tee = std::make_shared<TeeProvider>(panel.collector());
        engine.setInspectionProvider(tee);
        int posts = 0;
        connect(engine.worker(), &EngineWorker::inspectionReady, &panel, [&](quint64 id, int, const QVariant& v) {
            panel.model()->addChunks(qint64(id), v);
            ++posts;
        });
        QSignalSpy finished(engine.worker(), &EngineWorker::finished);
        GenerateCommand cmd;
        cmd.conversationId = QStringLiteral("routing-test");
        cmd.turns = {{ChatTurn::User, QStringLiteral("Love is")}};
        cmd.maxTokens = 40;
        cmd.sampling.temperature = 0;
        QElapsedTimer clock;
        clock.start();
        const quint64 id = engine.generate(cmd);
        panel.model()->show(qint64(id));
        QVERIFY(finished.wait(30000));
        const qint64 ms = clock.elapsed();
        QTest::qWait(2 * InspectionModel::kFrameMs);
        const InspectionRecord* r = panel.model()->current();
        QVERIFY(r);
        QVERIFY(r->complete);
        QVERIFY(r->generated() > 4);
        QVERIFY2(posts <= ms / 40 + 3, qPrintable(QStringLiteral("%1 posts in %2 ms").arg(posts).arg(ms)));
        compareWithEngine(*r, *tee->recorder, 4, 4, panel.collector()->settings().lensK);

        // Every cell of the grid: the top-1 expert's colour is what the engine chose.
        RoutingGridView* grid = panel.routingGrid();
        QCOMPARE(grid->rowCount(), r->rowCount);
        for (int pos = 0; pos < r->rowCount; ++pos) {
            grid->scrollToCell(pos, 0);
            const QImage img = grid->viewport()->grab().toImage();
            const qreal d = img.devicePixelRatio();
            for (int l = 0; l < 4; ++l) {
                const QRect s0 = grid->segmentRect(pos, l, 0);
                QVERIFY(!s0.isEmpty());
                const int engineTop1 = tee->recorder->routing().at(l)[size_t(pos)].experts[0];
                const QRgb got = img.pixel(int((s0.left() + 2) * d), int((s0.top() + 2) * d)) & 0xFFFFFF;
                QCOMPARE(got, expertColor(engineTop1).rgb() & 0xFFFFFF);
            }
        }
        // BOS → expert 1 in layer 3.
        QCOMPARE(r->tokens[0].id, 1);
        grid->scrollToCell(0, 3);
        const QRect bos = grid->segmentRect(0, 3, 0);
        const QImage img = grid->viewport()->grab().toImage();
        QCOMPARE(img.pixel(int((bos.left() + 2) * img.devicePixelRatio()), int((bos.top() + 2) * img.devicePixelRatio())) & 0xFFFFFF,
                 expertColor(1).rgb() & 0xFFFFFF);
        engine.setInspectionProvider(nullptr);
    }

    void branchFromAnAlternative() {
        QTemporaryDir dir;
        ui::MainWindow::Options opt;
        opt.databasePath = dir.filePath(QStringLiteral("branch.sqlite"));
        opt.modelPath = gbgui::demoModel();
        ui::MainWindow w(opt);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(w.engine()->hasModel() && !w.engine()->isLoading(), 20000);
        w.inspectorDock()->show();
        w.inspectorDock()->raise();
        if (auto* max = w.findChild<QSpinBox*>(QStringLiteral("maxTokens"))) max->setValue(12);
        QSignalSpy replied(w.controller(), &ui::ChatController::replyFinished);
        w.controller()->send(QStringLiteral("Love is"));
        QVERIFY(replied.wait(30000));
        const qint64 first = replied[0][0].toLongLong();
        InspectorPanel* panel = w.inspector();
        panel->showView(QStringLiteral("tokens"));
        QTRY_VERIFY(panel->model()->current() && panel->model()->current()->complete);
        const InspectionRecord* r = panel->model()->current();
        QVERIFY(r->stats.size() >= 2 && r->stats[1].alternatives.size() >= 2);
        // The second token, replaced by an alternative that is whole text.
        panel->model()->setSelectedPosition(r->promptLength + 1);
        TokenDetails* d = panel->tokenDetails();
        int pick = -1;
        for (int a = 0; a < d->alternatives()->topLevelItemCount() && pick < 0; ++a) {
            d->alternatives()->setCurrentItem(d->alternatives()->topLevelItem(a));
            if (d->branchButton()->isEnabled()) pick = a;
        }
        QVERIFY(pick >= 0);
        const QString prefix = TokenDetails::branchPrefix(*r, 1, d->alternatives()->topLevelItem(pick)->data(0, Qt::UserRole).toString());
        QVERIFY(!prefix.isEmpty());
        d->branchButton()->click();
        QVERIFY(replied.wait(30000));
        const qint64 branch = replied.last()[0].toLongLong();
        QVERIFY(branch != first);
        const auto* m = w.controller()->tree().find(branch);
        QVERIFY(m);
        QCOMPARE(w.controller()->tree().parentOf(branch), w.controller()->tree().parentOf(first));  // a sibling
        QVERIFY2(m->content.startsWith(prefix), qPrintable(m->content + QStringLiteral(" / ") + prefix));
        QVERIFY(m->content.size() > prefix.size());  // the model went on from there
    }

    void inspectionComesBackFromTheHistory() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        ui::MainWindow::Options opt;
        opt.databasePath = db;
        opt.modelPath = gbgui::demoModel();
        qint64 conversation = 0, message = 0;
        QVector<qint16> experts;
        QVector<TokenEntry> tokens;
        {
            ui::MainWindow w(opt);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QTRY_VERIFY_WITH_TIMEOUT(w.engine()->hasModel() && !w.engine()->isLoading(), 20000);
            w.inspectorDock()->show();
            w.inspectorDock()->raise();
            QTRY_VERIFY(w.inspector()->isActive());
            if (auto* max = w.findChild<QSpinBox*>(QStringLiteral("maxTokens"))) max->setValue(24);
            QSignalSpy saved(w.inspector()->archive(), &InspectionArchive::saved);
            QSignalSpy replied(w.controller(), &ui::ChatController::replyFinished);
            w.controller()->send(QStringLiteral("Любовь"));
            QVERIFY(replied.wait(30000));
            message = replied[0][0].toLongLong();
            conversation = w.controller()->currentConversation();
            QTRY_VERIFY_WITH_TIMEOUT(saved.count() > 0, 10000);
            QCOMPARE(saved.last()[0].toLongLong(), message);
            const InspectionRecord* r = w.inspector()->model()->current();
            QVERIFY(r);
            QCOMPARE(r->messageId, message);
            QVERIFY(r->hasAttention());  // the dock was open
            experts = r->experts;
            tokens = r->tokens;
        }
        // A new window on the same history: the past reply's inspection is read back.
        ui::MainWindow w(opt);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(w.engine()->hasModel() && !w.engine()->isLoading(), 20000);
        w.inspectorDock()->show();
        w.controller()->openConversation(conversation);
        QTRY_VERIFY_WITH_TIMEOUT(w.inspector()->model()->current() != nullptr, 10000);
        const InspectionRecord* r = w.inspector()->model()->current();
        QCOMPARE(r->messageId, message);
        QCOMPARE(r->tokens, tokens);
        QCOMPARE(r->experts, experts);
        QVERIFY(r->complete);
        QVERIFY(r->hasAttention());
    }
};

GBGUI_TEST_MAIN(TestInspectorEngine)

#include "test_inspector_engine.moc"
