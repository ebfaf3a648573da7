#include "lang/lint_targets.hpp"

#include <fmt/format.h>

#include <optional>

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

// The due instant of `value` counted from the range's first instant, as
// TargetClock counts it (N business days: the same local time of day N
// business days after the first business instant); nullopt when it lies
// outside the range.
std::optional<Instant> earliest_due(const Calendar& cal, const BusinessDuration& value) {
  try {
    if (value.business_days == 0) return cal.add(kSupportedBegin, value.time);
    const auto from = cal.add(kSupportedBegin, Seconds{0});
    const auto local = cal.zone().to_local(from);
    const auto day = floor<days>(local);
    const auto date = cal.add_business_days(year_month_day{day}, value.business_days);
    const auto due = cal.zone().resolve(local_days{date} + (local - day)).instant;
    return in_supported_range(due) ? std::optional{due} : std::nullopt;
  } catch (const RangeError&) {
    return std::nullopt;
  }
}

// The due of `field - margin` for the field's latest value, as
// TargetClock::before_due computes it; nullopt when it lies outside the range.
std::optional<Instant> latest_due(const Calendar& cal, const BusinessDuration& margin) {
  try {
    if (margin.business_days == 0) return cal.subtract(kLastInstant, margin.time);
    const auto local = cal.zone().to_local(kLastInstant);
    const auto day = floor<days>(local);
    const auto date = cal.add_business_days(year_month_day{day}, -margin.business_days);
    const auto due = cal.zone().resolve(local_days{date} + (local - day)).instant;
    return in_supported_range(due) ? std::optional{due} : std::nullopt;
  } catch (const RangeError&) {
    return std::nullopt;
  }
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
    const Calendar* cal = nullptr;
    OpenFloor floor;
    if (p.calendar && !p.calendar_field) {
      cal = &calendars_.at(p.calendar->text);
      if (const auto it = floors_.find(p.calendar->text); it != floors_.end()) floor = it->second;
      // Never open: W0235 or W0230 says so at the calendar, once.
      if (floor.dates == 0 && !cal->next_open(kSupportedBegin)) cal = nullptr;
    }
    for (const auto& t : p.targets) {
      const auto metric = std::string{metric_name(t.metric)};
      for (const auto& c : t.cases) {
        const auto what = metric + " " + duration_text(c.value);
        if (at_least(c.value) >= kSupportedEnd - kSupportedBegin) {
          warn(what, "it is as long as the range or longer", c.span);
        } else if (cal != nullptr && !surely_fits(floor, c.value) && !earliest_due(*cal, c.value)) {
          warn(what,
               fmt::format("calendar '{}' has less business time than that from 1970 to 2100",
                           p.calendar->text),
               c.span);
        }
      }
      if (!t.before) continue;
      const auto& b = *t.before;
      const auto what = fmt::format("{} before {} - {}", metric, b.field, duration_text(b.margin));
      if (at_least(b.margin) >= kSupportedEnd - kSupportedBegin) {
        warn(what, "its margin is as long as the range or longer", b.span);
      } else if (cal != nullptr && !surely_fits(floor, b.margin) && !latest_due(*cal, b.margin)) {
        warn(what,
             fmt::format("calendar '{}' has less business time than its margin from 1970 to 2100",
                         p.calendar->text),
             b.span);
      }
    }
  }

 private:
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
};

}  // namespace

void lint_targets(const CheckedRules& checked,
                  const std::map<std::string, Calendar, std::less<>>& calendars,
                  std::vector<Diagnostic>& diagnostics) {
  TargetLint lint{checked, calendars, diagnostics};
  for (const auto& p : checked.policies) lint.check(p);
}

}  // namespace slakit::detail
