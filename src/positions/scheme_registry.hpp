#pragma once
// The registry of position schemes: the one list every name, message, selector and test reads.
#include <string>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "core/options.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

// Every scheme, in the order the page offers them (the course's road: none, integer, binary,
// sinusoidal, RoPE, ALiBi; then GPT-2's learned table, random until a trainer trains it).
const std::vector<const PositionScheme*>& position_schemes();

// The scheme that adds no positions: the attention run "without positions" uses it.
const PositionScheme& no_positions();

// The schemes' names (and labels), every scheme's or those that add a table to the input.
std::vector<OptionChoice> scheme_choices();
std::vector<OptionChoice> input_scheme_choices();

// The option that names a scheme. Its public name is "kind" (kept for the API and the page's
// links); everywhere else, in C++, JS and the docs, the concept is the scheme.
inline constexpr OptionSpec kScheme{"kind", "binary", one_of_choices(),
                                    "the position scheme: a name of pe.schemes", &scheme_choices};
// pe.encode's: a scheme that adds a table to the input.
inline constexpr OptionSpec kInputScheme{"kind", Required{}, one_of_choices(),
                                         "a scheme that adds a table to the input",
                                         &input_scheme_choices};

// The scheme named name, or a TypeError listing every name.
std::variant<const PositionScheme*, InputError> parse_scheme(const std::string& name);

// The scheme named name if it has a table to add to the input (what pe.encode returns), or a
// TypeError listing those names and saying where a scheme of another stage acts instead.
std::variant<const PositionScheme*, InputError> parse_input_scheme(const std::string& name);

}  // namespace pe
