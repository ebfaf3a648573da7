#include "slakit/calendar/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "calendar_state.hpp"
#include "calendar_validation.hpp"
#include "holiday_dates.hpp"
#include "slakit/error.hpp"

namespace slakit {

using namespace std::chrono;
using detail::CalendarState;
using detail::kYearCount;
using detail::TimeBlock;

namespace {

void check_instant(Instant t, const char* what) {
  if (!in_supported_range(t)) {
    throw RangeError(fmt::format("{} {} is outside the supported range [{}, {})", what,
                                 format_utc(t), format_utc(kSupportedBegin),
                                 format_utc(kSupportedEnd)));
  }
}

[[noreturn]] void beyond_range(const CalendarState& s, Instant from, Seconds business,
                               const char* op) {
  throw RangeError(fmt::format(
      "{}: {} {} {} of business time lies outside the supported range "
      "[{}, {})",
      detail::calendar_label(s.definition), format_utc(from), op, format_duration(business),
      format_utc(kSupportedBegin), format_utc(kSupportedEnd)));
}

Instant at(const TimeBlock& block, std::uint64_t offset) {
  return block.base + Seconds{static_cast<Seconds::rep>(offset)};
}

}  // namespace

Calendar::Calendar(const CalendarDefinition& definition)
    : state_(std::make_shared<const detail::CalendarState>(
          definition, detail::validate_calendar(definition))) {}

Calendar::Calendar(std::shared_ptr<const detail::CalendarState> state) : state_(std::move(state)) {}

const detail::CalendarState& detail::state_of(const Calendar& calendar) noexcept {
  return *calendar.state_;
}

Calendar Calendar::compose(std::string name, CalendarOp op, std::vector<Calendar> parts,
                           std::string zone) {
  CalendarDefinition identity{.name = std::move(name), .zone = std::move(zone)};
  if (parts.empty()) {
    throw InvalidArgument(fmt::format("{}: a composed calendar needs at least one part",
                                      detail::calendar_label(identity)));
  }
  if (op == CalendarOp::difference && parts.size() != 2) {
    throw InvalidArgument(fmt::format("{}: a difference needs two parts (open, minus), not {}",
                                      detail::calendar_label(identity), parts.size()));
  }
  if (identity.zone.empty()) identity.zone = parts.front().zone().name();
  TimeZone tz = [&] {
    try {
      return TimeZone::locate(identity.zone);
    } catch (const InvalidArgument& e) {
      throw InvalidArgument(fmt::format("{}: {}", detail::calendar_label(identity), e.what()));
    }
  }();
  return Calendar{std::make_shared<const detail::CalendarState>(
      std::move(identity), std::move(tz), CalendarComposition{op, std::move(parts)})};
}

Calendar Calendar::union_of(std::string name, std::vector<Calendar> parts, std::string zone) {
  return compose(std::move(name), CalendarOp::union_of, std::move(parts), std::move(zone));
}

Calendar Calendar::intersection_of(std::string name, std::vector<Calendar> parts,
                                   std::string zone) {
  return compose(std::move(name), CalendarOp::intersection, std::move(parts), std::move(zone));
}

Calendar Calendar::difference(std::string name, Calendar open, Calendar minus, std::string zone) {
  return compose(std::move(name), CalendarOp::difference, {std::move(open), std::move(minus)},
                 std::move(zone));
}

const CalendarComposition* Calendar::composition() const noexcept {
  return state_->composition ? &*state_->composition : nullptr;
}

const Calendar& Calendar::in_zone(std::string_view zone) const {
  // A composed calendar in its own zone may still have parts in others.
  if (zone.empty() || (!state_->composition && zone == state_->zone.name())) return *this;
  return state_->variants.get(zone, [&] { return rezoned(zone); });
}

Calendar Calendar::rezoned(std::string_view zone) const {
  const auto& s = *state_;
  if (s.composition) {
    std::vector<Calendar> parts;
    for (const auto& part : s.composition->parts) parts.push_back(part.in_zone(zone));
    return compose(s.definition.name, s.composition->op, std::move(parts), std::string{zone});
  }
  auto def = s.definition;
  def.zone = zone;
  return Calendar{def};  // validates: an unknown zone names the calendar
}

const std::string& Calendar::name() const noexcept {
  return state_->definition.name;
}
const TimeZone& Calendar::zone() const noexcept {
  return state_->zone;
}
const CalendarDefinition& Calendar::definition() const noexcept {
  return state_->definition;
}

Instant Calendar::add(Instant start, Seconds business) const {
  check_instant(start, "start");
  if (business < Seconds{0}) return subtract(start, -business);
  const auto& s = *state_;
  auto [b, offset] = CalendarState::locate(start);
  const TimeBlock* block = &s.time_block(b);
  std::size_t i = block->first_ending_after(offset);
  while (i == block->spans.size()) {
    if (++b == kYearCount) beyond_range(s, start, business, "+");
    block = &s.time_block(b);
    i = offset = 0;
  }
  const auto& first = block->spans[i];
  const std::uint32_t from = std::max(offset, first.begin);
  if (business == Seconds{0}) return at(*block, from);

  std::uint64_t target =
      block->cum_before(i) + (from - first.begin) + static_cast<std::uint64_t>(business.count());
  std::size_t search_from = i;
  while (target > block->total()) {
    target -= block->total();
    if (++b == kYearCount) beyond_range(s, start, business, "+");
    block = &s.time_block(b);
    search_from = 0;
  }
  // The first span whose cumulative end reaches the target: a deadline on a
  // closing time stays there rather than moving to the next opening.
  const auto j = block->first_reaching(search_from, target);
  const auto due = at(*block, block->spans[j].begin + (target - block->cum_before(j)));
  // The range's end closes the last block's last span: a deadline there lies
  // outside the (half-open) range, like any later one.
  if (due >= kSupportedEnd) beyond_range(s, start, business, "+");
  return due;
}

Instant Calendar::subtract(Instant end, Seconds business) const {
  check_instant(end, "end");
  if (business < Seconds{0}) return add(end, -business);
  const auto& s = *state_;
  auto [b, offset] = CalendarState::locate(end);
  const TimeBlock* block = &s.time_block(b);
  const std::size_t i = block->first_ending_after(offset);
  const bool inside = i < block->spans.size() && block->spans[i].begin < offset;
  if (business == Seconds{0}) {
    if (inside) return end;
    if (i > 0) return at(*block, block->spans[i - 1].end);
    while (--b >= 0) {
      block = &s.time_block(b);
      if (!block->spans.empty()) return at(*block, block->spans.back().end);
    }
    beyond_range(s, end, business, "-");
  }
  std::int64_t target = static_cast<std::int64_t>(block->cum_before(i)) +
                        (inside ? offset - block->spans[i].begin : 0) - business.count();
  // Span i, if any, ends beyond the target; so does the last span of an
  // earlier block that holds it.
  std::size_t search_from = i;
  while (target < 0) {
    if (--b < 0) beyond_range(s, end, business, "-");
    block = &s.time_block(b);
    target += block->total();
    search_from = block->spans.size();
  }
  // The last span that starts at or before the target: a result on an opening
  // time stays there rather than moving back to the previous closing.
  const auto j = block->first_exceeding(std::min(search_from, block->spans.size() - 1),
                                        static_cast<std::uint64_t>(target));
  return at(*block,
            block->spans[j].begin + (static_cast<std::uint64_t>(target) - block->cum_before(j)));
}

namespace {

// An instant located in its block, with the block's business time before it.
struct Point {
  CalendarState::Position at;
  std::uint32_t cum;
};

Point point(const CalendarState& s, Instant t, const char* what) {
  check_instant(t, what);
  const auto at = CalendarState::locate(t);
  return {at, s.time_block(at.block).cum_at(at.offset)};
}

Seconds between(const CalendarState& s, Point a, Point b) {
  if (b.at.block < a.at.block) return -between(s, b, a);
  if (a.at.block == b.at.block) return Seconds{static_cast<std::int64_t>(b.cum) - a.cum};
  std::int64_t sum = s.time_block(a.at.block).total() - a.cum;
  for (int k = a.at.block + 1; k < b.at.block; ++k) sum += s.time_block(k).total();
  return Seconds{sum + b.cum};
}

}  // namespace

Seconds Calendar::elapsed(Instant a, Instant b) const {
  const auto& s = *state_;
  const auto pa = point(s, a, "from");
  return between(s, pa, point(s, b, "to"));
}

void Calendar::elapsed_between(std::span<const Instant> instants, std::span<Seconds> out) const {
  if (out.size() + 1 != instants.size() && !(instants.empty() && out.empty())) {
    throw InvalidArgument(fmt::format("elapsed_between: {} instants make {} intervals, not {}",
                                      instants.size(), instants.empty() ? 0 : instants.size() - 1,
                                      out.size()));
  }
  if (instants.empty()) return;
  const auto& s = *state_;
  // Each instant is located once and serves the interval on either side.
  // Histories come in order, mostly within one year: an instant in the
  // block of the one before is found from that block's base, with no search
  // for its block.
  auto a = point(s, instants[0], "instant");
  const TimeBlock* block = &s.time_block(a.at.block);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto t = instants[i + 1];
    Point b;
    if (t >= block->base && t - block->base < Seconds{block->length}) {
      const auto offset = static_cast<std::uint32_t>((t - block->base).count());
      b = {{a.at.block, offset}, block->cum_at(offset)};
      // The same block: a difference of cumulative times, no call.
      out[i] = Seconds{static_cast<std::int64_t>(b.cum) - a.cum};
    } else {
      b = point(s, t, "instant");
      block = &s.time_block(b.at.block);
      out[i] = between(s, a, b);
    }
    a = b;
  }
}

bool Calendar::is_open(Instant t) const {
  check_instant(t, "instant");
  const auto p = CalendarState::locate(t);
  const auto& block = state_->time_block(p.block);
  const auto i = block.first_ending_after(p.offset);
  return i < block.spans.size() && block.spans[i].begin <= p.offset;
}

std::optional<Instant> Calendar::next_open(Instant t) const {
  check_instant(t, "instant");
  auto [b, offset] = CalendarState::locate(t);
  for (; b < kYearCount; ++b, offset = 0) {
    const auto& block = state_->time_block(b);
    const auto i = block.first_ending_after(offset);
    if (i < block.spans.size()) return at(block, std::max(offset, block.spans[i].begin));
  }
  return std::nullopt;
}

std::optional<Instant> Calendar::next_close(Instant t) const {
  check_instant(t, "instant");
  auto [b, offset] = CalendarState::locate(t);
  const TimeBlock* block = &state_->time_block(b);
  const auto i = block->first_ending_after(offset);
  if (i == block->spans.size() || block->spans[i].begin > offset) return t;
  std::uint32_t end = block->spans[i].end;
  // Blocks split a stretch at each new UTC year; follow it across.
  while (end == block->length) {
    if (++b == kYearCount) return std::nullopt;
    block = &state_->time_block(b);
    if (block->spans.empty() || block->spans.front().begin != 0) return block->base;
    end = block->spans.front().end;
  }
  return at(*block, end);
}

std::vector<Interval> Calendar::open_intervals(Instant from, Instant to) const {
  check_instant(from, "from");
  check_instant(to, "to");
  std::vector<Interval> out;
  if (to <= from) return out;
  const auto pa = CalendarState::locate(from), pb = CalendarState::locate(to);
  for (int b = pa.block; b <= pb.block; ++b) {
    const auto& block = state_->time_block(b);
    const auto first = b == pa.block ? block.first_ending_after(pa.offset) : 0;
    for (auto i = first; i < block.spans.size(); ++i) {
      Interval iv{std::max(from, at(block, block.spans[i].begin)),
                  std::min(to, at(block, block.spans[i].end))};
      if (iv.empty()) break;
      if (!out.empty() && out.back().end == iv.begin) {
        out.back().end = iv.end;
      } else {
        out.push_back(iv);
      }
    }
  }
  return out;
}

namespace {

struct DayPosition {
  int block;
  int day_of_year;
};

[[noreturn, gnu::noinline]] void bad_date(year_month_day date) {
  if (!date.ok()) throw InvalidArgument(fmt::format("invalid date {}", format_date(date)));
  throw RangeError(fmt::format("date {} is outside the supported years {} to {}", format_date(date),
                               detail::kFirstYear, detail::kFirstYear + kYearCount - 1));
}

// The date's block and day of year, checked with the same tables that
// convert it: no branch on the way that a valid date mispredicts.
DayPosition locate_day(year_month_day date) {
  const auto index = static_cast<unsigned>(static_cast<int>(date.year()) - detail::kFirstYear);
  const auto m = static_cast<unsigned>(date.month()) - 1;
  const auto d = static_cast<unsigned>(date.day());
  const auto& before = detail::kDaysBeforeMonth[date.year().is_leap() ? 1 : 0];
  if (index >= static_cast<unsigned>(kYearCount) || m >= 12 || d == 0 ||
      d > static_cast<unsigned>(before[m + 1] - before[m])) [[unlikely]] {
    bad_date(date);
  }
  return {static_cast<int>(index), before[m] + static_cast<int>(d) - 1};
}

[[noreturn, gnu::noinline]] void beyond_years(const CalendarState& s, year_month_day date, int n) {
  throw RangeError(
      fmt::format("{}: {} {:+} business days lies outside the supported years {} to {}",
                  detail::calendar_label(s.definition), format_date(date), n, detail::kFirstYear,
                  detail::kFirstYear + kYearCount - 1));
}

}  // namespace

bool Calendar::is_business_day(year_month_day date) const {
  const auto p = locate_day(date);
  return state_->day_block(p.block).test(p.day_of_year);
}

year_month_day Calendar::add_business_days(year_month_day date, int n) const {
  const auto p = locate_day(date);
  int b = p.block;
  const detail::DayBlock* block = &state_->day_block(b);
  // The target as a 1-based ordinal among the business days of block b;
  // rank counts the business days before the date. n > 0: strictly after;
  // n < 0: strictly before; n == 0: on or after.
  const auto day = static_cast<std::size_t>(p.day_of_year);
  const long before = block->rank[day];
  const long open = block->rank[day + 1] - before;  // 1 on a business day
  long ordinal = before + n + (n > 0 ? open : 1);
  // Usually within the year: a rank, a select and a table look-up.
  if (ordinal >= 1 && ordinal <= block->total) [[likely]]
    return block->date_at(ordinal);
  while (ordinal > block->total) {
    ordinal -= block->total;
    if (++b == kYearCount) beyond_years(*state_, date, n);
    block = &state_->day_block(b);
  }
  while (ordinal < 1) {
    if (--b < 0) beyond_years(*state_, date, n);
    block = &state_->day_block(b);
    ordinal += block->total;
  }
  return block->date_at(ordinal);
}

std::size_t Calendar::compiled_bytes() const {
  return state_->built_bytes();
}

std::vector<Holiday> Calendar::holidays(int year) const {
  if (!state_->composition)
    return detail::holidays_in_years(state_->definition.holidays, year, year);
  std::vector<Holiday> out;
  for (const auto& part : state_->composition->parts) {
    for (auto& h : part.holidays(year)) {
      if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(std::move(h));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Holiday& a, const Holiday& b) {
    return local_days{a.date} < local_days{b.date};
  });
  return out;
}

}  // namespace slakit
