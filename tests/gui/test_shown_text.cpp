// How much of a long message the chat lays out (ui/chat/shown_text.h): short texts whole, long ones
// cut at a line end near the limit (or at the limit), never inside a surrogate pair.
#include <QtTest>

#include "chat/shown_text.h"

using namespace glassbox::ui;

class TestShownText : public QObject {
    Q_OBJECT
private slots:
    void shortTextIsWhole() {
        const ShownText s = shownText("one\ntwo", 7);
        QCOMPARE(s.text, QString("one\ntwo"));
        QCOMPARE(s.hidden, 0);
        QVERIFY(s.note().isEmpty());
    }
    void cutAtTheLastLineEndBeforeTheLimit() {
        const QString text = QString("line one\n").repeated(100);  // 900 characters
        const ShownText s = shownText(text, 100);
        QCOMPARE(s.text, QString("line one\n").repeated(11).chopped(1));  // the 11th line end is at 98
        QCOMPARE(s.hidden, text.size() - s.text.size());
        QVERIFY(s.note().contains(QLocale().toString(s.hidden)));
    }
    void oneLongLineIsCutAtTheLimitBetweenCharacters() {
        const QString moon = QStringLiteral("🌙");  // a surrogate pair
        const ShownText even = shownText(moon.repeated(100), 51);
        QCOMPARE(even.text, moon.repeated(25));  // 50 units: the 26th moon does not fit whole
        QCOMPARE(even.hidden, 150);
        QCOMPARE(shownText(QString(300, 'x'), 64).text.size(), 64);
    }
};

QTEST_APPLESS_MAIN(TestShownText)
#include "test_shown_text.moc"
