// What the grammar's semantic actions build: the AST of one file, plus the
// slots in which a production leaves its value for the one that uses it. The
// grammar never backtracks over an action (expectation points follow every
// keyword), so the slots are always those of the current production.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slakit/lang/ast.hpp"
#include "slakit/lang/diagnostic.hpp"

namespace slakit::parser {

class ParseState {
 public:
  ParseState(const SourceMap& sources, std::uint32_t file, std::vector<Diagnostic>& diagnostics);

  [[nodiscard]] const char* text_begin() const noexcept { return text_.data(); }
  [[nodiscard]] const char* text_end() const noexcept { return text_.data() + text_.size(); }
  [[nodiscard]] SourceSpan span(const char* first, const char* last) const noexcept;
  template <class Range>
  [[nodiscard]] SourceSpan span(const Range& r) const noexcept {
    return span(&*r.begin(), &*r.begin() + (r.end() - r.begin()));
  }

  void error(std::string code, std::string message, SourceSpan where);
  /// "expected X, saw Y" at the first token at or after `at`.
  void expected(std::string code, std::string_view what, const char* at);
  [[nodiscard]] std::size_t error_count() const noexcept { return errors_; }

  /// The token at or after `at`, quoted for a message: 'word', "string", end of file.
  [[nodiscard]] std::string token_at(const char* at) const;
  /// Skips blanks and comments.
  [[nodiscard]] const char* skip_trivia(const char* at) const noexcept;
  [[nodiscard]] std::string listed_keyword_hint(const char* after_comma) const;
  /// The end of the last token before `at`, when that token lies on an
  /// earlier line than `at`; nullptr when a token precedes `at` on its line.
  [[nodiscard]] const char* token_end_on_earlier_line(const char* at) const noexcept;

  RuleFile file;
  bool declaration_failed = false;  ///< the current declaration reported its error
  /// A calendar line is being read: when it stops short before a line that
  /// starts another, `expected` reports the end of its own line.
  bool in_calendar_line = false;

  // Slots: each production leaves its value here.
  std::string string_value;
  Name name_value;
  TimeOfDay time_value;
  std::chrono::year_month_day date_value{};
  BusinessDuration duration_value;
  /// duration_value was written in business days (`0bd` too).
  bool duration_in_business_days = false;
  SourceSpan duration_span{};  ///< where duration_value is written
  int int_value = 0;
  ThresholdForm threshold_form = ThresholdForm::percent;
  int weekday_value = 0;  ///< c_encoding: 0 is Sunday
  int month_value = 1;
  std::chrono::year_month_day first_date{};
  std::vector<DayRange> days;
  std::vector<TimeRange> ranges;
  std::vector<SourceSpan> range_spans;  ///< where each of `ranges` stands
  bool open_extra = false;              ///< `open DATE hours extra`
  std::optional<Name> zone_field;       ///< `zone from FIELD else ...`
  std::vector<Expr> exprs;              ///< the expression stack
  std::vector<Literal> list;
  /// Operators of comparisons awaiting their right side: it may hold a
  /// comparison of its own, `a == (b > 3)`.
  std::vector<CompareOp> ops;

  // Declarations under construction.
  CalendarDecl calendar;
  HolidayRule holiday;
  FieldDecl field;
  PolicyDecl policy;
  TargetLine target;
  RouteDecl route;
  RouteGroupDecl group;
  bool in_group = false;    ///< routes go into `group`, not the file
  std::vector<Name> names;  ///< a list of names in brackets (skills, tags)
  bool relaxed = false;     ///< the skills list has `for DURATION`
  std::vector<EventRef> events;
  TestDecl test;
  TestInstant instant;  ///< the last instant read
  TestValue value;      ///< the last test value read
  TestField test_field;
  TestEvent test_event;
  Expectation expectation;

 private:
  std::uint32_t file_id_;
  std::string_view text_;
  std::vector<Diagnostic>& diagnostics_;
  std::size_t errors_ = 0;
};

}  // namespace slakit::parser
