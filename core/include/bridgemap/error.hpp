#pragma once
// The exception hierarchy. Problems in a user's data are not exceptions: they are
// collected as diagnostics (see ingest/diagnostics.hpp). Exceptions are for broken
// invariants, I/O failures and impossible requests; only cli/ catches them.

#include <stdexcept>
#include <string>

namespace bridgemap {

/// Root of every exception bridgemap throws. The CLI maps it to exit code 1.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A file could not be read, written or renamed.
class IoError : public Error {
public:
    using Error::Error;
};

/// A request that cannot be met with this input: an unknown member or event id given on
/// the command line, an option out of range, an infeasible constraint. The CLI maps it
/// to exit code 2 (wrong usage) and prints the message.
class RequestError : public Error {
public:
    using Error::Error;
};

/// The input data has errors (already reported as diagnostics). The CLI maps it to exit code 3.
class InvalidDataError : public Error {
public:
    using Error::Error;
};

}  // namespace bridgemap
