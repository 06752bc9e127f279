#include "status/status_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

#include "util/format.h"

namespace glassbox::ui {

StatusPanel::StatusPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("statusPanel"));
    auto* h = new QHBoxLayout(this);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(14);
    auto label = [&](const char* name) {
        auto* l = new QLabel(this);
        l->setObjectName(QLatin1String(name));
        h->addWidget(l);
        return l;
    };
    prompt_ = label("promptSpeed");
    gen_ = label("genSpeed");
    ttft_ = label("firstTokenTime");
    meter_ = new QProgressBar(this);
    meter_->setObjectName(QStringLiteral("contextMeter"));
    meter_->setTextVisible(true);
    meter_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000 / 0000 tokens")) + 24);
    meter_->setMaximumHeight(fontMetrics().height() + 6);
    h->addWidget(meter_);
    memory_ = label("memoryLabel");
    retranslate();
}

void StatusPanel::setStats(const GenerationStats& s, bool streaming) {
    stats_ = s;
    const QLocale loc;
    prompt_->setText(s.promptTokS > 0 ? tr("Prompt: %1").arg(formatSpeed(s.promptTokS)) : tr("Prompt: –"));
    gen_->setText(s.genTokS > 0 ? tr("Generation: %1").arg(formatSpeed(s.genTokS)) : tr("Generation: –"));
    ttft_->setText(s.firstTokenMs > 0 ? tr("First token: %1 s").arg(loc.toString(s.firstTokenMs / 1000.0, 'f', 2))
                                      : streaming ? tr("First token: …") : tr("First token: –"));
}

void StatusPanel::setPromptProgress(int done, int total) {
    if (total > 0 && done < total) ttft_->setText(tr("Reading the prompt: %1 %").arg(done * 100 / total));
}

void StatusPanel::setContextUsage(int used, int size) {
    used_ = used;
    size_ = size;
    meter_->setRange(0, std::max(1, size));
    meter_->setValue(std::min(used, std::max(1, size)));
    meter_->setFormat(size > 0 ? tr("%1 / %2 tokens").arg(used).arg(size) : tr("no model"));
    const double f = size > 0 ? double(used) / size : 0;
    meter_->setProperty("level", f >= 1.0 ? "full" : f >= kNearlyFull ? "high" : "ok");
    // Amber when nearly full, red when full (white text: it sits on the filled part then).
    meter_->setStyleSheet(f >= 1.0 ? QStringLiteral("QProgressBar { color: white; text-align: center; }"
                                                    "QProgressBar::chunk { background: #c62828; }")
                          : f >= kNearlyFull ? QStringLiteral("QProgressBar { color: white; text-align: center; }"
                                                              "QProgressBar::chunk { background: #b36200; }")
                                             : QString());
    meter_->setToolTip(tr("Context used by this conversation: %1 of %2 tokens. When it is full, older turns must be "
                          "dropped or a new chat started.").arg(used).arg(size));
    meter_->setAccessibleDescription(meter_->toolTip());
}

void StatusPanel::setMemory(const MemoryUsage& m) {
    mem_ = m;
    memory_->setText(tr("Memory: %1").arg(formatBytes(m.weights + m.caches)));
    memory_->setToolTip(tr("Model weights %1, context caches %2; the whole process %3")
                            .arg(formatBytes(m.weights), formatBytes(m.caches), formatBytes(m.resident)));
}

void StatusPanel::retranslate() {
    meter_->setAccessibleName(tr("Context usage"));
    prompt_->setToolTip(tr("How fast the prompt was read"));
    gen_->setToolTip(tr("How fast the reply was written"));
    ttft_->setToolTip(tr("Time from sending to the first token of the reply"));
    setStats(stats_, false);
    setContextUsage(used_, size_);
    setMemory(mem_);
}

void StatusPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
