#include "posix_rule.hpp"

#include <algorithm>
#include <cctype>

namespace slakit::detail {
namespace {

using namespace std::chrono;

// A cursor over the TZ string; every reader returns false on malformed input.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  [[nodiscard]] bool done() const { return i_ == s_.size(); }
  [[nodiscard]] char peek() const { return done() ? '\0' : s_[i_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }

  // "EST" or "<+1030>"
  bool name() {
    if (eat('<')) {
      auto close = s_.find('>', i_);
      if (close == std::string_view::npos) return false;
      i_ = close + 1;
      return true;
    }
    std::size_t start = i_;
    while (std::isalpha(static_cast<unsigned char>(peek()))) ++i_;
    return i_ - start >= 3;
  }

  bool number(int& out, int max) {
    std::size_t start = i_;
    out = 0;
    while (std::isdigit(static_cast<unsigned char>(peek()))) {
      out = out * 10 + (s_[i_++] - '0');
      if (out > max) return false;
    }
    return i_ > start;
  }

  // [+-]hh[:mm[:ss]]
  bool clock(Seconds& out, int max_hours) {
    int sign = 1;
    if (eat('-')) {
      sign = -1;
    } else {
      eat('+');
    }
    int h = 0, m = 0, sec = 0;
    if (!number(h, max_hours)) return false;
    if (eat(':')) {
      if (!number(m, 59)) return false;
      if (eat(':') && !number(sec, 59)) return false;
    }
    out = sign * Seconds{h * 3600 + m * 60 + sec};
    return true;
  }

  bool rule_switch(PosixSwitch& out) {
    if (eat('M')) {
      out.form = PosixSwitch::Form::month_week_day;
      if (!number(out.month, 12) || out.month < 1 || !eat('.')) return false;
      if (!number(out.week, 5) || out.week < 1 || !eat('.')) return false;
      if (!number(out.day, 6)) return false;
    } else if (eat('J')) {
      out.form = PosixSwitch::Form::julian_no_leap;
      if (!number(out.day, 365) || out.day < 1) return false;
    } else {
      out.form = PosixSwitch::Form::zero_based;
      if (!number(out.day, 365)) return false;
    }
    // RFC 8536 extends the time to -167..167 hours.
    if (eat('/')) return clock(out.time, 167);
    return true;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

local_days switch_date(const PosixSwitch& s, int y) {
  const year yr{y};
  switch (s.form) {
    case PosixSwitch::Form::julian_no_leap: {
      // Jn counts 1..365 and never names February 29.
      int n = s.day - 1;
      if (yr.is_leap() && s.day >= 60) ++n;
      return local_days{yr / January / 1} + days{n};
    }
    case PosixSwitch::Form::zero_based:
      return local_days{yr / January / 1} + days{s.day};
    case PosixSwitch::Form::month_week_day:
      break;
  }
  const auto m = month{static_cast<unsigned>(s.month)};
  const auto wd = weekday{static_cast<unsigned>(s.day)};
  if (s.week == 5) return local_days{yr / m / wd[last]};
  return local_days{yr / m / wd[static_cast<unsigned>(s.week)]};
}

}  // namespace

std::array<PosixRule::Switch, 2> PosixRule::switches(int y) const {
  // A switch's local time is read on the clock in force before it.
  const auto dst_at = switch_date(to_dst, y) + to_dst.time;
  const auto std_at = switch_date(to_std, y) + to_std.time;
  Switch a{Instant{dst_at.time_since_epoch() - std_offset}, dst_offset};
  Switch b{Instant{std_at.time_since_epoch() - dst_offset}, std_offset};
  if (b.at < a.at) std::swap(a, b);
  return {a, b};
}

std::optional<PosixRule> parse_posix_rule(std::string_view text) {
  Reader r{text};
  PosixRule rule;
  if (!r.name() || !r.clock(rule.std_offset, 24)) return std::nullopt;
  rule.std_offset = -rule.std_offset;
  if (r.done()) return std::nullopt;  // no DST
  if (!r.name()) return std::nullopt;
  rule.dst_offset = rule.std_offset + hours{1};
  if (r.peek() != ',') {
    if (!r.clock(rule.dst_offset, 24)) return std::nullopt;
    rule.dst_offset = -rule.dst_offset;
  }
  if (!r.eat(',') || !r.rule_switch(rule.to_dst)) return std::nullopt;
  if (!r.eat(',') || !r.rule_switch(rule.to_std)) return std::nullopt;
  if (!r.done()) return std::nullopt;
  return rule;
}

std::string_view tzif_footer(std::string_view bytes) {
  if (bytes.size() < 6 || bytes.substr(0, 4) != "TZif" || bytes[4] < '2') return {};
  if (bytes.back() != '\n') return {};
  auto open = bytes.rfind('\n', bytes.size() - 2);
  if (open == std::string_view::npos) return {};
  return bytes.substr(open + 1, bytes.size() - open - 2);
}

}  // namespace slakit::detail
