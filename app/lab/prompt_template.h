#pragma once
// A prompt template of the prompt lab: a body with {{variables}} and, for few-shot and
// chain-of-thought prompts, a list of worked examples.
//
// Substitution is plain {{name}} replacement, not Jinja: every `{{ name }}` in the body (name:
// a letter or _, then letters, digits, _) is replaced by its value. A variable without a value,
// or a "{{" that does not start a valid {{name}}, is a TemplateVariableError that names it;
// values the body does not use are reported back (Substitution::unused), not an error.
//
// The lab fills three names itself: {{question}} and {{input}} (the input being run; either
// spelling) and {{examples}} (the template's examples, each written with exampleFormat, whose
// own variables are {{input}} and {{output}}).
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <stdexcept>

namespace gb::lab {

enum class TemplateKind { ZeroShot, FewShot, ChainOfThought };
QString kindKey(TemplateKind k);  // "zero-shot", "few-shot", "cot"
bool kindFromKey(const QString& key, TemplateKind* out);

struct Example {
    QString input;
    QString output;  // for chain-of-thought: the worked reasoning ending in the answer
    bool operator==(const Example&) const = default;
};

struct PromptTemplate {
    QString id;        // "few-shot-en" (built-in), "user-…" (saved by the user)
    QString name;
    QString language;  // "en", "ru", "zh"; "" when it does not matter
    TemplateKind kind = TemplateKind::ZeroShot;
    QString description;
    QString system;    // optional: the system message in chat mode, the first paragraph otherwise
    QString body;      // the prompt, with {{question}}, {{examples}} and variables of its own
    QString exampleFormat = QStringLiteral("Question: {{input}}\nAnswer: {{output}}");
    QString exampleSeparator = QStringLiteral("\n\n");
    QList<Example> examples;
    QString answerPrefix;     // the answer follows its last occurrence ("Answer:"); "" = first line
    QStringList stopStrings;  // generation stops at any of these
    bool builtin = false;

    // Names used in the body, each once, in order of first use. Throws TemplateVariableError
    // (Syntax) for a malformed "{{".
    QStringList variables() const;
    // variables() minus the names the lab fills (question, input, examples): the fields a user types.
    QStringList ownVariables() const;
    bool operator==(const PromptTemplate&) const = default;
};

// Names the lab fills in every template.
bool isLabVariable(const QString& name);

class TemplateVariableError : public std::runtime_error {
public:
    enum class Kind { Syntax, Missing };
    TemplateVariableError(Kind kind, const QString& message, QStringList names = {}, int line = 0, int column = 0);
    Kind kind() const { return kind_; }
    QString message() const { return QString::fromUtf8(what()); }
    const QStringList& names() const { return names_; }  // Missing: every variable without a value
    int line() const { return line_; }                   // Syntax: 1-based position in the text
    int column() const { return column_; }

private:
    Kind kind_;
    QStringList names_;
    int line_, column_;
};

// Where a piece of the final prompt came from; the preview counts tokens per part.
enum class PromptPart { System, Examples, History, User, Markup };
QString partKey(PromptPart p);  // "system", "examples", "history", "user", "markup"
constexpr int kPromptParts = 5;

struct PromptSegment {
    PromptPart part = PromptPart::User;
    QString text;
    bool operator==(const PromptSegment&) const = default;
};

// One {{name}} in a text: its name and where it is (UTF-16 offsets).
struct VariableRef {
    QString name;
    int start = 0, length = 0;
};
QList<VariableRef> findVariables(const QString& text);  // throws TemplateVariableError (Syntax)

struct Substitution {
    QString text;
    QList<PromptSegment> segments;  // the text in order: literal text and each variable's value
    QStringList unused;             // values given that the text does not use (lab names excepted)
};

// Replaces every {{name}} by values[name]. Literal text is tagged `literal`; a value is tagged
// partOf[name] when given, else `literal`. Throws TemplateVariableError: Syntax, or Missing
// listing every name without a value.
Substitution substitute(const QString& text, const QMap<QString, QString>& values,
                        const QMap<QString, PromptPart>& partOf = {}, PromptPart literal = PromptPart::User);

// The examples as {{examples}} shows them: each through exampleFormat, joined by exampleSeparator.
QString renderExamples(const PromptTemplate& t);

}  // namespace gb::lab
