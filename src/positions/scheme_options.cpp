#include "positions/scheme_options.hpp"

namespace pe {

std::variant<SchemeOptions, InputError> parse_scheme_options(const RawSchemeOptions& raw) {
  SchemeOptions options;
  if (auto error = check(kBase, raw.base)) return *error;
  options.base = raw.base;

  auto layout = check_choice(kLayout, raw.layout);
  if (auto* error = std::get_if<InputError>(&layout)) return *error;
  options.layout = static_cast<SinusoidLayout>(std::get<std::size_t>(layout));

  auto pairing = parse_rope_pairing(raw.pairing);
  if (auto* error = std::get_if<InputError>(&pairing)) return *error;
  options.pairing = std::get<RopePairing>(pairing);

  auto scaling = parse_rope_scaling(raw.scaling);
  if (auto* error = std::get_if<InputError>(&scaling)) return *error;
  options.scaling = std::get<RopeScaling>(scaling);

  if (auto error = check(kSlope, raw.slope)) return *error;
  options.slope = raw.slope;
  return options;
}

}  // namespace pe
