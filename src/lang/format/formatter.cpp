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
    case Observance::sunday_to_next_free:
      out += " observed sunday substitute";
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

// "resolution before order.due - 1 business day".
std::string due_before_text(const TargetLine& t) {
  std::string out = fmt::format("{} before {}", metric_name(t.metric), t.before->field);
  if (t.before->margin != BusinessDuration{}) {
    out += " - " + detail::duration_text(t.before->margin);
  }
  return out;
}

std::string reopen_text(Reopen reopen) {
  if (reopen == Reopen::continue_counting) return " on reopen continue";
  if (reopen == Reopen::restart) return " on reopen restart";
  return {};
}

std::string events_text(const std::vector<EventRef>& events) {
  std::string out;
  for (const auto& e : events) {
    out += (out.empty() ? "" : ", ") + e.event.text;
    if (e.team) out += " to team " + e.team->text;
  }
  return out;
}

/// docs/cli.md, "slakit fmt": lines are at most this many code points
/// wide where they can wrap.
constexpr std::size_t kWidth = 100;

std::size_t display_width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// One item of a list the formatter may lay out one per line: a target's
/// case, a route's action.
struct Item {
  std::string text;
  SourceSpan span;
};

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

  // Comments before `offset`, each on its own line. Outside any block, a
  // blank line after one in the source stays (a file's header comment).
  void comments_before(std::uint32_t offset, std::string_view indent) {
    while (next_comment_ < file_.comments.size() &&
           file_.comments[next_comment_].span.begin < offset) {
      const auto& c = file_.comments[next_comment_++];
      // fmt rather than operator+: GCC 12 warns wrongly about the latter here (PR 105329).
      out_ += fmt::format("{}#{}\n", indent, trimmed(c.text));
      if (indent.empty() && blank_line_after(c.span.end)) out_ += "\n";
    }
  }

  // A blank line follows the line that ends at `offset`, and text follows it.
  bool blank_line_after(std::uint32_t offset) const {
    const std::string_view text = sources_.file(file_.file).text;
    auto blanks_from = [&](std::size_t i) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' ||
                                 text[i] == '\f' || text[i] == '\v')) {
        ++i;
      }
      return i;
    };
    if (offset >= text.size() || text[offset] != '\n') return false;
    const auto next = blanks_from(offset + 1);
    if (next >= text.size() || text[next] != '\n') return false;
    return text.find_first_not_of(" \t\r\n\f\v", next) != std::string_view::npos;
  }

  static std::string trimmed(const std::string& s) {
    auto end = s.find_last_not_of(" \t\r");
    return end == std::string::npos ? std::string{} : s.substr(0, end + 1);
  }

  // Writes one element on its own line; a comment later on its last source
  // line, before `comments_until`, stays behind it.
  void line(std::string_view indent, const std::string& text, SourceSpan span,
            std::uint32_t comments_until = UINT32_MAX) {
    // Comments inside the element (a condition over several lines) go before
    // it, where the next formatting finds them again.
    comments_before(span.end, indent);
    out_ += std::string{indent} + text + "\n";
    last_end_line_ = line_of(span.end == 0 ? 0 : span.end - 1);
    trailing_comments(comments_until);
  }

  // `prefix` and a condition, wrapped before each `and` or `or` of its
  // outermost level when the line, `suffix_width` more included, would be
  // wider than kWidth (docs/cli.md, "slakit fmt").
  static std::string condition_line(std::string_view indent, const std::string& prefix,
                                    const Expr& e, std::size_t suffix_width = 0) {
    auto text = prefix + detail::expr_text(e);
    if (display_width(indent) + display_width(text) + suffix_width <= kWidth) return text;
    return prefix + detail::expr_text_wrapped(e, fmt::format("\n{}    ", indent), kWidth,
                                              display_width(indent) + display_width(prefix));
  }

  // `head`, its items joined by ", ", then `tail`, on one line; or one item
  // per line under the first when that line would be wider than kWidth or a
  // comment stands between two items, so that each keeps its comment.
  void item_lines(std::string_view indent, const std::string& head, const std::vector<Item>& items,
                  const std::string& tail, SourceSpan span) {
    std::string joined;
    for (const auto& i : items) joined += (joined.empty() ? "" : ", ") + i.text;
    const bool fits = display_width(indent) + display_width(head + joined + tail) <= kWidth;
    // A route's actions may come in another order than written.
    const bool in_order =
        std::is_sorted(items.begin(), items.end(),
                       [](const Item& a, const Item& b) { return a.span.begin < b.span.begin; });
    if (items.size() < 2 || (in_order && fits && !comment_between(items))) {
      line(indent, head + joined + tail, span);
      return;
    }
    // The items in the order written.
    std::vector<std::size_t> written(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) written[i] = i;
    std::stable_sort(written.begin(), written.end(), [&](std::size_t a, std::size_t b) {
      return items[a].span.begin < items[b].span.begin;
    });
    // Each item takes its comments with it (review 23, F1): own-line ones
    // before it and those inside it go before it, one behind its last line
    // behind it. Those before the list stay before it: before a route's
    // arrow, or else before the first item written; one after the arrow is
    // the first item's (review 24 F1).
    comments_before(list_begin(head, span.begin, items[written.front()].span.begin), indent);
    struct Comments {
      std::size_t before = 0, before_end = 0, behind = 0, behind_end = 0;  // index ranges
    };
    std::vector<Comments> comments(items.size());
    std::size_t c = next_comment_;
    bool between = false;  // a comment that keeps one item per line
    for (std::size_t k = 0; k < written.size(); ++k) {
      const auto& item = items[written[k]];
      const auto next_begin =
          k + 1 < written.size() ? items[written[k + 1]].span.begin : UINT32_MAX;
      auto& mine = comments[written[k]];
      mine.before = c;
      while (c < file_.comments.size() && file_.comments[c].span.begin < item.span.end) {
        // Inside the item, or before one printed after another.
        between = between || file_.comments[c].span.begin > item.span.begin || written[k] != 0;
        ++c;
      }
      mine.before_end = mine.behind = c;
      const auto last_line = line_of(item.span.end - 1);
      while (c < file_.comments.size() && file_.comments[c].span.begin < next_begin &&
             line_of(file_.comments[c].span.begin) == last_line) {
        ++c;
      }
      mine.behind_end = c;
    }
    // A comment behind a list written on one line stays at its end, when
    // no comment before an item puts the items on lines of their own: then
    // it stays behind its item (review 25).
    const bool comment_before_an_item =
        std::any_of(comments.begin(), comments.end(),
                    [](const Comments& m) { return m.before_end > m.before; });
    if (!comment_before_an_item &&
        line_of(items[written.front()].span.begin) == line_of(items[written.back()].span.end - 1)) {
      auto& last = comments.back();
      auto& last_written = comments[written.back()];
      std::swap(last.behind, last_written.behind);
      std::swap(last.behind_end, last_written.behind_end);
    }
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
      between = between || comments[i].behind_end > comments[i].behind;
    }
    const bool one_line = fits && !between;
    const auto under = std::string{indent} + std::string(display_width(head), ' ');
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& mine = comments[i];
      for (auto j = mine.before; j < mine.before_end; ++j) {
        out_ += fmt::format("{}#{}\n", i == 0 || one_line ? indent : std::string_view{under},
                            trimmed(file_.comments[j].text));
      }
      if (one_line) {
        if (i == 0) out_ += std::string{indent} + head + joined + tail;
      } else {
        out_ += (i == 0 ? std::string{indent} + head : under) + items[i].text +
                (i + 1 < items.size() ? "," : tail);
      }
      for (auto j = mine.behind; j < mine.behind_end; ++j) {
        out_ += fmt::format("  #{}", trimmed(file_.comments[j].text));
      }
      if (!one_line || i + 1 == items.size()) out_ += "\n";
    }
    next_comment_ = c;
    last_end_line_ = line_of(span.end - 1);
    trailing_comments();
  }

  // A comment after the first item's start and before the last item's end.
  bool comment_between(const std::vector<Item>& items) const {
    std::uint32_t first = UINT32_MAX, last = 0;
    for (const auto& i : items) {
      first = std::min(first, i.span.begin);
      last = std::max(last, i.span.end);
    }
    const auto it = std::lower_bound(
        file_.comments.begin(), file_.comments.end(), first,
        [](const Comment& c, std::uint32_t offset) { return c.span.begin < offset; });
    return it != file_.comments.end() && it->span.begin < last;
  }

  void trailing_comments(std::uint32_t until = UINT32_MAX) {
    while (next_comment_ < file_.comments.size() &&
           file_.comments[next_comment_].span.begin < until &&
           line_of(file_.comments[next_comment_].span.begin) == last_end_line_) {
      out_.pop_back();  // the '\n' of the element's line
      out_ += fmt::format("  #{}\n", trimmed(file_.comments[next_comment_++].text));
    }
  }

  void print(const IncludeDecl& d) { line("", "include " + detail::quoted_text(d.path), d.span); }

  void print(const FieldDecl& d) {
    std::string text = "field " + d.path.text + " : " + std::string{field_type_name(d.type)};
    if (d.type == FieldType::one_of) {
      // A list of hundreds of values goes on as many lines as it takes.
      std::vector<std::string> names;
      for (const auto& n : d.members) names.push_back(n.text);
      text += " " + detail::list_text_wrapped(names, "\n    ", kWidth, display_width(text) + 1);
    }
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
    open_block("calendar " + d.name.text, d.span, d.name.span.end);
    for (const auto& l : d.lines) {
      std::visit(
          [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ZoneLine>) {
              line("  ", zone_text(x), x.span);
            } else if constexpr (std::is_same_v<T, WeeklyLine>) {
              std::vector<Item> hours;
              for (std::size_t i = 0; i < x.hours.size() && x.hour_spans.size() == x.hours.size();
                   ++i) {
                hours.push_back({ranges_text({x.hours[i]}), x.hour_spans[i]});
              }
              if (hours.empty()) {
                line("  ", days_text(x.days) + " " + ranges_text(x.hours), x.span);
              } else {
                item_lines("  ", days_text(x.days) + " ", hours, "", x.span);
              }
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
    if (d.applies) head = condition_line("", head + " for ", *d.applies, 2);
    open_block(head, d.span, d.applies ? d.applies->span.end : d.name.span.end);
    // The lines in the order they were written; a target's cases are items.
    std::vector<std::pair<SourceSpan, std::string>> lines;
    if (d.calendar_field && d.calendar) {
      lines.emplace_back(
          d.calendar_field->span,
          fmt::format("calendar from {} else {}", d.calendar_field->text, d.calendar->text));
    } else if (d.calendar) {
      lines.emplace_back(d.calendar->span, "calendar " + d.calendar->text);
    }
    for (const auto& t : d.targets) lines.emplace_back(t.span, "");
    if (d.pause_while) {
      lines.emplace_back(d.pause_while->span, condition_line("  ", "pause while ", *d.pause_while));
    }
    if (!d.start_on.empty()) {
      lines.emplace_back(d.start_on.front().span, "start on " + events_text(d.start_on));
    }
    if (!d.stop_on.empty()) {
      lines.emplace_back(d.stop_on.front().span, "stop on " + events_text(d.stop_on));
    }
    for (const auto& t : d.thresholds) {
      lines.emplace_back(
          t.span, t.escalate ? fmt::format("escalate {} to {} {}", detail::threshold_when_text(t),
                                           t.target_kind, t.target.text)
                             : "warn " + detail::threshold_when_text(t));
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
    for (const auto& entry : lines) {
      // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
      const SourceSpan& span = entry.first;
      const std::string& text = entry.second;
      const auto target = std::find_if(d.targets.begin(), d.targets.end(),
                                       [&](const TargetLine& t) { return t.span == span; });
      if (target == d.targets.end()) {
        line("  ", text, span);
      } else {
        print_target(*target);
      }
    }
    close_block(d.span);
  }

  void print_target(const TargetLine& t) {
    if (t.before) {
      line("  ", due_before_text(t), t.span);
      return;
    }
    const auto head = fmt::format("{} ", metric_name(t.metric));
    // A case whose condition is too long wraps under its own start, one
    // case per line then (item_lines).
    const auto under = std::string(2 + display_width(head), ' ');
    std::vector<Item> cases;
    for (const auto& c : t.cases) {
      const auto value = detail::duration_text(c.value);
      cases.push_back({c.when ? condition_line(under, value + " when ", *c.when, 1)
                              : (t.cases.size() > 1 ? "otherwise " : "") + value,
                       c.span});
    }
    item_lines("  ", head, cases, reopen_text(t.reopen), t.span);
  }

  void print(const RouteDecl& d) { print_route(d, ""); }

  // One route: its head on one line and its actions on the next when it has
  // a condition (both indented inside a group), else one line.
  void print_route(const RouteDecl& d, const std::string& indent) {
    auto names_span = [](const std::vector<Name>& names) {
      return SourceSpan{names.front().span.file, names.front().span.begin, names.back().span.end};
    };
    std::vector<Item> actions;
    if (d.queue) actions.push_back({"queue " + d.queue->text, d.queue->span});
    if (d.priority) actions.push_back({"priority " + d.priority->text, d.priority->span});
    if (d.team) actions.push_back({"team " + d.team->text, d.team->span});
    if (!d.skills.empty()) {
      actions.push_back({"skills [" + names_text(d.skills) + "]", names_span(d.skills)});
    }
    for (const auto& r : d.relaxed_skills) {
      actions.push_back(
          {"skills [" + names_text(r.skills) + "] for " + detail::duration_text(r.after), r.span});
    }
    if (!d.tags.empty())
      actions.push_back({"tags [" + names_text(d.tags) + "]", names_span(d.tags)});
    if (d.sla) actions.push_back({"sla " + d.sla->text, d.sla->span});
    auto head = "route " + d.name.text;
    if (d.score) head += fmt::format(" score {}", *d.score);
    if (d.when) {
      // A comment behind the condition stays there, before the actions.
      std::uint32_t actions_begin = d.span.end;
      for (const auto& a : actions) actions_begin = std::min(actions_begin, a.span.begin);
      line(indent, condition_line(indent, head + " when ", *d.when),
           {d.span.file, d.span.begin, d.when->span.end}, actions_begin);
      item_lines(indent + "  ", "-> ", actions, "", {d.span.file, d.when->span.end, d.span.end});
    } else if (comment_before_an_action(actions, d.name.span.end, d.span.end)) {
      // The actions under the route, as after a condition: a comment that
      // goes on a line of its own before an action stays with it rather
      // than above the route (review 24 F1), and formatting again finds the
      // same layout (review 25: a comment behind the arrow did not).
      out_ += std::string{indent} + head + "\n";
      last_end_line_ = line_of(d.name.span.end - 1);
      item_lines(indent + "  ", "-> ", actions, "", {d.span.file, d.name.span.end, d.span.end});
    } else {
      item_lines(indent, head + " -> ", actions, "", d.span);
    }
  }

  // Where a list's items begin: after its arrow when `head` ends in one
  // (route actions), found in the source between `from` and the first item
  // written (`first`), past comments; else at that item.
  std::uint32_t list_begin(std::string_view head, std::uint32_t from, std::uint32_t first) const {
    if (!head.ends_with("-> ")) return first;
    const std::string_view text = sources_.file(file_.file).text;
    for (auto i = from; i + 1 < first; ++i) {
      if (text[i] == '#') {
        const auto end = text.find('\n', i);
        if (end == std::string_view::npos) break;
        i = static_cast<std::uint32_t>(end);
      } else if (text[i] == '-' && text[i + 1] == '>') {
        return i + 2;
      }
    }
    return first;
  }

  // A comment between `from` and `to` that is behind no action: one on a
  // line of its own, or behind the arrow, which fmt writes before an action.
  bool comment_before_an_action(const std::vector<Item>& actions, std::uint32_t from,
                                std::uint32_t to) const {
    for (auto c = next_comment_; c < file_.comments.size(); ++c) {
      const auto begin = file_.comments[c].span.begin;
      if (begin >= to) break;
      if (begin < from) continue;
      const auto line = line_of(begin);
      const bool behind_an_action = std::any_of(actions.begin(), actions.end(), [&](const Item& a) {
        return a.span.end <= begin && line_of(a.span.end - 1) == line;
      });
      if (!behind_an_action) return true;
    }
    return false;
  }

  void print(const RouteGroupDecl& d) {
    open_block(fmt::format("routes {} {}", d.name.text, hit_policy_name(d.policy)), d.span,
               d.name.span.end);
    for (const auto& r : d.routes) {
      comments_before(r.span.begin, "  ");
      print_route(r, "  ");
    }
    close_block(d.span);
  }

  void print(const TestDecl& d) {
    open_block("test " + detail::quoted_text(d.name.text), d.span, d.name.span.end);
    for (const auto& l : d.lines) {
      line("  ", detail::test_line_text(l), std::visit([](const auto& x) { return x.span; }, l));
    }
    close_block(d.span);
  }

  // A block's head, which ends at `head_end`: comments inside it go before
  // it, and one behind its last line stays behind the '{'.
  void open_block(const std::string& head, SourceSpan span, std::uint32_t head_end) {
    comments_before(span.begin, "");
    comments_before(head_end, "");
    out_ += head + " {\n";
    last_end_line_ = line_of(head_end - 1);
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
