#include "positions/encode_request.hpp"

#include <algorithm>
#include <vector>

namespace pe {

std::variant<EncodeRequest, InputError> parse_encode_request(const RawEncodeRequest& raw) {
  EncodeRequest request;
  auto scheme = parse_input_scheme(raw.scheme);
  if (auto* error = std::get_if<InputError>(&scheme)) return *error;
  request.scheme = std::get<const PositionScheme*>(scheme);

  auto options = parse_scheme_options(raw.scheme_options);
  if (auto* error = std::get_if<InputError>(&options)) return *error;
  request.scheme_options = std::get<SchemeOptions>(options);

  auto range = parse_position_range(raw.start, raw.count, raw.dim);
  if (auto* error = std::get_if<InputError>(&range)) return *error;
  request.range = std::get<PositionRange>(range);

  if (auto error = check_scheme_dim(*request.scheme, request.range.dim)) return *error;
  return request;
}

void encode(const EncodeRequest& request, float* out) {
  const PositionRange& range = request.range;
  request.scheme->encode(request.scheme_options, range.start, range.count, range.dim, out);
}

void encode(const EncodeRequest& request, TableSink<float>& out, const Blocks& blocks) {
  const PositionRange& whole = request.range;
  const std::int64_t rows = blocks.rows(whole.dim);
  std::vector<float> block(static_cast<std::size_t>(std::min(rows, whole.count) * whole.dim));
  EncodeRequest part = request;
  for (std::int64_t row = 0; row < whole.count; row += rows) {
    part.range.start = whole.start + row;
    part.range.count = std::min(rows, whole.count - row);
    encode(part, block.data());
    out.write(row * whole.dim, block.data(), part.range.value_count());
  }
}

}  // namespace pe
