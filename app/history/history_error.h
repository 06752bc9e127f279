#pragma once
// Every failure of the history store is a HistoryError: a kind the caller can act on (offer to
// move a corrupt file aside, retry when locked) and a message a user can read that names the file.
#include <QString>
#include <stdexcept>

class QSqlError;

namespace gb::history {

class HistoryError : public std::runtime_error {
public:
    enum class Kind {
        Corrupt,       // not an SQLite file, or SQLite says the file is damaged
        NotHistory,    // an SQLite database of some other program
        NewerVersion,  // written by a newer Glassbox (schema version above ours)
        Locked,        // another program holds the write lock longer than the busy timeout
        ReadOnly,      // the file or its folder cannot be written
        DiskFull,      // no room left (or the size limit was reached)
        NotFound,      // no such conversation / message
        BadInput,      // an import file or an argument that makes no sense
        Io,            // anything else
    };
    HistoryError(Kind kind, const QString& message);
    Kind kind() const { return kind_; }
    QString message() const { return QString::fromUtf8(what()); }
    static const char* kindName(Kind k);

private:
    Kind kind_;
};

// Maps an SQLite failure (native error code) to a kind and a sentence naming `path`;
// `what` says what was being done ("saving a message").
HistoryError sqlError(const QSqlError& e, const QString& path, const QString& what);

}  // namespace gb::history
