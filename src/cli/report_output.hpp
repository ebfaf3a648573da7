// `slakit report` written out (docs/report.md, "Output"): a text table, one
// JSON object, or CSV with a header row.
#pragma once

#include <string>
#include <vector>

#include "report_table.hpp"

namespace slakit::cli {

/// `by` names the --by fields, in order; `now` is the instant of the
/// evaluation (RFC 3339).
[[nodiscard]] std::string report_text(const ReportTable& t, const std::vector<std::string>& by);
/// `fields` are the --by fields, in order: each group value written in its
/// field's JSON type.
[[nodiscard]] std::string report_json(const ReportTable& t, const std::vector<GroupField>& fields,
                                      const std::string& now);
[[nodiscard]] std::string report_csv(const ReportTable& t, const std::vector<std::string>& by);

}  // namespace slakit::cli
