#include "util/banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace glassbox::ui {

Banner::Banner(const QString& objectName, QWidget* parent) : QFrame(parent) {
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* h = new QHBoxLayout(this);
    h->setContentsMargins(10, 6, 6, 6);
    icon_ = new QLabel(this);
    text_ = new QLabel(this);
    text_->setObjectName(objectName + QStringLiteral("Text"));
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons_ = new QHBoxLayout;
    close_ = new QToolButton(this);
    close_->setObjectName(objectName + QStringLiteral("Close"));
    close_->setAutoRaise(true);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    h->addWidget(icon_, 0, Qt::AlignTop);
    h->addWidget(text_, 1);
    h->addLayout(buttons_);
    h->addWidget(close_, 0, Qt::AlignTop);
    connect(close_, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
    changeEvent(nullptr);
    hide();
}

void Banner::showMessage(Kind kind, const QString& text) {
    kind_ = kind;
    setProperty("kind", kind == Error ? "error" : kind == Warning ? "warning" : "info");
    const auto px = kind == Error ? QStyle::SP_MessageBoxCritical : kind == Warning ? QStyle::SP_MessageBoxWarning
                                                                                   : QStyle::SP_MessageBoxInformation;
    const int s = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon_->setPixmap(style()->standardIcon(px).pixmap(QSize(s, s), devicePixelRatioF()));
    text_->setText(text);
    setAccessibleDescription(text);
    style()->unpolish(this);
    style()->polish(this);
    show();
}

QPushButton* Banner::addButton(const QString& objectName) {
    auto* b = new QPushButton(this);
    b->setObjectName(objectName);
    buttons_->addWidget(b);
    return b;
}

void Banner::clearButtons() {
    while (QLayoutItem* it = buttons_->takeAt(0)) {
        delete it->widget();
        delete it;
    }
}

QString Banner::text() const { return text_->text(); }

void Banner::changeEvent(QEvent* e) {
    if (!e || e->type() == QEvent::LanguageChange) {
        close_->setToolTip(tr("Dismiss"));
        close_->setAccessibleName(tr("Dismiss"));
    }
    if (e) QFrame::changeEvent(e);
}

}  // namespace glassbox::ui
