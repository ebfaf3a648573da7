// The pieces of the engine's JSON, shared by to_json(Evaluation),
// to_json(Explanation) and Explanation::json().
#pragma once

#include "slakit/sla/evaluation.hpp"
#include "slakit/sla/explain.hpp"
#include "support/json_writer.hpp"

namespace slakit::detail {

/// The members of an evaluation's object (id, now, sla, ..., metrics), first in
/// an object just begun by a compact writer.
void write_evaluation_members(JsonWriter& w, const Evaluation& e);

/// The reasons of an explanation, as one object.
void write_reasons(JsonWriter& w, const Explanation& x);

}  // namespace slakit::detail
