#include "positions/scheme_options.hpp"

#include <cmath>

namespace pe {

const SchemeOption kBaseOption{
    "base",
    "base",
    OptionType::number,
    10000,
    {},
    "The frequencies are base^(-2k/d): a larger base makes the slowest pairs turn more slowly."};

const SchemeOption kLayoutOption{"layout",
                                 "layout",
                                 OptionType::choice,
                                 0,
                                 {{"interleaved", "interleaved: sin, cos, sin, cos, … (the paper)"},
                                  {"split", "split: all sines, then all cosines"}},
                                 "The order of the sin and cos columns; the values are the same."};

const SchemeOption kPairingOption{
    "pairing",
    "pairing",
    OptionType::choice,
    0,
    {{"interleaved", "interleaved: (x₀, x₁), (x₂, x₃), … (RoFormer, Meta, DeepSeek)"},
     {"half", "half: (x₀, x_d/2), (x₁, x_d/2+1), … (GPT-NeoX, Hugging Face)"}},
    "Which two components of a query or key turn together."};

const SchemeOption kScalingOption{
    "scaling",
    "long-context scaling",
    OptionType::scaling,
    0,
    {},
    "Llama 3's or YaRN's rescaled frequencies, for contexts longer than the model was trained on."};

const SchemeOption kSlopeOption{
    "slope",
    "slope",
    OptionType::number,
    0.5,
    {},
    "The bias is -slope × |i - j|: ALiBi's head 1 of 8 uses 1/2, head 8 uses 1/256."};

namespace {

std::variant<SinusoidLayout, InputError> parse_layout(const std::string& layout) {
  if (layout == "interleaved") return SinusoidLayout::interleaved;
  if (layout == "split") return SinusoidLayout::split;
  return InputError{ErrorKind::type,
                    "layout must be \"interleaved\" or \"split\"; received \"" + layout + "\""};
}

}  // namespace

std::variant<SchemeSettings, InputError> parse_scheme_settings(const RawSchemeSettings& raw) {
  SchemeSettings settings;
  if (!(std::isfinite(raw.base) && raw.base > 1))
    return range_error("base", "a finite number greater than 1", raw.base);
  settings.base = raw.base;

  auto layout = parse_layout(raw.layout);
  if (auto* error = std::get_if<InputError>(&layout)) return *error;
  settings.layout = std::get<SinusoidLayout>(layout);

  auto pairing = parse_rope_pairing(raw.pairing);
  if (auto* error = std::get_if<InputError>(&pairing)) return *error;
  settings.pairing = std::get<RopePairing>(pairing);

  auto scaling = parse_rope_scaling(raw.scaling);
  if (auto* error = std::get_if<InputError>(&scaling)) return *error;
  settings.scaling = std::get<RopeScaling>(scaling);

  if (!(raw.slope > 0 && raw.slope <= kMaxAlibiSlope))
    return range_error("slope", "a number greater than 0 and at most 16", raw.slope);
  settings.slope = raw.slope;
  return settings;
}

}  // namespace pe
