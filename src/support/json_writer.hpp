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

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace slakit::detail {

class JsonWriter {
 public:
  /// `compact`: no blank after ',' and ':' (JSON Lines); otherwise ", " and
  /// ": ", easier to read.
  explicit JsonWriter(bool compact = false)
      : comma_(compact ? "," : ", "), colon_(compact ? ":" : ": ") {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// The name of the next member of an object: one of the writer's own
  /// names (letters, digits, '_'), written as it is.
  void key(std::string_view name);
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
  void raw(std::string_view text) { out_ += text; }

  [[nodiscard]] std::string take() { return std::move(out_); }
  /// Writes into `out` (appending) from now on; its buffer is reused.
  void append_to(std::string&& out) { out_ = std::move(out); }

 private:
  void separate();
  void open(char c);
  void close(char c);
  void string(std::string_view s);

  std::string out_;
  // Per open object or array (deeper ones are not tracked): no member yet.
  static constexpr int kDeepest = 64;
  bool first_[kDeepest] = {};
  int depth_ = 0;
  bool after_key_ = false;
  std::string_view prefix_;
  std::string_view comma_, colon_;
};

}  // namespace slakit::detail
