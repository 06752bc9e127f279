#include "template_library.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

#include "builtin_templates.h"
#include "lab_error.h"
#include "lab_json.h"
#include "lab_store.h"

namespace gb::lab {

TemplateLibrary::TemplateLibrary(LabStore* store) : store_(store) { reload(); }

void TemplateLibrary::reload() { user_ = store_ ? store_->templates() : QList<PromptTemplate>(); }

QList<PromptTemplate> TemplateLibrary::all() const { return builtinTemplates() + user_; }

std::optional<PromptTemplate> TemplateLibrary::find(const QString& id) const {
    if (const PromptTemplate* b = findBuiltin(id)) return *b;
    for (const PromptTemplate& t : user_)
        if (t.id == id) return t;
    return std::nullopt;
}

QList<PromptTemplate> TemplateLibrary::resolve(const QStringList& idsOrFiles) const {
    QList<PromptTemplate> out;
    for (const QString& raw : idsOrFiles) {
        const QString key = raw.trimmed();
        if (key.isEmpty()) continue;
        if (auto t = find(key)) {
            out << *t;
            continue;
        }
        if (QFileInfo(key).isFile()) {
            QFile f(key);
            if (!f.open(QIODevice::ReadOnly)) throw LabError(QStringLiteral("cannot read %1: %2").arg(key, f.errorString()));
            try {
                for (PromptTemplate t : templatesFromJsonDocument(f.readAll())) {
                    if (t.id.isEmpty()) t.id = QFileInfo(key).completeBaseName();
                    out << t;
                }
            } catch (const LabError& e) {
                throw LabError(key + QStringLiteral(": ") + e.message());
            }
            continue;
        }
        QStringList ids;
        for (const PromptTemplate& t : all()) ids << t.id;
        throw LabError(QStringLiteral("no template “%1”: give a built-in id (%2) or the path of a JSON template file")
                           .arg(key, ids.join(QStringLiteral(", "))));
    }
    return out;
}

PromptTemplate TemplateLibrary::save(const PromptTemplate& tmpl) {
    PromptTemplate t = tmpl;
    t.builtin = false;
    if (findBuiltin(t.id)) t.id.clear();
    if (store_) {
        t = store_->saveTemplate(t);
    } else if (!t.id.startsWith(QStringLiteral("user-"))) {
        t.id = QStringLiteral("user-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    }
    for (PromptTemplate& u : user_)
        if (u.id == t.id) {
            u = t;
            return t;
        }
    user_ << t;
    return t;
}

void TemplateLibrary::remove(const QString& id) {
    if (findBuiltin(id)) throw LabError(QStringLiteral("“%1” is built in and cannot be deleted").arg(id));
    if (store_) store_->deleteTemplate(id);
    user_.removeIf([&](const PromptTemplate& t) { return t.id == id; });
}

QList<PromptTemplate> TemplateLibrary::importJson(const QByteArray& json) {
    QList<PromptTemplate> added;
    for (PromptTemplate t : templatesFromJsonDocument(json)) {
        t.id.clear();  // always new templates: an import never overwrites
        added << save(t);
    }
    return added;
}

QList<PromptTemplate> TemplateLibrary::importFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) throw LabError(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    try {
        return importJson(f.readAll());
    } catch (const LabError& e) {
        throw LabError(path + QStringLiteral(": ") + e.message());
    }
}

QByteArray TemplateLibrary::exportJson(const QList<PromptTemplate>& templates) { return templatesToJsonDocument(templates); }

void TemplateLibrary::exportFile(const QList<PromptTemplate>& templates, const QString& path) const {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(exportJson(templates)) < 0 || !f.commit())
        throw LabError(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
}

}  // namespace gb::lab
