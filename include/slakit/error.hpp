// slakit/error.hpp: the exceptions slakit throws.
//
// Every error slakit raises for bad input derives from slakit::Error, so a
// host can catch one type at its boundary. (Besides std::bad_alloc, the only
// other exceptions are std::out_of_range for an id that the library never gave
// out, such as a SourceMap file id: a bug in the caller; std::system_error
// when evaluate_many cannot start a thread; and what a host's own callback
// throws.) Every public function says what it throws: one whose comment
// names no exception throws nothing but std::bad_alloc. The library never
// calls std::terminate, abort or exit, and asserts nothing: a broken
// internal invariant (a bug in slakit) is an Error whose message starts with
// "internal error". Messages name the offending value:
//
//   try {
//     auto zone = slakit::TimeZone::locate("Europe/Berln");
//   } catch (const slakit::InvalidArgument& e) {
//     // e.what(): "unknown time zone 'Europe/Berln'"
//   }
#pragma once

#include <stdexcept>
#include <string>

namespace slakit {

/// Base of every exception slakit throws. A NUL byte in the message (from a
/// value it quotes) is written as `\x00`: what() is a C string, and the
/// rest of the message must not be lost at it.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(without_nul(message)) {}
  explicit Error(const char* message) : Error(std::string{message}) {}

 private:
  static std::string without_nul(const std::string& message) {
    if (message.find('\0') == std::string::npos) return message;
    std::string out;
    for (const char c : message) {
      if (c == '\0') {
        out += "\\x00";
      } else {
        out += c;
      }
    }
    return out;
  }
};

/// A value passed to the API is invalid: an unknown zone, 25:00, Feb 30, a
/// calendar with no working time. The message names the value.
class InvalidArgument : public Error {
 public:
  using Error::Error;
};

/// Bad ticket data, found while evaluating: a value that does not fit its
/// field, an event before the ticket's creation. The
/// message names the ticket, and the field, event or value:
/// "ticket 'T-1': ticket.order_value: expected a number, got text 'lots'".
class TicketError : public InvalidArgument {
 public:
  using InvalidArgument::InvalidArgument;
};

/// A result or an input lies outside the supported range of instants
/// (see slakit::kSupportedBegin / kSupportedEnd).
class RangeError : public Error {
 public:
  using Error::Error;
};

}  // namespace slakit
