#include "inspector/token_view.h"

#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QStringDecoder>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

#include "inspection/inspection_model.h"
#include "inspector/colormap.h"

namespace glassbox::ui::inspector {

using inspection::InspectionModel;
using inspection::InspectionRecord;

namespace {

constexpr int kMargin = 8, kPad = 2;

std::optional<QString> asText(const QByteArray& bytes) {
    QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = d.decode(bytes);
    if (d.hasError() || s.contains(QChar::ReplacementCharacter)) return std::nullopt;
    return s;
}

QString shown(QString s) {
    s.replace(QLatin1Char('\t'), QChar(0x21E5));
    s.replace(QLatin1Char('\r'), QString());
    return s;
}

QString pct(double v) { return QString::number(v * 100.0, 'f', v < 0.001 ? 3 : 1) + QLatin1String(" %"); }

}  // namespace

TokenView::TokenView(InspectionModel* model, QWidget* parent) : QAbstractScrollArea(parent), model_(model) {
    setObjectName(QStringLiteral("tokenView"));
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(model_, &InspectionModel::currentChanged, this, &TokenView::relayout);
    connect(model_, &InspectionModel::currentGrew, this, &TokenView::layoutMore);
    connect(model_, &InspectionModel::selectionChanged, this, [this] { viewport()->update(); });
    relayout();
}

const InspectionRecord* TokenView::record() const { return model_->current(); }

void TokenView::setColorBy(ColorBy c) {
    colorBy_ = c;
    viewport()->update();
}

float TokenView::entropyMax() const {
    const InspectionRecord* r = record();
    float m = 1.f;
    if (r)
        for (const StreamToken& t : r->stats) m = std::max(m, t.entropy);
    return std::ceil(m);
}

int TokenView::tokenCount() const { return laidOut_; }

void TokenView::relayout() {
    items_.clear();
    laidOut_ = 0;
    cursor_ = QPoint(kMargin, kMargin);
    contentHeight_ = 0;
    hover_ = -1;
    layoutMore();
}

void TokenView::layoutMore() {
    const InspectionRecord* r = record();
    if (!r) {
        updateBar();
        viewport()->update();
        return;
    }
    const QFontMetrics fm(font());
    const int lineH = fm.height() + 2 * kPad + 4;
    const int right = viewport()->width() - kMargin;
    const int available = std::min(int(r->stats.size()), r->generated());
    const bool followEnd = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
    while (laidOut_ < available) {
        // A token that is part of a character waits for the rest of it (or for the reply's end).
        Item it;
        it.first = laidOut_;
        QByteArray bytes;
        std::optional<QString> text;
        for (int n = 0; laidOut_ + n < available && n < 4; ++n) {
            bytes += r->tokens[r->promptLength + laidOut_ + n].piece;
            it.count = n + 1;
            if ((text = asText(bytes))) break;
        }
        if (!text) {
            if (laidOut_ + it.count >= available && !r->complete && it.count < 4) break;  // more bytes may come
            it.count = 1;
            text = r->label(r->promptLength + laidOut_);
        }
        QString s = *text;
        it.breakAfter = s.endsWith(QLatin1Char('\n'));
        s = shown(s);
        s.replace(QLatin1Char('\n'), QChar(0x21B5));
        if (s.isEmpty()) s = QStringLiteral("∅");
        it.text = s;
        const int w = fm.horizontalAdvance(s) + 2 * kPad;
        if (cursor_.x() > kMargin && cursor_.x() + w > right) cursor_ = QPoint(kMargin, cursor_.y() + lineH);
        it.rect = QRect(cursor_.x(), cursor_.y(), w, lineH - 4);
        cursor_.rx() += w + 1;
        if (it.breakAfter) cursor_ = QPoint(kMargin, cursor_.y() + lineH);
        contentHeight_ = it.rect.bottom() + kMargin;
        items_.append(it);
        laidOut_ += it.count;
    }
    updateBar();
    if (followEnd) verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    viewport()->update();
}

void TokenView::updateBar() {
    verticalScrollBar()->setRange(0, std::max(0, contentHeight_ - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(QFontMetrics(font()).height());
}

void TokenView::resizeEvent(QResizeEvent* e) {
    QAbstractScrollArea::resizeEvent(e);
    relayout();
}

QRect TokenView::tokenRect(int index) const {
    for (const Item& it : items_) {
        if (index < it.first || index >= it.first + it.count) continue;
        const int w = it.rect.width() / it.count;
        QRect r(it.rect.left() + (index - it.first) * w, it.rect.top(), index == it.first + it.count - 1 ? it.rect.width() - (it.count - 1) * w : w,
                it.rect.height());
        return r.translated(0, -verticalScrollBar()->value());
    }
    return {};
}

int TokenView::tokenAt(const QPoint& p) const {
    const QPoint c = p + QPoint(0, verticalScrollBar()->value());
    for (const Item& it : items_) {
        if (!it.rect.contains(c)) continue;
        const int w = std::max(1, it.rect.width() / it.count);
        return it.first + std::min(it.count - 1, (c.x() - it.rect.left()) / w);
    }
    return -1;
}

QColor TokenView::colorFor(int index) const {
    const InspectionRecord* r = record();
    if (!r || index < 0 || index >= r->stats.size()) return palette().color(QPalette::Base);
    const StreamToken& t = r->stats[index];
    return colorBy_ == ColorBy::Probability ? viridis(t.rawProb) : viridis(t.entropy / entropyMax());
}

QString TokenView::toolTipFor(int index) const {
    const InspectionRecord* r = record();
    if (!r || index < 0 || index >= r->stats.size()) return {};
    const StreamToken& t = r->stats[index];
    QString s = tr("Token %1 %2 (position %3)").arg(index).arg(QChar(0x201C) + r->label(r->promptLength + index) + QChar(0x201D)).arg(r->promptLength + index);
    s += QLatin1Char('\n') + tr("Probability %1 (after sampling %2), rank %3").arg(pct(t.rawProb), pct(t.prob)).arg(t.rank + 1);
    s += QLatin1Char('\n') + tr("Entropy of the distribution: %1 nats").arg(double(t.entropy), 0, 'f', 2);
    QStringList alts;
    for (int a = 0; a < t.alternatives.size() && a < 3; ++a)
        alts << QStringLiteral("%1 %2").arg(QChar(0x201C) + inspection::visibleText(t.alternatives[a]) + QChar(0x201D),
                                            pct(a < t.alternativeProbs.size() ? t.alternativeProbs[a] : 0));
    if (!alts.isEmpty()) s += QLatin1Char('\n') + tr("Top: %1").arg(alts.join(QStringLiteral(", ")));
    return s;
}

QString TokenView::emptyText() const {
    const InspectionRecord* r = record();
    if (!r) return tr("Send a message: the reply's tokens appear here, coloured by how likely the model found each one.");
    if (r->stats.isEmpty()) return r->complete ? tr("This reply has no token statistics.") : tr("Waiting for the first token…");
    return {};
}

void TokenView::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    const QPalette pal = palette();
    const QString empty = emptyText();
    if (!empty.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, empty);
        return;
    }
    const InspectionRecord* r = record();
    const int dy = verticalScrollBar()->value();
    const QRect visible = viewport()->rect().translated(0, dy);
    const int selected = model_->selectedPosition() - r->promptLength;
    for (const Item& it : items_) {
        if (!it.rect.intersects(visible)) continue;
        const QRect box = it.rect.translated(0, -dy);
        int red = 0, green = 0, blue = 0;
        for (int k = 0; k < it.count; ++k) {
            const QRect stripe = tokenRect(it.first + k);
            const QColor c = colorFor(it.first + k);
            p.fillRect(stripe, c);
            red += c.red(), green += c.green(), blue += c.blue();
        }
        const QColor avg(red / it.count, green / it.count, blue / it.count);
        p.setPen(textOn(avg));
        p.drawText(box.adjusted(kPad, 0, -kPad, 0), Qt::AlignVCenter | Qt::AlignLeft, it.text);
        for (int k = 0; k < it.count; ++k) {
            const int idx = it.first + k;
            if (idx != selected && idx != hover_) continue;
            p.setPen(QPen(idx == selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::WindowText), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(tokenRect(idx).adjusted(0, 0, -1, -1));
        }
    }
}

bool TokenView::viewportEvent(QEvent* e) {
    switch (e->type()) {
    case QEvent::ToolTip: {
        auto* he = static_cast<QHelpEvent*>(e);
        const QString t = toolTipFor(tokenAt(he->pos()));
        if (t.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), t, viewport());
        return true;
    }
    case QEvent::MouseMove: {
        const int i = tokenAt(static_cast<QMouseEvent*>(e)->position().toPoint());
        if (i != hover_) {
            hover_ = i;
            viewport()->update();
        }
        break;
    }
    case QEvent::MouseButtonPress: {
        const int i = tokenAt(static_cast<QMouseEvent*>(e)->position().toPoint());
        if (i >= 0 && record()) {
            model_->setSelectedPosition(record()->promptLength + i);
            emit tokenClicked(i);
        }
        return true;
    }
    default:
        break;
    }
    return QAbstractScrollArea::viewportEvent(e);
}

// ---------------------------------------------------------------------------------- TokenDetails

TokenDetails::TokenDetails(InspectionModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    setObjectName(QStringLiteral("tokenDetails"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("tokenDetailsTitle"));
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::PlainText);
    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("alternativesList"));
    list_->setRootIsDecorated(false);
    list_->setColumnCount(2);
    list_->setUniformRowHeights(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list_->setMinimumHeight(QFontMetrics(font()).height() * 6);
    branch_ = new QPushButton(this);
    branch_->setObjectName(QStringLiteral("branchButton"));
    v->addWidget(title_);
    v->addWidget(list_, 1);
    v->addWidget(branch_);
    connect(model_, &InspectionModel::selectionChanged, this, &TokenDetails::refresh);
    connect(model_, &InspectionModel::currentChanged, this, &TokenDetails::refresh);
    connect(list_, &QTreeWidget::currentItemChanged, this, &TokenDetails::updateButton);
    connect(list_, &QTreeWidget::itemDoubleClicked, this, [this] { branch_->click(); });
    connect(branch_, &QPushButton::clicked, this, [this] {
        const InspectionRecord* r = model_->current();
        QTreeWidgetItem* item = list_->currentItem();
        if (!r || !item || !branch_->isEnabled()) return;
        const int index = model_->selectedPosition() - r->promptLength;
        emit branchRequested(index, branchPrefix(*r, index, item->data(0, Qt::UserRole).toString()));
    });
    refresh();
}

void TokenDetails::setBranchingAllowed(bool allowed) {
    allowed_ = allowed;
    updateButton();
}

QString TokenDetails::branchPrefix(const InspectionRecord& r, int index, const QString& alternative) {
    if (alternative.isEmpty() || alternative.contains(QChar::ReplacementCharacter)) return {};
    QByteArray bytes;
    for (int i = 0; i < index && r.promptLength + i < r.tokens.size(); ++i) bytes += r.tokens[r.promptLength + i].piece;
    const auto before = asText(bytes);
    if (!before) return {};  // the token starts inside a character
    return *before + alternative;
}

void TokenDetails::refresh() {
    list_->clear();
    const InspectionRecord* r = model_->current();
    const int index = r ? model_->selectedPosition() - r->promptLength : -1;
    list_->setHeaderLabels({tr("Alternative"), tr("Probability")});
    if (!r || index < 0 || index >= r->stats.size()) {
        title_->setText(r && model_->selectedPosition() >= 0 && model_->selectedPosition() < r->promptLength
                            ? tr("Position %1 is part of the prompt: it has no alternatives.").arg(model_->selectedPosition())
                            : tr("Click a token of the reply to see the alternatives the model weighed."));
        updateButton();
        return;
    }
    const StreamToken& t = r->stats[index];
    title_->setText(tr("Token %1 %2: probability %3, entropy %4 nats")
                        .arg(index)
                        .arg(QChar(0x201C) + r->label(r->promptLength + index) + QChar(0x201D))
                        .arg(pct(t.rawProb))
                        .arg(double(t.entropy), 0, 'f', 2));
    for (int a = 0; a < t.alternatives.size(); ++a) {
        auto* item = new QTreeWidgetItem(list_);
        const bool chosen = t.alternatives[a] == QString::fromUtf8(r->tokens.value(r->promptLength + index).piece);
        const QString alt = t.alternatives[a].contains(QChar::ReplacementCharacter)
                                ? tr("a byte of a longer character")
                                : QChar(0x201C) + inspection::visibleText(t.alternatives[a], 40) + QChar(0x201D);
        item->setText(0, alt + (chosen ? QStringLiteral("  ") + tr("(chosen)") : QString()));
        item->setText(1, pct(a < t.alternativeProbs.size() ? t.alternativeProbs[a] : 0));
        item->setData(0, Qt::UserRole, t.alternatives[a]);
        item->setData(0, Qt::UserRole + 1, chosen);
        if (chosen) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
        }
    }
    updateButton();
}

void TokenDetails::updateButton() {
    const InspectionRecord* r = model_->current();
    QTreeWidgetItem* item = list_->currentItem();
    QString why;
    bool ok = false;
    if (!item) {
        branch_->setText(tr("Branch from an alternative"));
        why = tr("Choose an alternative in the list first.");
    } else {
        const QString alt = item->data(0, Qt::UserRole).toString();
        branch_->setText(tr("Branch from here with %1").arg(QChar(0x201C) + inspection::visibleText(alt, 20) + QChar(0x201D)));
        const int index = r ? model_->selectedPosition() - r->promptLength : -1;
        if (!allowed_ || !r || !r->complete)
            why = tr("Wait until the reply is finished.");
        else if (item->data(0, Qt::UserRole + 1).toBool())
            why = tr("This is the token the model chose.");
        else if (branchPrefix(*r, index, alt).isEmpty())
            why = tr("This token is part of a character; branch from a whole character.");
        else
            ok = true;
    }
    branch_->setEnabled(ok);
    branch_->setToolTip(ok ? tr("Write a new version of the reply that keeps the text before this token, takes this "
                                "alternative, and lets the model continue from there.")
                           : why);
}

}  // namespace glassbox::ui::inspector
