#include "csv.hpp"

#include <slakit/lang/source.hpp>

#include <algorithm>
#include <array>
#include <cstring>

namespace slakit::cli {

namespace {

// The bytes that end or quote an unquoted field: one table look-up a byte
// on the hot paths (reading a field, deciding whether a field needs quotes)
// rather than four comparisons, or four memchr calls per field.
constexpr auto kSpecial = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : {',', '"', '\r', '\n'}) table[c] = true;
  return table;
}();

bool special(char c) {
  return kSpecial[static_cast<unsigned char>(c)];
}

}  // namespace

CsvReader::CsvReader(std::FILE* in, std::size_t block)
    : in_(in), block_(std::max<std::size_t>(block, 1)) {
  buffer_.reserve(block_);
}

CsvReader::CsvReader(std::string_view text) : text_(text), at_end_(true) {}

void CsvReader::refill() {
  // Keep what is not taken yet, at the front; grow when one record fills
  // the whole buffer.
  buffer_.erase(0, begin_);
  begin_ = 0;
  const auto kept = buffer_.size();
  buffer_.resize(kept + block_);
  const auto got = std::fread(buffer_.data() + kept, 1, block_, in_);
  buffer_.resize(kept + got);
  if (got < block_) {
    at_end_ = true;
    failed_ = std::ferror(in_) != 0;
  }
  text_ = buffer_;
}

// Excel and Windows editors save "CSV UTF-8" with a byte-order mark; it is
// not part of the first column's name (docs/cli.md, "deadline").
bool CsvReader::skip_byte_order_mark() {
  const auto rest = text_.substr(begin_);
  if (rest.size() < kByteOrderMark.size() && !at_end_ && kByteOrderMark.starts_with(rest)) {
    return false;
  }
  if (rest.starts_with(kByteOrderMark)) begin_ += kByteOrderMark.size();
  started_ = true;
  return true;
}

bool CsvReader::next(CsvRow& row) {
  if (in_ != nullptr && text_.empty() && !at_end_) refill();
  while (!started_ && !skip_byte_order_mark()) refill();
  for (;;) {
    switch (parse(row)) {
      case Parsed::record:
        return true;
      case Parsed::blank:
        if (begin_ >= text_.size() && at_end_) return false;
        break;
      case Parsed::need_more:
        if (at_end_) return false;
        refill();
        break;
    }
  }
}

// The state machine of RFC 4180 as slakit reads it, over text_[begin_...):
// a record ends at an unquoted CR, LF or CRLF, or at the end of the input.
CsvReader::Parsed CsvReader::parse(CsvRow& row) {
  const char* const data = text_.data();
  const std::size_t size = text_.size();
  spans_.clear();
  scratch_.clear();
  const std::size_t record_line = line_;
  std::size_t line = line_;  // newlines inside quotes count
  std::size_t quote_line = 0;
  std::size_t i = begin_;
  std::size_t field_begin = i;
  bool any = false, quoted = false, in_scratch = false;
  // A field with a quote is unescaped into scratch_ from its first quote on;
  // such fields follow one another there.
  std::size_t scratch_field = 0;
  auto finish_field = [&](std::size_t end) {
    if (in_scratch) {
      spans_.push_back({scratch_field, scratch_.size() - scratch_field, true});
    } else {
      spans_.push_back({field_begin, end - field_begin, false});
    }
  };
  for (;;) {
    if (i >= size) {
      if (!at_end_) return Parsed::need_more;
      begin_ = i;
      line_ = line;
      if (!any) return Parsed::blank;
      finish_field(i);
      break;
    }
    if (!quoted && !in_scratch) {
      // The common case: the rest of an unquoted field, in one sweep.
      while (i < size && !special(data[i])) ++i;
      any = any || i > field_begin;
      if (i >= size) continue;
    }
    const char c = data[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 >= size && !at_end_) return Parsed::need_more;
        if (i + 1 < size && data[i + 1] == '"') {
          scratch_ += '"';
          i += 2;
        } else {
          quoted = false;
          quote_line = 0;
          ++i;
        }
      } else {
        if (c == '\n') ++line;
        scratch_ += c;
        ++i;
      }
      continue;
    }
    if (c == '"' && i == field_begin && !in_scratch) {
      scratch_field = scratch_.size();
      in_scratch = true;
      quoted = true;
      quote_line = line;
      any = true;
      ++i;
    } else if (c == ',') {
      finish_field(i);
      any = true;
      in_scratch = false;
      field_begin = ++i;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 >= size && !at_end_) return Parsed::need_more;
      if (any) finish_field(i);
      i += c == '\r' && i + 1 < size && data[i + 1] == '\n' ? 2 : 1;
      begin_ = i;
      line_ = line + 1;
      if (!any) return Parsed::blank;
      break;
    } else {
      if (in_scratch) scratch_ += c;
      any = true;
      ++i;
    }
  }
  row.line = record_line;
  row.unterminated_quote = quote_line;
  row.fields.clear();
  for (const auto& f : spans_) {
    row.fields.emplace_back(f.in_scratch ? std::string_view{scratch_}.substr(f.begin, f.size)
                                         : std::string_view{data + f.begin, f.size});
  }
  return Parsed::record;
}

std::vector<CsvRecord> parse_csv(std::string_view text) {
  std::vector<CsvRecord> records;
  CsvReader reader{text};
  CsvRow row;
  while (reader.next(row)) {
    records.push_back({{row.fields.begin(), row.fields.end()}, row.line, row.unterminated_quote});
  }
  return records;
}

void append_csv_field(std::string& out, std::string_view f) {
  // A field that begins with a byte-order mark is quoted, so that as the
  // file's first bytes the mark is not skipped when the file is read back.
  if (std::none_of(f.begin(), f.end(), special) && !f.starts_with(kByteOrderMark)) {
    out += f;
    return;
  }
  out += '"';
  for (const char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string csv_line(const std::vector<std::string>& fields) {
  // One empty field alone would be a blank line, which reads as no record.
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\n";
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) out += ',';
    append_csv_field(out, fields[i]);
  }
  return out + "\n";
}

}  // namespace slakit::cli
