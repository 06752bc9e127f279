#pragma once
// The prompt lab's JSON: templates (the import/export file format and the built-in files in
// resources/templates/), sampler settings, and saved runs (spec and results, as LabStore keeps
// them). uint64 seeds are written as decimal strings (JSON numbers lose bits above 2^53).
//
// A template file:
//   {"format": "glassbox-prompt-templates", "version": 1, "templates": [
//     {"id": "few-shot-en", "name": "…", "language": "en", "kind": "few-shot", "description": "…",
//      "system": "", "body": "…{{examples}}…{{question}}…", "example_format": "Question: {{input}}\nAnswer: {{output}}",
//      "example_separator": "\n\n", "examples": [{"input": "…", "output": "…"}],
//      "answer_prefix": "Answer:", "stop": ["\n\n"]}]}
// Import also takes a bare list of templates or a single template object.
#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include "lab_runner.h"
#include "prompt_template.h"
#include "sampling/sampling_params.h"

namespace gb::lab {

QJsonObject templateToJson(const PromptTemplate& t);
// Throws LabError naming the problem (missing body, unknown kind, a malformed {{…}}).
PromptTemplate templateFromJson(const QJsonObject& o);
QByteArray templatesToJsonDocument(const QList<PromptTemplate>& templates);
QList<PromptTemplate> templatesFromJsonDocument(const QByteArray& json);  // throws LabError

QJsonObject samplingToJson(const gb::SamplingParams& s);
gb::SamplingParams samplingFromJson(const QJsonObject& o);  // missing keys keep their defaults

QJsonObject specToJson(const RunSpec& spec);
RunSpec specFromJson(const QJsonObject& o);  // throws LabError
QJsonObject resultToJson(const RunResult& r);
RunResult resultFromJson(const QJsonObject& o);

QString seedText(quint64 seed);
quint64 seedFromJson(const QJsonValue& v);

}  // namespace gb::lab
