#pragma once
// One request for a table of positional vectors (pe.encode): a scheme that acts on the input,
// the positions, and the scheme's options, checked before anything is computed.
#include <string>
#include <variant>

#include "core/input_error.hpp"
#include "core/position_range.hpp"
#include "positions/position_scheme.hpp"
#include "positions/scheme_options.hpp"

namespace pe {

struct EncodeRequest {
  const PositionScheme* scheme = nullptr;  // stage input
  PositionRange range;
  SchemeSettings settings;
};

// Caller input before any checking.
struct RawEncodeRequest {
  std::string kind;
  double start = 0;
  double count = 0;
  double dim = 0;
  RawSchemeSettings options;
};

// Checks the kind, the options, the range and then whether the scheme can use dim.
std::variant<EncodeRequest, InputError> parse_encode_request(const RawEncodeRequest& raw);

// Fills out, which must hold request.range.value_count() floats: out[r * dim + i] is dimension i
// of position start + r.
void encode(const EncodeRequest& request, float* out);

}  // namespace pe
