#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "check_state.hpp"
#include "holiday_effect.hpp"

#include "calendar/calendar_validation.hpp"
#include "calendar/holiday_dates.hpp"
#include "slakit/error.hpp"
#include "slakit/time/civil.hpp"
#include "slakit/time/time_zone.hpp"
#include "time/zone_suggestion.hpp"

namespace slakit::detail {

using namespace std::chrono;

namespace {

std::string month_day_text(month_day md) {
  return fmt::format("{} {}", month_name(md.month()), static_cast<unsigned>(md.day()));
}

// "An annual range that crosses New Year and spans more than ten months
// looks reversed" (docs/language.md): "dec 26 .. dec 24" closes every date
// but December 25. Ten months are 300 dates, counted in a leap year: a
// seasonal closure (oct 1 .. apr 30) is not reported.
std::optional<std::string> reversed_range(const HolidayRule& rule) {
  const auto* r = std::get_if<AnnualRange>(&rule.date);
  if (r == nullptr || !(r->last < r->first)) return std::nullopt;
  const auto position = [](month_day md) {
    return local_days{2024y / md} - local_days{2024y / 1 / 1};
  };
  const auto dates = (position(r->last) - position(r->first) + days{366}).count() + 1;
  if (dates <= 300) return std::nullopt;
  const auto first = month_day_text(r->first);
  const auto last = month_day_text(r->last);
  // The two halves of a split: "dec 31" alone rather than "dec 31 .. dec 31".
  const auto to_new_year = r->first == December / 31 ? first : first + " .. dec 31";
  const auto from_new_year = r->last == January / 1 ? last : "jan 1 .. " + last;
  return fmt::format(
      "'{0} .. {1}' is read as crossing New Year: it closes more than ten months, from {0} to "
      "{1} of the next year ({2} dates in a leap year); for the dates between, write '{1} .. {0}'; "
      "to keep the long range, split it at New Year ('{3}' and '{4}')",
      first, last, dates, to_new_year, from_new_year);
}

}  // namespace

std::vector<weekday> Checker::expand(const DayRange& r) {
  std::vector<weekday> days{r.first};
  for (auto d = r.first; d != r.last;) {
    d = d + std::chrono::days{1};
    days.push_back(d);
  }
  return days;
}

bool Checker::check_range(const TimeRange& r, SourceSpan span) {
  const auto problem = period_problem(r);
  if (problem) {
    error("E0218",
          fmt::format("period {}-{} {}", r.open.to_string(), r.close.to_string(), *problem), span);
  }
  return !problem;
}

void Checker::outside_range(SourceSpan span) {
  // The engine accepts the line and no operation ever reaches its dates.
  warning("W0236",
          "this line never takes effect: its dates lie outside the supported range (1970 to "
          "2100)",
          span);
}

void Checker::unknown_zone(const std::string& zone, SourceSpan span) {
  const auto near = detail::zone_suggestion(zone);
  error("E0205",
        near.empty()
            ? fmt::format("unknown time zone '{}': expected an IANA name like \"Europe/Berlin\"",
                          zone)
            : fmt::format("unknown time zone '{}'{}", zone, near),
        span);
}

bool Checker::check_calendar_name(const Name& n) {
  if (calendars_.count(n.text) != 0) return true;
  if (unparsed_.count(n.text) != 0) return false;  // its syntax error is reported
  std::vector<std::string> known;
  for (const auto& [name, span] : calendars_) known.push_back(name);
  error("E0202", fmt::format("unknown calendar '{}'{}", n.text, suggestion(n.text, known)), n.span);
  return false;
}

std::set<std::string> Checker::find_cycles() {
  // Depth first over the composed calendars, without recursion: a chain of
  // thousands of compositions must not exhaust the stack.
  enum class Mark { open, done };
  std::map<std::string, Mark> marks;
  std::set<std::string> cyclic;
  struct Frame {
    const CalendarDecl* decl;
    std::size_t next;
  };
  for (const auto& [root, decl] : composed_) {
    if (!marks.emplace(root, Mark::open).second) continue;
    std::vector<Frame> stack{{decl, 0}};
    while (!stack.empty()) {
      auto& top = stack.back();
      if (top.next == top.decl->parts.size()) {
        marks[top.decl->name.text] = Mark::done;
        parts_first_.push_back(top.decl);
        stack.pop_back();
        continue;
      }
      const Name& part = top.decl->parts[top.next++];
      const auto it = composed_.find(part.text);
      if (it == composed_.end()) continue;
      const auto [mark, fresh] = marks.emplace(part.text, Mark::open);
      if (fresh) {
        stack.push_back({it->second, 0});
        continue;
      }
      if (mark->second == Mark::done) continue;
      // Back to a calendar still open on the stack: the frames from it to
      // here are the cycle, reported at the reference that closes it.
      std::string path;
      auto frame = std::find_if(stack.begin(), stack.end(),
                                [&](const Frame& f) { return f.decl->name.text == part.text; });
      for (; frame != stack.end(); ++frame) {
        path += frame->decl->name.text + " -> ";
        cyclic.insert(frame->decl->name.text);
      }
      error("E0229",
            fmt::format("calendar '{}' is a part of itself: {}{}", part.text, path, part.text),
            part.span);
    }
  }
  return cyclic;
}

bool Checker::check_text_field(const Name& n, const char* what) {
  const auto* f = field(n.text, n.span);
  if (f == nullptr) return false;
  if (f->type == FieldType::text) return true;
  error("E0204",
        fmt::format("{} comes from a text field, but {} is {}", what, n.text, describe(*f)),
        n.span);
  return false;
}

void Checker::check_zone_fields() {
  // Each composed calendar after its parts: the fields its parts' zones come from.
  std::map<std::string, std::set<std::string>> fields;
  for (const auto& [name, field] : zone_field_of_) fields[name].insert(field);
  for (const auto* c : parts_first_) {
    auto& mine = fields[c->name.text];
    for (const auto& p : c->parts) {
      if (const auto it = fields.find(p.text); it != fields.end() && p.text != c->name.text) {
        mine.insert(it->second.begin(), it->second.end());
      }
    }
    if (mine.size() > 1) {
      error("E0231",
            fmt::format("calendar '{}' has parts whose zones come from different fields ({}): "
                        "a ticket gives one zone",
                        c->name.text, join(std::vector<std::string>{mine.begin(), mine.end()})),
            c->name.span);
    }
  }
}

void Checker::check_composition(const CalendarDecl& c) {
  ComposedCalendar out{c.name.text, c.op, {}, {}, c.name.span};
  bool ok = cyclic_.count(c.name.text) == 0;
  for (const auto& part : c.parts) {
    ok = check_calendar_name(part) && ok;
    out.parts.push_back(part.text);
  }
  for (const auto& line : c.lines) {
    const auto* z = std::get_if<ZoneLine>(&line);
    if (z == nullptr) continue;
    if (z->field) {
      error("E0231",
            fmt::format("a composed calendar's zone cannot come from a ticket: write 'zone from "
                        "{}' in its parts, which it then follows",
                        z->field->text),
            z->field->span);
      ok = false;
    }
    out.zone = z->zone;
    try {
      (void)TimeZone::locate(z->zone);
    } catch (const InvalidArgument&) {
      unknown_zone(z->zone, z->span);
      ok = false;
    }
  }
  if (ok) out_.compositions.push_back(std::move(out));
}

void Checker::check_calendar(const CalendarDecl& c) {
  if (!c.parts.empty()) {
    if (!damaged(c.span)) check_composition(c);
    return;
  }
  CalendarDefinition def{.name = c.name.text, .zone = ""};
  int zones = 0;
  // Per weekday: each period with its close in seconds after that midnight.
  std::map<unsigned, std::vector<std::pair<TimeRange, Seconds>>> per_day;
  std::map<std::string, SourceSpan> open_dates;
  std::vector<const HolidayLine*> in_range;  // the holiday lines W0243 judges
  for (const auto& line : c.lines) {
    if (const auto* z = std::get_if<ZoneLine>(&line)) {
      if (++zones > 1) {
        error("E0206", fmt::format("calendar '{}' has a second zone", c.name.text), z->span);
        continue;
      }
      def.zone = z->zone;
      if (z->field && check_text_field(*z->field, "a zone")) {
        out_.zone_fields[c.name.text] = z->field->text;
      }
      try {
        (void)TimeZone::locate(z->zone);
      } catch (const InvalidArgument&) {
        unknown_zone(z->zone, z->span);
      }
    } else if (const auto* w = std::get_if<WeeklyLine>(&line); w && !damaged(w->span)) {
      for (const auto& r : w->hours) {
        if (!check_range(r, w->span)) continue;
        auto close = r.close.since_midnight();
        if (close <= r.open.since_midnight()) close += hours{24};
        // One message per clash, naming every day it happens on.
        std::map<std::string, std::string> clashes;  // earlier period -> days
        for (const auto& dr : w->days) {
          for (auto d : expand(dr)) {
            def.weekly.push_back({d, r});
            auto& periods = per_day[d.c_encoding()];
            for (const auto& [earlier, end] : periods) {
              if (r.open.since_midnight() < end && earlier.open.since_midnight() < close) {
                auto& days = clashes[earlier.open.to_string() + "-" + earlier.close.to_string()];
                days += (days.empty() ? "" : ", ") + std::string{weekday_name(d)};
              }
            }
            periods.emplace_back(r, close);
          }
        }
        for (const auto& [earlier, days] : clashes) {
          error("E0208",
                fmt::format("periods {} and {}-{} overlap on {}", earlier, r.open.to_string(),
                            r.close.to_string(), days),
                w->span);
        }
      }
    } else if (const auto* h = std::get_if<HolidayLine>(&line); h && !damaged(h->span)) {
      try {
        validate_holiday_rule(h->rule);
        def.holidays.push_back(h->rule);
        if (holiday_outside_range(h->rule)) {
          outside_range(h->span);
        } else {
          in_range.push_back(h);
        }
        if (const auto reversed = reversed_range(h->rule)) warning("W0238", *reversed, h->span);
      } catch (const InvalidArgument& e) {
        error("E0213", e.what(), h->span);
      }
    } else if (const auto* o = std::get_if<OpenLine>(&line); o && !damaged(o->span)) {
      const auto key = format_date(o->day.date);
      if (const auto [it, fresh] = open_dates.emplace(key, o->span); !fresh) {
        error("E0218", fmt::format("a second opening for {}: first at {}", key, where(it->second)),
              o->span);
        continue;
      }
      bool ok = true;
      for (const auto& r : o->day.hours) ok = check_range(r, o->span) && ok;
      if (ok) def.overrides.push_back(o->day);
      if (ok && date_outside_range(o->day.date)) outside_range(o->span);
    }
  }
  if (zones == 0) {
    error("E0206",
          fmt::format("calendar '{}' has no zone: add a line like zone \"Europe/Berlin\"",
                      c.name.text),
          c.name.span);
  }
  if (!has_working_time(def) && !damaged(c.span)) {
    error("E0207",
          fmt::format("calendar '{}' has no working time: add opening hours like "
                      "mon..fri 09:00-17:00",
                      c.name.text),
          c.name.span);
  }
  // A calendar with no hours (E0207) has nothing a holiday could close.
  const HolidayEffect effect{def};
  for (const auto* h : has_working_time(def) ? in_range : decltype(in_range){}) {
    const auto why = effect.why_without_effect(h->rule, [&](year_month_day d) {
      const auto key = format_date(d);
      return fmt::format("'open {}' at {}", key, where(open_dates.at(key)));
    });
    if (why) warning("W0243", *why, h->span);
  }
  out_.calendars.push_back(std::move(def));
  out_.calendar_names.push_back(c.name.span);
}

}  // namespace slakit::detail
