#include "core/encoding_request.hpp"

#include <cmath>

namespace pe {

namespace {

std::variant<SinusoidLayout, InputError> parse_layout(const std::string& layout) {
  if (layout == "interleaved") return SinusoidLayout::interleaved;
  if (layout == "split") return SinusoidLayout::split;
  return InputError{ErrorKind::type,
                    "layout must be \"interleaved\" or \"split\"; received \"" + layout + "\""};
}

}  // namespace

std::variant<Encoding, InputError> parse_encoding_kind(const std::string& kind) {
  if (kind == "integer") return Encoding::integer;
  if (kind == "binary") return Encoding::binary;
  if (kind == "sinusoidal") return Encoding::sinusoidal;
  return InputError{ErrorKind::type,
                    "kind must be \"integer\", \"binary\" or \"sinusoidal\"; received \"" + kind +
                        "\""};
}

std::variant<EncodingRequest, InputError> parse_encoding_request(const RawEncodingRequest& raw) {
  EncodingRequest request;

  auto encoding = parse_encoding_kind(raw.kind);
  if (auto* error = std::get_if<InputError>(&encoding)) return *error;
  request.encoding = std::get<Encoding>(encoding);

  auto layout = parse_layout(raw.layout);
  if (auto* error = std::get_if<InputError>(&layout)) return *error;
  request.layout = std::get<SinusoidLayout>(layout);

  if (!is_integer_in(raw.dim, 1, kMaxDim))
    return range_error("dim", "an integer from 1 to 4096", raw.dim);
  request.dim = static_cast<int>(raw.dim);
  if (request.encoding == Encoding::sinusoidal && request.dim % 2 != 0)
    return range_error("dim", "even for sinusoidal encoding (one sin/cos pair per frequency)",
                       raw.dim);

  if (!is_integer_in(raw.start, 0, kMaxPosition))
    return range_error("start", "an integer from 0 to 2147483647 (2^31 - 1)", raw.start);
  request.start = static_cast<std::int64_t>(raw.start);

  const auto max_count = kMaxPosition - request.start + 1;
  if (!is_integer_in(raw.count, 0, static_cast<double>(max_count)))
    return range_error("count",
                       "an integer from 0 to " + std::to_string(max_count) +
                           " (the last position, start + count - 1, may be at most 2^31 - 1)",
                       raw.count);
  request.count = static_cast<std::int64_t>(raw.count);

  if (request.value_count() > kMaxValues)
    return InputError{ErrorKind::range,
                      "count * dim must be at most 16777216 values per table; received " +
                          std::to_string(request.count) + " * " + std::to_string(request.dim) +
                          " = " + std::to_string(request.value_count())};

  if (!(std::isfinite(raw.base) && raw.base > 1))
    return range_error("base", "a finite number greater than 1", raw.base);
  request.base = raw.base;

  return request;
}

}  // namespace pe
