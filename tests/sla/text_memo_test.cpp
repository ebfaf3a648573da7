// The thread's memo of texts made into slot values (src/program/field_slots.hpp):
// whatever it remembers, a value must be what the layout alone gives, and a
// value that does not fit its field must fail every time.
#include <doctest/doctest.h>

#include <slakit/error.hpp>

#include "program/field_slots.hpp"

using namespace slakit;
using namespace slakit::detail;

namespace {

FieldLayout layout_of(std::vector<std::string> members) {
  std::vector<FieldInfo> fields{{"ticket.status", FieldType::text, {}},
                                {"customer.region", FieldType::one_of, std::move(members)}};
  FieldLayout layout{fields, {"ticket.status", "customer.region"}};
  layout.mark_used(*layout.slot("ticket.status"));
  layout.mark_used(*layout.slot("customer.region"));
  return layout;
}

}  // namespace

TEST_CASE("text memo: each layout's codes, whichever layout the memo saw first") {
  auto a = layout_of({"emea", "amer"});
  auto b = layout_of({"amer", "emea"});
  const Slot region = *a.slot("customer.region");
  TextMemo memo;
  for (int round = 0; round < 2; ++round) {
    for (const auto* layout : {&a, &b}) {
      for (const std::string_view text : {"emea", "amer"}) {
        const auto v = layout->text_value(region, text, "T-1", true, memo);
        CHECK(v.present);
        CHECK(v.text == text);
        CHECK(v.code == layout->code(text));
        CHECK(v.code == layout->text_value(region, text, "T-1").code);
      }
    }
  }
  CHECK(a.code("emea") != b.code("emea"));
}

// "A value of the wrong type for its field (... a value a `one of` field
// does not list) is an error that names the ticket, the field and the value."
TEST_CASE("text memo: a value its field does not list fails every time") {
  auto layout = layout_of({"emea", "amer"});
  const Slot region = *layout.slot("customer.region");
  TextMemo memo;
  // Taken where the engine writes its own values unchecked, then asked for
  // as a ticket's value: the memo must not let it through.
  CHECK(layout.text_value(region, "mars", "T-1", false, memo).code == kUnknownText);
  for (int i = 0; i < 3; ++i) {
    CHECK_THROWS_AS((void)layout.text_value(region, "mars", "T-2", true, memo), TicketError);
  }
}

TEST_CASE("text memo: a text interned after it was remembered gets its code") {
  auto layout = layout_of({"emea"});
  const Slot status = *layout.slot("ticket.status");
  TextMemo memo;
  // Texts from one byte to the longest kept, and one longer.
  for (const std::string_view text :
       {"o", "on", "new", "open", "solved", "pending", "pending_customer",
        "waiting_on_third_party_", "waiting_on_third_party_x", "waiting_on_third_party_xy"}) {
    CAPTURE(text);
    CHECK(layout.text_value(status, text, "T-1", true, memo).code == kUnknownText);
    const auto code = layout.intern(text);
    CHECK(layout.text_value(status, text, "T-1", true, memo).code == code);
  }
  // Texts that share their first, middle and last bytes are told apart.
  const auto x = layout.intern("pending_customer");
  const auto y = layout.intern("pending_cUstomer");
  CHECK(layout.text_value(status, "pending_customer", "T-1", true, memo).code == x);
  CHECK(layout.text_value(status, "pending_cUstomer", "T-1", true, memo).code == y);
  CHECK(!layout.text_value(status, "", "T-1", true, memo).present);
}
