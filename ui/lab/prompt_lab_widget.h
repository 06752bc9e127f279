#pragma once
// The Prompt Lab: the template library on the left (check templates to compare them); on the
// right the template editor with its live preview, side-by-side runs, batch runs with scores,
// and the saved runs. Runs go to a LabService thread of its own and are saved in the history
// database (one per profile) together with what re-runs them exactly.
#include <QWidget>
#include <memory>
#include <optional>

#include "lab/lab_runner.h"

class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace gb::lab {
class LabService;
class LabStore;
class TemplateLibrary;
}  // namespace gb::lab

namespace glassbox::ui {

class Banner;
class LabBatchPanel;
class LabComparePanel;
class LabPromptPreview;
class LabRunsPanel;
class LabTemplateEditor;
class LabTemplateList;

class PromptLabWidget : public QWidget {
    Q_OBJECT
public:
    // databasePath: the history database that keeps user templates and runs ("" = the profile's default).
    explicit PromptLabWidget(const QString& databasePath, QWidget* parent = nullptr);
    ~PromptLabWidget() override;

    void openModel(const QString& path);    // chosen in the lab: the lab keeps it
    void followModel(const QString& path);  // the chat's model: used until the lab opens one itself
    QString modelPath() const { return modelPath_; }
    bool hasModel() const;
    bool isRunning() const { return runId_ != 0; }

    void selectTemplate(const QString& id);
    void runCompare();
    void runBatch();
    void rerun(qint64 savedRunId);

    gb::lab::LabService* service() const { return service_.get(); }
    gb::lab::TemplateLibrary* library() const { return library_.get(); }
    gb::lab::LabStore* store() const { return store_.get(); }
    LabTemplateList* templateList() const { return list_; }
    LabTemplateEditor* editor() const { return editor_; }
    LabPromptPreview* preview() const { return preview_; }
    LabComparePanel* comparePanel() const { return compare_; }
    LabBatchPanel* batchPanel() const { return batch_; }
    LabRunsPanel* runsPanel() const { return runs_; }
    QTabWidget* tabs() const { return tabs_; }

signals:
    void modelReady(const QString& path);
    void runFinished(qint64 savedRunId);  // 0 when it could not be saved
    void runFailed(const QString& message);

protected:
    void changeEvent(QEvent* e) override;

private:
    enum class RunKind { None, Compare, Batch, Rerun };
    void retranslate();
    void buildLayout();
    void connectParts();
    void connectService();
    void refreshTemplates(const QString& select = {});
    void refreshRuns();
    std::optional<gb::lab::PromptTemplate> templateForRun(const QString& id) const;
    void start(RunKind kind, const gb::lab::RunSpec& spec, qint64 rerunOf = 0);
    void finish(const gb::lab::RunSpec& spec, const gb::lab::RunResult& result);
    void showSaved(qint64 id);
    void showError(const QString& text);
    void showInfo(const QString& text);
    void updateModelLabel();

    std::unique_ptr<gb::lab::LabService> service_;
    std::unique_ptr<gb::lab::LabStore> store_;
    std::unique_ptr<gb::lab::TemplateLibrary> library_;
    QString modelPath_;
    bool modelChosenHere_ = false;
    bool modelLoading_ = false;
    QString modelError_;
    quint64 runId_ = 0;
    RunKind runKind_ = RunKind::None;
    qint64 rerunOf_ = 0;

    QLabel* modelLabel_;
    QPushButton* openModel_;
    QLabel* contextLabel_;
    QSpinBox* context_;
    Banner* banner_;
    QTabWidget* tabs_;
    LabTemplateList* list_;
    LabTemplateEditor* editor_;
    LabPromptPreview* preview_;
    LabComparePanel* compare_;
    LabBatchPanel* batch_;
    LabRunsPanel* runs_;
    QLabel* previewTitle_;
};

}  // namespace glassbox::ui
