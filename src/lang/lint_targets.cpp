#include "lang/lint_targets.hpp"

#include <fmt/format.h>

#include <array>

#include "calendar/calendar_validation.hpp"
#include "lang/format/expr_text.hpp"
#include "slakit/error.hpp"
#include "slakit/time/instant.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

// The last instant of the range: the latest a `before` field can hold.
constexpr Instant kLastInstant = kSupportedEnd - Seconds{1};

// A business day is at least a calendar day, and business time at most
// calendar time: so what cannot fit 24/7 fits in no calendar.
Seconds at_least(const BusinessDuration& d) {
  return d.business_days != 0 ? Seconds{days{d.business_days}} : d.time;
}

// True when the due that TargetClock computes lies in the range, for a
// cycle that starts at the range's first instant (`value` added), or for a
// `before` field at its last (`value` subtracted): N business days are the
// same local time of day N business days after or before the first
// business instant at or after the start, or the field's instant.
bool due_in_range(const Calendar& cal, const BusinessDuration& value, bool before) {
  if (value.business_days == 0) {
    try {
      return before ? in_supported_range(cal.subtract(kLastInstant, value.time))
                    : in_supported_range(cal.add(kSupportedBegin, value.time));
    } catch (const RangeError&) {
      return false;
    }
  }
  // Business days count local dates, and the range's first instant falls on
  // 1969-12-31 west of UTC (its last on 2101-01-01 east of it), a date
  // outside the range: then the first (last) whole date in it counts.
  const auto n = before ? -value.business_days : value.business_days;
  for (const auto start : before ? std::array{kLastInstant, kLastInstant - days{1}}
                                 : std::array{kSupportedBegin, kSupportedBegin + days{1}}) {
    try {
      const auto from = before ? start : cal.add(start, Seconds{0});
      const auto local = cal.zone().to_local(from);
      const auto day = floor<days>(local);
      const auto date = year_month_day{day};
      if (!in_supported_range(sys_days{date})) continue;
      const auto due = cal.add_business_days(date, n);
      return in_supported_range(cal.zone().resolve(local_days{due} + (local - day)).instant);
    } catch (const RangeError&) {
      return false;
    }
  }
  return false;
}

// Local years wholly inside the range in every zone: 1971 to 2099 (2100
// ends after 2101-01-01T00:00Z west of UTC).
constexpr long kWholeYears = 129;

// True when a plain calendar's definition alone shows that `d` fits in it
// from any start in 1970 (then the engine need not build its blocks).
bool surely_fits(const OpenFloor& floor, const BusinessDuration& d) {
  if (floor.dates == 0) return false;
  const long dates = kWholeYears * floor.dates;
  if (d.business_days != 0) return d.business_days < dates;
  return d.time < dates * floor.per_date;
}

class TargetLint {
 public:
  TargetLint(const CheckedRules& checked,
             const std::map<std::string, Calendar, std::less<>>& calendars,
             std::vector<Diagnostic>& diagnostics)
      : calendars_(calendars), diagnostics_(diagnostics) {
    for (const auto& def : checked.calendars) floors_.emplace(def.name, open_floor(def));
  }

  void check(const PolicyDecl& p) {
    // A calendar the ticket chooses may be any: only the 24/7 bound holds.
    cal_ = nullptr;
    floor_ = {};
    if (p.calendar && !p.calendar_field) {
      cal_ = &calendars_.at(p.calendar->text);
      cal_name_ = p.calendar->text;
      if (const auto it = floors_.find(cal_name_); it != floors_.end()) floor_ = it->second;
      // Never open: W0235 or W0230 says so at the calendar, once.
      if (floor_.dates == 0 && !cal_->next_open(kSupportedBegin)) cal_ = nullptr;
    }
    for (const auto& t : p.targets) {
      const auto metric = std::string{metric_name(t.metric)};
      for (const auto& c : t.cases) {
        judge(metric + " " + duration_text(c.value), c.value, false, c.span);
      }
      if (t.before) {
        const auto& b = *t.before;
        judge(fmt::format("{} before {} - {}", metric, b.field, duration_text(b.margin)), b.margin,
              true, b.span);
      }
    }
  }

 private:
  // W0237 when `value` (a `before` margin when `before`) cannot fit; `cal_`
  // and `floor_` are the policy's calendar, when known.
  void judge(const std::string& what, const BusinessDuration& value, bool before, SourceSpan span) {
    const char* it = before ? "its margin" : "it";
    if (at_least(value) >= kSupportedEnd - kSupportedBegin) {
      warn(what, fmt::format("{} is as long as the range or longer", it), span);
    } else if (cal_ != nullptr && !surely_fits(floor_, value) &&
               !due_in_range(*cal_, value, before)) {
      warn(what,
           fmt::format("calendar '{}' has less business time than {} from 1970 to 2100", cal_name_,
                       before ? "its margin" : "that"),
           span);
    }
  }

  void warn(const std::string& what, const std::string& why, SourceSpan span) {
    diagnostics_.push_back(
        {Severity::warning, "W0237",
         fmt::format("{} can never fall due within the supported range (1970 to 2100): {}", what,
                     why),
         span});
  }

  const std::map<std::string, Calendar, std::less<>>& calendars_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, OpenFloor> floors_;  // plain calendars only
  const Calendar* cal_ = nullptr;            // the calendar of the policy being checked
  std::string cal_name_;
  OpenFloor floor_;
};

}  // namespace

void lint_targets(const CheckedRules& checked,
                  const std::map<std::string, Calendar, std::less<>>& calendars,
                  std::vector<Diagnostic>& diagnostics) {
  TargetLint lint{checked, calendars, diagnostics};
  for (const auto& p : checked.policies) lint.check(p);
}

}  // namespace slakit::detail
