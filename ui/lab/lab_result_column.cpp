#include "lab_result_column.h"

#include <QEvent>
#include <QLabel>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>
#include <cmath>

#include "lab_ui_util.h"
#include "util/format.h"

namespace glassbox::ui {

LabResultColumn::LabResultColumn(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("labResultColumn"));
    setFrameShape(QFrame::StyledPanel);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("labColumnTitle"));
    QFont f = title_->font();
    f.setBold(true);
    title_->setFont(f);
    title_->setWordWrap(true);
    subtitle_ = new QLabel(this);
    subtitle_->setObjectName(QStringLiteral("labColumnSettings"));
    subtitle_->setWordWrap(true);
    subtitle_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    stats_ = new QLabel(this);
    stats_->setObjectName(QStringLiteral("labColumnStats"));
    stats_->setWordWrap(true);
    stats_->setTextFormat(Qt::RichText);
    divergenceLabel_ = new QLabel(this);
    divergenceLabel_->setObjectName(QStringLiteral("labColumnDivergence"));
    divergenceLabel_->setWordWrap(true);
    divergenceLabel_->setStyleSheet(QStringLiteral("color: #b00020;"));
    text_ = new QTextEdit(this);
    text_->setObjectName(QStringLiteral("labColumnText"));
    text_->setReadOnly(true);
    text_->setMinimumWidth(180);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 8);
    v->addWidget(title_);
    v->addWidget(subtitle_);
    v->addWidget(stats_);
    v->addWidget(divergenceLabel_);
    v->addWidget(text_, 1);
    clear();
}

void LabResultColumn::setTitle(const QString& title, const QString& subtitle) {
    title_->setText(title);
    subtitle_->setText(subtitle);
    subtitle_->setVisible(!subtitle.isEmpty());
}

void LabResultColumn::clear() {
    cell_ = {};
    divergence_ = -1;
    finished_ = false;
    render();
}

void LabResultColumn::appendToken(const gb::lab::TokenInfo& t) {
    cell_.tokens << t;
    cell_.logProb += t.logProb;
    render();
}

void LabResultColumn::setCell(const gb::lab::CellResult& cell, int divergence) {
    cell_ = cell;
    divergence_ = divergence;
    finished_ = true;
    render();
}

QString LabResultColumn::outputText() const { return text_->toPlainText(); }

void LabResultColumn::updateStats() {
    if (!cell_.error.isEmpty()) {
        stats_->setText(QStringLiteral("<span style=\"color:#b00020;\">%1</span>").arg(cell_.error.toHtmlEscaped()));
        return;
    }
    QStringList parts;
    parts << tr("log-prob <b>%1</b>").arg(formatLogProb(cell_.logProb));
    parts << tr("%n tokens", "", static_cast<int>(cell_.tokens.size()));
    if (finished_) {
        parts << formatSpeed(cell_.genTokS);
        parts << tr("prompt %n tokens", "", cell_.promptTokens);
        const QString why = stopReasonText(cell_.stopReason);
        if (!why.isEmpty()) parts << why;
        if (cell_.scored)
            parts << (cell_.exact      ? tr("<span style=\"color:#1b5e20;\">✔ exact</span>")
                      : cell_.contains ? tr("<span style=\"color:#7a5200;\">≈ contains</span>")
                                       : tr("<span style=\"color:#b00020;\">✘ wrong</span>"));
    } else {
        parts << tr("running…");
    }
    stats_->setText(parts.join(QStringLiteral(" · ")));
}

void LabResultColumn::render() {
    updateStats();
    divergenceLabel_->setText(divergence_ >= 0 ? tr("Columns part at token %1").arg(divergence_ + 1) : QString());
    divergenceLabel_->setVisible(divergence_ >= 0);
    text_->clear();
    QTextCursor cur(text_->document());
    QTextCharFormat marker;
    marker.setForeground(QColor(0xb0, 0x00, 0x20));
    marker.setFontWeight(QFont::Bold);
    for (int i = 0; i < cell_.tokens.size(); ++i) {
        const gb::lab::TokenInfo& t = cell_.tokens[i];
        if (i == divergence_) {
            marker.setToolTip(tr("The columns part here: token %1 differs").arg(i + 1));
            cur.insertText(QStringLiteral("▌"), marker);
        }
        QTextCharFormat f;
        f.setBackground(probabilityColor(t.logProb));
        f.setForeground(QColor(0x20, 0x20, 0x20));
        if (i == divergence_) {
            f.setForeground(QColor(0x8a, 0x00, 0x18));
            f.setFontWeight(QFont::Bold);
        }
        QStringList alts;
        for (int k = 0; k < t.alternatives.size(); ++k)
            alts << QStringLiteral("“%1” %2").arg(QString(t.alternatives[k]).replace(QStringLiteral("\n"), QStringLiteral("\\n")))
                        .arg(t.alternativeProbs.value(k), 0, 'f', 3);
        f.setToolTip(tr("token %1 · id %2\nlog p = %3 (p = %4)\nalternatives: %5")
                         .arg(i + 1)
                         .arg(t.id)
                         .arg(formatLogProb(t.logProb))
                         .arg(std::exp(t.logProb), 0, 'f', 3)
                         .arg(alts.join(QStringLiteral(", "))));
        QString shown = t.text;
        shown.replace(QStringLiteral("\n"), QStringLiteral("↵\n"));
        if (shown.isEmpty()) shown = QStringLiteral("\u200B");  // a byte of a character still to come
        cur.insertText(shown, f);
    }
    if (finished_ && cell_.tokens.isEmpty() && cell_.error.isEmpty()) {
        QTextCharFormat f;
        f.setForeground(QColor(0x80, 0x80, 0x80));
        cur.insertText(tr("(no tokens: the model ended at once)"), f);
    }
}

void LabResultColumn::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) render();
    QFrame::changeEvent(e);
}

}  // namespace glassbox::ui
