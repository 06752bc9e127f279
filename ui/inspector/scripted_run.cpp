#include "inspector/scripted_run.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QDir>
#include <QPixmap>
#include <cstdio>

#include "chat/chat_controller.h"
#include "engine/engine_service.h"
#include "engine/engine_worker.h"
#include "inspection/inspection_model.h"
#include "inspector/inspector_panel.h"
#include "main_window.h"

namespace glassbox::ui::inspector {

QString ScriptOptions::validate() const {
    if (!view.isEmpty() && !InspectorPanel::viewNames().contains(view))
        return QStringLiteral("--inspector takes one of %1, not '%2'").arg(InspectorPanel::viewNames().join(QLatin1Char('|')), view);
    if (!screenshot.isEmpty() && !screenshot.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        return QStringLiteral("--screenshot writes a PNG file: give it a name ending in .png");
    if (!screenshot.isEmpty() && !QFileInfo(QFileInfo(screenshot).absolutePath()).isDir())
        return QStringLiteral("the folder of '%1' does not exist").arg(screenshot);
    return {};
}

ScriptedRun::ScriptedRun(MainWindow* window, const ScriptOptions& options, QObject* parent)
    : QObject(parent), w_(window), o_(options) {
    timeout_.setSingleShot(true);
    timeout_.setInterval(o_.timeoutMs);
    connect(&timeout_, &QTimer::timeout, this, [this] {
        fail(sent_ ? QStringLiteral("the reply did not finish within %1 s").arg(o_.timeoutMs / 1000)
                   : QStringLiteral("the model did not load within %1 s").arg(o_.timeoutMs / 1000));
    });
}

void ScriptedRun::start() {
    timeout_.start();
    w_->resize(o_.windowSize);
    if (!o_.view.isEmpty()) {
        QDockWidget* dock = w_->inspectorDock();
        dock->show();
        dock->raise();
        w_->resizeDocks({dock}, {o_.inspectorWidth}, Qt::Horizontal);
        w_->inspector()->setActive(true);
        w_->inspector()->showView(o_.view);
    }
    EngineWorker* worker = w_->engine()->worker();
    connect(worker, &EngineWorker::loadFailed, this, [this](quint64, const QString& message, bool) {
        if (!modelReady_) fail(QStringLiteral("could not load the model: %1").arg(message));
    });
    connect(w_->controller(), &ChatController::errorOccurred, this, [this](const QString& message) {
        if (sent_) fail(message);
    });
    connect(w_->controller(), &ChatController::contextFull, this,
            [this] { fail(QStringLiteral("the message does not fit in the model's context")); });
    if (w_->engine()->hasModel() && !w_->engine()->isLoading()) {
        onModelReady();
    } else if (!w_->engine()->isLoading()) {
        if (o_.modelPath.isEmpty())
            fail(QStringLiteral("no model to load: give --model FILE.gguf"));
        else if (!QFileInfo::exists(o_.modelPath))
            fail(QStringLiteral("the model file %1 does not exist").arg(o_.modelPath));
        else
            fail(QStringLiteral("could not load the model %1").arg(o_.modelPath));
    } else {
        // The service's own signal: it comes after this connection even when the engine thread
        // finished loading before start() ran (a queued signal reaches only earlier connections).
        connect(w_->engine(), &EngineService::loadingChanged, this, [this](bool loading) {
            if (loading || modelReady_) return;
            if (w_->engine()->hasModel())
                QTimer::singleShot(0, this, &ScriptedRun::onModelReady);
            else
                QTimer::singleShot(0, this, [this] { fail(QStringLiteral("could not load the model %1").arg(o_.modelPath)); });
        });
    }
}

void ScriptedRun::onModelReady() {
    if (over_ || modelReady_) return;
    modelReady_ = true;
    if (o_.send.isEmpty()) {
        QTimer::singleShot(300, this, &ScriptedRun::capture);
        return;
    }
    connect(w_->controller(), &ChatController::replyFinished, this, [this] {
        if (sent_) QTimer::singleShot(0, this, &ScriptedRun::onReplyFinished);
    });
    sent_ = true;
    w_->controller()->send(o_.send);
}

void ScriptedRun::onReplyFinished() {
    if (over_) return;
    InspectorPanel* panel = w_->inspector();
    inspection::InspectionModel* m = panel->model();
    panel->inspectMessage(0);  // the newest reply
    // A token worth looking at: the least likely one of the reply.
    if (const inspection::InspectionRecord* r = m->current(); r && !r->stats.isEmpty()) {
        int pick = 0;
        for (int i = 0; i < r->stats.size() - 1; ++i)
            if (r->stats[i].rawProb < r->stats[pick].rawProb) pick = i;
        m->setSelectedPosition(r->promptLength + pick);
        if (o_.view == QLatin1String("attention")) m->setLayer(std::max(0, r->shape.layers - 1));
    }
    // Let the views take the last frame of data, then take the picture.
    QTimer::singleShot(400, this, &ScriptedRun::capture);
}

void ScriptedRun::capture() {
    if (over_) return;
    QApplication::processEvents();
    if (!o_.screenshot.isEmpty()) {
        const QPixmap shot = w_->grab();
        if (shot.isNull() || !shot.save(o_.screenshot, "PNG")) return fail(QStringLiteral("could not write %1").arg(o_.screenshot));
        std::fprintf(stdout, "screenshot: %s\n", qPrintable(QDir::toNativeSeparators(QFileInfo(o_.screenshot).absoluteFilePath())));
        std::fflush(stdout);
    }
    succeed();
}

void ScriptedRun::fail(const QString& message) {
    if (over_) return;
    over_ = true;
    timeout_.stop();
    std::fprintf(stderr, "error: %s\n", qPrintable(message));
    std::fflush(stderr);
    emit finished(1);
}

void ScriptedRun::succeed() {
    if (over_) return;
    timeout_.stop();
    if (!o_.exitAfterReply) return;
    over_ = true;
    emit finished(0);
}

}  // namespace glassbox::ui::inspector
