#include "csv.hpp"

namespace slakit::cli {

std::vector<CsvRecord> parse_csv(std::string_view text) {
  std::vector<CsvRecord> records;
  CsvRecord current{{}, 1};
  std::string field;
  std::size_t line = 1;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      current.fields.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        current.fields.push_back(std::move(field));
        records.push_back(std::move(current));
      }
      field.clear();
      any = false;
      current = {{}, ++line};
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    current.fields.push_back(std::move(field));
    records.push_back(std::move(current));
  }
  return records;
}

std::string csv_line(const std::vector<std::string>& fields) {
  // One empty field alone would be a blank line, which reads as no record.
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\n";
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) out += ',';
    const auto& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) out += c == '"' ? std::string{"\"\""} : std::string{c};
    out += '"';
  }
  return out + "\n";
}

}  // namespace slakit::cli
