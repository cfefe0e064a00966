#include "core/smooth_bits.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

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

  if (auto error = check(kSamplesPerPosition, samples_per_position)) return *error;

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

std::variant<SmoothBitsRequest, InputError> parse(const RawSmoothBits& raw) {
  return parse_smooth_bits_request(raw.start, raw.count, raw.dim, raw.samples_per_position);
}

void encode_smooth_bits(const SmoothBitsRequest& request, TableSink<float>& out,
                        const Blocks& blocks) {
  const std::int64_t samples = request.sample_count();
  const std::int64_t rows = blocks.rows(request.dim);
  std::vector<float> block(static_cast<std::size_t>(std::min(rows, samples) * request.dim));
  for (std::int64_t first = 0; first < samples; first += rows) {
    const std::int64_t kept = std::min(rows, samples - first);
    encode_smooth_bits(request, first, kept, block.data());
    out.write(first * request.dim, block.data(), kept * request.dim);
  }
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
