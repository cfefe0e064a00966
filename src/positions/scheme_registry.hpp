#pragma once
// The registry of position schemes: the one list every name, message, selector and test reads.
#include <string>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

// Every scheme, in the order the page offers them (the course's road: none, integer, binary,
// sinusoidal, RoPE, ALiBi; then GPT-2's learned table, random until a trainer trains it).
const std::vector<const PositionScheme*>& position_schemes();

// The scheme that adds no positions: the attention run "without positions" uses it.
const PositionScheme& no_positions();

// The scheme named kind, or a TypeError listing every name.
std::variant<const PositionScheme*, InputError> parse_scheme(const std::string& kind);

// The scheme named kind if it has a table to add to the input (what pe.encode returns), or a
// TypeError listing those names and saying where a scheme of another stage acts instead.
std::variant<const PositionScheme*, InputError> parse_input_scheme(const std::string& kind);

}  // namespace pe
