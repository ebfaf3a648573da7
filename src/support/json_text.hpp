// The pieces of text the JSON writer is made of: integers, instants, plain
// strings, written straight to a pointer. JsonWriter writes through them,
// and so does JsonDirect (json_writer.hpp) for writers of a fixed shape.
// Each function writes at `at`, where the caller made room for the bound
// given with it, and returns the end of what it wrote: no check, no call.
#pragma once

#include <bit>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "time/digits.hpp"

namespace slakit::detail::json_text {

/// Room an integer needs: "-9223372036854775808".
inline constexpr std::size_t kIntegerBound = 20;
/// Room an instant needs, quotes included: "\"2026-03-06T15:00:00Z\"".
inline constexpr std::size_t kInstantBound = 22;

/// Copies `s` to `to`; short texts (names, numbers) with a pair of
/// overlapping loads and stores rather than a call.
inline char* copy(char* to, std::string_view s) noexcept {
  const char* from = s.data();
  const auto n = s.size();
  if (n >= 8 && n <= 16) {
    std::uint64_t a, b;
    std::memcpy(&a, from, 8);
    std::memcpy(&b, from + n - 8, 8);
    std::memcpy(to, &a, 8);
    std::memcpy(to + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    std::uint32_t a, b;
    std::memcpy(&a, from, 4);
    std::memcpy(&b, from + n - 4, 4);
    std::memcpy(to, &a, 4);
    std::memcpy(to + n - 4, &b, 4);
  } else if (n < 4) {
    for (std::size_t i = 0; i < n; ++i) to[i] = from[i];
  } else {
    std::memcpy(to, from, n);
  }
  return to + n;
}

/// The same for texts that are mostly 17 to 32 bytes long (members made
/// beforehand).
inline char* copy_medium(char* to, std::string_view s) noexcept {
  const auto n = s.size();
  if (n < 16 || n > 32) return copy(to, s);
  char a[16], b[16];
  std::memcpy(a, s.data(), 16);
  std::memcpy(b, s.data() + n - 16, 16);
  std::memcpy(to, a, 16);
  std::memcpy(to + n - 16, b, 16);
  return to + n;
}

/// Whether no byte of the eight-byte words `low` and `high` (two halves of
/// a text, or the same half twice) needs an escape or a check: printable
/// ASCII other than '"' and '\\'.
[[nodiscard]] inline bool plain_words(std::uint64_t low, std::uint64_t high) noexcept {
#if defined(__SSE2__)
  // Sixteen bytes in four compares; signed, a byte of 0x80 or more is below
  // 0x20 too.
  const auto x = _mm_set_epi64x(static_cast<long long>(high), static_cast<long long>(low));
  const auto bad = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
      _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F))));
  return _mm_movemask_epi8(bad) == 0;
#else
  // Eight bytes at a time; each test sets a byte's high bit where it hits.
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const auto zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const auto bad = [&](std::uint64_t x) {
    return zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\')) |
           zero_byte(x ^ (kOnes * 0x7F)) | ((x - kOnes * 0x20) & ~x & kHighs) | (x & kHighs);
  };
  return (bad(low) | bad(high)) == 0;
#endif
}

/// Whether no byte of `s` needs an escape or a check (plain_words): a text
/// of 4 to 16 bytes as two overlapping halves, a longer one sixteen bytes
/// at a time (the last block overlapping the one before).
[[nodiscard]] inline bool is_plain(std::string_view s) noexcept {
  const char* p = s.data();
  const auto n = s.size();
  std::uint64_t low, high;
  if (n < 8) {
    if (n < 4) {
      for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return false;
      }
      return true;
    }
    std::uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    low = std::uint64_t{last} << 32 | first;
    return plain_words(low, low);
  }
  for (std::size_t i = 0; i + 16 < n; i += 16) {
    std::memcpy(&low, p + i, 8);
    std::memcpy(&high, p + i + 8, 8);
    if (!plain_words(low, high)) return false;
  }
  if (n > 16) p += n - 16;
  std::memcpy(&low, p, 8);
  std::memcpy(&high, p + (n > 16 ? 8 : n - 8), 8);
  return plain_words(low, high);
}

/// The eight decimal digits of `v` (below 100,000,000) as the bytes of a
/// word, the most significant first in memory (little-endian), each 0 to 9:
/// all at once with multiplications (lanes of 32, then 16, then 8 bits;
/// after Lemire and Khuong), where dividing by 100 again and again cost a
/// dozen instructions a pair of digits.
[[nodiscard]] inline std::uint64_t eight_digits(std::uint32_t v) noexcept {
  const std::uint64_t halves = (v / 10000) | (std::uint64_t{v % 10000} << 32);
  const std::uint64_t high_pairs = ((halves * 10486) >> 20) & 0x0000007F0000007Full;  // /100
  const std::uint64_t pairs = ((halves - 100 * high_pairs) << 16) + high_pairs;
  std::uint64_t tens = ((pairs * 103) >> 10) & 0x000F000F000F000Full;  // /10
  tens += (pairs - 10 * tens) << 8;
  return tens;
}

inline constexpr std::uint64_t kZeros = 0x3030303030303030ull;  // "00000000"

/// Writes `v` (1 to 99,999,999) without leading zeros; stores eight bytes.
inline char* write_up_to_eight(char* at, std::uint32_t v) noexcept {
  const auto digits = eight_digits(v);
  const int zeros = std::countr_zero(digits) / 8;  // leading zero digits
  const auto text = (digits + kZeros) >> (8 * zeros);
  std::memcpy(at, &text, 8);
  return at + 8 - zeros;
}

/// Writes `v` (below 100,000,000) as exactly eight digits.
inline char* write_eight(char* at, std::uint32_t v) noexcept {
  const auto text = eight_digits(v) + kZeros;
  std::memcpy(at, &text, 8);
  return at + 8;
}

/// Writes `n` in decimal; stores at most kIntegerBound bytes (some past
/// the end it returns).
inline char* write_integer(char* at, std::int64_t n) noexcept {
  static_assert(std::endian::native == std::endian::little, "digits are stored as words");
  auto u = static_cast<std::uint64_t>(n);
  if (n < 0) {
    *at++ = '-';
    u = 0 - u;
  }
  if (u < 10) {
    *at = static_cast<char>('0' + u);
    return at + 1;
  }
  constexpr std::uint64_t k8 = 100'000'000;
  if (u < k8) return write_up_to_eight(at, static_cast<std::uint32_t>(u));  // most durations
  if (u < k8 * k8) {
    at = write_up_to_eight(at, static_cast<std::uint32_t>(u / k8));
    return write_eight(at, static_cast<std::uint32_t>(u % k8));
  }
  // At most 9,223,372,036,854,775,808: three digits, then sixteen.
  at = write_up_to_eight(at, static_cast<std::uint32_t>(u / (k8 * k8)));
  u %= k8 * k8;
  at = write_eight(at, static_cast<std::uint32_t>(u / k8));
  return write_eight(at, static_cast<std::uint32_t>(u % k8));
}

/// Two decimal digits of `v` (0 to 99) as the low two bytes of a word, in
/// the order they are stored (x86 and ARM are little-endian).
[[nodiscard]] inline std::uint64_t two_digits(long long v) noexcept {
  std::uint16_t pair;
  write_two_digits(reinterpret_cast<char*>(&pair), v);
  return pair;
}

/// The text of the days of the instants written: the instants of a line
/// share a few days (5.7 distinct ones in 19 instants on the workload) and
/// the lines of a file mostly a year or two, so a date is converted only
/// when its slot (the day number modulo kSlots) holds another day. A
/// conversion costs about 70 instructions, a hit about 10. One a thread
/// (thread_instant_dates), kept from line to line.
struct InstantDates {
  static constexpr std::size_t kSlots = 512;  // 12 KB: 512 days in a row all hit
  struct Slot {
    // The day number with its top bit flipped: zero (a day that cannot
    // occur, INT64_MIN) is an empty slot.
    std::uint64_t key;
    // "\"YYYY-MM-DDT" as two words (bytes 12 to 15 zero): built in registers
    // and stored whole, not byte by byte (a stall: docs/architecture.md,
    // Decisions).
    std::uint64_t text[2];
  };
  Slot slots[kSlots] = {};  // all empty

  [[nodiscard]] static std::uint64_t key_of(std::int64_t day) noexcept {
    return static_cast<std::uint64_t>(day) ^ (std::uint64_t{1} << 63);
  }
};

/// This thread's InstantDates (zero-initialized: no guard, no constructor).
[[nodiscard]] inline InstantDates& thread_instant_dates() noexcept {
  thread_local InstantDates dates;
  return dates;
}

/// Writes `t` as an RFC 3339 string in UTC, quotes included (at most
/// kInstantBound bytes), or returns null when its year is not 0 to 9999
/// (the caller writes format_utc's text instead).
inline char* write_instant(char* at, std::chrono::sys_seconds t, InstantDates& dates) noexcept {
  static_assert(std::endian::native == std::endian::little, "digits are stored as words");
  const auto seconds = t.time_since_epoch().count();
  auto day = seconds / 86400, second_of_day = seconds % 86400;
  if (second_of_day < 0) --day, second_of_day += 86400;
  auto& slot = dates.slots[static_cast<std::size_t>(day) % InstantDates::kSlots];
  const auto key = InstantDates::key_of(day);
  if (slot.key != key) {
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
    const auto y = static_cast<int>(date.year());
    if (y < 0 || y > 9999) return nullptr;
    slot.text[0] = '"' | two_digits(y / 100) << 8 | two_digits(y % 100) << 24 |
                   std::uint64_t{'-'} << 40 | two_digits(static_cast<unsigned>(date.month())) << 48;
    slot.text[1] =
        '-' | two_digits(static_cast<unsigned>(date.day())) << 8 | std::uint64_t{'T'} << 24;
    slot.key = key;
  }
  const auto& text = slot.text;
  // 0 to 86399: divided in 32 bits (shorter multiplications than in 64).
  const auto clock_seconds = static_cast<std::uint32_t>(second_of_day);
  const auto hours = clock_seconds / 3600, rest = clock_seconds % 3600;
  const std::uint64_t clock = two_digits(hours) | std::uint64_t{':'} << 16 |
                              two_digits(rest / 60) << 24 | std::uint64_t{':'} << 40 |
                              two_digits(rest % 60) << 48;
  std::memcpy(at, &text[0], 8);
  std::memcpy(at + 8, &text[1], 8);
  std::memcpy(at + 12, &clock, 8);  // over the date's four zero bytes
  at[20] = 'Z';
  at[21] = '"';
  return at + kInstantBound;
}

}  // namespace slakit::detail::json_text
