#pragma once
// Every template the lab offers: the built-ins (read-only) followed by the user's templates
// (kept in the history database through LabStore), with JSON import and export.
#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

#include "prompt_template.h"

namespace gb::lab {

class LabStore;

class TemplateLibrary {
public:
    // Without a store the library holds the built-ins and templates added in memory only.
    explicit TemplateLibrary(LabStore* store = nullptr);

    QList<PromptTemplate> all() const;  // built-ins first, then the user's (oldest first)
    std::optional<PromptTemplate> find(const QString& id) const;
    // Templates by id or by path of a JSON template file (each of its templates); throws LabError
    // naming an id that is neither.
    QList<PromptTemplate> resolve(const QStringList& idsOrFiles) const;

    // A user template: saved (new id when it has none, or a built-in's id: saving a built-in
    // makes a copy). Returns it as saved.
    PromptTemplate save(const PromptTemplate& t);
    void remove(const QString& id);  // user templates only; LabError for a built-in

    // Adds every template of a JSON file as a new user template; returns them (LabError when
    // the file does not read).
    QList<PromptTemplate> importJson(const QByteArray& json);
    QList<PromptTemplate> importFile(const QString& path);
    static QByteArray exportJson(const QList<PromptTemplate>& templates);
    void exportFile(const QList<PromptTemplate>& templates, const QString& path) const;  // LabError on failure

    void reload();  // re-reads the user templates from the store

private:
    LabStore* store_;
    QList<PromptTemplate> user_;
};

}  // namespace gb::lab
