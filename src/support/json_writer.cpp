#include "json_writer.hpp"

#include <fmt/format.h>

#include <cmath>

#include "support/utf8.hpp"

namespace slakit::detail {

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ", ";
    first_.back() = false;
  }
  out_ += prefix_;
  prefix_ = {};
}

void JsonWriter::open(char c) {
  separate();
  out_ += c;
  first_.push_back(true);
}

void JsonWriter::close(char c) {
  first_.pop_back();
  out_ += c;
}

void JsonWriter::key(std::string_view name) {
  separate();
  string(name);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
  separate();
  string(s);
}

void JsonWriter::value(std::int64_t n) {
  separate();
  fmt::format_to(std::back_inserter(out_), "{}", n);
}

void JsonWriter::value(double n) {
  separate();
  if (std::isfinite(n)) {
    fmt::format_to(std::back_inserter(out_), "{}", n);
  } else {
    out_ += "null";  // JSON has no infinities
  }
}

void JsonWriter::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
}

void JsonWriter::null() {
  separate();
  out_ += "null";
}

void JsonWriter::string(std::string_view s) {
  out_ += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto len = utf8_length(s, i);
    if (len == 0) {
      out_ += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (len > 1) {
      out_.append(s.substr(i, len));
      i += len;
      continue;
    }
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\r':
        out_ += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          fmt::format_to(std::back_inserter(out_), "\\u{:04x}", c);
        } else {
          out_ += static_cast<char>(c);
        }
    }
    ++i;
  }
  out_ += '"';
}

}  // namespace slakit::detail
