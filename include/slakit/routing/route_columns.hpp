// slakit/routing/route_columns.hpp: routing a batch of tickets held as
// columns, one array per field, as a data frame holds them
// (docs/routing.md, "Tickets as columns").
//
// A host with tickets in a table (a pandas DataFrame, an Arrow batch, a
// column store's scan) routes them without building a Ticket per row:
// each distinct value of a dictionary-encoded column is classified once for
// the whole batch, and each row then costs a few table look-ups. The
// answers are route()'s for a ticket whose record holds the row's values
// and nothing else, routed at its creation.
//
//   std::vector<std::string_view> tiers = {...}, channels = {...};
//   std::vector<double> values = {...};
//   slakit::TicketColumns columns(rows);
//   columns.texts("customer.tier", tiers)
//       .texts("ticket.channel", channels)
//       .numbers("order.value", values);
//   const slakit::ColumnRouting r = slakit::route_columns(rules, columns);
//   for (std::size_t i = 0; i < rows; ++i) {
//     if (const slakit::Routing* x = r.routing(i); x && x->queue) use(i, *x->queue);
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "slakit/model/field_value.hpp"
#include "slakit/routing/route.hpp"

namespace slakit {

class RuleSet;

/// A batch of tickets as columns. The columns are views: the arrays they
/// name must outlive every route_columns() call that reads them. A field
/// the routes read and no column gives has no value in any row; a column
/// for a field that only the policies read is checked as route() checks
/// it; a column for a field no rule reads is not read.
class TicketColumns {
 public:
  /// A batch of `rows` tickets.
  explicit TicketColumns(std::size_t rows) : rows_(rows) {}
  [[nodiscard]] std::size_t rows() const noexcept { return rows_; }

  // Adding a column throws InvalidArgument naming it when its values are not
  // one per row or its path was given before.

  /// Texts of a text or `one of` field; an empty text is no value.
  TicketColumns& texts(std::string path, std::span<const std::string_view> values);
  /// Dictionary-encoded texts (a pandas Categorical, an Arrow dictionary):
  /// row i's value is categories[codes[i]], and a negative code is no value.
  TicketColumns& categories(std::string path, std::span<const std::int32_t> codes,
                            std::span<const std::string_view> categories);
  /// Numbers of a number field; NaN is no value (as in a data frame).
  TicketColumns& numbers(std::string path, std::span<const double> values);
  /// Values of any field, as an event carries them (bool, time, date,
  /// duration fields; std::monostate is no value).
  TicketColumns& values(std::string path, std::span<const FieldValue> values);
  /// The tickets' ids, for results and errors; without them a row is
  /// named by its number ("row 17").
  TicketColumns& ids(std::span<const std::string_view> ids);

  /// A column as route_columns() reads it.
  struct Column {
    enum class Kind { texts, categories, numbers, values } kind;
    std::string path;
    std::span<const std::string_view> texts{};   ///< texts; categories' dictionary
    std::span<const std::int32_t> codes{};       ///< categories
    std::span<const double> numbers{};           ///< numbers
    std::span<const FieldValue> field_values{};  ///< values
  };
  [[nodiscard]] const std::vector<Column>& columns() const noexcept { return columns_; }
  [[nodiscard]] std::span<const std::string_view> id_column() const noexcept { return ids_; }

 private:
  TicketColumns& add(Column column, std::size_t length);

  std::size_t rows_ = 0;
  std::vector<Column> columns_;
  std::span<const std::string_view> ids_{};
};

/// The routings of a batch. Rows that route alike share one Routing, so a
/// batch holds as many as it has distinct outcomes.
struct ColumnRouting {
  static constexpr std::uint32_t kFailed = 0xffff'ffff;

  /// Per row: its index in `routings`, or kFailed.
  std::vector<std::uint32_t> outcome;
  /// The distinct outcomes. Their `id` is empty (a row's id is in the
  /// columns), and they are routed at the ticket's creation, whose instant
  /// columns do not carry: every relaxed skill is still in `skills`, and
  /// `relaxed[k].drops_at` holds the wait itself, from the Unix epoch (add
  /// it to the ticket's creation for the instant it drops).
  std::vector<Routing> routings;
  /// The rows that could not be routed, in row order: a value that does
  /// not fit its field, named with the ticket (id or row) and the field.
  struct Failure {
    std::size_t row = 0;
    std::string message;
  };
  std::vector<Failure> failures;

  /// Row i's routing, or nullptr when it failed.
  [[nodiscard]] const Routing* routing(std::size_t row) const {
    const auto k = outcome[row];
    return k == kFailed ? nullptr : &routings[k];
  }
};

/// Routes every row. Throws InvalidArgument for a column of a field the rule
/// set does not have, or of a kind its field's type cannot take (numbers for
/// a text field); a bad value in a row fails that row alone
/// (ColumnRouting::failures).
[[nodiscard]] ColumnRouting route_columns(const RuleSet& rules, const TicketColumns& columns);
/// The same into `into`, whose buffers are reused.
void route_columns(const RuleSet& rules, const TicketColumns& columns, ColumnRouting& into);

}  // namespace slakit
