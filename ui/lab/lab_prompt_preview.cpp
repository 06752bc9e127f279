#include "lab_prompt_preview.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

#include "lab_ui_util.h"
#include "model/model.h"
#include "tokenizer/tokenizer.h"

namespace glassbox::ui {

using gb::lab::ChatWrap;
using gb::lab::PromptPart;

LabPromptPreview::LabPromptPreview(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("labPromptPreview"));
    questionLabel_ = new QLabel(this);
    question_ = new QPlainTextEdit(this);
    question_->setObjectName(QStringLiteral("labPreviewQuestion"));
    question_->setTabChangesFocus(true);
    question_->setFixedHeight(question_->fontMetrics().lineSpacing() * 3 + 12);
    varForm_ = new QFormLayout;
    varForm_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    wrapLabel_ = new QLabel(this);
    wrap_ = new QComboBox(this);
    wrap_->setObjectName(QStringLiteral("labChatWrap"));
    for (ChatWrap w : {ChatWrap::None, ChatWrap::Message, ChatWrap::ExamplesAsTurns}) wrap_->addItem(QString(), static_cast<int>(w));
    counts_ = new QLabel(this);
    counts_->setObjectName(QStringLiteral("labTokenCounts"));
    counts_->setTextFormat(Qt::RichText);
    counts_->setWordWrap(true);
    notes_ = new QLabel(this);
    notes_->setObjectName(QStringLiteral("labPreviewNotes"));
    notes_->setWordWrap(true);
    notes_->setTextFormat(Qt::PlainText);
    text_ = new QTextEdit(this);
    text_->setObjectName(QStringLiteral("labPreviewText"));
    text_->setReadOnly(true);
    text_->setLineWrapMode(QTextEdit::WidgetWidth);
    text_->setFont(QFont(QStringLiteral("monospace")));

    auto* wrapRow = new QHBoxLayout;
    wrapRow->addWidget(wrapLabel_);
    wrapRow->addWidget(wrap_, 1);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(questionLabel_);
    v->addWidget(question_);
    v->addLayout(varForm_);
    v->addLayout(wrapRow);
    v->addWidget(counts_);
    v->addWidget(text_, 1);
    v->addWidget(notes_);

    connect(question_, &QPlainTextEdit::textChanged, this, [this] {
        refresh();
        emit inputChanged();
    });
    connect(wrap_, &QComboBox::currentIndexChanged, this, [this] {
        refresh();
        emit inputChanged();
    });
    retranslate();
}

void LabPromptPreview::setModel(std::shared_ptr<const gb::Model> model) {
    model_ = std::move(model);
    chat_ = model_ ? gb::lab::chatContextOf(*model_) : gb::lab::ChatContext{};
    retranslate();  // the chat choices say whether the model has a template
    refresh();
}

void LabPromptPreview::setTemplate(const gb::lab::PromptTemplate& t) {
    template_ = t;
    rebuildVariableFields();
    refresh();
}

QString LabPromptPreview::question() const { return question_->toPlainText(); }

void LabPromptPreview::setQuestion(const QString& q) {
    if (q != question()) question_->setPlainText(q);
}

QMap<QString, QString> LabPromptPreview::variables() const {
    QMap<QString, QString> v;
    for (auto it = varFields_.begin(); it != varFields_.end(); ++it) v.insert(it.key(), it.value()->text());
    return v;
}

ChatWrap LabPromptPreview::wrap() const { return static_cast<ChatWrap>(wrap_->currentData().toInt()); }

void LabPromptPreview::setWrap(ChatWrap w) { wrap_->setCurrentIndex(wrap_->findData(static_cast<int>(w))); }

void LabPromptPreview::rebuildVariableFields() {
    QStringList names;
    try {
        names = template_.ownVariables();
    } catch (const gb::lab::TemplateVariableError&) {
    }
    if (names == varFields_.keys() && !names.isEmpty()) return;
    for (auto it = varFields_.begin(); it != varFields_.end(); ++it) varValues_[it.key()] = it.value()->text();
    while (varForm_->rowCount() > 0) varForm_->removeRow(0);
    varFields_.clear();
    for (const QString& name : names) {
        auto* e = new QLineEdit(this);
        e->setObjectName(QStringLiteral("labVariable_") + name);
        e->setText(varValues_.value(name));
        connect(e, &QLineEdit::textChanged, this, [this] {
            refresh();
            emit inputChanged();
        });
        varForm_->addRow(QStringLiteral("{{%1}}").arg(name), e);
        varFields_.insert(name, e);
    }
}

void LabPromptPreview::refresh() {
    error_.clear();
    built_ = {};
    tokens_ = {};
    try {
        built_ = gb::lab::buildPrompt(template_, {question(), variables()}, wrap(), chat_);
        if (model_) tokens_ = gb::lab::tokenizePrompt(built_, model_->tokenizer());
    } catch (const gb::lab::TemplateVariableError& e) {
        error_ = e.message();
    }
    render();
}

void LabPromptPreview::render() {
    text_->clear();
    QStringList notes;
    if (!error_.isEmpty()) notes << error_;
    notes << built_.warnings;
    if (!built_.chatTemplateError.isEmpty()) notes << built_.chatTemplateError;
    if (model_ && !tokens_.aligned) notes << tr("Token borders are estimated: the tokens do not spell the text exactly.");
    notes_->setText(notes.join(QLatin1Char('\n')));
    notes_->setStyleSheet(error_.isEmpty() ? QStringLiteral("color: #7a5200;") : QStringLiteral("color: #b00020;"));
    notes_->setVisible(!notes.isEmpty());
    if (!error_.isEmpty()) {
        counts_->clear();
        return;
    }

    // The count line: a coloured chip per part that has tokens.
    QStringList chips;
    for (int p = 0; p < gb::lab::kPromptParts; ++p) {
        const auto part = static_cast<PromptPart>(p);
        const int n = model_ ? tokens_.count(part) : 0;
        bool present = n > 0;
        for (const gb::lab::PromptSegment& s : built_.segments) present = present || s.part == part;
        if (!present) continue;
        chips << QStringLiteral("<span style=\"background:%1;\">&nbsp;%2 <b>%3</b>&nbsp;</span>")
                     .arg(partColor(part).name(), partTitle(part).toHtmlEscaped(), model_ ? QString::number(n) : QStringLiteral("–"));
    }
    counts_->setText(chips.join(QStringLiteral(" &nbsp;")) +
                     (model_ ? tr(" &nbsp;= <b>%n</b> tokens", "", static_cast<int>(tokens_.ids.size()))
                             : tr(" &nbsp;(load a model to count tokens)")));

    QTextCursor cur(text_->document());
    auto plainFormat = [](PromptPart part, bool dark) {
        QTextCharFormat f;
        QColor c = partColor(part);
        f.setBackground(dark ? c.darker(112) : c);
        f.setForeground(QColor(0x20, 0x20, 0x20));
        return f;
    };
    QTextCharFormat special;
    special.setBackground(QColor(0x37, 0x47, 0x4f));
    special.setForeground(Qt::white);
    special.setFontWeight(QFont::Bold);
    auto show = [](QString s) {
        // Line breaks stay line breaks, with a visible mark so a token of only "\n" has a colour.
        return s.replace(QStringLiteral("\n"), QStringLiteral("↵\n"));
    };
    if (!model_) {
        for (const gb::lab::PromptSegment& s : built_.segments) cur.insertText(show(s.text), plainFormat(s.part, false));
        return;
    }
    const gb::Tokenizer& tok = model_->tokenizer();
    int k = 0, shown = 0;
    for (const gb::lab::PromptToken& t : tokens_.tokens) {
        QString piece;
        if (t.start == t.end) {  // added by the tokenizer: its own text as a chip
            piece = QString::fromStdString(tok.piece(t.id, true));
            if (piece.isEmpty()) piece = QStringLiteral("·");
        } else {  // byte tokens of one character: the character once, with the first of them
            const int from = std::max(t.start, shown);
            piece = built_.text.mid(from, std::max(0, t.end - from));
            shown = std::max(shown, t.end);
        }
        QTextCharFormat f = t.special ? special : plainFormat(t.part, k % 2 == 1);
        f.setToolTip(tr("token %1 · id %2 · %3").arg(k).arg(t.id).arg(partTitle(t.part)));
        if (!piece.isEmpty()) cur.insertText(show(piece), f);
        ++k;
    }
}

void LabPromptPreview::retranslate() {
    questionLabel_->setText(tr("Input ({{question}})"));
    wrapLabel_->setText(tr("Prompt format"));
    question_->setPlaceholderText(tr("The question or text to run the templates on"));
    const bool has = chat_.available();
    wrap_->setItemText(0, tr("Plain text"));
    wrap_->setItemText(1, has ? tr("Wrap in the model's chat template") : tr("Wrap in the model's chat template (this model has none)"));
    wrap_->setItemText(2, has ? tr("Chat template, examples as earlier turns")
                              : tr("Chat template, examples as earlier turns (this model has none)"));
}

void LabPromptPreview::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) {
        retranslate();
        render();
    }
    QWidget::changeEvent(e);
}

}  // namespace glassbox::ui
