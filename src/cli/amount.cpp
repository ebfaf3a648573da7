#include "amount.hpp"
#include "support/utf8.hpp"

#include <fmt/format.h>
#include <slakit/error.hpp>

namespace slakit::cli {

Amount parse_amount(std::string_view text) {
  auto fail = [&] {
    throw InvalidArgument(
        fmt::format("invalid duration {}: expected business time like 90m, 1h30m, 8h, 45s or 3bd",
                    detail::quoted(text)));
  };
  Amount a;
  std::size_t i = 0;
  bool time = false;
  if (text.empty()) fail();
  while (i < text.size()) {
    long long n = 0;
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      n = n * 10 + (text[i++] - '0');
      if (n > 1'000'000'000) fail();
    }
    if (i == start || i == text.size()) fail();
    if (text.compare(i, 2, "bd") == 0) {
      a.business_days += static_cast<int>(n);
      a.days = true;
      i += 2;
    } else if (text[i] == 'h' || text[i] == 'm' || text[i] == 's') {
      a.time += Seconds{n * (text[i] == 'h' ? 3600 : text[i] == 'm' ? 60 : 1)};
      time = true;
      ++i;
    } else {
      fail();
    }
  }
  if (a.days && time) fail();
  return a;
}

}  // namespace slakit::cli
