#pragma once
// The Prompt Lab's template library: built-ins grouped by language, then the user's own; each
// with a check box (the checked ones become the columns of a run). Buttons make a new template,
// duplicate, delete, import and export JSON.
#include <QStringList>
#include <QWidget>

#include "lab/prompt_template.h"

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace glassbox::ui {

class LabTemplateList : public QWidget {
    Q_OBJECT
public:
    explicit LabTemplateList(QWidget* parent = nullptr);

    void setTemplates(const QList<gb::lab::PromptTemplate>& templates);  // keeps checks and selection by id
    QString currentId() const;
    void setCurrentId(const QString& id);
    QStringList checkedIds() const;  // in list order
    void setChecked(const QStringList& ids);
    QTreeWidget* tree() const { return tree_; }

signals:
    void currentChanged(const QString& id);
    void checkedChanged(const QStringList& ids);
    void newRequested();
    void duplicateRequested(const QString& id);
    void deleteRequested(const QString& id);
    void importRequested();
    void exportRequested(const QStringList& ids);  // the checked ones, or the current one

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void updateButtons();
    QTreeWidget* tree_;
    QPushButton *new_, *duplicate_, *delete_, *import_, *export_;
    QList<gb::lab::PromptTemplate> templates_;
    bool filling_ = false;
};

}  // namespace glassbox::ui
