#include "core/sinusoidal_shift.hpp"

#include <cmath>
#include <cstddef>

#include "core/angles.hpp"

namespace pe {

namespace {

// The channels of pair j's sine and cosine in a row of dim = 2 * pairs values.
struct PairChannels {
  int sine, cosine;
};
PairChannels channels(int j, int pairs, SinusoidLayout layout) {
  if (layout == SinusoidLayout::interleaved) return {2 * j, 2 * j + 1};
  return {j, pairs + j};
}

}  // namespace

ShiftRotation shift_rotation(const std::vector<double>& frequencies, std::int64_t by) {
  const std::size_t pairs = frequencies.size();
  ShiftRotation rotation{std::vector<double>(pairs), std::vector<double>(pairs),
                         std::vector<double>(pairs)};
  for (std::size_t j = 0; j < pairs; ++j) {
    const double angle = static_cast<double>(by) * frequencies[j];
    rotation.angles[j] = std::fmod(angle, kTwoPi);
    rotation.cosines[j] = std::cos(angle);
    rotation.sines[j] = std::sin(angle);
  }
  return rotation;
}

std::vector<double> rotation_matrix(const ShiftRotation& rotation, SinusoidLayout layout) {
  const int pairs = static_cast<int>(rotation.angles.size());
  const int dim = 2 * pairs;
  std::vector<double> matrix(static_cast<std::size_t>(dim) * dim);
  for (int j = 0; j < pairs; ++j) {
    const auto [s, c] = channels(j, pairs, layout);
    double* sine_row = matrix.data() + static_cast<std::ptrdiff_t>(s) * dim;
    double* cosine_row = matrix.data() + static_cast<std::ptrdiff_t>(c) * dim;
    sine_row[s] = rotation.cosines[j];
    sine_row[c] = rotation.sines[j];
    cosine_row[s] = -rotation.sines[j];
    cosine_row[c] = rotation.cosines[j];
  }
  return matrix;
}

void rotate_sinusoid_row(const ShiftRotation& rotation, SinusoidLayout layout, const float* row,
                         double* out) {
  const int pairs = static_cast<int>(rotation.angles.size());
  for (int j = 0; j < pairs; ++j) {
    const auto [s, c] = channels(j, pairs, layout);
    const double cos_a = rotation.cosines[j], sin_a = rotation.sines[j];
    out[s] = cos_a * row[s] + sin_a * row[c];
    out[c] = -sin_a * row[s] + cos_a * row[c];
  }
}

}  // namespace pe
