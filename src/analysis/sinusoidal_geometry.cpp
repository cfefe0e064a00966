#include "analysis/sinusoidal_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "analysis/vector_geometry.hpp"
#include "core/angles.hpp"
#include "core/binary_encoding.hpp"
#include "positions/encode_request.hpp"

namespace pe {

namespace {

constexpr std::int64_t kBlockRows = 256;

}  // namespace

std::variant<ShiftRotationRequest, InputError> parse_shift_rotation_request(
    double start, double count, double dim, const RawSchemeOptions& options, double by) {
  const auto parsed = parse_encode_request({"sinusoidal", start, count, dim, options});
  if (const auto* error = std::get_if<InputError>(&parsed)) return *error;
  const auto& table = std::get<EncodeRequest>(parsed);

  const std::int64_t last = std::max(table.range.start, table.range.start + table.range.count - 1);
  const std::int64_t max_by = kMaxPosition - last;
  if (!is_integer_in(by, 0, static_cast<double>(max_by)))
    return range_error(kRotationBy.name,
                       "an integer from 0 to " + std::to_string(max_by) +
                           " (the last position shifted, start + count - 1 + by, may be at most "
                           "2^31 - 1)",
                       by);
  return ShiftRotationRequest{table.range, table.scheme_options.base, table.scheme_options.layout,
                              static_cast<std::int64_t>(by)};
}

std::variant<ShiftRotationRequest, InputError> parse(const RawShiftRotation& raw) {
  return parse_shift_rotation_request(raw.start, raw.count, raw.dim, raw.scheme_options, raw.by);
}

ShiftCheck check_shift(const ShiftRotationRequest& request) {
  const auto [start, count, dim] = request.range;
  ShiftCheck check;
  check.rotation = shift_rotation(inverse_frequencies(dim, request.base), request.by);
  const ShiftRotation& rotation = check.rotation;
  const std::int64_t rows = std::min(kBlockRows, count);
  std::vector<float> here(static_cast<std::size_t>(rows * dim));
  std::vector<float> there(here.size());
  std::vector<double> turned(static_cast<std::size_t>(dim));
  for (std::int64_t first = 0; first < count; first += rows) {
    const std::int64_t n = std::min(rows, count - first);
    encode_sinusoidal(start + first, n, dim, request.base, request.layout, here.data());
    encode_sinusoidal(start + first + request.by, n, dim, request.base, request.layout,
                      there.data());
    for (std::int64_t r = 0; r < n; ++r) {
      const float* from = here.data() + r * dim;
      const float* to = there.data() + r * dim;
      rotate_sinusoid_row(rotation, request.layout, from, turned.data());
      double squared = 0;
      for (int i = 0; i < dim; ++i) {
        const double difference = turned[i] - to[i];
        squared += difference * difference;
      }
      const double error = std::sqrt(squared);
      if (check.at < 0 || error > check.max_error) {
        check.max_error = error;
        check.at = start + first + r;
      }
      const double rounding = kFloat32Unit * (row_norm(from, dim) + row_norm(to, dim)) +
                              2e-13 * std::sqrt(static_cast<double>(dim));
      if (error > rounding) check.identical = false;
    }
  }
  if (dim <= kMaxRotationMatrixDim) check.matrix = rotation_matrix(rotation, request.layout);
  return check;
}

std::variant<NeighbourStepsRequest, InputError> parse_neighbour_steps_request(double start,
                                                                              double count,
                                                                              double bits) {
  if (auto error = check(kBits, bits)) return *error;
  if (auto error = check(kStart, start)) return *error;
  const std::int64_t max_count =
      std::min(kMaxNeighbourSteps, kMaxPosition - static_cast<std::int64_t>(start));
  if (!is_integer_in(count, 0, static_cast<double>(max_count)))
    return range_error(kNeighbourCount.name,
                       "an integer from 0 to " + std::to_string(max_count) +
                           " (at most 1048576 steps; the last step ends at start + count, which "
                           "may be at most 2^31 - 1)",
                       count);
  return NeighbourStepsRequest{static_cast<std::int64_t>(start), static_cast<std::int64_t>(count),
                               static_cast<int>(bits)};
}

std::variant<NeighbourStepsRequest, InputError> parse(const RawNeighbourSteps& raw) {
  return parse_neighbour_steps_request(raw.start, raw.count, raw.bits);
}

std::variant<RopeFrequencyRequest, InputError> parse(const RawSinusoidalFrequencies& raw) {
  return parse_rope_frequency_request(raw.dim, raw.base, {});
}

SinusoidalFrequencies sinusoidal_frequencies(const RopeFrequencyRequest& request) {
  std::vector<double> frequencies = inverse_frequencies(request.dim, request.base);
  std::vector<double> lengths = wavelengths(frequencies);
  return {std::move(frequencies), std::move(lengths)};
}

NeighbourSteps neighbour_steps(const NeighbourStepsRequest& request) {
  const int bits = request.bits;
  NeighbourSteps steps{std::vector<double>(bits), std::vector<double>(request.count),
                       std::vector<double>(request.count)};
  std::vector<double> frequencies(bits);
  for (int i = 0; i < bits; ++i) {
    steps.periods[i] = std::ldexp(2.0, i);
    frequencies[i] = kTwoPi / steps.periods[i];
  }
  // Each block holds the positions of kBlockRows steps and the one after the last.
  std::vector<float> binary(static_cast<std::size_t>((kBlockRows + 1) * bits));
  std::vector<float> sinusoidal(2 * binary.size());
  for (std::int64_t first = 0; first < request.count; first += kBlockRows) {
    const std::int64_t n = std::min(kBlockRows, request.count - first);
    const std::int64_t position = request.start + first;
    encode_binary(position, n + 1, bits, binary.data());
    encode_sinusoid_pairs(frequencies, position, n + 1, SinusoidLayout::interleaved,
                          sinusoidal.data());
    for (std::int64_t r = 0; r < n; ++r) {
      steps.binary[first + r] =
          row_distance(binary.data() + r * bits, binary.data() + (r + 1) * bits, bits);
      steps.sinusoidal[first + r] = row_distance(sinusoidal.data() + r * 2 * bits,
                                                 sinusoidal.data() + (r + 1) * 2 * bits, 2 * bits);
    }
  }
  const auto spread = [](const std::vector<double>& lengths) {
    if (lengths.empty()) return 0.0;
    const auto [low, high] = std::minmax_element(lengths.begin(), lengths.end());
    return *high - *low;
  };
  steps.binary_even = spread(steps.binary) == 0;
  steps.sinusoidal_even =
      spread(steps.sinusoidal) <= 4 * kFloat32Unit * std::sqrt(static_cast<double>(bits));
  return steps;
}

}  // namespace pe
