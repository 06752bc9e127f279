#include "lab_json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "lab_error.h"

namespace gb::lab {

namespace {

QJsonArray stringArray(const QStringList& l) {
    QJsonArray a;
    for (const QString& s : l) a << s;
    return a;
}

QStringList stringList(const QJsonValue& v) {
    QStringList l;
    for (const QJsonValue& x : v.toArray()) l << x.toString();
    return l;
}

QString str(const QJsonObject& o, const char* key, const QString& fallback = {}) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : fallback;
}

}  // namespace

QString seedText(quint64 seed) { return QString::number(seed); }

quint64 seedFromJson(const QJsonValue& v) {
    if (v.isString()) return v.toString().toULongLong();
    if (v.isDouble()) return static_cast<quint64>(v.toDouble());
    return 0;
}

QJsonObject templateToJson(const PromptTemplate& t) {
    QJsonArray examples;
    for (const Example& e : t.examples) examples << QJsonObject{{"input", e.input}, {"output", e.output}};
    return {{"id", t.id},
            {"name", t.name},
            {"language", t.language},
            {"kind", kindKey(t.kind)},
            {"description", t.description},
            {"system", t.system},
            {"body", t.body},
            {"example_format", t.exampleFormat},
            {"example_separator", t.exampleSeparator},
            {"examples", examples},
            {"answer_prefix", t.answerPrefix},
            {"stop", stringArray(t.stopStrings)}};
}

PromptTemplate templateFromJson(const QJsonObject& o) {
    PromptTemplate t;
    t.id = str(o, "id");
    t.name = str(o, "name");
    const QString label = t.name.isEmpty() ? (t.id.isEmpty() ? QStringLiteral("(unnamed)") : t.id) : t.name;
    if (!o.value("body").isString() || o.value("body").toString().trimmed().isEmpty())
        throw LabError(QStringLiteral("template “%1” has no body").arg(label));
    t.body = o.value("body").toString();
    const QString kind = str(o, "kind", QStringLiteral("zero-shot"));
    if (!kindFromKey(kind, &t.kind))
        throw LabError(QStringLiteral("template “%1”: unknown kind “%2” (zero-shot, few-shot or cot)").arg(label, kind));
    t.language = str(o, "language");
    t.description = str(o, "description");
    t.system = str(o, "system");
    t.exampleFormat = str(o, "example_format", t.exampleFormat);
    t.exampleSeparator = str(o, "example_separator", t.exampleSeparator);
    t.answerPrefix = str(o, "answer_prefix");
    t.stopStrings = stringList(o.value("stop"));
    if (o.contains("examples") && !o.value("examples").isArray())
        throw LabError(QStringLiteral("template “%1”: “examples” must be a list of {input, output}").arg(label));
    for (const QJsonValue& v : o.value("examples").toArray()) {
        const QJsonObject e = v.toObject();
        if (!e.value("input").isString() || !e.value("output").isString())
            throw LabError(QStringLiteral("template “%1”: every example needs “input” and “output” texts").arg(label));
        t.examples << Example{e.value("input").toString(), e.value("output").toString()};
    }
    try {
        findVariables(t.body);
        findVariables(t.exampleFormat);
    } catch (const TemplateVariableError& e) {
        throw LabError(QStringLiteral("template “%1”: %2").arg(label, e.message()));
    }
    return t;
}

QByteArray templatesToJsonDocument(const QList<PromptTemplate>& templates) {
    QJsonArray list;
    for (const PromptTemplate& t : templates) list << templateToJson(t);
    const QJsonObject doc{{"format", "glassbox-prompt-templates"}, {"version", 1}, {"templates", list}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QList<PromptTemplate> templatesFromJsonDocument(const QByteArray& json) {
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        throw LabError(QStringLiteral("not a JSON file: %1 at byte %2").arg(err.errorString()).arg(err.offset));
    QJsonArray list;
    if (doc.isArray()) {
        list = doc.array();
    } else if (doc.object().contains("templates")) {
        const QJsonObject o = doc.object();
        if (o.value("version").toInt(1) > 1)
            throw LabError(QStringLiteral("the template file has version %1; this Glassbox reads version 1")
                               .arg(o.value("version").toInt()));
        list = o.value("templates").toArray();
    } else if (doc.object().contains("body")) {
        list << doc.object();
    } else {
        throw LabError(QStringLiteral("no prompt templates in this JSON file (expected {\"templates\": [...]})"));
    }
    QList<PromptTemplate> out;
    for (const QJsonValue& v : list) {
        if (!v.isObject()) throw LabError(QStringLiteral("every template must be a JSON object"));
        out << templateFromJson(v.toObject());
    }
    if (out.isEmpty()) throw LabError(QStringLiteral("the template file holds no templates"));
    return out;
}

QJsonObject samplingToJson(const gb::SamplingParams& s) {
    return {{"temperature", s.temperature},   {"top_k", s.topK},
            {"top_p", s.topP},                {"min_p", s.minP},
            {"repeat_penalty", s.repeatPenalty}, {"repeat_last_n", s.repeatLastN},
            {"presence_penalty", s.presencePenalty}, {"frequency_penalty", s.frequencyPenalty},
            {"seed", seedText(s.seed)},       {"beams", s.beams},
            {"length_penalty", s.lengthPenalty}, {"early_stopping", s.earlyStopping},
            {"contrastive_k", s.contrastiveK}, {"penalty_alpha", s.penaltyAlpha},
            {"token_healing", s.tokenHealing}};
}

gb::SamplingParams samplingFromJson(const QJsonObject& o) {
    gb::SamplingParams s;
    auto f = [&](const char* k, float& v) { v = static_cast<float>(o.value(QLatin1String(k)).toDouble(v)); };
    auto i = [&](const char* k, int& v) { v = o.value(QLatin1String(k)).toInt(v); };
    f("temperature", s.temperature);
    i("top_k", s.topK);
    f("top_p", s.topP);
    f("min_p", s.minP);
    f("repeat_penalty", s.repeatPenalty);
    i("repeat_last_n", s.repeatLastN);
    f("presence_penalty", s.presencePenalty);
    f("frequency_penalty", s.frequencyPenalty);
    if (o.contains("seed")) s.seed = seedFromJson(o.value("seed"));
    i("beams", s.beams);
    f("length_penalty", s.lengthPenalty);
    s.earlyStopping = o.value("early_stopping").toBool(s.earlyStopping);
    i("contrastive_k", s.contrastiveK);
    f("penalty_alpha", s.penaltyAlpha);
    s.tokenHealing = o.value("token_healing").toBool(s.tokenHealing);
    return s;
}

QJsonObject specToJson(const RunSpec& spec) {
    QJsonArray columns, inputs;
    for (const LabColumn& c : spec.columns)
        columns << QJsonObject{{"label", c.label},
                               {"template", templateToJson(c.tmpl)},
                               {"sampling", samplingToJson(c.sampling)},
                               {"max_tokens", c.maxTokens},
                               {"chat_wrap", chatWrapKey(c.wrap)}};
    for (const LabInput& in : spec.inputs) {
        QJsonObject vars;
        for (auto it = in.variables.begin(); it != in.variables.end(); ++it) vars.insert(it.key(), it.value());
        inputs << QJsonObject{{"input", in.input}, {"expected", in.expected}, {"variables", vars}};
    }
    return {{"mode", modeKey(spec.mode)}, {"title", spec.title},       {"model_path", spec.modelPath},
            {"model_hash", spec.modelHash}, {"seed", seedText(spec.seed)}, {"columns", columns},
            {"inputs", inputs},           {"threads", spec.threads},   {"context_size", spec.contextSize}};
}

RunSpec specFromJson(const QJsonObject& o) {
    RunSpec spec;
    const QString mode = o.value("mode").toString();
    if (mode != QLatin1String("compare") && mode != QLatin1String("batch"))
        throw LabError(QStringLiteral("a saved run has an unknown mode “%1”").arg(mode));
    spec.mode = mode == QLatin1String("batch") ? RunSpec::Mode::Batch : RunSpec::Mode::Compare;
    spec.title = o.value("title").toString();
    spec.modelPath = o.value("model_path").toString();
    spec.modelHash = o.value("model_hash").toString();
    spec.seed = seedFromJson(o.value("seed"));
    spec.threads = o.value("threads").toInt();
    spec.contextSize = o.value("context_size").toInt();
    for (const QJsonValue& v : o.value("columns").toArray()) {
        const QJsonObject c = v.toObject();
        LabColumn col;
        col.label = c.value("label").toString();
        col.tmpl = templateFromJson(c.value("template").toObject());
        col.sampling = samplingFromJson(c.value("sampling").toObject());
        col.maxTokens = c.value("max_tokens").toInt(64);
        if (!chatWrapFromKey(c.value("chat_wrap").toString(QStringLiteral("none")), &col.wrap))
            throw LabError(QStringLiteral("a saved run has an unknown chat mode “%1”").arg(c.value("chat_wrap").toString()));
        spec.columns << col;
    }
    for (const QJsonValue& v : o.value("inputs").toArray()) {
        const QJsonObject i = v.toObject();
        LabInput in;
        in.input = i.value("input").toString();
        in.expected = i.value("expected").toString();
        const QJsonObject vars = i.value("variables").toObject();
        for (auto it = vars.begin(); it != vars.end(); ++it) in.variables.insert(it.key(), it.value().toString());
        spec.inputs << in;
    }
    return spec;
}

QJsonObject resultToJson(const RunResult& r) {
    QJsonArray rows;
    for (const QList<CellResult>& row : r.cells) {
        QJsonArray cells;
        for (const CellResult& c : row) {
            QJsonArray tokens;
            for (const TokenInfo& t : c.tokens) {
                QJsonArray alts;
                for (int k = 0; k < t.alternatives.size(); ++k)
                    alts << QJsonArray{t.alternatives[k], static_cast<double>(t.alternativeProbs.value(k))};
                tokens << QJsonObject{{"id", t.id},     {"text", t.text},   {"log_prob", t.logProb},
                                      {"prob", t.prob}, {"rank", t.rank},   {"alternatives", alts}};
            }
            cells << QJsonObject{{"prompt", c.prompt},         {"prompt_tokens", c.promptTokens},
                                 {"output", c.output},         {"answer", c.answer},
                                 {"tokens", tokens},           {"log_prob", c.logProb},
                                 {"prompt_ms", c.promptMs},    {"gen_ms", c.genMs},
                                 {"prompt_tok_s", c.promptTokS}, {"gen_tok_s", c.genTokS},
                                 {"stop_reason", c.stopReason}, {"scored", c.scored},
                                 {"exact", c.exact},           {"contains", c.contains},
                                 {"error", c.error},           {"warnings", stringArray(c.warnings)}};
        }
        rows << cells;
    }
    return {{"cells", rows}, {"complete", r.complete}};
}

RunResult resultFromJson(const QJsonObject& o) {
    RunResult r;
    r.complete = o.value("complete").toBool();
    for (const QJsonValue& rowValue : o.value("cells").toArray()) {
        QList<CellResult> row;
        for (const QJsonValue& cv : rowValue.toArray()) {
            const QJsonObject c = cv.toObject();
            CellResult cell;
            cell.prompt = c.value("prompt").toString();
            cell.promptTokens = c.value("prompt_tokens").toInt();
            cell.output = c.value("output").toString();
            cell.answer = c.value("answer").toString();
            for (const QJsonValue& tv : c.value("tokens").toArray()) {
                const QJsonObject t = tv.toObject();
                TokenInfo info;
                info.id = t.value("id").toInt();
                info.text = t.value("text").toString();
                info.logProb = t.value("log_prob").toDouble();
                info.prob = static_cast<float>(t.value("prob").toDouble());
                info.rank = t.value("rank").toInt();
                for (const QJsonValue& a : t.value("alternatives").toArray()) {
                    info.alternatives << a.toArray().at(0).toString();
                    info.alternativeProbs << static_cast<float>(a.toArray().at(1).toDouble());
                }
                cell.tokens << info;
            }
            cell.logProb = c.value("log_prob").toDouble();
            cell.promptMs = c.value("prompt_ms").toDouble();
            cell.genMs = c.value("gen_ms").toDouble();
            cell.promptTokS = c.value("prompt_tok_s").toDouble();
            cell.genTokS = c.value("gen_tok_s").toDouble();
            cell.stopReason = c.value("stop_reason").toString();
            cell.scored = c.value("scored").toBool();
            cell.exact = c.value("exact").toBool();
            cell.contains = c.value("contains").toBool();
            cell.error = c.value("error").toString();
            cell.warnings = stringList(c.value("warnings"));
            row << cell;
        }
        r.cells << row;
    }
    return r;
}

}  // namespace gb::lab
