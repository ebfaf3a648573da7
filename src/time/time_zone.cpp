#include "slakit/time/time_zone.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <vector>

#include "digits.hpp"
#include "slakit/time/civil.hpp"

#include "posix_rule.hpp"
#include "slakit/error.hpp"
#include "support/suggestion.hpp"
#include "support/utf8.hpp"
#include "time/zone_suggestion.hpp"

namespace slakit {

struct TimeZone::Impl {
  std::string name;
  const date::time_zone* zone = nullptr;
  // From rule_from on, the POSIX rule gives the offsets: date/tz stops at the
  // last transition the TZif file tabulates (2037), which would silently drop
  // DST for later years.
  Instant rule_from = Instant::max();
  std::optional<detail::PosixRule> rule;
  // The tabulated spans from just before kSupportedBegin to rule_from (or
  // just past kSupportedEnd), read once: date/tz's own look-up builds a
  // record with the zone's abbreviation on every call, and the engines ask
  // for offsets on every ticket.
  std::vector<OffsetSpan> spans;
};

namespace {

using namespace std::chrono;

// date/tz with USE_OS_TZDB reads this directory; the footer must come from
// the same file.
constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo/";

std::optional<detail::PosixRule> read_footer_rule(const std::string& name) {
  std::ifstream in(kZoneInfoDir + name, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return detail::parse_posix_rule(detail::tzif_footer(bytes.str()));
}

std::shared_ptr<const TimeZone::Impl> load(const std::string& name) {
  auto impl = std::make_shared<TimeZone::Impl>();
  impl->name = name;
  try {
    impl->zone = date::locate_zone(name);
  } catch (const std::exception&) {
    throw InvalidArgument(
        fmt::format("unknown time zone {}{}", detail::quoted(name), detail::zone_suggestion(name)));
  }
  try {
    const auto last = impl->zone->get_info(date::sys_seconds{kSupportedEnd.time_since_epoch()});
    const bool tabulation_ends = last.end.time_since_epoch() > kSupportedEnd.time_since_epoch();
    if (tabulation_ends) {
      impl->rule = read_footer_rule(name);
      if (impl->rule) impl->rule_from = Instant{last.begin.time_since_epoch()};
    }
    // resolve() looks 27 hours either side of a reading: a day beyond the
    // range's ends covers that.
    const auto until = std::min(impl->rule_from, kSupportedEnd + days{2});
    for (auto t = kSupportedBegin - days{2}; t < until;) {
      const auto info = impl->zone->get_info(date::sys_seconds{t.time_since_epoch()});
      const Instant end{info.end.time_since_epoch()};
      impl->spans.push_back(
          {Instant{info.begin.time_since_epoch()}, std::min(end, impl->rule_from), info.offset});
      if (end <= t) break;  // never for a well-formed zone; no endless loop if not
      t = end;
    }
  } catch (const std::exception& e) {
    // A zone the database names but cannot read: a broken installation.
    throw InvalidArgument(
        fmt::format("time zone {} cannot be read: {}", detail::quoted(name), e.what()));
  }
  return impl;
}

OffsetSpan rule_span(const detail::PosixRule& rule, Instant from, Instant t) {
  const int y = static_cast<int>(year_month_day{floor<days>(t)}.year());
  std::vector<detail::PosixRule::Switch> all;
  for (int yy = y - 1; yy <= y + 1; ++yy) {
    for (const auto& s : rule.switches(yy)) all.push_back(s);
  }
  // Sorted within a year; years follow each other.
  OffsetSpan span{from, Instant::max(), rule.std_offset};
  for (const auto& s : all) {
    if (s.at <= t) {
      span.begin = std::max(from, s.at);
      span.offset = s.offset_after;
    } else {
      span.end = s.at;
      break;
    }
  }
  return span;
}

}  // namespace

std::string detail::zone_suggestion(std::string_view name) {
  // The names, read once: the error path of a batch whose tickets name a
  // zone that does not exist runs here for every one of them.
  static const auto names = [] {
    std::vector<std::string> out;
    try {
      // With the system's database (USE_OS_TZDB) links are zones too.
      for (const auto& z : date::get_tzdb().zones) out.push_back(z.name());
    } catch (const std::exception&) {
      // No database to suggest from: the error stands without it.
    }
    return out;
  }();
  return suggestion(name, names);
}

TimeZone TimeZone::locate(std::string_view name) {
  // Zones are loaded once per process and shared: a calendar resolves its zone
  // when it is compiled, never while it evaluates.
  // Names that are no zone are remembered with their error (a bounded
  // number): a ticket field can name one on every ticket of a batch, and
  // each would otherwise search the database for a suggestion again.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Impl>, std::less<>> cache;
  static std::map<std::string, std::string, std::less<>> unknown;
  constexpr std::size_t kUnknownKept = 4096;
  std::lock_guard lock(mutex);
  auto it = cache.find(name);
  if (it == cache.end()) {
    if (const auto known_bad = unknown.find(name); known_bad != unknown.end()) {
      throw InvalidArgument(known_bad->second);
    }
    std::string key{name};
    try {
      it = cache.emplace(key, load(key)).first;
    } catch (const InvalidArgument& e) {
      // Only names the database lacks; a zone it has but cannot read is
      // tried again.
      const std::string_view what = e.what();
      if (what.starts_with("unknown time zone") && unknown.size() < kUnknownKept) {
        unknown.emplace(std::move(key), what);
      }
      throw;
    }
  }
  return TimeZone{it->second};
}

const std::string& TimeZone::name() const noexcept {
  return impl_->name;
}

namespace {

constexpr std::size_t kNotTabulated = SIZE_MAX;

// The index of the tabulated span that holds t, or kNotTabulated when the
// POSIX rule or date/tz answers for t.
std::size_t tabulated_index(const TimeZone::Impl& impl, Instant t) {
  if (impl.rule && t >= impl.rule_from) return kNotTabulated;
  const auto& spans = impl.spans;
  if (spans.empty() || t < spans.front().begin || !(t < spans.back().end)) return kNotTabulated;
  const auto after = std::upper_bound(spans.begin(), spans.end(), t,
                                      [](Instant x, const OffsetSpan& s) { return x < s.begin; });
  return static_cast<std::size_t>(after - spans.begin()) - 1;
}

}  // namespace

OffsetSpan TimeZone::offset_span(Instant t) const {
  if (impl_->rule && t >= impl_->rule_from) return rule_span(*impl_->rule, impl_->rule_from, t);
  if (const auto i = tabulated_index(*impl_, t); i != kNotTabulated) return impl_->spans[i];
  const auto info = impl_->zone->get_info(date::sys_seconds{t.time_since_epoch()});
  OffsetSpan span{Instant{info.begin.time_since_epoch()}, Instant{info.end.time_since_epoch()},
                  info.offset};
  span.end = std::min(span.end, impl_->rule_from);
  return span;
}

LocalSeconds TimeZone::to_local(Instant t) const {
  return LocalSeconds{t.time_since_epoch() + offset(t)};
}

LocalResolution TimeZone::resolve(LocalSeconds local) const {
  // Offsets stay within +-26h, so every candidate mapping lies among the
  // offset spans that cover the wall-clock reading taken as UTC, +-27h.
  const Instant as_utc{local.time_since_epoch()};
  const Instant last = as_utc + hours{27};
  std::optional<Instant> first_valid;
  int valid = 0;
  std::optional<Instant> jump;  // where the clock first shows `local` or later
  // The tabulated spans follow one another without a gap (load() reads
  // each from the end of the one before): the next span of a tabulated one
  // is the next element, with no search.
  const auto& spans = impl_->spans;
  auto i = tabulated_index(*impl_, as_utc - hours{27});
  const auto next = [&](Instant at) {
    if (i != kNotTabulated && i + 1 < spans.size() && spans[i + 1].begin == at) return spans[++i];
    i = tabulated_index(*impl_, at);
    return i != kNotTabulated ? spans[i] : offset_span(at);
  };
  for (auto span = i != kNotTabulated ? spans[i] : offset_span(as_utc - hours{27});;
       span = next(span.end)) {
    const Instant t{local.time_since_epoch() - span.offset};
    if (span.begin <= t && t < span.end) {
      if (!first_valid) first_valid = t;
      ++valid;
    } else if (!jump && t < span.begin) {
      // At span.begin the clock already shows more than `local`.
      jump = span.begin;
    }
    if (span.end > last || span.end == Instant::max()) break;
  }
  if (valid == 0) return {jump.value_or(as_utc), LocalKind::skipped};
  if (first_valid && jump && *jump < *first_valid) return {*jump, LocalKind::skipped};
  return {*first_valid, valid > 1 ? LocalKind::repeated : LocalKind::unique};
}

std::string TimeZone::format(Instant t) const {
  std::string out;
  format_to(t, out);
  return out;
}

void TimeZone::format_to(Instant t, std::string& out) const {
  const auto off = offset(t);
  const auto local = LocalSeconds{t.time_since_epoch() + off};
  const auto mins = off.count() / 60;
  const auto abs_mins = mins < 0 ? -mins : mins;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const int y = static_cast<int>(date.year());
  if (y < 0 || y > 9999) {
    out += fmt::format("{}{}{:02}:{:02}", format_local(local), mins < 0 ? '-' : '+', abs_mins / 60,
                       abs_mins % 60);
    return;
  }
  const auto size = out.size();
  out.resize(size + 25);
  char* at = out.data() + size;
  detail::write_date_time(at, y, static_cast<unsigned>(date.month()),
                          static_cast<unsigned>(date.day()), (local - day).count());
  at[19] = mins < 0 ? '-' : '+';
  detail::write_two_digits(at + 20, abs_mins / 60 % 100);
  at[22] = ':';
  detail::write_two_digits(at + 23, abs_mins % 60);
}

}  // namespace slakit
