#pragma once
// The status bar's permanent widgets: prompt and generation speed, time to first token, the
// context meter (tokens used / context length, amber when nearly full, red when full) and the
// engine's memory.
#include <QWidget>

#include "engine/engine_types.h"

class QLabel;
class QProgressBar;

namespace glassbox::ui {

class StatusPanel : public QWidget {
    Q_OBJECT
public:
    explicit StatusPanel(QWidget* parent = nullptr);
    void setStats(const GenerationStats& s, bool streaming);
    void setPromptProgress(int done, int total);
    void setContextUsage(int used, int size);
    void setMemory(const MemoryUsage& m);
    int contextUsed() const { return used_; }
    int contextSize() const { return size_; }
    static constexpr double kNearlyFull = 0.85;

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    QLabel *prompt_, *gen_, *ttft_, *memory_;
    QProgressBar* meter_;
    GenerationStats stats_;
    MemoryUsage mem_;
    int used_ = 0, size_ = 0;
};

}  // namespace glassbox::ui
