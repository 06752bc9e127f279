#pragma once
// CSV as RFC 4180 writes it, read by hand: fields separated by commas, records by CRLF or LF
// (a lone CR too); a field in double quotes may hold commas, quotes (doubled: "") and line
// breaks. A UTF-8 byte order mark at the start is skipped; blank lines between records are
// ignored. Text is UTF-8.
//
// The lab's input tables: a header row naming the columns `input` and (optional) `expected`,
// any case; every other column fills the template variable of its name.
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace gb::lab {

// Throws LabError naming the line of an unterminated quote or of text after a closing quote.
QList<QStringList> parseCsv(const QString& text);
QList<QStringList> parseCsv(const QByteArray& utf8);  // invalid UTF-8 is a LabError

// Quotes a field when it needs it (comma, quote, CR, LF, leading/trailing space).
QString csvField(const QString& field);
QString writeCsv(const QList<QStringList>& rows);  // CRLF line ends, as RFC 4180 says

struct LabInput {
    QString input;
    QString expected;                  // "" = no expected answer (not scored)
    QMap<QString, QString> variables;  // extra columns by header name
    bool operator==(const LabInput&) const = default;
};

// The rows of an input table. Throws LabError: no `input` column, a row with more or fewer
// fields than the header (named by its line), duplicate column names, no rows.
QList<LabInput> inputsFromCsv(const QByteArray& utf8);
QList<LabInput> readInputsCsv(const QString& path);  // throws LabError when unreadable
QString inputsToCsv(const QList<LabInput>& inputs);

}  // namespace gb::lab
