#include "positions/encode_request.hpp"

#include "positions/scheme_registry.hpp"

namespace pe {

std::variant<EncodeRequest, InputError> parse_encode_request(const RawEncodeRequest& raw) {
  EncodeRequest request;
  auto scheme = parse_input_scheme(raw.kind);
  if (auto* error = std::get_if<InputError>(&scheme)) return *error;
  request.scheme = std::get<const PositionScheme*>(scheme);

  auto settings = parse_scheme_settings(raw.options);
  if (auto* error = std::get_if<InputError>(&settings)) return *error;
  request.settings = std::get<SchemeSettings>(settings);

  auto range = parse_position_range(raw.start, raw.count, raw.dim);
  if (auto* error = std::get_if<InputError>(&range)) return *error;
  request.range = std::get<PositionRange>(range);

  if (auto error = check_scheme_dim(*request.scheme, request.range.dim)) return *error;
  return request;
}

void encode(const EncodeRequest& request, float* out) {
  const PositionRange& range = request.range;
  request.scheme->encode(request.settings, range.start, range.count, range.dim, out);
}

}  // namespace pe
