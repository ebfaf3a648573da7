// The one JSON writer: diagnostics, evaluations and explanations are all
// written with it, into one reused buffer. Valid JSON whatever the input:
// strings are escaped, and bytes that are not UTF-8 become U+FFFD.
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
#include <string>
#include <string_view>
#include <vector>

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
    at = copy(at, name);
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
    const auto size = out_.size();
    // Room for a line or so: `out` may hold much more already, and making
    // all of its spare capacity writable would cost that much each time.
    out_.resize(size + kHeadroom);
    end_ = out_.data() + size;
    limit_ = out_.data() + out_.size();
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
  /// Copies `s` to `to`; short texts (names, separators, numbers) with a
  /// pair of overlapping loads and stores rather than a call.
  static char* copy(char* to, std::string_view s) noexcept {
    const char* from = s.data();
    const auto n = s.size();
    if (n >= 8 && n <= 16) {
      std::uint64_t a, b;
      std::memcpy(&a, from, 8);
      std::memcpy(&b, from + n - 8, 8);
      std::memcpy(to, &a, 8);
      std::memcpy(to + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
      std::uint32_t a, b;
      std::memcpy(&a, from, 4);
      std::memcpy(&b, from + n - 4, 4);
      std::memcpy(to, &a, 4);
      std::memcpy(to + n - 4, &b, 4);
    } else if (n < 4) {
      for (std::size_t i = 0; i < n; ++i) to[i] = from[i];
    } else {
      std::memcpy(to, from, n);
    }
    return to + n;
  }
  void put(std::string_view s) { end_ = copy(room(s.size()), s); }
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
  std::size_t separator_size_;
  // instant(): the text "YYYY-MM-DDT" of the day last written.
  bool date_known_ = false;
  std::chrono::sys_days date_day_{};
  char date_text_[11] = {};  // ", " and ": ", or "," and ":" when compact
};

}  // namespace slakit::detail
