#include "prompt_template.h"

#include <QSet>

namespace gb::lab {

namespace {

bool nameStart(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_'; }
bool nameChar(QChar c) { return nameStart(c) || (c >= u'0' && c <= u'9'); }

// 1-based line and column of a UTF-16 offset.
std::pair<int, int> positionOf(const QString& text, int offset) {
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == u'\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

void appendSegment(QList<PromptSegment>& out, PromptPart part, const QString& text) {
    if (text.isEmpty()) return;
    if (!out.isEmpty() && out.back().part == part)
        out.back().text += text;
    else
        out.push_back({part, text});
}

}  // namespace

QString kindKey(TemplateKind k) {
    switch (k) {
    case TemplateKind::ZeroShot: return QStringLiteral("zero-shot");
    case TemplateKind::FewShot: return QStringLiteral("few-shot");
    case TemplateKind::ChainOfThought: return QStringLiteral("cot");
    }
    return {};
}

bool kindFromKey(const QString& key, TemplateKind* out) {
    for (TemplateKind k : {TemplateKind::ZeroShot, TemplateKind::FewShot, TemplateKind::ChainOfThought})
        if (kindKey(k) == key) {
            *out = k;
            return true;
        }
    return false;
}

QString partKey(PromptPart p) {
    switch (p) {
    case PromptPart::System: return QStringLiteral("system");
    case PromptPart::Examples: return QStringLiteral("examples");
    case PromptPart::History: return QStringLiteral("history");
    case PromptPart::User: return QStringLiteral("user");
    case PromptPart::Markup: return QStringLiteral("markup");
    }
    return {};
}

bool isLabVariable(const QString& name) {
    return name == QLatin1String("question") || name == QLatin1String("input") || name == QLatin1String("examples");
}

TemplateVariableError::TemplateVariableError(Kind kind, const QString& message, QStringList names, int line, int column)
    : std::runtime_error(message.toStdString()), kind_(kind), names_(std::move(names)), line_(line), column_(column) {}

QList<VariableRef> findVariables(const QString& text) {
    QList<VariableRef> refs;
    int i = 0;
    while ((i = text.indexOf(QStringLiteral("{{"), i)) >= 0) {
        int j = i + 2;
        while (j < text.size() && text[j] == u' ') ++j;
        const int nameAt = j;
        if (j < text.size() && nameStart(text[j]))
            while (j < text.size() && nameChar(text[j])) ++j;
        const QString name = text.mid(nameAt, j - nameAt);
        while (j < text.size() && text[j] == u' ') ++j;
        if (name.isEmpty() || !text.mid(j, 2).startsWith(QStringLiteral("}}"))) {
            const auto [line, column] = positionOf(text, i);
            const QString shown = text.mid(i, 24).section(u'\n', 0, 0);
            throw TemplateVariableError(
                TemplateVariableError::Kind::Syntax,
                QStringLiteral("line %1, column %2: “%3” is not a variable; write {{name}} with a name of letters, "
                               "digits and _")
                    .arg(line)
                    .arg(column)
                    .arg(shown),
                {}, line, column);
        }
        refs.push_back({name, i, j + 2 - i});
        i = j + 2;
    }
    return refs;
}

QStringList PromptTemplate::variables() const {
    QStringList names;
    for (const VariableRef& r : findVariables(body))
        if (!names.contains(r.name)) names << r.name;
    return names;
}

QStringList PromptTemplate::ownVariables() const {
    QStringList names = variables();
    names.removeIf([](const QString& n) { return isLabVariable(n); });
    return names;
}

Substitution substitute(const QString& text, const QMap<QString, QString>& values,
                        const QMap<QString, PromptPart>& partOf, PromptPart literal) {
    const QList<VariableRef> refs = findVariables(text);
    QStringList missing;
    QSet<QString> used;
    for (const VariableRef& r : refs) {
        used.insert(r.name);
        if (!values.contains(r.name) && !missing.contains(r.name)) missing << r.name;
    }
    if (!missing.isEmpty()) {
        QStringList shown;
        for (const QString& n : missing) shown << QStringLiteral("{{%1}}").arg(n);
        throw TemplateVariableError(TemplateVariableError::Kind::Missing,
                                    (missing.size() == 1 ? QStringLiteral("no value for %1")
                                                         : QStringLiteral("no values for %1"))
                                        .arg(shown.join(QStringLiteral(", "))),
                                    missing);
    }
    Substitution s;
    int at = 0;
    for (const VariableRef& r : refs) {
        appendSegment(s.segments, literal, text.mid(at, r.start - at));
        appendSegment(s.segments, partOf.value(r.name, literal), values.value(r.name));
        at = r.start + r.length;
    }
    appendSegment(s.segments, literal, text.mid(at));
    for (const PromptSegment& seg : s.segments) s.text += seg.text;
    for (auto it = values.begin(); it != values.end(); ++it)
        if (!used.contains(it.key()) && !isLabVariable(it.key())) s.unused << it.key();
    return s;
}

QString renderExamples(const PromptTemplate& t) {
    QStringList parts;
    for (const Example& e : t.examples)
        parts << substitute(t.exampleFormat, {{QStringLiteral("input"), e.input}, {QStringLiteral("output"), e.output}}).text;
    return parts.join(t.exampleSeparator);
}

}  // namespace gb::lab
