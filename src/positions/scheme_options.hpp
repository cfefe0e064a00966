#pragma once
// The options position schemes read (base, layout, pairing, scaling, slope), described once for
// pe.schemes and the page, and checked once for every request that carries them.
#include <string>
#include <variant>

#include "core/input_error.hpp"
#include "core/rope_request.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

// ALiBi's bias is -slope * |i - j|: the paper's 8-head slopes run from 1/2 to 1/256; past 16 a
// neighbour one position away is already e^-16 times less likely than the token itself.
constexpr double kMaxAlibiSlope = 16;

extern const SchemeOption kBaseOption;     // sinusoidal, rope
extern const SchemeOption kLayoutOption;   // sinusoidal
extern const SchemeOption kPairingOption;  // rope
extern const SchemeOption kScalingOption;  // rope
extern const SchemeOption kSlopeOption;    // alibi

// Caller input before any checking; the defaults are those of the descriptors above.
struct RawSchemeSettings {
  double base = 10000;
  std::string layout = "interleaved";
  std::string pairing = "interleaved";
  RawRopeScaling scaling;
  double slope = 0.5;
};

// Checks every option, used by the chosen scheme or not, so a bad value is reported whatever
// the kind: either the settings or the first problem found.
std::variant<SchemeSettings, InputError> parse_scheme_settings(const RawSchemeSettings& raw);

}  // namespace pe
