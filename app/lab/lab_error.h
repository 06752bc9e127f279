#pragma once
// Every failure of the prompt lab's own code (a bad CSV or JSON file, a run that cannot start,
// a saved run that no longer matches its model) is a LabError: a message a user can read.
#include <QString>
#include <stdexcept>

namespace gb::lab {

class LabError : public std::runtime_error {
public:
    explicit LabError(const QString& message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromUtf8(what()); }
};

}  // namespace gb::lab
