#include <fmt/format.h>

#include <algorithm>

#include "expr_text.hpp"
#include "slakit/lang/format.hpp"
#include "slakit/lang/parse.hpp"
#include "slakit/model/fields.hpp"
#include "slakit/time/civil.hpp"
#include "test_text.hpp"

namespace slakit {
namespace {

using namespace std::chrono;

std::string month_day_text(month_day md) {
  return fmt::format("{} {}", month_name(md.month()), static_cast<unsigned>(md.day()));
}

std::string ranges_text(const std::vector<TimeRange>& ranges) {
  std::string out;
  for (const auto& r : ranges) {
    out += (out.empty() ? "" : ", ") + r.open.to_string() + "-" + r.close.to_string();
  }
  return out;
}

std::string names_text(const std::vector<Name>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n.text;
  return out;
}

// " + 1", " - 2", or nothing for no offset.
std::string day_offset_text(int days) {
  if (days > 0) return fmt::format(" + {}", days);
  if (days < 0) return fmt::format(" - {}", -days);
  return {};
}

std::string holiday_date_text(const HolidayDate& date) {
  struct Visitor {
    std::string operator()(const FixedDate& d) const { return month_day_text(d.date); }
    std::string operator()(const NthWeekday& d) const {
      static constexpr const char* kOrdinals[] = {"", "1st", "2nd", "3rd", "4th", "5th"};
      return fmt::format("{} {} of {}{}", d.n == -1 ? "last" : kOrdinals[d.n],
                         weekday_name(d.weekday), month_name(d.month), day_offset_text(d.days));
    }
    std::string operator()(const EasterOffset& d) const {
      return fmt::format("{}{}", d.kind == EasterKind::orthodox ? "orthodox easter" : "easter",
                         day_offset_text(d.days));
    }
    std::string operator()(const OneOffDate& d) const { return format_date(d.date); }
    std::string operator()(const AnnualRange& d) const {
      return month_day_text(d.first) + " .. " + month_day_text(d.last);
    }
    std::string operator()(const DateRange& d) const {
      return format_date(d.first) + " .. " + format_date(d.last);
    }
  };
  return std::visit(Visitor{}, date);
}

std::string holiday_text(const HolidayLine& h) {
  const auto& r = h.rule;
  std::string out = h.closed_form ? "closed " + holiday_date_text(r.date)
                                  : fmt::format("holiday {} {}", detail::quoted_text(r.name),
                                                holiday_date_text(r.date));
  // A closure with both ends on a `closed` line is a dated break: "12:00-13:00".
  const bool dated_break = h.closed_form && r.closed_from && r.closed_until;
  if (dated_break) out += " " + r.closed_from->to_string() + "-" + r.closed_until->to_string();
  switch (r.observance) {
    case Observance::none:
      break;
    case Observance::nearest_weekday:
      out += " observed";
      break;
    case Observance::sunday_to_monday:
      out += " observed sunday";
      break;
    case Observance::next_free_weekday:
      out += " observed substitute";
      break;
  }
  if (r.closed_from && !dated_break) out += " from " + r.closed_from->to_string();
  if (r.closed_until && !dated_break) out += " until " + r.closed_until->to_string();
  if (!r.skip_years.empty()) {
    std::string years;
    for (int y : r.skip_years) years += (years.empty() ? "" : ", ") + std::to_string(y);
    out += " except " + years;
  }
  if (r.first_year) out += fmt::format(" since {}", *r.first_year);
  if (r.last_year) out += fmt::format(" through {}", *r.last_year);
  return out;
}

// fmt rather than operator+: GCC 12 warns wrongly about the latter (PR 105329).
std::string zone_text(const ZoneLine& z) {
  return z.field ? fmt::format("zone from {} else {}", z.field->text, detail::quoted_text(z.zone))
                 : fmt::format("zone {}", detail::quoted_text(z.zone));
}

std::string days_text(const std::vector<DayRange>& days) {
  std::string out;
  for (const auto& d : days) {
    out += (out.empty() ? "" : ", ") + std::string{weekday_name(d.first)};
    if (d.last != d.first) out += ".." + std::string{weekday_name(d.last)};
  }
  return out;
}

std::string target_text(const TargetLine& t) {
  std::string out{metric_name(t.metric)};
  if (t.before) {
    out += " before " + t.before->field;
    if (t.before->margin != BusinessDuration{}) {
      out += " - " + detail::duration_text(t.before->margin);
    }
    return out;
  }
  std::string cases;
  for (const auto& c : t.cases) {
    cases += cases.empty() ? " " : ", ";
    cases += c.when ? detail::duration_text(c.value) + " when " + detail::expr_text(*c.when)
                    : (t.cases.size() > 1 ? "otherwise " : "") + detail::duration_text(c.value);
  }
  out += cases;
  if (t.reopen == Reopen::continue_counting) out += " on reopen continue";
  if (t.reopen == Reopen::restart) out += " on reopen restart";
  return out;
}

std::string events_text(const std::vector<EventRef>& events) {
  std::string out;
  for (const auto& e : events) {
    out += (out.empty() ? "" : ", ") + e.event.text;
    if (e.team) out += " to team " + e.team->text;
  }
  return out;
}

// Writes declarations and puts the comments back between them.
class Printer {
 public:
  Printer(const SourceMap& sources, const RuleFile& file) : sources_(sources), file_(file) {}

  std::string run() {
    const Declaration* previous = nullptr;
    for (const auto& d : file_.declarations) {
      const auto span = std::visit([](const auto& x) { return x.span; }, d);
      if (previous != nullptr && !(previous->index() == d.index() && single_line(d))) out_ += "\n";
      comments_before(span.begin, "");
      std::visit([&](const auto& x) { print(x); }, d);
      previous = &d;
    }
    comments_before(UINT32_MAX, "");
    return out_;
  }

 private:
  static bool single_line(const Declaration& d) {
    return std::holds_alternative<RouteDecl>(d) || std::holds_alternative<FieldDecl>(d) ||
           std::holds_alternative<IncludeDecl>(d);
  }

  std::uint32_t line_of(std::uint32_t offset) const {
    return sources_.position(file_.file, offset).line;
  }

  // Comments before `offset`, each on its own line.
  void comments_before(std::uint32_t offset, std::string_view indent) {
    while (next_comment_ < file_.comments.size() &&
           file_.comments[next_comment_].span.begin < offset) {
      const auto& c = file_.comments[next_comment_++];
      // fmt rather than operator+: GCC 12 warns wrongly about the latter here (PR 105329).
      out_ += fmt::format("{}#{}\n", indent, trimmed(c.text));
    }
  }

  static std::string trimmed(const std::string& s) {
    auto end = s.find_last_not_of(" \t\r");
    return end == std::string::npos ? std::string{} : s.substr(0, end + 1);
  }

  // Writes one element on its own line; a comment later on its last source
  // line stays behind it, unless `trailing` is false (the first output line
  // of a two-line route).
  void line(std::string_view indent, const std::string& text, SourceSpan span,
            bool trailing = true) {
    // Comments inside the element (a condition over several lines) go before
    // it, where the next formatting finds them again.
    comments_before(span.end, indent);
    out_ += std::string{indent} + text + "\n";
    last_end_line_ = line_of(span.end == 0 ? 0 : span.end - 1);
    if (trailing) trailing_comments();
  }

  void trailing_comments() {
    while (next_comment_ < file_.comments.size() &&
           line_of(file_.comments[next_comment_].span.begin) == last_end_line_) {
      out_.pop_back();  // the '\n' of the element's line
      out_ += fmt::format("  #{}\n", trimmed(file_.comments[next_comment_++].text));
    }
  }

  void print(const IncludeDecl& d) { line("", "include " + detail::quoted_text(d.path), d.span); }

  void print(const FieldDecl& d) {
    std::string text = "field " + d.path.text + " : " + std::string{field_type_name(d.type)};
    if (d.type == FieldType::one_of) text += " " + names_text(d.members);
    line("", text, d.span);
  }

  void print(const CalendarDecl& d) {
    if (!d.parts.empty()) {
      static constexpr const char* kOperators[] = {" | ", " & ", " - "};
      std::string text = "calendar " + d.name.text + " = ";
      for (std::size_t i = 0; i < d.parts.size(); ++i) {
        text += (i == 0 ? "" : kOperators[static_cast<int>(d.op)]) + d.parts[i].text;
      }
      for (const auto& l : d.lines) {
        if (const auto* z = std::get_if<ZoneLine>(&l)) text += fmt::format(" {}", zone_text(*z));
      }
      line("", text, d.span);
      return;
    }
    open_block("calendar " + d.name.text, d.span);
    for (const auto& l : d.lines) {
      std::visit(
          [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ZoneLine>) {
              line("  ", zone_text(x), x.span);
            } else if constexpr (std::is_same_v<T, WeeklyLine>) {
              line("  ", days_text(x.days) + " " + ranges_text(x.hours), x.span);
            } else if constexpr (std::is_same_v<T, HolidayLine>) {
              line("  ", holiday_text(x), x.span);
            } else {
              line("  ",
                   "open " + format_date(x.day.date) + " " + ranges_text(x.day.hours) +
                       (x.day.extra ? " extra" : ""),
                   x.span);
            }
          },
          l);
    }
    close_block(d.span);
  }

  void print(const PolicyDecl& d) {
    std::string head = (d.kind == PolicyDecl::Kind::sla ? "sla " : "ola ") + d.name.text;
    if (d.applies) head += " for " + detail::expr_text(*d.applies);
    open_block(head, d.span);
    // The lines in the order they were written.
    std::vector<std::pair<SourceSpan, std::string>> lines;
    if (d.calendar_field && d.calendar) {
      lines.emplace_back(
          d.calendar_field->span,
          fmt::format("calendar from {} else {}", d.calendar_field->text, d.calendar->text));
    } else if (d.calendar) {
      lines.emplace_back(d.calendar->span, "calendar " + d.calendar->text);
    }
    for (const auto& t : d.targets) lines.emplace_back(t.span, target_text(t));
    if (d.pause_while) {
      lines.emplace_back(d.pause_while->span, "pause while " + detail::expr_text(*d.pause_while));
    }
    if (!d.start_on.empty()) {
      lines.emplace_back(d.start_on.front().span, "start on " + events_text(d.start_on));
    }
    if (!d.stop_on.empty()) {
      lines.emplace_back(d.stop_on.front().span, "stop on " + events_text(d.stop_on));
    }
    for (const auto& t : d.thresholds) {
      lines.emplace_back(t.span, t.escalate ? fmt::format("escalate at {}% to {} {}", t.percent,
                                                          t.target_kind, t.target.text)
                                            : fmt::format("warn at {}%", t.percent));
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
    for (const auto& [span, text] : lines) line("  ", text, span);
    close_block(d.span);
  }

  void print(const RouteDecl& d) { print_route(d, ""); }

  // One route: its head on one line and its actions on the next when it has
  // a condition (both indented inside a group), else one line.
  void print_route(const RouteDecl& d, const std::string& indent) {
    std::vector<std::string> actions;
    if (d.queue) actions.push_back("queue " + d.queue->text);
    if (d.priority) actions.push_back("priority " + d.priority->text);
    if (d.team) actions.push_back("team " + d.team->text);
    if (!d.skills.empty()) actions.push_back("skills [" + names_text(d.skills) + "]");
    for (const auto& r : d.relaxed_skills) {
      actions.push_back("skills [" + names_text(r.skills) + "] for " +
                        detail::duration_text(r.after));
    }
    if (!d.tags.empty()) actions.push_back("tags [" + names_text(d.tags) + "]");
    if (d.sla) actions.push_back("sla " + d.sla->text);
    std::string list;
    for (const auto& a : actions) list += (list.empty() ? "" : ", ") + a;
    auto head = "route " + d.name.text;
    if (d.score) head += fmt::format(" score {}", *d.score);
    if (d.when) {
      line(indent, head + " when " + detail::expr_text(*d.when),
           {d.span.file, d.span.begin, d.when->span.end}, false);
      line(indent + "  ", "-> " + list, {d.span.file, d.when->span.end, d.span.end});
    } else {
      line(indent, head + " -> " + list, d.span);
    }
  }

  void print(const RouteGroupDecl& d) {
    open_block(fmt::format("routes {} {}", d.name.text, hit_policy_name(d.policy)), d.span);
    for (const auto& r : d.routes) {
      comments_before(r.span.begin, "  ");
      print_route(r, "  ");
    }
    close_block(d.span);
  }

  void print(const TestDecl& d) {
    open_block("test " + detail::quoted_text(d.name.text), d.span);
    for (const auto& l : d.lines) {
      line("  ", detail::test_line_text(l), std::visit([](const auto& x) { return x.span; }, l));
    }
    close_block(d.span);
  }

  void open_block(const std::string& head, SourceSpan span) {
    comments_before(span.begin, "");
    out_ += head + " {\n";
    last_end_line_ = line_of(span.begin);
    trailing_comments();
  }

  void close_block(SourceSpan span) {
    comments_before(span.end - 1, "  ");
    out_ += "}\n";
    last_end_line_ = line_of(span.end - 1);
    trailing_comments();
  }

  const SourceMap& sources_;
  const RuleFile& file_;
  std::string out_;
  std::size_t next_comment_ = 0;
  std::uint32_t last_end_line_ = 0;
};

}  // namespace

namespace {

// docs/language.md, "Formatting": a file whose first line ends in CRLF (a
// Windows checkout) is formatted with CRLF line ends throughout, and a
// byte-order mark stays, so that `fmt --check` passes on such a file once
// it is formatted.
struct FileConventions {
  bool crlf = false, byte_order_mark = false;

  explicit FileConventions(std::string_view text)
      : byte_order_mark(text.starts_with(kByteOrderMark)) {
    const auto first_break = text.find('\n');
    crlf =
        first_break != std::string_view::npos && first_break > 0 && text[first_break - 1] == '\r';
  }

  [[nodiscard]] std::string apply(std::string_view lf_text) const {
    std::string out{byte_order_mark ? kByteOrderMark : ""};
    if (!crlf) return out.append(lf_text);
    out.reserve(out.size() + lf_text.size() + lf_text.size() / 16);
    for (const char c : lf_text) {
      if (c == '\n') out += '\r';
      out += c;
    }
    return out;
  }
};

}  // namespace

FormatResult format_rules(std::string path, std::string text) {
  FormatResult result;
  const FileConventions conventions{text};
  const auto id = result.sources.add(std::move(path), std::move(text));
  const auto file = parse_rules(result.sources, id, result.diagnostics);
  if (!result.ok()) {
    // Left as it is, byte-order mark included.
    result.text = std::string{conventions.byte_order_mark ? kByteOrderMark : ""} +
                  result.sources.file(id).text;
    return result;
  }
  result.text = conventions.apply(Printer{result.sources, file}.run());
  return result;
}

}  // namespace slakit
