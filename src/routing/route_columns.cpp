// route_columns(): a batch of tickets held as columns, routed row by row
// through the same decision tables as route(), with each distinct value of a
// dictionary-encoded column converted once per batch (docs/routing.md,
// "Tickets as columns").
#include <slakit/routing/route_columns.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "outcome.hpp"
#include "program/rule_set_impl.hpp"
#include "slakit/error.hpp"
#include "slakit/model/fields.hpp"
#include "support/utf8.hpp"

namespace slakit {

TicketColumns& TicketColumns::add(Column column, std::size_t length) {
  if (length != rows_) {
    throw InvalidArgument(fmt::format("column {} has {} values for a batch of {} rows",
                                      detail::quoted(column.path), length, rows_));
  }
  for (const auto& c : columns_) {
    if (c.path == column.path) {
      throw InvalidArgument(fmt::format("column {} is given twice", detail::quoted(column.path)));
    }
  }
  columns_.push_back(std::move(column));
  return *this;
}

TicketColumns& TicketColumns::texts(std::string path, std::span<const std::string_view> values) {
  return add({.kind = Column::Kind::texts, .path = std::move(path), .texts = values},
             values.size());
}

TicketColumns& TicketColumns::categories(std::string path, std::span<const std::int32_t> codes,
                                         std::span<const std::string_view> categories) {
  return add({.kind = Column::Kind::categories,
              .path = std::move(path),
              .texts = categories,
              .codes = codes},
             codes.size());
}

TicketColumns& TicketColumns::numbers(std::string path, std::span<const double> values) {
  return add({.kind = Column::Kind::numbers, .path = std::move(path), .numbers = values},
             values.size());
}

TicketColumns& TicketColumns::values(std::string path, std::span<const FieldValue> values) {
  return add({.kind = Column::Kind::values, .path = std::move(path), .field_values = values},
             values.size());
}

TicketColumns& TicketColumns::ids(std::span<const std::string_view> ids) {
  if (ids.size() != rows_) {
    throw InvalidArgument(
        fmt::format("the id column has {} values for a batch of {} rows", ids.size(), rows_));
  }
  ids_ = ids;
  return *this;
}

namespace {

using detail::FieldLayout;
using detail::RoutePlan;
using detail::Slot;
using detail::SlotValue;
using Column = TicketColumns::Column;

// Where one slot the routes read takes its values from.
struct Source {
  Slot slot = 0;
  const Column* column = nullptr;
  // categories: each category converted once; nullopt for one that does
  // not fit the field (the rows that use it fail, converting it again with
  // their name for the message).
  std::vector<std::optional<SlotValue>> converted{};
};

bool is_text(FieldType t) {
  return t == FieldType::text || t == FieldType::one_of;
}

// The slots the routes read that a column gives, checked against their
// fields, and the slots only policies read (checked per row, not kept).
std::vector<Source> sources_of(const FieldLayout& layout, const TicketColumns& columns) {
  std::vector<Source> sources;
  for (const auto& c : columns.columns()) {
    const auto slot = layout.slot(c.path);
    if (!slot) {
      throw InvalidArgument(
          fmt::format("column {}: the rule set has no such field", detail::quoted(c.path)));
    }
    const auto type = layout.info(*slot).type;
    const bool fits = c.kind == Column::Kind::values ||
                      (c.kind == Column::Kind::numbers ? type == FieldType::number : is_text(type));
    if (!fits) {
      throw InvalidArgument(fmt::format("column {}: a {} field cannot take {}",
                                        detail::quoted(c.path), field_type_name(type),
                                        c.kind == Column::Kind::numbers ? "numbers" : "texts"));
    }
    if (*slot >= layout.width() && !layout.checked(*slot)) continue;  // no rule reads it
    Source s{.slot = *slot, .column = &c, .converted = {}};
    if (c.kind == Column::Kind::categories) {
      s.converted.reserve(c.texts.size());
      for (const auto text : c.texts) {
        try {
          s.converted.emplace_back(layout.text_value(*slot, text, {}));
        } catch (const TicketError&) {
          s.converted.emplace_back(std::nullopt);
        }
      }
    }
    sources.push_back(std::move(s));
  }
  // In slot order, as load() reads a ticket: a row with two bad values
  // fails on the same one as route().
  std::sort(sources.begin(), sources.end(),
            [](const Source& a, const Source& b) { return a.slot < b.slot; });
  return sources;
}

// Row `row`'s value from `s`. Throws TicketError naming the ticket as
// `name` gives it.
template <class Name>
SlotValue value_at(const FieldLayout& layout, const Source& s, std::size_t row, const Name& name) {
  const auto& c = *s.column;
  switch (c.kind) {
    case Column::Kind::categories: {
      const auto code = c.codes[row];
      if (code < 0) return {};
      const auto at = static_cast<std::size_t>(code);
      if (at >= s.converted.size()) {
        throw TicketError(
            fmt::format("ticket {}: {}: category code {} is not below the {} "
                        "categories of the column",
                        detail::quoted(name()), c.path, code, s.converted.size()));
      }
      if (s.converted[at]) return *s.converted[at];
      return layout.text_value(s.slot, c.texts[at], name());  // throws, naming the ticket
    }
    case Column::Kind::texts:
      return layout.text_value(s.slot, c.texts[row], name());
    case Column::Kind::numbers: {
      const double x = c.numbers[row];
      return std::isnan(x) ? SlotValue{} : FieldLayout::number_value(x);
    }
    case Column::Kind::values:
      return layout.convert(s.slot, c.field_values[row], name());
  }
  return {};
}

// The distinct outcomes of a batch, by the routes chosen (their numbers
// across all groups, in group and rule order).
class Outcomes {
 public:
  Outcomes(const detail::RoutingProgram& program, ColumnRouting& into) : into_(into) {
    for (const auto& g : program.groups) {
      for (const auto& r : g.routes) plans_.push_back(&r);
    }
    single_.assign(plans_.size(), ColumnRouting::kFailed);
  }

  std::uint32_t of(std::span<const std::uint32_t> counted) {
    if (counted.empty()) {
      if (none_ == ColumnRouting::kFailed) none_ = add(counted);
      return none_;
    }
    if (counted.size() == 1) {
      auto& k = single_[counted[0]];
      if (k == ColumnRouting::kFailed) k = add(counted);
      return k;
    }
    key_.assign(counted.begin(), counted.end());
    const auto [it, fresh] = several_.try_emplace(key_, ColumnRouting::kFailed);
    if (fresh) it->second = add(counted);
    return it->second;
  }

 private:
  std::uint32_t add(std::span<const std::uint32_t> counted) {
    // Routed at its creation, put at the epoch: a relaxed skill is still
    // required and drops at its wait (route_columns.hpp).
    static const Ticket at_epoch{};
    std::vector<const RoutePlan*> plans;
    for (const auto k : counted) plans.push_back(plans_[k]);
    into_.routings.emplace_back();
    detail::combine(at_epoch, at_epoch.created, plans, buffers_, into_.routings.back());
    into_.routings.back().id.clear();
    return static_cast<std::uint32_t>(into_.routings.size() - 1);
  }

  ColumnRouting& into_;
  std::vector<const RoutePlan*> plans_;  // by number
  std::vector<std::uint32_t> single_;    // per route: the outcome of it alone
  std::uint32_t none_ = ColumnRouting::kFailed;
  std::map<std::vector<std::uint32_t>, std::uint32_t> several_;
  std::vector<std::uint32_t> key_;
  detail::CombineBuffers buffers_;
};

// How one group decides a row: from each table column's class when its
// table decides every condition (a dictionary column's classes looked up
// per category once), or else from the row's values.
struct GroupReader {
  struct Input {
    std::size_t source = kNone;      // where the column comes from, or kNone
    std::vector<std::uint32_t> lut;  // a dictionary column: the class of each category
    std::uint32_t none = 0;          // the class of no value
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  };
  const detail::RouteGroupPlan* group = nullptr;
  std::uint32_t first = 0;  // the number of its first route
  bool by_class = false;
  std::vector<Input> inputs;  // per table column
};

std::vector<GroupReader> readers_of(const detail::RoutingProgram& program,
                                    const std::vector<Source>& sources) {
  std::vector<GroupReader> readers;
  std::uint32_t first = 0;
  for (const auto& g : program.groups) {
    GroupReader r{.group = &g, .first = first, .by_class = !g.table.rechecks(), .inputs = {}};
    first += static_cast<std::uint32_t>(g.routes.size());
    for (std::size_t c = 0; r.by_class && c < g.table.columns(); ++c) {
      const Slot slot = g.table.column_slot(c);
      GroupReader::Input in;
      in.none = static_cast<std::uint32_t>(g.table.class_of(c, SlotValue{}));
      for (std::size_t k = 0; k < sources.size(); ++k) {
        if (sources[k].slot != slot) continue;
        in.source = k;
        for (const auto& v : sources[k].converted) {
          // A category that does not fit fails its rows before this is read.
          in.lut.push_back(v ? static_cast<std::uint32_t>(g.table.class_of(c, *v)) : 0);
        }
      }
      r.inputs.push_back(std::move(in));
    }
    readers.push_back(std::move(r));
  }
  return readers;
}

// A block of rows, worked column by column (tight loops over arrays) before
// row by row: the values that need converting, which rows fail, and each
// group's classes.
struct Block {
  static constexpr std::size_t kRows = 256;
  std::size_t first = 0, rows = 0;
  std::vector<std::uint8_t> bad;                    // per row
  std::vector<std::vector<SlotValue>> converted;    // per source of texts or values: per row
  std::vector<std::vector<std::uint32_t>> classes;  // per group read by class: row-major

  // Converts and checks the block's values of every source.
  void read(const FieldLayout& layout, const std::vector<Source>& sources) {
    bad.assign(rows, 0);
    converted.resize(sources.size());
    for (std::size_t k = 0; k < sources.size(); ++k) {
      const auto& s = sources[k];
      const auto& c = *s.column;
      if (c.kind == Column::Kind::numbers) continue;  // every double is a number or none
      if (c.kind == Column::Kind::categories) {
        const auto* codes = c.codes.data() + first;
        const auto* fits = s.converted.data();
        const auto size = s.converted.size();
        auto* flags = bad.data();
        for (std::size_t r = 0; r < rows; ++r) {
          const auto at = static_cast<std::size_t>(codes[r]);
          if (codes[r] >= 0 && (at >= size || !fits[at])) flags[r] = 1;
        }
        continue;
      }
      auto& out = converted[k];
      out.resize(rows);
      for (std::size_t r = 0; r < rows; ++r) {
        try {
          // The ticket is named only when its value is bad: converting
          // again costs nothing on the rows that route.
          out[r] = value_at(layout, s, first + r, [] { return ""; });
        } catch (const TicketError&) {
          bad[r] = 1;
        }
      }
    }
  }

  // Each group's class of each of its table's columns, per row.
  void classify(const std::vector<GroupReader>& readers, const std::vector<Source>& sources) {
    classes.resize(readers.size());
    for (std::size_t g = 0; g < readers.size(); ++g) {
      const auto& reader = readers[g];
      if (!reader.by_class) continue;
      const auto n = reader.inputs.size();
      auto& out = classes[g];
      out.resize(rows * n);
      for (std::size_t i = 0; i < n; ++i) {
        const auto& in = reader.inputs[i];
        const auto& table = reader.group->table;
        if (in.source == GroupReader::Input::kNone) {
          for (std::size_t r = 0; r < rows; ++r) out[r * n + i] = in.none;
          continue;
        }
        const auto& c = *sources[in.source].column;
        switch (c.kind) {
          case Column::Kind::categories: {
            const auto* codes = c.codes.data() + first;
            const auto* lut = in.lut.data();
            const auto size = in.lut.size();
            auto* to = out.data() + i;
            for (std::size_t r = 0; r < rows; ++r) {
              const auto at = static_cast<std::size_t>(codes[r]);
              to[r * n] = codes[r] < 0 ? in.none : at < size ? lut[at] : 0;
            }
            break;
          }
          case Column::Kind::numbers: {
            const auto* numbers = c.numbers.data() + first;
            auto* to = out.data() + i;
            for (std::size_t r = 0; r < rows; ++r) {
              const double x = numbers[r];
              to[r * n] =
                  std::isnan(x) ? in.none : static_cast<std::uint32_t>(table.number_class(i, x));
            }
            break;
          }
          default:
            for (std::size_t r = 0; r < rows; ++r) {
              out[r * n + i] =
                  static_cast<std::uint32_t>(table.class_of(i, converted[in.source][r]));
            }
        }
      }
    }
  }

  // Row r's values, for the groups that try conditions on them.
  void values_of(std::size_t r, const FieldLayout& layout, const std::vector<Source>& sources,
                 std::vector<SlotValue>& values) const {
    for (std::size_t k = 0; k < sources.size(); ++k) {
      const auto& s = sources[k];
      if (s.slot >= values.size()) continue;  // checked by read(), read by no route
      const auto kind = s.column->kind;
      values[s.slot] = kind == Column::Kind::numbers || kind == Column::Kind::categories
                           ? value_at(layout, s, first + r, [] { return ""; })
                           : converted[k][r];
    }
  }
};

}  // namespace

void route_columns(const RuleSet& rules, const TicketColumns& columns, ColumnRouting& into) {
  const auto& program = detail::routing_of(rules);
  const auto& layout = program.layout;
  const auto sources = sources_of(layout, columns);
  const auto readers = readers_of(program, sources);
  const auto ids = columns.id_column();
  into.outcome.assign(columns.rows(), ColumnRouting::kFailed);
  into.routings.clear();
  into.failures.clear();
  Outcomes outcomes(program, into);
  // Slots no column gives keep no value.
  std::vector<SlotValue> values(layout.width());
  std::vector<const RoutePlan*> plans;
  std::vector<std::uint32_t> counted;
  Block block;
  for (block.first = 0; block.first < columns.rows(); block.first += Block::kRows) {
    block.rows = std::min(Block::kRows, columns.rows() - block.first);
    block.read(layout, sources);
    block.classify(readers, sources);
    for (std::size_t r = 0; r < block.rows; ++r) {
      const auto row = block.first + r;
      if (block.bad[r] != 0) {
        try {
          for (const auto& s : sources) {
            (void)value_at(layout, s, row, [&] {
              return ids.empty() ? fmt::format("row {}", row) : std::string(ids[row]);
            });
          }
        } catch (const TicketError& e) {
          into.failures.push_back({row, e.what()});
        }
        continue;
      }
      counted.clear();
      bool have_values = false;
      for (std::size_t g = 0; g < readers.size(); ++g) {
        const auto& reader = readers[g];
        if (reader.by_class) {
          const bool every = reader.group->policy == HitPolicy::collect;
          const auto* classes = block.classes[g].data() + r * reader.inputs.size();
          reader.group->table.for_each_class(classes, [&](std::size_t i) {
            counted.push_back(reader.first + reader.group->order[i]);
            return every;
          });
          continue;
        }
        if (!have_values) block.values_of(r, layout, sources, values);
        have_values = true;
        plans.clear();
        detail::decide(*reader.group, values, plans);
        for (const auto* p : plans) {
          counted.push_back(reader.first +
                            static_cast<std::uint32_t>(p - reader.group->routes.data()));
        }
      }
      into.outcome[row] = outcomes.of(counted);
    }
  }
}

ColumnRouting route_columns(const RuleSet& rules, const TicketColumns& columns) {
  ColumnRouting out;
  route_columns(rules, columns, out);
  return out;
}

}  // namespace slakit
