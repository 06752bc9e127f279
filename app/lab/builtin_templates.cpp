#include "builtin_templates.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtGlobal>

#include "lab_error.h"
#include "lab_json.h"

namespace gb::lab {

namespace {

const QString kDir = QStringLiteral(":/templates");

int languageOrder(const QString& lang) {
    static const QStringList order = {QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("zh")};
    const int i = static_cast<int>(order.indexOf(lang));
    return i < 0 ? order.size() : i;
}

QList<PromptTemplate> load() {
    QList<PromptTemplate> all;
    QStringList files = QDir(kDir).entryList({QStringLiteral("prompt-templates-*.json")}, QDir::Files);
    std::sort(files.begin(), files.end(), [](const QString& a, const QString& b) {
        return languageOrder(a.section(u'-', 2).section(u'.', 0, 0)) < languageOrder(b.section(u'-', 2).section(u'.', 0, 0));
    });
    for (const QString& name : files) {
        QFile f(kDir + u'/' + name);
        if (!f.open(QIODevice::ReadOnly)) continue;
        try {
            for (PromptTemplate t : templatesFromJsonDocument(f.readAll())) {
                t.builtin = true;
                all << t;
            }
        } catch (const LabError& e) {
            qWarning("built-in prompt templates %s: %s", qPrintable(name), e.what());
        }
    }
    if (all.isEmpty()) qWarning("no built-in prompt templates at %s (resources not linked?)", qPrintable(kDir));
    return all;
}

}  // namespace

const QList<PromptTemplate>& builtinTemplates() {
    static const QList<PromptTemplate> all = load();
    return all;
}

const PromptTemplate* findBuiltin(const QString& id) {
    for (const PromptTemplate& t : builtinTemplates())
        if (t.id == id) return &t;
    return nullptr;
}

QList<BuiltinInputSet> builtinInputSets() {
    QList<BuiltinInputSet> sets;
    for (const QString& name : QDir(kDir).entryList({QStringLiteral("*.csv")}, QDir::Files)) {
        const QString id = QFileInfo(name).completeBaseName();
        sets << BuiltinInputSet{id, id.section(u'-', -1), kDir + u'/' + name};
    }
    std::sort(sets.begin(), sets.end(), [](const BuiltinInputSet& a, const BuiltinInputSet& b) {
        return std::pair(languageOrder(a.language), a.id) < std::pair(languageOrder(b.language), b.id);
    });
    return sets;
}

QList<LabInput> builtinInputs(const QString& id) {
    for (const BuiltinInputSet& s : builtinInputSets())
        if (s.id == id) return readInputsCsv(s.path);
    throw LabError(QStringLiteral("no built-in input table “%1”").arg(id));
}

}  // namespace gb::lab
