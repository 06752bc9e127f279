#include "lab_csv.h"

#include <QFile>
#include <QSet>
#include <QStringDecoder>

#include "lab_error.h"

namespace gb::lab {

namespace {

struct Record {
    QStringList fields;
    int line = 1;  // where the record starts
};

QList<Record> parseRecords(const QString& text) {
    QList<Record> out;
    Record rec;
    QString field;
    bool inQuotes = false, wasQuoted = false, afterQuote = false;
    int line = 1, quoteLine = 1;
    qsizetype i = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    auto endRecord = [&] {
        rec.fields << field;
        const bool blank = rec.fields.size() == 1 && field.isEmpty() && !wasQuoted;
        if (!blank) out << rec;
        rec = Record{};
        field.clear();
        wasQuoted = afterQuote = false;
    };
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        const QChar next = i + 1 < text.size() ? text[i + 1] : QChar();
        if (inQuotes) {
            if (c == u'"') {
                if (next == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                if (c == u'\n' || (c == u'\r' && next != u'\n')) ++line;
                field += c;
            }
            continue;
        }
        if (c == u',') {
            rec.fields << field;
            field.clear();
            wasQuoted = afterQuote = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && next == u'\n') ++i;
            endRecord();
            rec.line = ++line;
        } else if (c == u'"' && field.isEmpty() && !afterQuote) {
            inQuotes = wasQuoted = true;
            quoteLine = line;
        } else if (afterQuote) {
            throw LabError(QStringLiteral("CSV line %1: text after a closing quote (a quote inside a quoted field "
                                          "is written twice: \"\")")
                               .arg(line));
        } else {
            field += c;
        }
    }
    if (inQuotes)
        throw LabError(QStringLiteral("CSV line %1: a quoted field is never closed (missing \")").arg(quoteLine));
    if (!field.isEmpty() || !rec.fields.isEmpty() || wasQuoted) endRecord();
    return out;
}

}  // namespace

QList<QStringList> parseCsv(const QString& text) {
    QList<QStringList> rows;
    for (const Record& r : parseRecords(text)) rows << r.fields;
    return rows;
}

QList<QStringList> parseCsv(const QByteArray& utf8) {
    QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decode(utf8);
    if (decode.hasError()) throw LabError(QStringLiteral("the CSV file is not valid UTF-8"));
    return parseCsv(text);
}

QString csvField(const QString& field) {
    const bool quote = field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r') ||
                       (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
    if (!quote) return field;
    QString f = field;
    f.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + f + u'"';
}

QString writeCsv(const QList<QStringList>& rows) {
    QString out;
    for (const QStringList& row : rows) {
        QStringList fields;
        for (const QString& f : row) fields << csvField(f);
        // A record of one empty field would read back as a blank line: quote it.
        out += (row.size() == 1 && row[0].isEmpty() ? QStringLiteral("\"\"") : fields.join(u',')) + QStringLiteral("\r\n");
    }
    return out;
}

QList<LabInput> inputsFromCsv(const QByteArray& utf8) {
    QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decode(utf8);
    if (decode.hasError()) throw LabError(QStringLiteral("the CSV file is not valid UTF-8"));
    const QList<Record> records = parseRecords(text);
    if (records.isEmpty()) throw LabError(QStringLiteral("the CSV file is empty (expected a header row: input,expected)"));
    const QStringList header = records[0].fields;
    int inputCol = -1, expectedCol = -1;
    QSet<QString> seen;
    for (int c = 0; c < header.size(); ++c) {
        const QString name = header[c].trimmed();
        const QString key = name.toLower();
        if (name.isEmpty()) throw LabError(QStringLiteral("CSV header: column %1 has no name").arg(c + 1));
        if (seen.contains(key)) throw LabError(QStringLiteral("CSV header: the column “%1” appears twice").arg(name));
        seen.insert(key);
        if (key == QLatin1String("input")) inputCol = c;
        if (key == QLatin1String("expected")) expectedCol = c;
    }
    if (inputCol < 0)
        throw LabError(QStringLiteral("CSV header: no “input” column (the first row must name the columns, e.g. "
                                      "input,expected; found: %1)")
                           .arg(header.join(u',')));
    QList<LabInput> inputs;
    for (int r = 1; r < records.size(); ++r) {
        const Record& rec = records[r];
        if (rec.fields.size() != header.size())
            throw LabError(QStringLiteral("CSV line %1: %2 fields, but the header has %3 (quote fields that contain "
                                          "commas)")
                               .arg(rec.line)
                               .arg(rec.fields.size())
                               .arg(header.size()));
        LabInput in;
        in.input = rec.fields[inputCol];
        if (expectedCol >= 0) in.expected = rec.fields[expectedCol];
        for (int c = 0; c < header.size(); ++c)
            if (c != inputCol && c != expectedCol) in.variables.insert(header[c].trimmed(), rec.fields[c]);
        inputs << in;
    }
    if (inputs.isEmpty()) throw LabError(QStringLiteral("the CSV file has a header but no rows"));
    return inputs;
}

QList<LabInput> readInputsCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) throw LabError(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    try {
        return inputsFromCsv(f.readAll());
    } catch (const LabError& e) {
        throw LabError(path + QStringLiteral(": ") + e.message());
    }
}

QString inputsToCsv(const QList<LabInput>& inputs) {
    QStringList extra;
    for (const LabInput& in : inputs)
        for (auto it = in.variables.begin(); it != in.variables.end(); ++it)
            if (!extra.contains(it.key())) extra << it.key();
    QList<QStringList> rows;
    rows << (QStringList{QStringLiteral("input"), QStringLiteral("expected")} + extra);
    for (const LabInput& in : inputs) {
        QStringList row{in.input, in.expected};
        for (const QString& name : extra) row << in.variables.value(name);
        rows << row;
    }
    return writeCsv(rows);
}

}  // namespace gb::lab
