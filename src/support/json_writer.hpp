// The one JSON writer: diagnostics, evaluations and explanations are all
// written with it, into one reused buffer. Valid JSON whatever the input:
// strings are escaped, and bytes that are not UTF-8 become U+FFFD.
// JsonDirect (below) writes text of a fixed shape, the line of `slakit eval`,
// straight into its buffer, with the same pieces (json_text.hpp).
//
//   JsonWriter w;
//   w.begin_object();
//   w.key("id"), w.value("T-1");
//   w.key("due"), w.null();
//   w.end_object();  // {"id": "T-1", "due": null}
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_text.hpp"

namespace slakit::detail {

class JsonWriter {
 public:
  /// `compact`: no blank after ',' and ':' (JSON Lines); otherwise ", " and
  /// ": ", easier to read.
  explicit JsonWriter(bool compact = false) : separator_size_(compact ? 1 : 2) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// The name of the next member of an object: one of the writer's own
  /// names (letters, digits, '_'), written as it is.
  void key(std::string_view name) {
    separate();
    char* at = room(name.size() + 4);
    *at++ = '"';
    at = json_text::copy(at, name);
    *at++ = '"';
    end_ = put_separator(at, ':');
    after_key_ = true;
  }
  /// A member name from outside the writer (a CSV column), escaped like a
  /// string value.
  void text_key(std::string_view name) {
    separate();
    string(name);
    end_ = put_separator(room(2), ':');
    after_key_ = true;
  }
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view{s}); }
  void value(std::int64_t n);
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(double n);
  void value(bool b);
  void null();
  /// An instant as an RFC 3339 string in UTC ("2026-03-06T15:00:00Z"),
  /// written without a temporary string.
  void instant(std::chrono::sys_seconds t);
  /// Text written after the separator of the next value (a line break and
  /// indentation, for one value per line).
  void prefix(std::string_view text) { prefix_ = text; }
  /// Text written as it is (a closing line break).
  void raw(std::string_view text) { put(text); }
  /// A value that is JSON already (render_json's array), as it is.
  void json_value(std::string_view json) {
    separate();
    put(json);
  }

  [[nodiscard]] std::string take() {
    out_.resize(used());
    end_ = limit_ = nullptr;
    return std::move(out_);
  }
  /// Writes into `out` (appending) from now on; its buffer is reused.
  void append_to(std::string&& out) {
    out_ = std::move(out);
    // No room yet: the first write makes room for a line or so (grow). `out`
    // may hold much more already, and making all of its spare capacity
    // writable would cost that much each time. (Made here, the room's
    // constant size had GCC zero it inline with `rep stos`, slow to start
    // on AMD's cores: about 0.6% of `slakit eval`; grow's size is not
    // known when compiling, so it calls memset.)
    end_ = limit_ = out_.data() + out_.size();
  }

 private:
  // The text lives in out_, whose whole length is writable; end_ marks
  // where the text written so far ends. Each write makes room once, then
  // copies without further checks: a JSON line is hundreds of small
  // writes, and appending to a std::string checked and grew it every time.
  [[nodiscard]] std::size_t used() const noexcept {
    return end_ == nullptr ? 0 : static_cast<std::size_t>(end_ - out_.data());
  }
  /// Where `n` more bytes go; the caller moves end_ past what it writes.
  /// (Before the first write both pointers are null: no room.)
  char* room(std::size_t n) {
    if (end_ == nullptr || static_cast<std::size_t>(limit_ - end_) < n) grow(n);
    return end_;
  }
  /// Writes `c` and, unless compact, a blank after it at `at` (room for two
  /// bytes made by the caller: both are stored, and the end moves past one or
  /// two); returns the new end.
  [[nodiscard]] char* put_separator(char* at, char c) const noexcept {
    at[0] = c;
    at[1] = ' ';
    return at + separator_size_;
  }
  void grow(std::size_t n);
  void put(std::string_view s) { end_ = json_text::copy(room(s.size()), s); }
  void put(char c) { *room(1) = c, ++end_; }

  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0 && depth_ <= kDeepest) {
      if (!first_[depth_ - 1]) end_ = put_separator(room(2), ',');
      first_[depth_ - 1] = false;
    }
    if (!prefix_.empty()) put_prefix();
  }
  void put_prefix();
  void open(char c) {
    separate();
    put(c);
    if (depth_ < kDeepest) first_[depth_] = true;
    ++depth_;
  }
  void close(char c) {
    --depth_;
    put(c);
  }
  void string(std::string_view s);

  std::string out_;
  char* end_ = nullptr;    // null until the first write
  char* limit_ = nullptr;  // the end of out_'s writable length
  // Per open object or array (deeper ones are not tracked): no member yet.
  static constexpr int kDeepest = 64;
  static constexpr std::size_t kHeadroom = 1024;
  bool first_[kDeepest] = {};
  int depth_ = 0;
  bool after_key_ = false;
  std::string_view prefix_;
  std::size_t separator_size_;  // 1 when compact (",", ":"), else 2 (", ", ": ")

  friend class JsonDirect;
};

/// Members that JsonDirect::members() writes together, each a key with its
/// punctuation (a constant) and a value of bounded length: the bound of
/// the group is known when compiling, so one check for room serves it.
namespace json_member {
template <std::size_t N>
struct Integer {
  static constexpr std::size_t kBound = N - 1 + json_text::kIntegerBound;
  const char (&key)[N];
  std::int64_t value;
};
/// An instant, or `null` when empty.
template <std::size_t N>
struct Instant {
  static constexpr std::size_t kBound = N - 1 + json_text::kInstantBound;  // >= "null"
  const char (&key)[N];
  std::optional<std::chrono::sys_seconds> value;
};
template <std::size_t N>
struct Boolean {
  static constexpr std::size_t kBound = N - 1 + 5;  // "false"
  const char (&key)[N];
  bool value;
};
/// Keys and punctuation alone.
template <std::size_t N>
struct Text {
  static constexpr std::size_t kBound = N - 1;
  const char (&text)[N];
};
// Deduction guides: aggregates deduce their N by themselves only from
// clang 17 on (P1816), and the fuzz and sanitizer builds use clang 14.
template <std::size_t N, class V>
Integer(const char (&)[N], V) -> Integer<N>;
template <std::size_t N, class V>
Instant(const char (&)[N], V) -> Instant<N>;
template <std::size_t N, class V>
Boolean(const char (&)[N], V) -> Boolean<N>;
template <std::size_t N>
Text(const char (&)[N]) -> Text<N>;
}  // namespace json_member

/// Writes straight into a compact JsonWriter's buffer, for text of a fixed
/// shape whose keys and punctuation are known when compiling
/// (evaluation_json.cpp): each call is a key with its punctuation, written
/// as one constant, and a value, with one check for room, where the
/// writer's own calls track nesting and separators piece by piece. What is
/// written goes where the writer's next value would (after its separator):
/// one value or, in an object, members (the first without its ',').
/// Strings are escaped as the writer escapes them.
///
///   JsonDirect out{w};
///   out.string("{\"policy\":", "gold");
///   out.instant(",\"due\":", due);
///   out.text("}");  // {"policy":"gold","due":"2026-03-06T15:00:00Z"}
class JsonDirect {
 public:
  /// Throws std::logic_error for a writer that is not compact.
  explicit JsonDirect(JsonWriter& w) : w_(w), dates_(json_text::thread_instant_dates()) {
    // The keys are written with the compact punctuation.
    if (w.separator_size_ != 1) not_compact();
    w.separate();
    at_ = w.room(0);
    limit_ = w.limit_;
  }
  ~JsonDirect() { w_.end_ = at_; }
  JsonDirect(const JsonDirect&) = delete;
  JsonDirect& operator=(const JsonDirect&) = delete;

  /// Keys and punctuation: `text` as it is.
  template <std::size_t N>
  void text(const char (&text)[N]) {
    reserve(N - 1);
    at_ = put_key(at_, text);
  }
  /// JSON text made beforehand (a member whose value slakit names itself),
  /// as it is.
  void verbatim(std::string_view json) {
    reserve(json.size());
    at_ = json_text::copy_medium(at_, json);
  }
  template <std::size_t N>
  void integer(const char (&key)[N], std::int64_t n) {
    reserve(N - 1 + json_text::kIntegerBound);
    at_ = json_text::write_integer(put_key(at_, key), n);
  }
  template <std::size_t N>
  void boolean(const char (&key)[N], bool b) {
    reserve(N - 1 + 5);
    at_ = json_text::copy(put_key(at_, key), b ? std::string_view{"true"} : "false");
  }
  template <std::size_t N>
  void instant(const char (&key)[N], std::chrono::sys_seconds t) {
    reserve(N - 1 + json_text::kInstantBound);
    char* const value = put_key(at_, key);
    char* const end = json_text::write_instant(value, t, dates_);
    end != nullptr ? void(at_ = end) : far_instant(value, t);
  }
  /// `null` when `t` is empty.
  template <std::size_t N>
  void instant(const char (&key)[N], const std::optional<std::chrono::sys_seconds>& t) {
    if (t) {
      instant(key, *t);
    } else {
      reserve(N - 1 + 4);
      at_ = json_text::copy(put_key(at_, key), "null");
    }
  }
  template <std::size_t N>
  void string(const char (&key)[N], std::string_view s) {
    const auto n = s.size();
    if (n >= 8 && n <= 16) {
      // Most names: both halves loaded once, checked, and stored as they are.
      std::uint64_t low, high;
      std::memcpy(&low, s.data(), 8);
      std::memcpy(&high, s.data() + n - 8, 8);
      if (json_text::plain_words(low, high)) {
        reserve(N - 1 + 18);
        char* at = put_key(at_, key);
        at[0] = '"';
        std::memcpy(at + 1, &low, 8);
        std::memcpy(at + 1 + n - 8, &high, 8);
        at[n + 1] = '"';
        at_ = at + n + 2;
        return;
      }
    } else if (json_text::is_plain(s)) {
      reserve(N - 1 + s.size() + 2);
      char* at = put_key(at_, key);
      *at++ = '"';
      at = json_text::copy(at, s);
      *at++ = '"';
      at_ = at;
      return;
    }
    text(key);
    escaped(s);
  }
  /// Several members of bounded length (json_member), in order, with one
  /// check for room for all of them.
  ///
  ///   out.members(json_member::Instant{",\"due\":", due},
  ///               json_member::Integer{",\"target\":", 3600}, json_member::Text{"}"});
  template <typename... Parts>
  void members(const Parts&... parts) {
    constexpr std::size_t bound = (Parts::kBound + ...);
    reserve(bound);
    (put(parts, bound), ...);
  }

 private:
  // The pieces of members(): no check of their own (room for `bound`, the
  // whole group's, is made), except after an instant that takes the slow
  // path, which writes through the writer with room of its own.
  template <std::size_t N>
  void put(const json_member::Integer<N>& m, std::size_t) noexcept {
    at_ = json_text::write_integer(put_key(at_, m.key), m.value);
  }
  template <std::size_t N>
  void put(const json_member::Boolean<N>& m, std::size_t) noexcept {
    at_ = json_text::copy(put_key(at_, m.key), m.value ? std::string_view{"true"} : "false");
  }
  template <std::size_t N>
  void put(const json_member::Text<N>& m, std::size_t) noexcept {
    at_ = put_key(at_, m.text);
  }
  template <std::size_t N>
  void put(const json_member::Instant<N>& m, std::size_t bound) {
    char* const value = put_key(at_, m.key);
    if (!m.value) {
      at_ = json_text::copy(value, "null");
      return;
    }
    char* const end = json_text::write_instant(value, *m.value, dates_);
    if (end != nullptr) {
      at_ = end;
      return;
    }
    far_instant(value, *m.value);
    reserve(bound);  // room again for the members after it
  }
  template <std::size_t N>
  static char* put_key(char* at, const char (&key)[N]) noexcept {
    std::memcpy(at, key, N - 1);  // a constant length: a few moves, not a call
    return at + N - 1;
  }
  // The calls that leave the inline path take and return the place by
  // value: were the cursor's address passed, it would live in memory, and
  // every byte stored through a char* (which may alias anything) would
  // make the compiler load at_ and limit_ again.
  struct Place {
    char* at;
    char* limit;
  };
  void reserve(std::size_t n) {
    if (static_cast<std::size_t>(limit_ - at_) < n) go_to(grow(w_, at_, n));
  }
  void escaped(std::string_view s) { go_to(escaped(w_, at_, s)); }
  void far_instant(char* at, std::chrono::sys_seconds t) { go_to(far_instant(w_, at, t)); }
  void go_to(Place p) noexcept { at_ = p.at, limit_ = p.limit; }
  [[noreturn]] static void not_compact();
  static Place grow(JsonWriter& w, char* at, std::size_t n);
  static Place escaped(JsonWriter& w, char* at, std::string_view s);
  static Place far_instant(JsonWriter& w, char* at, std::chrono::sys_seconds t);

  JsonWriter& w_;
  json_text::InstantDates& dates_;  // this thread's
  char* at_;
  char* limit_;
};

}  // namespace slakit::detail
