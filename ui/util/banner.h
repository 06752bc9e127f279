#pragma once
// A strip above the composer that says something the user must see (an error, the context
// filling up) with optional buttons, until dismissed.
#include <QFrame>

class QLabel;
class QHBoxLayout;
class QPushButton;
class QToolButton;

namespace glassbox::ui {

class Banner : public QFrame {
    Q_OBJECT
public:
    enum Kind { Info, Warning, Error };
    explicit Banner(const QString& objectName, QWidget* parent = nullptr);
    void showMessage(Kind kind, const QString& text);
    QPushButton* addButton(const QString& objectName);  // caller sets the text (and retranslates)
    void clearButtons();
    QString text() const;
    Kind kind() const { return kind_; }

signals:
    void dismissed();

protected:
    void changeEvent(QEvent* e) override;

private:
    Kind kind_ = Info;
    QLabel* icon_;
    QLabel* text_;
    QHBoxLayout* buttons_;
    QToolButton* close_;
};

}  // namespace glassbox::ui
