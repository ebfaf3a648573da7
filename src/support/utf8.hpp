// Characters of rule text, for positions and for showing text back to users.
//
// Rule text may hold any bytes (the parser reports invalid UTF-8 as E0003,
// but diagnostics must still point into such text). Every place that counts,
// shows or underlines characters splits text the same way, with
// char_length(): a character is one well-formed UTF-8 sequence, or else one
// single byte (shown as U+FFFD). So columns, the line shown and the caret
// under it always agree, and every non-empty span covers at least one
// character, whatever the bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace slakit::detail {

/// The length in bytes of the well-formed UTF-8 character at `i`, or 0 when
/// the bytes there are not one (bad lead or continuation byte, truncated,
/// overlong, a surrogate, or past U+10FFFF).
[[nodiscard]] inline std::size_t utf8_length(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  std::uint32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  std::uint32_t cp = c & (0xFF >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return len;
}

/// The length of the character at `i` (i < s.size()): a well-formed UTF-8
/// sequence, or 1 for a byte that does not start one. Never 0.
[[nodiscard]] inline std::size_t char_length(std::string_view s, std::size_t i) noexcept {
  const auto len = utf8_length(s, i);
  return len == 0 ? 1 : len;
}

/// The offset of the first byte that is not part of well-formed UTF-8, or npos.
[[nodiscard]] inline std::size_t first_invalid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const auto len = utf8_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

/// `s` with every byte that is not part of well-formed UTF-8 replaced by
/// U+FFFD, so that it can go into JSON or a terminal.
[[nodiscard]] inline std::string valid_utf8(std::string_view s) {
  if (first_invalid_utf8(s) == std::string_view::npos) return std::string{s};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto len = utf8_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

/// `s` fit for one line of a terminal or a log: bytes that are not UTF-8
/// become U+FFFD and control characters escapes (`\n`, `\t`, `\r`,
/// `\x1B`; the C1 controls U+0080 to U+009F as `\u009B`), so that text
/// from a file or a ticket can neither break a line nor forge one, nor
/// steer a terminal.
[[nodiscard]] inline std::string one_line(std::string_view s) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  const auto text = valid_utf8(s);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    const auto c = static_cast<unsigned char>(ch);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // U+0080 to U+009F
      out += "\\u00";
      out += kHex[next >> 4];
      out += kHex[next & 0xF];
      ++i;
    } else if (c >= 0x20 && c != 0x7F) {
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

/// `s` between single quotes, as a message quotes a ticket's, an agent's
/// or an event's id or a value from them (docs/cli.md, "Conventions"): a
/// quote inside is `\'` and a backslash `\\`, so that the quoted text ends
/// at the first bare quote and every backslash starts an escape; the rest
/// as one_line() shows it. `O'Brien-1` is `'O\'Brien-1'`.
[[nodiscard]] inline std::string quoted(std::string_view s) {
  std::string escaped;
  escaped.reserve(s.size());
  for (const char c : s) {
    if (c == '\'' || c == '\\') escaped += '\\';
    escaped += c;
  }
  // Appended, not `"'" + ...`: GCC 12 warns about that concatenation
  // (-Wrestrict, a false positive).
  std::string out = "'";
  out += one_line(escaped);
  out += '\'';
  return out;
}

}  // namespace slakit::detail
