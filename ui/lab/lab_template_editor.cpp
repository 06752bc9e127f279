#include "lab_template_editor.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace glassbox::ui {

using gb::lab::PromptTemplate;
using gb::lab::TemplateKind;

namespace {

QPlainTextEdit* textBox(QWidget* parent, const char* name, int lines) {
    auto* e = new QPlainTextEdit(parent);
    e->setObjectName(QLatin1String(name));
    e->setTabChangesFocus(true);
    const int h = e->fontMetrics().lineSpacing() * lines + 12;
    e->setMinimumHeight(h);
    e->setMaximumHeight(lines >= 6 ? QWIDGETSIZE_MAX : h);
    return e;
}

QString escapeVisible(const QString& s) {
    QString out = s;
    out.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    out.replace(QStringLiteral("\n"), QStringLiteral("\\n"));
    out.replace(QStringLiteral("\t"), QStringLiteral("\\t"));
    return out;
}

QString unescapeVisible(const QString& s) {
    QString out;
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] == u'\\' && i + 1 < s.size()) {
            const QChar n = s[++i];
            out += n == u'n' ? QChar(u'\n') : n == u't' ? QChar(u'\t') : n;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

LabTemplateEditor::LabTemplateEditor(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("labTemplateEditor"));
    readOnlyNote_ = new QLabel(this);
    readOnlyNote_->setObjectName(QStringLiteral("labReadOnlyNote"));
    readOnlyNote_->setWordWrap(true);
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("labTemplateName"));
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("labTemplateLanguage"));
    language_->setEditable(true);
    language_->addItems({QString(), QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("zh")});
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("labTemplateKind"));
    for (TemplateKind k : {TemplateKind::ZeroShot, TemplateKind::FewShot, TemplateKind::ChainOfThought})
        kind_->addItem(QString(), static_cast<int>(k));
    system_ = textBox(this, "labTemplateSystem", 2);
    body_ = textBox(this, "labTemplateBody", 6);
    exampleFormat_ = textBox(this, "labExampleFormat", 2);
    separator_ = new QLineEdit(this);
    separator_->setObjectName(QStringLiteral("labExampleSeparator"));
    examples_ = new QTableWidget(0, 2, this);
    examples_->setObjectName(QStringLiteral("labExamplesTable"));
    examples_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    examples_->verticalHeader()->setDefaultSectionSize(examples_->fontMetrics().lineSpacing() + 8);
    examples_->setWordWrap(false);
    examples_->setMinimumHeight(110);
    addExample_ = new QPushButton(this);
    addExample_->setObjectName(QStringLiteral("labAddExampleButton"));
    removeExample_ = new QPushButton(this);
    removeExample_->setObjectName(QStringLiteral("labRemoveExampleButton"));
    answerPrefix_ = new QLineEdit(this);
    answerPrefix_->setObjectName(QStringLiteral("labAnswerPrefix"));
    stops_ = new QLineEdit(this);
    stops_->setObjectName(QStringLiteral("labStopStrings"));
    variables_ = new QLabel(this);
    variables_->setObjectName(QStringLiteral("labTemplateVariables"));
    variables_->setWordWrap(true);
    variables_->setTextFormat(Qt::PlainText);
    save_ = new QPushButton(this);
    save_->setObjectName(QStringLiteral("labSaveTemplateButton"));
    revert_ = new QPushButton(this);
    revert_->setObjectName(QStringLiteral("labRevertTemplateButton"));

    form_ = new QFormLayout;
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* langKind = new QHBoxLayout;
    langKind->addWidget(language_, 1);
    langKind->addWidget(kind_, 2);
    auto label = [this] {
        auto* l = new QLabel(this);
        l->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        return l;
    };
    nameLabel_ = label();
    langLabel_ = label();
    systemLabel_ = label();
    bodyLabel_ = label();
    examplesLabel_ = label();
    formatLabel_ = label();
    separatorLabel_ = label();
    answerLabel_ = label();
    stopsLabel_ = label();
    form_->addRow(nameLabel_, name_);
    form_->addRow(langLabel_, langKind);
    form_->addRow(systemLabel_, system_);
    form_->addRow(bodyLabel_, body_);
    form_->addRow(QString(), variables_);
    auto* exampleButtons = new QHBoxLayout;
    exampleButtons->addWidget(addExample_);
    exampleButtons->addWidget(removeExample_);
    exampleButtons->addStretch(1);
    auto* exampleBox = new QVBoxLayout;
    exampleBox->addWidget(examples_);
    exampleBox->addLayout(exampleButtons);
    form_->addRow(examplesLabel_, exampleBox);
    form_->addRow(formatLabel_, exampleFormat_);
    form_->addRow(separatorLabel_, separator_);
    form_->addRow(answerLabel_, answerPrefix_);
    form_->addRow(stopsLabel_, stops_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(revert_);
    buttons->addWidget(save_);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(readOnlyNote_);
    v->addLayout(form_, 1);
    v->addLayout(buttons);

    for (QLineEdit* e : {name_, answerPrefix_, stops_, separator_}) connect(e, &QLineEdit::textEdited, this, &LabTemplateEditor::onChanged);
    for (QPlainTextEdit* e : {system_, body_, exampleFormat_}) connect(e, &QPlainTextEdit::textChanged, this, &LabTemplateEditor::onChanged);
    connect(language_, &QComboBox::currentTextChanged, this, &LabTemplateEditor::onChanged);
    connect(kind_, &QComboBox::currentIndexChanged, this, &LabTemplateEditor::onChanged);
    connect(examples_, &QTableWidget::itemChanged, this, &LabTemplateEditor::onChanged);
    connect(addExample_, &QPushButton::clicked, this, [this] {
        addExampleRow({});
        examples_->setCurrentCell(examples_->rowCount() - 1, 0);
        examples_->editItem(examples_->item(examples_->rowCount() - 1, 0));
        onChanged();
    });
    connect(removeExample_, &QPushButton::clicked, this, [this] {
        const int row = examples_->currentRow();
        if (row < 0) return;
        examples_->removeRow(row);
        onChanged();
    });
    connect(save_, &QPushButton::clicked, this, [this] { emit saveRequested(currentTemplate()); });
    connect(revert_, &QPushButton::clicked, this, [this] { setTemplate(loaded_); emit edited(); });
    retranslate();
    setTemplate({});
}

void LabTemplateEditor::addExampleRow(const gb::lab::Example& e) {
    const int row = examples_->rowCount();
    examples_->insertRow(row);
    auto cell = [](const QString& text) {
        auto* item = new QTableWidgetItem(text);
        item->setToolTip(text);
        return item;
    };
    examples_->setItem(row, 0, cell(e.input));
    examples_->setItem(row, 1, cell(e.output));
}

void LabTemplateEditor::setTemplate(const PromptTemplate& t) {
    filling_ = true;
    loaded_ = t;
    name_->setText(t.name);
    language_->setCurrentText(t.language);
    kind_->setCurrentIndex(kind_->findData(static_cast<int>(t.kind)));
    system_->setPlainText(t.system);
    body_->setPlainText(t.body);
    exampleFormat_->setPlainText(t.exampleFormat);
    separator_->setText(escapeVisible(t.exampleSeparator));
    answerPrefix_->setText(t.answerPrefix);
    stops_->setText(stopsToText(t.stopStrings));
    examples_->setRowCount(0);
    for (const gb::lab::Example& e : t.examples) addExampleRow(e);
    const bool ro = t.builtin;
    for (QLineEdit* e : {name_, answerPrefix_, stops_, separator_}) e->setReadOnly(ro);
    for (QPlainTextEdit* e : {system_, body_, exampleFormat_}) e->setReadOnly(ro);
    language_->setEnabled(!ro);
    kind_->setEnabled(!ro);
    examples_->setEditTriggers(ro ? QAbstractItemView::NoEditTriggers : QAbstractItemView::AllEditTriggers);
    addExample_->setEnabled(!ro);
    removeExample_->setEnabled(!ro);
    readOnlyNote_->setVisible(ro);
    filling_ = false;
    setModified(false);
    onChanged();
    setModified(false);
}

PromptTemplate LabTemplateEditor::currentTemplate() const {
    PromptTemplate t = loaded_;
    t.name = name_->text();
    t.language = language_->currentText().trimmed();
    t.kind = static_cast<TemplateKind>(kind_->currentData().toInt());
    t.system = system_->toPlainText();
    t.body = body_->toPlainText();
    t.exampleFormat = exampleFormat_->toPlainText();
    t.exampleSeparator = unescapeVisible(separator_->text());
    t.answerPrefix = answerPrefix_->text();
    t.stopStrings = stopsFromText(stops_->text());
    t.examples.clear();
    for (int r = 0; r < examples_->rowCount(); ++r) {
        const QString in = examples_->item(r, 0) ? examples_->item(r, 0)->text() : QString();
        const QString out = examples_->item(r, 1) ? examples_->item(r, 1)->text() : QString();
        t.examples << gb::lab::Example{in, out};
    }
    return t;
}

void LabTemplateEditor::setModified(bool m) {
    modified_ = m;
    save_->setEnabled(m && !loaded_.builtin);
    revert_->setEnabled(m && !loaded_.builtin);
}

void LabTemplateEditor::onChanged() {
    if (filling_) return;
    setModified(true);
    try {
        const QStringList own = currentTemplate().ownVariables();
        variables_->setText(own.isEmpty() ? tr("Variables: {{question}} is the input, {{examples}} the examples.")
                                          : tr("Variables of this template: %1 (fill them in beside the preview).")
                                                .arg(own.join(QStringLiteral(", "))));
        variables_->setStyleSheet(QString());
    } catch (const gb::lab::TemplateVariableError& e) {
        variables_->setText(e.message());
        variables_->setStyleSheet(QStringLiteral("color: #b00020;"));
    }
    emit edited();
}

QString LabTemplateEditor::stopsToText(const QStringList& stops) {
    QStringList parts;
    for (QString s : stops) {
        s = escapeVisible(s);
        s.replace(QStringLiteral(","), QStringLiteral("\\,"));
        parts << s;
    }
    return parts.join(QStringLiteral(", "));
}

QStringList LabTemplateEditor::stopsFromText(const QString& text) {
    QStringList out;
    QString cur;
    auto flush = [&] {
        const QString t = cur.trimmed();
        if (!t.isEmpty()) out << unescapeVisible(t);
        cur.clear();
    };
    for (int i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 1 < text.size()) {
            cur += text[i];
            cur += text[++i];
        } else if (text[i] == u',') {
            flush();
        } else {
            cur += text[i];
        }
    }
    flush();
    return out;
}

void LabTemplateEditor::retranslate() {
    nameLabel_->setText(tr("Name"));
    langLabel_->setText(tr("Language, kind"));
    systemLabel_->setText(tr("System"));
    bodyLabel_->setText(tr("Prompt"));
    examplesLabel_->setText(tr("Examples"));
    formatLabel_->setText(tr("Example format"));
    separatorLabel_->setText(tr("Between examples"));
    answerLabel_->setText(tr("Answer after"));
    stopsLabel_->setText(tr("Stop at"));
    kind_->setItemText(0, tr("Zero-shot"));
    kind_->setItemText(1, tr("Few-shot"));
    kind_->setItemText(2, tr("Chain of thought"));
    examples_->setHorizontalHeaderLabels({tr("Input"), tr("Output")});
    addExample_->setText(tr("Add example"));
    removeExample_->setText(tr("Remove"));
    save_->setText(tr("Save"));
    revert_->setText(tr("Revert"));
    readOnlyNote_->setText(tr("A built-in template: read-only. Duplicate it to make your own version."));
    system_->setPlaceholderText(tr("Optional: the system message (in chat mode), or the first paragraph"));
    body_->setPlaceholderText(tr("The prompt, with {{question}}, {{examples}} and variables of your own"));
    exampleFormat_->setPlaceholderText(tr("How one example is written: {{input}} and {{output}}"));
    answerPrefix_->setPlaceholderText(tr("e.g. Answer: (empty: the first line is the answer)"));
    stops_->setPlaceholderText(tr("e.g. \\n\\n, Question:"));
    stops_->setToolTip(tr("Generation stops at any of these. Separate them with commas; \\n is a line break."));
}

void LabTemplateEditor::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
