#pragma once
// One column of a side-by-side run: which template and settings, the output with every token
// shaded by its probability (hover for its log-probability and the alternatives), the point
// where the columns part marked, and the totals: log-probability, tokens, speed, why it stopped.
#include <QFrame>

#include "lab/lab_runner.h"

class QLabel;
class QTextEdit;

namespace glassbox::ui {

class LabResultColumn : public QFrame {
    Q_OBJECT
public:
    explicit LabResultColumn(QWidget* parent = nullptr);

    void setTitle(const QString& title, const QString& subtitle);
    void clear();                                   // waiting for the run
    void appendToken(const gb::lab::TokenInfo& t);  // while it streams
    void setCell(const gb::lab::CellResult& cell, int divergence);  // -1: no divergence to mark
    const gb::lab::CellResult& cell() const { return cell_; }
    QString outputText() const;  // the output as shown (tests)

protected:
    void changeEvent(QEvent* e) override;

private:
    void render();
    void updateStats();
    gb::lab::CellResult cell_;
    int divergence_ = -1;
    bool finished_ = false;
    QLabel *title_, *subtitle_, *stats_, *divergenceLabel_;
    QTextEdit* text_;
};

}  // namespace glassbox::ui
