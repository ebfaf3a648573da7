#include "report_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <optional>

#include "csv.hpp"
#include "support/json_writer.hpp"
#include "support/utf8.hpp"

namespace slakit::cli {
namespace {

std::optional<double> percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

// docs/report.md, "Metrics": met % counts cycles that ended, met or
// breached; the reopen rate is over tickets ever solved, first-contact
// resolution over tickets solved at `now`.
std::optional<double> met_percent(const ReportRow& r) {
  return percent(r.met, r.met + r.breached);
}
std::optional<double> reopen_percent(const ReportRow& r) {
  return percent(r.reopened, r.ever_solved);
}
std::optional<double> fcr_percent(const ReportRow& r) {
  return percent(r.one_touch, r.solved);
}

enum class Unit { count, percent, seconds };

// One column of the text table and of the CSV.
struct Column {
  std::string_view name;   // CSV header
  std::string_view title;  // text header
  Unit unit;
  std::function<std::optional<double>(const ReportRow&)> value;
};

std::function<std::optional<double>(const ReportRow&)> p(const TimeSketches ReportRow::*metric,
                                                         const QuantileSketch TimeSketches::*clock,
                                                         double q) {
  return [=](const ReportRow& r) -> std::optional<double> {
    const auto v = ((r.*metric).*clock).percentile(q);
    return v ? std::optional<double>{static_cast<double>(*v)} : std::nullopt;
  };
}

std::optional<double> n(std::uint64_t v) {
  return static_cast<double>(v);
}

const std::vector<Column>& columns() {
  using R = const ReportRow&;
  using S = TimeSketches;
  static const std::vector<Column> all{
      {"tickets", "tickets", Unit::count, [](R r) { return n(r.tickets); }},
      {"met", "met", Unit::count, [](R r) { return n(r.met); }},
      {"breached", "breached", Unit::count, [](R r) { return n(r.breached); }},
      {"running", "running", Unit::count, [](R r) { return n(r.running); }},
      {"paused", "paused", Unit::count, [](R r) { return n(r.paused); }},
      {"cancelled", "cancelled", Unit::count, [](R r) { return n(r.cancelled); }},
      {"met_percent", "met%", Unit::percent, met_percent},
      {"first_response_business_p50", "frt p50", Unit::seconds,
       p(&ReportRow::first_response, &S::business, 50)},
      {"first_response_business_p90", "frt p90", Unit::seconds,
       p(&ReportRow::first_response, &S::business, 90)},
      {"first_response_calendar_p50", "frt cal p50", Unit::seconds,
       p(&ReportRow::first_response, &S::calendar, 50)},
      {"first_response_calendar_p90", "frt cal p90", Unit::seconds,
       p(&ReportRow::first_response, &S::calendar, 90)},
      {"resolution_business_p50", "res p50", Unit::seconds,
       p(&ReportRow::resolution, &S::business, 50)},
      {"resolution_business_p90", "res p90", Unit::seconds,
       p(&ReportRow::resolution, &S::business, 90)},
      {"resolution_calendar_p50", "res cal p50", Unit::seconds,
       p(&ReportRow::resolution, &S::calendar, 50)},
      {"resolution_calendar_p90", "res cal p90", Unit::seconds,
       p(&ReportRow::resolution, &S::calendar, 90)},
      {"reopen_percent", "reopen%", Unit::percent, reopen_percent},
      {"fcr_percent", "fcr%", Unit::percent, fcr_percent},
  };
  return all;
}

// "45s", "12m30s", "3h05m", "2d04h": two units at most, for a table.
std::string duration_text(std::int64_t s) {
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  if (s < 86400) return fmt::format("{}h{:02}m", s / 3600, s % 3600 / 60);
  return fmt::format("{}d{:02}h", s / 86400, s % 86400 / 3600);
}

std::string cell_text(const Column& c, const ReportRow& r) {
  const auto v = c.value(r);
  if (!v) return "-";
  switch (c.unit) {
    case Unit::count:
      return fmt::format("{}", static_cast<std::uint64_t>(*v));
    case Unit::percent:
      return fmt::format("{:.1f}", *v);
    case Unit::seconds:
      return duration_text(static_cast<std::int64_t>(*v));
  }
  return "-";
}

std::string cell_csv(const Column& c, const ReportRow& r) {
  const auto v = c.value(r);
  if (!v) return {};
  if (c.unit == Unit::percent) return fmt::format("{:.4f}", *v);
  return fmt::format("{}", static_cast<std::int64_t>(*v));
}

void json_time(detail::JsonWriter& w, std::string_view name, const TimeSketches& t) {
  w.key(name);
  w.begin_object();
  w.key("count"), w.value(static_cast<std::int64_t>(t.business.count()));
  for (const auto* clock : {&t.business, &t.calendar}) {
    w.key(clock == &t.business ? "business" : "calendar");
    w.begin_object();
    for (const double q : {50.0, 90.0}) {
      w.key(q == 50 ? "p50" : "p90");
      if (const auto v = clock->percentile(q)) {
        w.value(*v);
      } else {
        w.null();
      }
    }
    w.end_object();
  }
  w.end_object();
}

void json_percent(detail::JsonWriter& w, std::string_view name, std::optional<double> v) {
  w.key(name);
  if (v) {
    w.value(*v);
  } else {
    w.null();
  }
}

void json_row(detail::JsonWriter& w, const ReportRow& r) {
  auto count = [&](std::string_view name, std::uint64_t v) {
    w.key(name), w.value(static_cast<std::int64_t>(v));
  };
  count("tickets", r.tickets);
  w.key("cycles");
  w.begin_object();
  count("met", r.met), count("breached", r.breached), count("running", r.running);
  count("paused", r.paused), count("cancelled", r.cancelled);
  w.end_object();
  json_percent(w, "met_percent", met_percent(r));
  json_time(w, "first_response", r.first_response);
  json_time(w, "resolution", r.resolution);
  count("solved", r.solved), count("ever_solved", r.ever_solved), count("reopened", r.reopened);
  count("first_contact_resolutions", r.one_touch);
  json_percent(w, "reopen_percent", reopen_percent(r));
  json_percent(w, "fcr_percent", fcr_percent(r));
}

// A group's value in its field's JSON type (docs/report.md, "Output"): a
// number as the report printed it (shortest, as the JSON writer writes
// numbers), a bool as true or false, null for none; once a row, never a
// ticket. A value that does not read as its type (none does) stays a string.
void json_group_value(detail::JsonWriter& w, GroupJson type, std::string_view value) {
  if (value.empty()) return w.null();
  if (type == GroupJson::boolean && (value == "true" || value == "false")) {
    return w.value(value == "true");
  }
  if (type == GroupJson::number) {
    double x = 0;
    const auto* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, x);
    // As JSON writes numbers: no "inf", no "+1", no ".5" (the report writes
    // none of them).
    const bool json_number = value.front() == '-' || (value.front() >= '0' && value.front() <= '9');
    if (ec == std::errc{} && ptr == end && std::isfinite(x) && json_number) {
      return w.json_value(value);
    }
  }
  w.value(value);
}

// The labels of the rows that are no group: the total, and the groups past
// the limit.
constexpr std::string_view kTotal = "(total)";
constexpr std::string_view kOther = "(other)";

// A group's value as the table and CSV print it (docs/report.md, "Output"):
// a value that reads as a label, after any backslashes, gets one more
// backslash in front ("(total)" prints "\(total)", "\(total)" prints
// "\\(total)"), so that no group reads as the total or the (other) row and
// every value still prints apart from every other.
std::string group_text(std::string_view value) {
  const auto label = value.substr(std::min(value.find_first_not_of('\\'), value.size()));
  std::string out;
  if (label == kTotal || label == kOther) out.push_back('\\');
  out.append(value);
  return out;
}

// A row's key parts as the table and CSV print them: the (other) row's as
// they are, a group's values through group_text.
std::vector<std::string> printed_key(const KeyedRow& r) {
  auto key = split_key(r.key);
  if (!r.other) {
    for (auto& part : key) part = group_text(part);
  }
  return key;
}

// The total's row: "(total)" in the first group column.
std::vector<std::string> total_key(const std::vector<std::string>& by) {
  std::vector<std::string> key(by.size(), "");
  if (!key.empty()) key[0] = kTotal;
  return key;
}

}  // namespace

std::string report_text(const ReportTable& t, const std::vector<std::string>& by) {
  // Cells first, then widths: every column as wide as its widest cell.
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header = by;
  for (const auto& c : columns()) header.emplace_back(c.title);
  cells.push_back(header);
  auto add = [&](std::vector<std::string> key, const ReportRow& r) {
    for (const auto& c : columns()) key.push_back(cell_text(c, r));
    cells.push_back(std::move(key));
  };
  for (const auto* r : t.sorted_rows()) {
    // A group's text may hold a newline or a tab: escaped, the table stays
    // one line a row. No value reads "-".
    auto key = printed_key(*r);
    for (auto& part : key) part = part.empty() ? "-" : detail::one_line(part);
    add(std::move(key), r->row);
  }
  add(total_key(by), t.total);
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& row : cells) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  std::string out;
  for (const auto& row : cells) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      // Group names to the left, numbers to the right.
      line += i < by.size() ? fmt::format("{:<{}}  ", row[i], width[i])
                            : fmt::format("{:>{}}  ", row[i], width[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

std::string report_csv(const ReportTable& t, const std::vector<std::string>& by) {
  std::vector<std::string> header = by;
  for (const auto& c : columns()) header.emplace_back(c.name);
  std::string out = csv_line(header);
  auto add = [&](std::vector<std::string> fields, const ReportRow& r) {
    for (const auto& c : columns()) fields.push_back(cell_csv(c, r));
    out += csv_line(fields);
  };
  for (const auto* r : t.sorted_rows()) add(printed_key(*r), r->row);
  add(total_key(by), t.total);
  return out;
}

std::string report_json(const ReportTable& t, const std::vector<GroupField>& fields,
                        const std::string& now) {
  detail::JsonWriter w;
  w.begin_object();
  w.key("now"), w.value(now);
  w.key("by");
  w.begin_array();
  for (const auto& f : fields) w.value(f.name);
  w.end_array();
  w.key("rows");
  w.begin_array();
  const KeyedRow* other = nullptr;
  for (const auto* r : t.sorted_rows()) {
    // The groups past the limit are no group: "other", beside "total".
    if (r->other) {
      other = r;
      continue;
    }
    w.prefix("\n  ");
    w.begin_object();
    w.key("group");
    w.begin_object();
    const auto values = split_key(r->key);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      w.key(fields[i].name);
      json_group_value(w, fields[i].json, values[i]);
    }
    w.end_object();
    json_row(w, r->row);
    w.end_object();
  }
  w.end_array();
  if (other != nullptr) {
    w.key("other");
    w.begin_object();
    json_row(w, other->row);
    w.end_object();
  }
  w.key("total");
  w.begin_object();
  json_row(w, t.total);
  w.end_object();
  w.end_object();
  w.raw("\n");
  return w.take();
}

}  // namespace slakit::cli
