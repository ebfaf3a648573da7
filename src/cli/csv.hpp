// Just enough CSV (RFC 4180: quotes, doubled quotes, CRLF) for --batch.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace slakit::cli {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  ///< where the record starts, 1-based
};

/// Splits `text` into records; a quoted field may span lines.
std::vector<CsvRecord> parse_csv(std::string_view text);

/// One record, quoted where needed, ending in "\n".
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace slakit::cli
