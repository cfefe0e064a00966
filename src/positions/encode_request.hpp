#pragma once
// One request for a table of positional vectors (pe.encode): a scheme that acts on the input,
// the positions, and the scheme's options, checked before anything is computed.
#include <string>
#include <tuple>
#include <variant>

#include "core/caller_table.hpp"
#include "core/input_error.hpp"
#include "core/position_range.hpp"
#include "positions/position_scheme.hpp"
#include "positions/scheme_options.hpp"
#include "positions/scheme_registry.hpp"

namespace pe {

struct EncodeRequest {
  const PositionScheme* scheme = nullptr;  // stage input
  PositionRange range;
  SchemeOptions scheme_options;
};

// Caller input before any checking.
struct RawEncodeRequest {
  std::string scheme;  // JS kind
  double start = kStart.number();
  double count = 0;
  double dim = 0;
  RawSchemeOptions scheme_options;
};
// The options of the input schemes only: the others' would have no effect on a table.
inline constexpr std::tuple kEncodeOptions{
    option<&RawEncodeRequest::scheme>(kInputScheme),
    option<&RawEncodeRequest::start>(kStart),
    option<&RawEncodeRequest::count>(kCount),
    option<&RawEncodeRequest::dim>(kTableDim),
    option<&RawEncodeRequest::scheme_options, &RawSchemeOptions::base>(kBase),
    option<&RawEncodeRequest::scheme_options, &RawSchemeOptions::layout>(kLayout),
};

// Checks the scheme, the options, the range and then whether the scheme can use dim.
std::variant<EncodeRequest, InputError> parse_encode_request(const RawEncodeRequest& raw);
inline auto parse(const RawEncodeRequest& raw) { return parse_encode_request(raw); }

// Fills out, which must hold request.range.value_count() floats: out[r * dim + i] is dimension i
// of position start + r.
void encode(const EncodeRequest& request, float* out);

// The same table written into out a block of rows at a time, so it is never held here whole.
void encode(const EncodeRequest& request, TableSink<float>& out, const Blocks& blocks = {});

}  // namespace pe
