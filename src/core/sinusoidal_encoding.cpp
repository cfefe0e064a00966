#include "core/sinusoidal_encoding.hpp"

#include "core/angles.hpp"

namespace pe {

void encode_sinusoidal(std::int64_t start, std::int64_t count, int dim, double base,
                       SinusoidLayout layout, float* out) {
  encode_sinusoid_pairs(inverse_frequencies(dim, base), start, count, layout, out);
}

void encode_sinusoid_pairs(const std::vector<double>& frequencies, std::int64_t start,
                           std::int64_t count, SinusoidLayout layout, float* out) {
  const int pairs = static_cast<int>(frequencies.size());
  const int dim = 2 * pairs;
  PairAngles angles(frequencies, start);
  for (std::int64_t r = 0; r < count; ++r, angles.next()) {
    float* row = out + r * dim;
    if (layout == SinusoidLayout::interleaved) {
      for (int k = 0; k < pairs; ++k) {
        row[2 * k] = static_cast<float>(angles.sin(k));
        row[2 * k + 1] = static_cast<float>(angles.cos(k));
      }
    } else {
      for (int k = 0; k < pairs; ++k) {
        row[k] = static_cast<float>(angles.sin(k));
        row[pairs + k] = static_cast<float>(angles.cos(k));
      }
    }
  }
}

}  // namespace pe
