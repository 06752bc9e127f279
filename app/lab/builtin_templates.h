#pragma once
// The built-in prompt templates and example input tables, compiled in from
// resources/templates/ (Qt resources at :/templates/, see app/CMakeLists.txt):
//   prompt-templates-<lang>.json  zero-shot, few-shot and chain-of-thought in en, ru, zh
//   word-problems-<lang>.csv      word problems with hand-checked answers (input,expected)
#include <QList>
#include <QString>

#include "lab_csv.h"
#include "prompt_template.h"

namespace gb::lab {

// Every built-in template (builtin = true), English first, then Russian, then Chinese. Loaded
// once; a damaged resource is a programming error reported with qWarning and skipped.
const QList<PromptTemplate>& builtinTemplates();
const PromptTemplate* findBuiltin(const QString& id);

struct BuiltinInputSet {
    QString id;        // "word-problems-en"
    QString language;  // "en"
    QString path;      // ":/templates/word-problems-en.csv"
};
QList<BuiltinInputSet> builtinInputSets();
QList<LabInput> builtinInputs(const QString& id);  // throws LabError for an unknown id

}  // namespace gb::lab
