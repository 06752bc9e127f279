#pragma once
// The model: open a GGUF file (button, recent list, or drop it on the window), loading progress
// with Cancel, what the file is (architecture, parameters, quantization, context, experts) and the
// memory it needs; and this conversation's system prompt and context policy.
#include <QWidget>

#include "engine/engine_types.h"

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace glassbox::ui {

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(QWidget* parent = nullptr);

    void setRecentModels(const QStringList& paths);
    void setLoading(bool loading, const QString& path = {});
    void setProgress(float fraction);
    void setModel(const ModelInfo& info, int contextSize);
    void setError(const QString& message);  // "" hides it
    void setSystemPrompt(const QString& text);
    QString systemPrompt() const;
    void setContextPolicy(ContextPolicy p);

signals:
    void openRequested(const QString& path);
    void browseRequested();
    void cancelRequested();
    void systemPromptEdited(const QString& text);
    void contextPolicyChanged(glassbox::ContextPolicy p);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void fillDetails();
    QLabel* addRow(const char* objectName);

    ModelInfo info_;
    int contextSize_ = 0;
    QGroupBox* modelBox_;
    QPushButton* open_;
    QLabel* recentTitle_;
    QListWidget* recent_;
    QLabel* loadingLabel_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QLabel* error_;
    QFormLayout* form_;
    QList<QLabel*> values_;
    QGroupBox* chatBox_;
    QLabel* systemTitle_;
    QPlainTextEdit* system_;
    QLabel* policyTitle_;
    QComboBox* policy_;
    QString loadingPath_;
    bool settingPrompt_ = false;
};

}  // namespace glassbox::ui
