#include "lab_template_list.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace glassbox::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QString languageTitle(const QString& code) {
    if (code == QLatin1String("en")) return QStringLiteral("English");
    if (code == QLatin1String("ru")) return QStringLiteral("Русский");
    if (code == QLatin1String("zh")) return QStringLiteral("中文");
    return code;
}
}  // namespace

LabTemplateList::LabTemplateList(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("labTemplateList"));
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("labTemplateTree"));
    tree_->setColumnCount(2);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->setRootIsDecorated(false);
    tree_->setUniformRowHeights(true);
    auto button = [this](const char* name) {
        auto* b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    new_ = button("labNewTemplateButton");
    duplicate_ = button("labDuplicateTemplateButton");
    delete_ = button("labDeleteTemplateButton");
    import_ = button("labImportTemplatesButton");
    export_ = button("labExportTemplatesButton");
    auto* grid = new QGridLayout;
    grid->addWidget(new_, 0, 0);
    grid->addWidget(duplicate_, 0, 1);
    grid->addWidget(delete_, 0, 2);
    grid->addWidget(import_, 1, 0);
    grid->addWidget(export_, 1, 1);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(tree_, 1);
    v->addLayout(grid);

    connect(tree_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        updateButtons();
        if (!filling_ && item && !item->data(0, kIdRole).toString().isEmpty()) emit currentChanged(item->data(0, kIdRole).toString());
    });
    connect(tree_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem*, int column) {
        if (!filling_ && column == 0) emit checkedChanged(checkedIds());
    });
    connect(new_, &QPushButton::clicked, this, &LabTemplateList::newRequested);
    connect(duplicate_, &QPushButton::clicked, this, [this] { emit duplicateRequested(currentId()); });
    connect(delete_, &QPushButton::clicked, this, [this] { emit deleteRequested(currentId()); });
    connect(import_, &QPushButton::clicked, this, &LabTemplateList::importRequested);
    connect(export_, &QPushButton::clicked, this, [this] {
        QStringList ids = checkedIds();
        if (ids.isEmpty() && !currentId().isEmpty()) ids << currentId();
        emit exportRequested(ids);
    });
    retranslate();
    updateButtons();
}

void LabTemplateList::setTemplates(const QList<gb::lab::PromptTemplate>& templates) {
    const QString current = currentId();
    const QStringList checked = checkedIds();
    templates_ = templates;
    filling_ = true;
    tree_->clear();
    QTreeWidgetItem* group = nullptr;
    QString groupKey;
    for (const gb::lab::PromptTemplate& t : templates) {
        const QString key = t.builtin ? t.language : QStringLiteral("~user");
        if (!group || key != groupKey) {
            group = new QTreeWidgetItem(tree_);
            group->setText(0, t.builtin ? languageTitle(t.language) : tr("My templates"));
            group->setFlags(Qt::ItemIsEnabled);
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
            group->setFirstColumnSpanned(true);
            groupKey = key;
        }
        auto* item = new QTreeWidgetItem(group);
        item->setText(0, t.name.isEmpty() ? t.id : t.name);
        item->setText(1, gb::lab::kindKey(t.kind));
        item->setToolTip(0, t.description.isEmpty() ? t.id : t.id + QStringLiteral("\n") + t.description);
        item->setData(0, kIdRole, t.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, checked.contains(t.id) ? Qt::Checked : Qt::Unchecked);
    }
    tree_->expandAll();
    filling_ = false;
    setCurrentId(current);
    updateButtons();
}

QString LabTemplateList::currentId() const {
    QTreeWidgetItem* item = tree_->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

void LabTemplateList::setCurrentId(const QString& id) {
    for (QTreeWidgetItemIterator it(tree_); *it; ++it)
        if ((*it)->data(0, kIdRole).toString() == id && !id.isEmpty()) {
            tree_->setCurrentItem(*it);
            return;
        }
}

QStringList LabTemplateList::checkedIds() const {
    QStringList ids;
    for (QTreeWidgetItemIterator it(tree_); *it; ++it)
        if (!(*it)->data(0, kIdRole).toString().isEmpty() && (*it)->checkState(0) == Qt::Checked)
            ids << (*it)->data(0, kIdRole).toString();
    return ids;
}

void LabTemplateList::setChecked(const QStringList& ids) {
    filling_ = true;
    for (QTreeWidgetItemIterator it(tree_); *it; ++it) {
        const QString id = (*it)->data(0, kIdRole).toString();
        if (!id.isEmpty()) (*it)->setCheckState(0, ids.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
    filling_ = false;
    emit checkedChanged(checkedIds());
}

void LabTemplateList::updateButtons() {
    const QString id = currentId();
    bool user = false;
    for (const gb::lab::PromptTemplate& t : templates_)
        if (t.id == id) user = !t.builtin;
    duplicate_->setEnabled(!id.isEmpty());
    delete_->setEnabled(user);
    export_->setEnabled(!id.isEmpty() || !checkedIds().isEmpty());
}

void LabTemplateList::retranslate() {
    tree_->setHeaderLabels({tr("Template"), tr("Kind")});
    new_->setText(tr("New"));
    duplicate_->setText(tr("Duplicate"));
    delete_->setText(tr("Delete"));
    import_->setText(tr("Import…"));
    export_->setText(tr("Export…"));
    new_->setToolTip(tr("A new empty template of your own"));
    duplicate_->setToolTip(tr("Copy the selected template to edit it"));
    import_->setToolTip(tr("Add the templates of a JSON file"));
    export_->setToolTip(tr("Save the checked templates (or the selected one) as JSON"));
}

void LabTemplateList::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
