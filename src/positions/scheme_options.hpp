#pragma once
// The options position schemes read (base, layout, pairing, scaling, slope; declared in
// core/encoding_options.hpp), kept together in every request that names a scheme and checked
// once for all of them.
#include <string>
#include <tuple>
#include <variant>

#include "core/encoding_options.hpp"
#include "core/input_error.hpp"
#include "core/rope_request.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

// Caller input before any checking; the defaults are the options' own.
struct RawSchemeOptions {
  double base = kBase.number();
  std::string layout = kLayout.text();
  std::string pairing = kPairing.text();
  RawRopeScaling scaling;
  double slope = kSlope.number();
};

// Every scheme option, in the order pe.analyze lists them; a request that names a scheme keeps
// them in its raw request's scheme_options.
template <typename Raw>
constexpr auto scheme_options_of() {
  return std::tuple{
      option<&Raw::scheme_options, &RawSchemeOptions::base>(kBase),
      option<&Raw::scheme_options, &RawSchemeOptions::layout>(kLayout),
      option<&Raw::scheme_options, &RawSchemeOptions::pairing>(kPairing),
      option<&Raw::scheme_options, &RawSchemeOptions::scaling>(kScaling),
      option<&Raw::scheme_options, &RawSchemeOptions::slope>(kSlope),
  };
}

// Checks every option, used by the chosen scheme or not, so a bad value is reported whatever
// the scheme: either the options or the first problem found.
std::variant<SchemeOptions, InputError> parse_scheme_options(const RawSchemeOptions& raw);

}  // namespace pe
