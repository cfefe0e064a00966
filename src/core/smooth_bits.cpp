#include "core/smooth_bits.hpp"

#include <cmath>
#include <string>

#include "core/angles.hpp"

namespace pe {

double smooth_bit(double x, int index) {
  const double period = std::ldexp(2.0, index);
  const double phase = std::fmod(x + 0.5, period) / period;  // in [0, 1) for x >= -1/2
  return (1.0 - std::sin(kTwoPi * phase)) / 2.0;
}

std::variant<SmoothBitsRequest, InputError> parse_smooth_bits_request(double start, double count,
                                                                      double dim,
                                                                      double samples_per_position) {
  const auto parsed = parse_position_range(start, count, dim);
  if (const auto* error = std::get_if<InputError>(&parsed)) return *error;
  const auto& table = std::get<PositionRange>(parsed);

  if (!is_integer_in(samples_per_position, 1, kMaxSamplesPerPosition))
    return range_error("samplesPerPosition",
                       "an integer from 1 to " + std::to_string(kMaxSamplesPerPosition),
                       samples_per_position);

  SmoothBitsRequest request{table.start, table.count, table.dim,
                            static_cast<int>(samples_per_position)};
  const std::int64_t values = request.sample_count() * request.dim;
  if (values > kMaxValues)
    return InputError{ErrorKind::range,
                      "(count * samplesPerPosition + 1) * dim must be at most 16777216 values; "
                      "received " +
                          std::to_string(values)};
  return request;
}

void encode_smooth_bits(const SmoothBitsRequest& request, float* out) {
  encode_smooth_bits(request, 0, request.sample_count(), out);
}

void encode_smooth_bits(const SmoothBitsRequest& request, std::int64_t first, std::int64_t samples,
                        float* out) {
  for (std::int64_t s = first; s < first + samples; ++s) {
    const double x =
        static_cast<double>(request.start) + static_cast<double>(s) / request.samples_per_position;
    float* row = out + (s - first) * request.dim;
    for (int i = 0; i < request.dim; ++i) row[i] = static_cast<float>(smooth_bit(x, i));
  }
}

}  // namespace pe
