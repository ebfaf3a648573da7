// Just enough CSV (RFC 4180: quotes, doubled quotes, CRLF) for --batch,
// read and written fast: a row's fields are views into the block read, and
// a row is written by appending to the output's buffer (no string per row).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace slakit::cli {

/// One record as CsvReader gives it: views valid until the next call.
struct CsvRow {
  std::vector<std::string_view> fields;
  std::size_t line = 0;  ///< where the record starts, 1-based
  /// The line where a quoted field opened that the input never closed (the
  /// record then holds the rest of the input); 0 when every quote closed.
  std::size_t unterminated_quote = 0;
};

/// Reads records from a file (in blocks) or from text in memory. A quoted
/// field may span lines. A quote opens a quoted field only as the field's
/// first byte; anywhere else it is a literal character, as Python's csv
/// module and pandas read it (`27" monitor` is the field `27" monitor`, and
/// `"a"b"c` is `ab"c`). Blank lines are no record; an unclosed quoted field
/// takes in the rest of the input and marks its record
/// (CsvRow::unterminated_quote). A UTF-8 byte-order mark at the start of
/// the input is skipped.
class CsvReader {
 public:
  /// Reads `in` (not closed) `block` bytes at a time.
  explicit CsvReader(std::FILE* in, std::size_t block = std::size_t{1} << 20);
  explicit CsvReader(std::string_view text);

  /// The next record into `row`; false at the end of the input.
  bool next(CsvRow& row);
  /// True when reading the file failed (the records before it were read).
  [[nodiscard]] bool failed() const { return failed_; }

 private:
  enum class Parsed { record, blank, need_more };
  Parsed parse(CsvRow& row);
  void refill();
  /// Skips a byte-order mark at the start; false until enough is read.
  bool skip_byte_order_mark();

  std::FILE* in_ = nullptr;
  std::size_t block_ = 0;
  std::string buffer_;  // the file's bytes [begin_, end_) not yet taken
  std::string_view text_;
  std::size_t begin_ = 0;
  bool at_end_ = false, failed_ = false, started_ = false;
  std::size_t line_ = 1;
  // A field that had quotes is unescaped into scratch_; its place is kept
  // as an offset until the record is done (scratch_ may move as it grows).
  struct Field {
    std::size_t begin, size;
    bool in_scratch;
  };
  std::vector<Field> spans_;
  std::string scratch_;
};

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;                ///< where the record starts, 1-based
  std::size_t unterminated_quote = 0;  ///< as CsvRow's
};

/// Every record of `text` (CsvReader's rules), as strings.
std::vector<CsvRecord> parse_csv(std::string_view text);

/// Appends one field, quoted where needed.
void append_csv_field(std::string& out, std::string_view field);

/// One record, quoted where needed, ending in "\n".
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace slakit::cli
