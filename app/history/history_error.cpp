#include "history_error.h"

#include <QSqlError>

namespace gb::history {

HistoryError::HistoryError(Kind kind, const QString& message) : std::runtime_error(message.toStdString()), kind_(kind) {}

const char* HistoryError::kindName(Kind k) {
    switch (k) {
        case Kind::Corrupt: return "corrupt";
        case Kind::NotHistory: return "not_history";
        case Kind::NewerVersion: return "newer_version";
        case Kind::Locked: return "locked";
        case Kind::ReadOnly: return "read_only";
        case Kind::DiskFull: return "disk_full";
        case Kind::NotFound: return "not_found";
        case Kind::BadInput: return "bad_input";
        case Kind::Io: return "io";
    }
    return "io";
}

HistoryError sqlError(const QSqlError& e, const QString& path, const QString& what) {
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;  // primary SQLite result code
    const QString detail = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    using K = HistoryError::Kind;
    switch (ok ? code : -1) {
        case 5:   // SQLITE_BUSY
        case 6:   // SQLITE_LOCKED
            return {K::Locked, QStringLiteral("history database %1 is locked by another program (another Glassbox?) "
                                              "while %2; nothing was lost, try again once it is closed")
                                   .arg(path, what)};
        case 8:   // SQLITE_READONLY
            return {K::ReadOnly, QStringLiteral("history database %1 is read-only (check the permissions of the file "
                                                "and its folder) while %2: %3")
                                     .arg(path, what, detail)};
        case 13:  // SQLITE_FULL
            return {K::DiskFull, QStringLiteral("disk full: history database %1 cannot grow while %2; earlier data is "
                                                "intact, free some space and try again")
                                     .arg(path, what)};
        case 11:  // SQLITE_CORRUPT
        case 26:  // SQLITE_NOTADB
            return {K::Corrupt, QStringLiteral("history database %1 is damaged (%2) while %3; the file was left untouched — "
                                               "move it aside to start a fresh history")
                                    .arg(path, detail, what)};
        case 14:  // SQLITE_CANTOPEN
            return {K::ReadOnly, QStringLiteral("cannot open history database %1 (missing or read-only folder?) while "
                                                "%2: %3")
                                     .arg(path, what, detail)};
        case 10:  // SQLITE_IOERR
            return {K::Io, QStringLiteral("input/output error on history database %1 while %2: %3").arg(path, what, detail)};
        default:
            return {K::Io, QStringLiteral("history database %1: error while %2: %3").arg(path, what, detail)};
    }
}

}  // namespace gb::history
