#pragma once
// The engine reports every problem with its input as gb::Error: a message a user can read.
#include <stdexcept>
#include <string>

namespace gb {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thrown when an operation is cancelled by its caller (load progress callback, stop flag).
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

}  // namespace gb
