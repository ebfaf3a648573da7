#include "report_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <string_view>

namespace slakit::cli {

constexpr char kKeySeparator = '\x1f';  // no field value holds it in practice
constexpr std::string_view kOther = "(other)";
static_assert(static_cast<std::size_t>(Metric::target) < 8, "metric_numbers_ holds every metric");

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
  h = (h ^ word) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 32);
}

}  // namespace

std::uint32_t ReportTable::Values::find(std::string_view text) {
  // A ticket's cycles come policy by policy: the last value, often again.
  if (last_ != kNone && index_.text(static_cast<std::int32_t>(last_)) == text) return last_;
  const auto n = index_.find(text);
  if (n == detail::TextIndex::npos) return kNone;
  return last_ = static_cast<std::uint32_t>(n);
}

std::uint32_t ReportTable::Values::number(std::string_view text) {
  return last_ = static_cast<std::uint32_t>(index_.insert(text));
}

ReportTable::ReportTable(const std::vector<GroupField>& fields)
    : fields_(&fields),
      values_(fields.size()),
      scratch_(fields.size()),
      views_(fields.size()),
      numbers_(fields.size()),
      slots_(64, 0) {
  for (std::size_t f = 0; f < fields.size(); ++f) {
    (fields[f].per_cycle ? cycle_fields_ : ticket_fields_).push_back(f);
    if (fields[f].name == "target") target_field_ = f;
    if (fields[f].name == "policy") policy_field_ = f;
  }
  metric_numbers_.fill(kNone);
}

void ReportTable::read_values(const std::vector<std::size_t>& fields, const Ticket& ticket,
                              std::span<const TicketEvent> events, const Routing& routing,
                              const Evaluation& evaluation, const TargetCycle* cycle) {
  for (const auto f : fields) {
    if (f == target_field_ && cycle != nullptr) {
      const auto m = static_cast<std::size_t>(cycle->metric);
      views_[f] = metric_name(cycle->metric);
      if (metric_numbers_[m] == kNone) metric_numbers_[m] = values_[f].find(views_[f]);
      numbers_[f] = metric_numbers_[m];
      continue;
    }
    views_[f] = f == policy_field_ && cycle != nullptr
                    ? std::string_view{cycle->policy}
                    : (*fields_)[f].value(ticket, events, routing, evaluation, cycle, scratch_[f]);
    numbers_[f] = values_[f].find(views_[f]);
  }
}

void ReportTable::add(const Ticket& ticket, const Routing& routing, const Evaluation& e,
                      std::span<const TicketEvent> events) {
  const TicketFigures figures{e.metrics};
  read_values(ticket_fields_, ticket, events, routing, e, nullptr);
  ticket_rows_.clear();
  auto count = [&](const TargetCycle* c) {
    read_values(cycle_fields_, ticket, events, routing, e, c);
    auto& r = row_of_values();
    if (c != nullptr) r.add_cycle(*c), total.add_cycle(*c);
    if (std::find(ticket_rows_.begin(), ticket_rows_.end(), &r) == ticket_rows_.end()) {
      ticket_rows_.push_back(&r);
      r.prefetch(figures);
    }
  };
  for (const auto& c : e.targets) count(&c);
  for (const auto& c : e.olas) count(&c);
  if (e.targets.empty() && e.olas.empty()) count(nullptr);
  // The ticket's times are counted once all its rows are found, their
  // count bytes asked for: the rows' sketches lie all over memory, and
  // counting in each as it was found waited for one line at a time.
  for (auto* r : ticket_rows_) r->add_ticket(figures);
  total.add_ticket(figures);
}

ReportRow& ReportTable::row_of_values() {
  bool seen = true;
  for (const auto n : numbers_) seen = seen && n != kNone;
  auto r = seen ? find_row(numbers_.data()) : kNone;
  // At most kMaxReportRows named groups, whenever the (other) row was made.
  const auto named = rows_.size() - (other_ != kNone ? 1 : 0);
  if (r == kNone && named < kMaxReportRows) {
    for (std::size_t f = 0; f < views_.size(); ++f) numbers_[f] = values_[f].number(views_[f]);
    r = make_row(numbers_.data());
  }
  if (r != kNone) return rows_[r].row;
  return other_row();
}

ReportRow& ReportTable::other_row() {
  overflowed = true;
  if (other_ == kNone) {
    // Every part of the key "(other)", so that the row sorts like the
    // others; but found by no key (review 22 F7): a group whose values are
    // the text "(other)" is a group of its own. Its numbers are none, so
    // that row r's numbers stay at r * fields.
    other_ = static_cast<std::uint32_t>(rows_.size());
    auto& made = rows_.emplace_back();
    made.other = true;
    for (std::size_t f = 0; f < views_.size(); ++f) {
      if (f != 0) made.key += kKeySeparator;
      made.key += kOther;
    }
    row_numbers_.insert(row_numbers_.end(), views_.size(), kNone);
  }
  return rows_[other_].row;
}

std::uint64_t ReportTable::hash(const std::uint32_t* numbers) const {
  std::uint64_t h = 0;
  for (std::size_t f = 0; f < views_.size(); ++f) h = mix(h, numbers[f]);
  return h;
}

std::uint32_t ReportTable::find_row(const std::uint32_t* numbers) const {
  const auto width = views_.size();
  const auto mask = slots_.size() - 1;
  for (auto i = hash(numbers) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == 0) return kNone;
    const auto r = slots_[i] - 1;
    const auto* theirs = row_numbers_.data() + r * width;
    bool same = true;
    for (std::size_t f = 0; f < width; ++f) same = same && numbers[f] == theirs[f];
    if (same) return r;
  }
}

std::uint32_t ReportTable::make_row(const std::uint32_t* numbers) {
  const auto r = static_cast<std::uint32_t>(rows_.size());
  auto& made = rows_.emplace_back();
  for (std::size_t f = 0; f < views_.size(); ++f) {
    if (f != 0) made.key += kKeySeparator;
    made.key += values_[f].text(numbers[f]);
  }
  row_numbers_.insert(row_numbers_.end(), numbers, numbers + views_.size());
  // At most half the slots taken, so that a probe ends soon.
  if (2 * rows_.size() > slots_.size()) {
    slots_.assign(2 * slots_.size(), 0);
    for (std::uint32_t old = 0; old < r; ++old) {
      if (old != other_) index_row(old);
    }
  }
  index_row(r);
  return r;
}

void ReportTable::index_row(std::uint32_t row) {
  const auto width = views_.size();
  const auto mask = slots_.size() - 1;
  auto i = hash(row_numbers_.data() + row * width) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = row + 1;
}

void ReportTable::merge(const ReportTable& other) {
  for (const auto* r : other.sorted_rows()) {
    // The other table's "(other)" row joins this one's: it takes no place
    // among the named groups.
    if (other.other_ != kNone && r == &other.rows_[other.other_]) {
      other_row().merge(r->row);
      continue;
    }
    const auto parts = split_key(r->key);
    for (std::size_t f = 0; f < views_.size(); ++f) {
      views_[f] = parts[f];
      numbers_[f] = values_[f].find(views_[f]);
    }
    row_of_values().merge(r->row);
  }
  total.merge(other.total);
  overflowed = overflowed || other.overflowed;
}

namespace {

// A key part that is a whole number as a report writes numbers ("-5",
// "1e-07", "100"), else nullopt.
std::optional<double> number_of(std::string_view part) {
  double x = 0;
  const auto* end = part.data() + part.size();
  const auto [ptr, ec] = std::from_chars(part.data(), end, x);
  if (ec != std::errc{} || ptr != end || part.empty() || !std::isfinite(x)) return std::nullopt;
  return x;
}

// docs/report.md: "rows sorted by key, part by part: two numbers by value,
// anything else by its text".
bool key_before(std::string_view a, std::string_view b) {
  for (;;) {
    const auto ea = a.find(kKeySeparator), eb = b.find(kKeySeparator);
    const auto pa = a.substr(0, ea), pb = b.substr(0, eb);
    if (pa != pb) {
      const auto na = number_of(pa), nb = number_of(pb);
      if (na && nb && *na != *nb) return *na < *nb;
      return pa < pb;
    }
    if (ea == std::string_view::npos || eb == std::string_view::npos)
      return eb != ea && ea == std::string_view::npos;
    a.remove_prefix(ea + 1);
    b.remove_prefix(eb + 1);
  }
}

}  // namespace

std::vector<const KeyedRow*> ReportTable::sorted_rows() const {
  std::vector<const KeyedRow*> out;
  for (const auto& r : rows_) out.push_back(&r);
  // The (other) row after a group whose values read "(other)" too.
  std::sort(out.begin(), out.end(), [](const KeyedRow* a, const KeyedRow* b) {
    // Two keys are in order unless they are the same text (two parts that
    // differ differ in value or in text).
    if (a->key == b->key) return !a->other && b->other;
    return key_before(a->key, b->key);
  });
  return out;
}

std::vector<std::string> split_key(std::string_view key) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const auto at = key.find(kKeySeparator, from);
    out.emplace_back(key.substr(from, at - from));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

}  // namespace slakit::cli
