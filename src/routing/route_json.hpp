// The line `slakit route` prints for a routing, appended to a buffer the
// caller reuses: to_json(Routing) without a string per ticket.
#pragma once

#include <slakit/routing/route.hpp>

#include <string>

namespace slakit::detail {

/// Appends to_json(r) to `out` (without the newline).
void append_json(const Routing& r, std::string& out);

}  // namespace slakit::detail
