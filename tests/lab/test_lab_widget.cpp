// The Prompt Lab window driven offscreen like a user: it opens from the main window's menu and
// follows the chat's model, the preview shows the exact prompt with token counts per part,
// checked templates run side by side (columns fill, divergence marked), a batch of word
// problems fills the score table, templates are saved, imported and exported, runs are saved and
// re-run with identical tokens. Screenshots of each state go to LAB_SCREENSHOT_DIR (or
// $GLASSBOX_SCREENSHOT_DIR).
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextEdit>
#include <QTreeWidget>
#include <QtTest>

#include "app_setup.h"
#include "common/test_models.h"
#include "engine/engine_service.h"
#include "gui/gui_test_util.h"
#include "lab/lab_service.h"
#include "lab/lab_store.h"
#include "lab/prompt_builder.h"
#include "lab/template_library.h"
#include "lab/lab_batch_panel.h"
#include "lab/lab_compare_panel.h"
#include "lab/lab_prompt_preview.h"
#include "lab/lab_result_column.h"
#include "lab/lab_runs_panel.h"
#include "lab/lab_template_editor.h"
#include "lab/lab_template_list.h"
#include "lab/lab_ui_util.h"
#include "lab/prompt_lab_widget.h"
#include "lab/prompt_lab_window.h"
#include "main_window.h"
#include "util/dialogs.h"

using namespace glassbox;
using namespace glassbox::ui;

namespace {

QString shotsDir() {
    const QString env = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    return env.isEmpty() ? QStringLiteral(LAB_SCREENSHOT_DIR) : env;
}

void shoot(QWidget* w, const QString& name) {
    QDir().mkpath(shotsDir());
    QCoreApplication::processEvents();
    const QString path = shotsDir() + QStringLiteral("/lab-") + name + QStringLiteral(".png");
    QVERIFY2(w->grab().save(path), qPrintable(path));
}

}  // namespace

class TestLabWidget : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int dbs_ = 0;
    QString db_;
    std::unique_ptr<PromptLabWindow> window_;
    PromptLabWidget* lab() { return window_->lab(); }
    template <class T>
    T* get(const QString& name) {
        return gbgui::find<T>(window_.get(), name);
    }
    QString db() const { return db_; }
    QString stories() const { return gbtest::modelsDir() + QStringLiteral("/stories260K-f32.gguf"); }
    QString polyglot() const { return gbtest::modelsDir() + QStringLiteral("/polyglot-moe-4m-q8_0.gguf"); }

    void openLab(const QString& model) {
        db_ = dir_.filePath(QStringLiteral("lab-%1.sqlite").arg(++dbs_));
        window_ = std::make_unique<PromptLabWindow>(db());
        window_->resize(1360, 880);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QSignalSpy ready(lab(), &PromptLabWidget::modelReady);
        lab()->openModel(model);
        QVERIFY(ready.wait(20000));
        QVERIFY(lab()->hasModel());
    }
    void waitRun() {
        QTRY_VERIFY_WITH_TIMEOUT(!lab()->isRunning(), 30000);
    }

private slots:
    void opensFromTheMainWindowAndFollowsTheChatModel() {
        MainWindow::Options opt;
        opt.databasePath = dir_.filePath(QStringLiteral("main.sqlite"));
        opt.demoModelPath = gbgui::demoModel();
        MainWindow w(opt);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.engine()->hasModel() && !w.engine()->isLoading(), 20000);
        auto* action = w.findChild<QAction*>(QStringLiteral("promptLabAction"));
        QVERIFY(action);
        QVERIFY(!action->text().isEmpty());
        bool inMenu = false;
        for (QAction* menu : w.menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(action)) inMenu = true;
        QVERIFY(inMenu);
        action->trigger();
        auto* labWindow = w.findChild<PromptLabWindow*>(QStringLiteral("promptLabWindow"));
        QVERIFY(labWindow);
        QTRY_VERIFY(labWindow->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(labWindow->lab()->hasModel(), 20000);
        QCOMPARE(QFileInfo(labWindow->lab()->modelPath()).fileName(), QStringLiteral("polyglot-moe-4m-q8_0.gguf"));
        action->trigger();  // raises the same window
        QCOMPARE(w.findChildren<PromptLabWindow*>().size(), 1);
        labWindow->close();
    }

    void previewShowsTokensPerPart() {
        openLab(polyglot());
        lab()->tabs()->setCurrentIndex(0);
        lab()->selectTemplate(QStringLiteral("few-shot-ru"));
        auto* preview = lab()->preview();
        preview->setQuestion(QStringLiteral("У Лены было 3 конфеты в одной руке и 5 в другой, и 2 она отдала. Сколько конфет у неё осталось?"));
        QVERIFY(preview->error().isEmpty());
        const gb::lab::TokenizedPrompt& tp = preview->tokens();
        QVERIFY(tp.count(gb::lab::PromptPart::Examples) > 50);
        QVERIFY(tp.count(gb::lab::PromptPart::User) > 10);
        QCOMPARE(tp.count(gb::lab::PromptPart::Markup), 1);  // BOS
        const QString counts = get<QLabel>(QStringLiteral("labTokenCounts"))->text();
        QVERIFY2(counts.contains(QString::number(tp.ids.size())), qPrintable(counts));
        QVERIFY(get<QTextEdit>(QStringLiteral("labPreviewText"))->toPlainText().contains(QStringLiteral("Вопрос:")));
        shoot(window_.get(), QStringLiteral("1-template-preview"));

        // A template of one's own: a variable gets a field; a missing value is explained.
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labNewTemplateButton")), Qt::LeftButton);
        auto* body = get<QPlainTextEdit>(QStringLiteral("labTemplateBody"));
        body->setPlainText(QStringLiteral("Write in a {{tone}} tone.\n\n{{question}}"));
        QTRY_VERIFY(get<QLineEdit>(QStringLiteral("labVariable_tone")) != nullptr);
        QVERIFY2(preview->error().isEmpty(), qPrintable(preview->error()));  // an empty field is a value
        body->setPlainText(QStringLiteral("Broken {{ tone"));
        QVERIFY(preview->error().contains(QStringLiteral("line 1, column 8")));
        body->setPlainText(QStringLiteral("Write in a {{tone}} tone.\n\n{{question}}"));
        get<QLineEdit>(QStringLiteral("labVariable_tone"))->setText(QStringLiteral("cheerful"));
        QVERIFY(preview->built().text.startsWith(QStringLiteral("Write in a cheerful tone.")));
        get<QLineEdit>(QStringLiteral("labTemplateName"))->setText(QStringLiteral("Tone"));
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labSaveTemplateButton")), Qt::LeftButton);
        QCOMPARE(lab()->store()->templates().size(), 1);
        QCOMPARE(lab()->store()->templates()[0].name, QStringLiteral("Tone"));
        QVERIFY(lab()->store()->templates()[0].body.contains(QStringLiteral("{{tone}}")));

        // Export the checked templates and import them again.
        lab()->templateList()->setChecked({QStringLiteral("cot-zh"), lab()->store()->templates()[0].id});
        const QString file = dir_.filePath(QStringLiteral("export.json"));
        labdialogs::setNextLabFileName(file);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labExportTemplatesButton")), Qt::LeftButton);
        QVERIFY(QFileInfo::exists(file));
        labdialogs::setNextLabFileName(file);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labImportTemplatesButton")), Qt::LeftButton);
        QCOMPARE(lab()->store()->templates().size(), 3);
        QCOMPARE(lab()->library()->all().size(), 12);
        shoot(window_.get(), QStringLiteral("2-own-template"));
        window_.reset();
    }

    void chatTemplatePreviewHighlightsSpecialTokens() {
        // Qwen3's real vocabulary and chat template (a vocabulary-only file: previews, no runs).
        openLab(gbtest::modelsDir() + QStringLiteral("/vocab/qwen3-vocab.gguf"));
        QVERIFY(get<QLabel>(QStringLiteral("labModelLabel"))->text().contains(QStringLiteral("vocabulary only")));
        lab()->tabs()->setCurrentIndex(0);
        lab()->selectTemplate(QStringLiteral("few-shot-zh"));
        auto* preview = lab()->preview();
        preview->setQuestion(QStringLiteral("莉娜一只手里有3颗糖，另一只手里有5颗，她送出了2颗。她现在还有几颗糖？"));
        auto* wrap = get<QComboBox>(QStringLiteral("labChatWrap"));
        wrap->setCurrentIndex(wrap->findData(static_cast<int>(gb::lab::ChatWrap::Message)));
        QVERIFY2(preview->built().chatTemplateUsed, qPrintable(preview->built().chatTemplateError));
        const gb::lab::TokenizedPrompt& tp = preview->tokens();
        int special = 0;
        for (const gb::lab::PromptToken& t : tp.tokens) special += t.special;
        QCOMPARE(special, 3);  // <|im_start|>user … <|im_end|> <|im_start|>assistant
        QVERIFY(tp.count(gb::lab::PromptPart::Examples) > 50);
        QVERIFY(tp.count(gb::lab::PromptPart::Markup) >= 6);
        QVERIFY(get<QTextEdit>(QStringLiteral("labPreviewText"))->toPlainText().contains(QStringLiteral("<|im_start|>assistant")));
        shoot(window_.get(), QStringLiteral("2b-chat-template"));
        // Few-shot examples as earlier chat turns: they become the history.
        wrap->setCurrentIndex(wrap->findData(static_cast<int>(gb::lab::ChatWrap::ExamplesAsTurns)));
        QVERIFY(preview->tokens().count(gb::lab::PromptPart::History) > 50);
        QCOMPARE(preview->tokens().count(gb::lab::PromptPart::Examples), 0);
        shoot(window_.get(), QStringLiteral("2c-examples-as-turns"));
        // Running needs weights: said plainly.
        QSignalSpy failed(lab(), &PromptLabWidget::runFailed);
        lab()->runCompare();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("only a vocabulary")));
        QVERIFY(get<QWidget>(QStringLiteral("labBanner"))->isVisible());
        window_.reset();
    }

    void sideBySideFillsColumns() {
        openLab(stories());
        // Two templates whose prompts share a start, and a sampler-setting column.
        auto* list = lab()->templateList();
        list->setChecked({QStringLiteral("zero-shot-en"), QStringLiteral("few-shot-en")});
        lab()->tabs()->setCurrentIndex(1);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labColumnsFromCheckedButton")), Qt::LeftButton);
        QCOMPARE(lab()->comparePanel()->columnCount(), 2);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labAddColumnButton")), Qt::LeftButton);
        QCOMPARE(lab()->comparePanel()->columnCount(), 3);
        auto* input = get<QPlainTextEdit>(QStringLiteral("labCompareInput"));
        input->setPlainText(QStringLiteral("Lily and Tom went to the park. What did they see?"));
        QCOMPARE(lab()->preview()->question(), input->toPlainText());  // one input for both
        get<QSpinBox>(QStringLiteral("labMaxTokens"))->setValue(24);
        QSignalSpy done(lab(), &PromptLabWidget::runFinished);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labCompareRunButton")), Qt::LeftButton);
        QVERIFY(lab()->isRunning());
        QVERIFY(done.wait(30000));
        const QList<LabResultColumn*> cols = lab()->comparePanel()->resultColumns();
        QCOMPARE(cols.size(), 3);
        QList<QList<int32_t>> ids;
        for (LabResultColumn* c : cols) {
            QVERIFY(c->cell().error.isEmpty());
            QVERIFY(!c->outputText().isEmpty());
            ids << c->cell().tokenIds();
        }
        const int div = gb::lab::firstDivergence(ids);
        const QString summary = get<QLabel>(QStringLiteral("labDivergenceSummary"))->text();
        if (div >= 0) QVERIFY2(summary.contains(QString::number(div + 1)), qPrintable(summary));
        const qint64 saved = done.at(0).at(0).toLongLong();
        QVERIFY(saved > 0);
        QCOMPARE(lab()->store()->run(saved).spec.columns.size(), 3);
        QVERIFY(get<QLabel>(QStringLiteral("labCompareStatus"))->text().contains(QString::number(saved)));
        shoot(window_.get(), QStringLiteral("3-side-by-side"));

        // The same template twice with different temperatures: the columns part where sampling does.
        lab()->comparePanel()->setColumnsFromTemplates({QStringLiteral("zero-shot-en")});
        gb::SamplingParams hot;  // mildly hot: it follows the greedy column for a while, then parts
        hot.temperature = 0.6f;
        hot.topK = 3;
        lab()->comparePanel()->addColumn(QStringLiteral("zero-shot-en"), hot);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labCompareRunButton")), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        const auto cols2 = lab()->comparePanel()->resultColumns();
        QCOMPARE(cols2.size(), 2);
        const int div2 = gb::lab::firstDivergence({cols2[0]->cell().tokenIds(), cols2[1]->cell().tokenIds()});
        QVERIFY(div2 >= 0);
        QVERIFY(cols2[0]->outputText().contains(QStringLiteral("▌")) || cols2[1]->outputText().contains(QStringLiteral("▌")));
        shoot(window_.get(), QStringLiteral("4-sampler-columns"));
        window_.reset();
    }

    void batchScoresAndRerun() {
        openLab(polyglot());
        lab()->templateList()->setChecked({QStringLiteral("zero-shot-en"), QStringLiteral("few-shot-en"), QStringLiteral("cot-en")});
        lab()->tabs()->setCurrentIndex(2);
        LabBatchPanel* batch = lab()->batchPanel();
        QCOMPARE(batch->inputs().size(), 8);  // the built-in English word problems
        // Keep it quick: four problems, one typed in.
        QTableWidget* in = batch->inputsTable();
        while (in->rowCount() > 3) in->removeRow(in->rowCount() - 1);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labAddInputButton")), Qt::LeftButton);
        in->setItem(3, 0, new QTableWidgetItem(QStringLiteral("What is 2 + 2?")));
        in->setItem(3, 1, new QTableWidgetItem(QStringLiteral("4")));
        QCOMPARE(batch->inputs().size(), 4);
        get<QSpinBox>(QStringLiteral("labBatchMaxTokens"))->setValue(16);
        get<QSpinBox>(QStringLiteral("labContextSize"))->setValue(1024);  // chain-of-thought needs more than 256
        QSignalSpy done(lab(), &PromptLabWidget::runFinished);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labBatchRunButton")), Qt::LeftButton);
        QVERIFY(done.wait(60000));
        QTableWidget* scores = batch->scoreTable();
        QCOMPARE(scores->rowCount(), 3);
        QCOMPARE(scores->item(0, 0)->text(), QStringLiteral("zero-shot-en"));
        for (int r = 0; r < 3; ++r) QCOMPARE(scores->item(r, 3)->text(), QStringLiteral("4"));
        QVERIFY(scores->item(1, 1)->text().contains(QStringLiteral("/4)")));
        QTableWidget* results = batch->resultsTable();
        QCOMPARE(results->rowCount(), 4);
        QCOMPARE(results->columnCount(), 5);
        for (int r = 0; r < 4; ++r)
            for (int c = 2; c < 5; ++c) QVERIFY2(results->item(r, c), qPrintable(QStringLiteral("%1,%2").arg(r).arg(c)));
        const qint64 saved = done.at(0).at(0).toLongLong();
        shoot(window_.get(), QStringLiteral("5-batch-scores"));

        // Saved runs: re-run the batch exactly.
        lab()->tabs()->setCurrentIndex(3);
        LabRunsPanel* runs = lab()->runsPanel();
        QCOMPARE(runs->table()->rowCount(), 1);
        runs->selectRun(saved);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labRerunButton")), Qt::LeftButton);
        QVERIFY(done.wait(60000));
        QTRY_VERIFY(get<QLabel>(QStringLiteral("labRunsStatus"))->text().contains(QStringLiteral("identical tokens in all 12")));
        QCOMPARE(runs->table()->rowCount(), 2);
        lab()->tabs()->setCurrentIndex(3);
        shoot(window_.get(), QStringLiteral("6-saved-runs"));
        // Opening a saved run shows its results again.
        runs->selectRun(saved);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labOpenRunButton")), Qt::LeftButton);
        QCOMPARE(lab()->tabs()->currentIndex(), 2);
        QCOMPARE(batch->scoreTable()->rowCount(), 3);
        window_.reset();
    }

    void importsACsvAndReportsBadOnes() {
        openLab(stories());
        const QString good = dir_.filePath(QStringLiteral("in.csv"));
        {
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("input,expected\n\"Once upon a time, there was\",girl\n\"Lily said \"\"hi\"\"\nto Tom\",\n");
        }
        lab()->tabs()->setCurrentIndex(2);
        labdialogs::setNextLabFileName(good);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labImportCsvButton")), Qt::LeftButton);
        QCOMPARE(lab()->batchPanel()->inputs().size(), 2);
        QCOMPARE(lab()->batchPanel()->inputs()[1].input, QStringLiteral("Lily said \"hi\"\nto Tom"));
        const QString bad = dir_.filePath(QStringLiteral("bad.csv"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("question\nx\n");
        }
        labdialogs::setNextLabFileName(bad);
        QTest::mouseClick(get<QPushButton>(QStringLiteral("labImportCsvButton")), Qt::LeftButton);
        auto* banner = get<QWidget>(QStringLiteral("labBanner"));
        QVERIFY(banner->isVisible());
        QCOMPARE(lab()->batchPanel()->inputs().size(), 2);  // unchanged
        window_.reset();
    }
};

GBGUI_TEST_MAIN(TestLabWidget)
#include "test_lab_widget.moc"
