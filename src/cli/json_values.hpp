// Typed values out of a simdjson document, with errors that say where they
// stand ("events[2].at: invalid time 'yesterday'"): shared by the readers
// of the command line (tickets, agents).
#pragma once

#include <fmt/format.h>
#include <simdjson.h>
#include <slakit/time/instant.hpp>
#include <slakit/time/parse_time.hpp>

#include <string>
#include <string_view>

namespace slakit::cli {

// Where in a record a value stands: "ticket.priority", "events[2].at". Kept
// as pieces, and written out only for an error.
struct Where {
  std::string_view object;
  std::size_t index = std::string_view::npos;  ///< in an array, when set
  std::string_view key{};
  [[nodiscard]] std::string str() const {
    std::string out{object};
    if (index != std::string_view::npos) out += fmt::format("[{}]", index);
    if (!key.empty()) out += fmt::format(".{}", key);
    return out;
  }
};

// Thrown while reading a record; its message is "where: what".
struct ReadError {
  ReadError(const Where& at, std::string message) : where(at.str()), what(std::move(message)) {}
  std::string where, what;
};

/// A JSON value as an error message shows what it got: `3`, `2.5`, `true`,
/// `null`, `"asap"` (a text past 40 characters cut, with `...`), `an
/// object`, `an array`. Bounded, whatever the value.
std::string shown(simdjson::dom::element v);
/// A text as shown(): quoted, cut past 40 characters with `...`.
std::string shown_text(std::string_view s);

/// The ReadError for a value `got` that is not `expected` ("expected a
/// string, got 3"), out of line: get() is on the way of every value read,
/// and inlined only without it.
[[noreturn]] void throw_expected(simdjson::error_code err, simdjson::dom::element got,
                                 const Where& where, std::string_view expected);

/// The value `v` as a T (std::string_view, bool, std::int64_t, ...,
/// dom::object, dom::array), or a ReadError saying what was expected and
/// what `v` is.
template <class T>
T get(simdjson::dom::element v, const Where& where, std::string_view expected) {
  T value{};
  if (const auto err = v.get(value)) [[unlikely]] {
    throw_expected(err, v, where, expected);
  }
  return value;
}

/// A string (or null: empty), viewed in the parser's buffer.
inline std::string_view view(simdjson::dom::element v, const Where& where) {
  if (v.is_null()) return {};
  return get<std::string_view>(v, where, "a string");
}
inline std::string text(simdjson::dom::element v, const Where& where) {
  return std::string{view(v, where)};
}
/// The same into `to`, whose buffer is kept: a reader that fills one record
/// after another allocates nothing once its strings have grown.
inline void assign_text(std::string& to, simdjson::dom::element v, const Where& where) {
  to.assign(view(v, where));
}
/// An id (of a ticket, an event, an agent): a string, or a JSON integer as
/// its decimal text, since helpdesks export numeric ids (Zendesk's ticket
/// 35436): `7` and `"7"` are one id. Null: empty. Throws ReadError for
/// another type.
void assign_id(std::string& to, simdjson::dom::element v, const Where& where);
inline std::string id(simdjson::dom::element v, const Where& where) {
  std::string out;
  assign_id(out, v, where);
  return out;
}
/// RFC 3339 with its offset: a time without one would depend on a zone.
/// Throws ReadError.
Instant instant(std::string_view s, const Where& where, Fractions fractions = Fractions::truncate);

/// instant() of a text of 20 bytes that ends in Z, which has an offset and
/// no fraction of a second: the same instant or the same error.
Instant utc_instant(std::string_view s, const Where& where);

/// Instants as a reader takes them: a fraction of a second as `fractions`
/// says, and counted, so that the command can say how many it truncated.
struct InstantReading {
  Fractions fractions = Fractions::truncate;
  std::size_t truncated = 0;
  Instant operator()(std::string_view s, const Where& where) {
    // The form machines write ("2026-03-06T15:00:00Z") has an offset and no
    // fraction: nothing to search or count.
    if (s.size() == 20 && s[19] == 'Z') [[likely]] {
      return utc_instant(s, where);
    }
    if (fractions == Fractions::truncate && has_fraction(s)) ++truncated;
    return instant(s, where, fractions);
  }
};

/// The note a command ends with when it truncated `count` times (`what`:
/// "instant", made plural here).
void note_truncated(std::string_view where, std::size_t count, std::string_view what);

}  // namespace slakit::cli
