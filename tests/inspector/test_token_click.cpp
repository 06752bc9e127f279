// Clicking a token in the chat shows what it attended to in every layer:
//   - the text → token mapping on known data (inspector_fixture.h): replies (trimmed, continued,
//     a character split over byte tokens), user messages found in the prompt, Markdown syntax;
//   - the hit test agrees with QLabel's own layout (a double click selects the word we name);
//   - end to end with the demo model: a click on a word of the reply bubble, then of the user's
//     bubble, selects that token in the inspector (tokens tab) and the per-layer view draws its
//     attention row of every layer; with the inspector closed a click selects nothing.
#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "app_setup.h"
#include "chat/chat_controller.h"
#include "chat/label_hit_test.h"
#include "chat/message_widget.h"
#include "engine/engine_service.h"
#include "inspection/inspection_model.h"
#include "inspection/text_positions.h"
#include "inspector/attention_map_view.h"
#include "inspector/colormap.h"
#include "inspector/inspector_panel.h"
#include "gui/gui_test_util.h"
#include "inspector_fixture.h"
#include "main_window.h"

using namespace glassbox;
using namespace glassbox::inspection;
using namespace glassbox::ui::inspector;
using glassbox::ui::labelCharacterAt;
using glassbox::ui::labelCharacterRect;
using glassbox::ui::labelPlainText;

namespace {

InspectionRecord fixtureRecord() {
    InspectionModel m;
    fixture::feed(m);
    return *m.current();
}

QRgb pixel(QWidget* w, QPoint p) {
    const QImage img = w->grab().toImage();
    const qreal d = img.devicePixelRatio();
    return img.pixel(QPoint(int(p.x() * d + d / 2), int(p.y() * d + d / 2))) & 0xFFFFFF;
}

// The first prose label of a message bubble.
QLabel* bubbleText(ui::MainWindow& w, qint64 id) {
    auto* m = w.findChild<ui::MessageWidget*>(QStringLiteral("message_%1").arg(id));
    return m ? m->findChild<QLabel*>(QStringLiteral("messageText")) : nullptr;
}

// The generated token (position) whose trimmed text occurs once in `shown`, at least 3 letters.
int uniqueReplyToken(const InspectionRecord& r, const QString& shown, QString* word) {
    for (int pos = r.promptLength; pos < r.positions(); ++pos) {
        const QString t = r.tokenText(pos).trimmed();
        if (t.size() >= 3 && t.at(0).isLetter() && shown.count(t) == 1) {
            *word = t;
            return pos;
        }
    }
    return -1;
}

}  // namespace

class TestTokenClick : public QObject {
    Q_OBJECT

private slots:
    void replyTextMapsToTokens() {
        const InspectionRecord r = fixtureRecord();
        // Reply tokens " sat", E7 88 B1 (爱), "." (position 7): the bubble trims the first space.
        const TokenText t = tokenText(r, r.promptLength, r.positions());
        QCOMPARE(t.text, QStringLiteral(" sat爱."));
        QCOMPARE(t.position, (QVector<int>{3, 3, 3, 3, 4, 7}));
        const QString shown = QStringLiteral("sat爱.");
        QCOMPARE(replyPositionAt(r, shown, 0), 3);
        QCOMPARE(replyPositionAt(r, shown, 2), 3);
        QCOMPARE(replyPositionAt(r, shown, 3), 4);  // 爱: its first byte token
        QCOMPARE(replyPositionAt(r, shown, 4), 7);
        QCOMPARE(replyPositionAt(r, shown, 5), -1);
        // A continued reply: the older text is not this record's.
        const QString continued = QStringLiteral("Once upon a time the cat sat爱.");
        QCOMPARE(replyPositionAt(r, continued, 2), -1);
        QCOMPARE(replyPositionAt(r, continued, int(continued.indexOf(QStringLiteral("sat"))) + 1), 3);
        QCOMPARE(replyPositionAt(r, continued, int(continued.size()) - 1), 7);
    }

    void userTextMapsToPromptTokens() {
        const InspectionRecord r = fixtureRecord();  // prompt: "<s>", " The", " cat"
        QCOMPARE(promptPositionAt(r, QStringLiteral("The cat"), 0), 1);
        QCOMPARE(promptPositionAt(r, QStringLiteral("The cat"), 3), 2);  // the space belongs to " cat"
        QCOMPARE(promptPositionAt(r, QStringLiteral("The cat"), 5), 2);
        QCOMPARE(promptPositionAt(r, QStringLiteral("  The cat\n"), 2), 1);
        QCOMPARE(promptPositionAt(r, QStringLiteral("The cat"), 9), -1);
        QCOMPARE(promptPositionAt(r, QStringLiteral("dog"), 0), -1);
    }

    void renderedTextAlignsWithMarkdown() {
        const QString md = QStringLiteral("Some **bold** and [a link](https://example.org/x) then `code`.");
        const QString shown = QStringLiteral("Some bold and a link then code.");
        for (const QString& word : {QStringLiteral("bold"), QStringLiteral("link"), QStringLiteral("then"), QStringLiteral("code")})
            QCOMPARE(md.mid(alignedIndex(shown, int(shown.indexOf(word)), md), word.size()), word);
        QCOMPARE(alignedIndex(shown, int(shown.size()) - 1, md), int(md.size()) - 1);
        QCOMPARE(alignedIndex(shown, int(shown.size()), md), -1);
    }

    void hitTestAgreesWithTheLabel() {
        QLabel l;
        l.setTextFormat(Qt::MarkdownText);
        l.setWordWrap(true);
        l.setTextInteractionFlags(Qt::TextBrowserInteraction);
        l.setText(QStringLiteral("Some **bold** words, then a list:\n\n- first item\n- second 爱情 item\n\nAnd a long last line that "
                                 "wraps around at least once in this narrow label."));
        l.setFixedWidth(220);
        l.adjustSize();
        l.show();
        QVERIFY(QTest::qWaitForWindowExposed(&l));
        const QString text = labelPlainText(&l);
        QVERIFY(text.contains(QStringLiteral("bold words")));
        QVERIFY(!text.contains(QStringLiteral("**")));
        for (const QString& word : {QStringLiteral("bold"), QStringLiteral("second"), QStringLiteral("爱情"), QStringLiteral("label")}) {
            const int i = int(text.indexOf(word)) + 1;
            const QRect rect = labelCharacterRect(&l, i);
            QVERIFY2(!rect.isEmpty(), qPrintable(word));
            QCOMPARE(labelCharacterAt(&l, rect.center()), i);
            // QLabel's own word selection under the same point names the same word.
            QTest::mouseDClick(&l, Qt::LeftButton, {}, rect.center());
            QCOMPARE(l.selectedText().trimmed(), word);
            QVERIFY(l.selectionStart() <= i && i < l.selectionStart() + l.selectedText().size());
        }
        QCOMPARE(labelCharacterAt(&l, QPoint(l.width() - 2, 2)), -1);  // right of the first line's text
    }

    void clickInTheChatSelectsTheTokenInEveryLayer() {
        QTemporaryDir dir;
        ui::MainWindow::Options opt;
        opt.databasePath = dir.filePath(QStringLiteral("click.sqlite"));
        opt.modelPath = gbgui::demoModel();
        ui::MainWindow w(opt);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.engine()->hasModel() && !w.engine()->isLoading(), 20000);
        w.inspectorDock()->show();
        w.inspectorDock()->raise();
        QTRY_VERIFY(w.inspector()->isActive());
        if (auto* max = w.findChild<QSpinBox*>(QStringLiteral("maxTokens"))) max->setValue(24);
        // The same reply on every run (seed 3 writes a whole sentence after "Love is").
        auto* random = w.findChild<QAbstractButton*>(QStringLiteral("randomSeed"));
        auto* seed = w.findChild<QLineEdit*>(QStringLiteral("seedEdit"));
        QVERIFY(random && seed);
        random->setChecked(false);
        seed->setText(QStringLiteral("3"));
        emit seed->textEdited(QStringLiteral("3"));
        QSignalSpy replied(w.controller(), &ui::ChatController::replyFinished);
        w.controller()->send(QStringLiteral("Love is"));
        QVERIFY(replied.wait(30000));
        const qint64 reply = replied[0][0].toLongLong();
        InspectorPanel* panel = w.inspector();
        InspectionModel* m = panel->model();
        QTRY_VERIFY(m->current() && m->current()->complete && m->current()->messageId == reply);
        panel->showView(InspectorPanel::Attention);
        const InspectionRecord* r = m->current();
        const int layers = r->shape.layers;

        // A word of the reply's bubble.
        QLabel* label = bubbleText(w, reply);
        QVERIFY(label);
        QString word;
        const int expected = uniqueReplyToken(*r, labelPlainText(label), &word);
        QVERIFY2(expected >= 0, qPrintable(labelPlainText(label) + QStringLiteral(" | ") + label->text() + QStringLiteral(" | ") + r->replyText()));
        const QRect at = labelCharacterRect(label, int(labelPlainText(label).indexOf(word)) + 1);
        QVERIFY(!at.isEmpty());
        QTest::mouseClick(label, Qt::LeftButton, {}, at.center());
        QCOMPARE(panel->currentView(), InspectorPanel::Tokens);
        QCOMPARE(m->selectedPosition(), expected);
        auto* title = w.findChild<QLabel*>(QStringLiteral("tokenLayersTitle"));
        QVERIFY(title && title->text().contains(QStringLiteral("position %1").arg(expected)));
        TokenLayersView* v = panel->tokenLayers();
        QTRY_VERIFY(v->isVisible());
        QCOMPARE(v->rowCount(), layers);
        QCOMPARE(v->colCount(), expected + 1);
        QVERIFY(r->hasRow(expected));
        for (int l = 0; l < layers; ++l) {  // every layer's row: the weights of this query, as recorded
            for (int k : {0, expected / 2, expected}) {
                v->scrollToCell(l, k);
                const QRect cell = v->cellRect(l, k);
                QVERIFY(!cell.isEmpty());
                QCOMPARE(pixel(v->viewport(), cell.center()), viridisRgb(r->attention(l, v->headShown(l), expected, k)) & 0xFFFFFF);
            }
        }

        // A word of the user's bubble: a prompt token, evaluated by this reply's request.
        const qint64 user = w.controller()->tree().parentOf(reply);
        QLabel* userLabel = bubbleText(w, user);
        QVERIFY(userLabel);
        // The prompt token that holds the "o" of the last "Love" in the prompt's text.
        QString prompt;
        QVector<int> ends;
        for (int pos = 0; pos < r->promptLength; ++pos) ends << int((prompt += r->tokenText(pos)).size());
        const int o = int(prompt.lastIndexOf(QStringLiteral("Love"))) + 1;
        QVERIFY(o > 0);
        const int love = int(std::upper_bound(ends.begin(), ends.end(), o) - ends.begin());
        panel->showView(InspectorPanel::Routing);
        QTest::mouseClick(userLabel, Qt::LeftButton, {}, labelCharacterRect(userLabel, 1).center());
        QCOMPARE(panel->currentView(), InspectorPanel::Tokens);
        QCOMPARE(m->selectedPosition(), love);
        QVERIFY(r->hasRow(love));
        QCOMPARE(v->rowCount(), layers);
        QCOMPARE(v->colCount(), love + 1);
        v->scrollToCell(layers - 1, 0);
        QCOMPARE(pixel(v->viewport(), v->cellRect(layers - 1, 0).center()),
                 viridisRgb(r->attention(layers - 1, v->headShown(layers - 1), love, 0)) & 0xFFFFFF);

        // A drag (selecting text) is not a click; with the inspector closed a click is just a click.
        QTest::mousePress(label, Qt::LeftButton, {}, at.center());
        QTest::mouseRelease(label, Qt::LeftButton, {}, at.center() + QPoint(40, 0));
        QCOMPARE(m->selectedPosition(), love);
        w.inspectorDock()->close();
        QTest::mouseClick(label, Qt::LeftButton, {}, at.center());
        QCOMPARE(m->selectedPosition(), love);
    }
};

GBGUI_TEST_MAIN(TestTokenClick)

#include "test_token_click.moc"
