#include "core/rotary.hpp"

#include "core/angles.hpp"

namespace pe {

// Pair k sits at from's channels in the input and at to's channels in the output.
std::vector<int> pairing_permutation(int dim, RopePairing from, RopePairing to) {
  std::vector<int> permutation(dim);
  for (int k = 0; k < dim / 2; ++k) {
    permutation[first_channel(to, k)] = first_channel(from, k);
    permutation[second_channel(to, k, dim)] = second_channel(from, k, dim);
  }
  return permutation;
}

void rotate_rows(const std::vector<double>& frequencies, RopePairing pairing, std::int64_t start,
                 std::int64_t count, int dim, float* rows, std::int64_t stride) {
  const int pairs = dim / 2;
  // Pair k is (row[k * x_step], row[k * x_step + y_offset]).
  const int x_step = pairing == RopePairing::interleaved ? 2 : 1;
  const int y_offset = pairing == RopePairing::interleaved ? 1 : pairs;
  PairAngles angles(frequencies, start);
  for (std::int64_t r = 0; r < count; ++r, angles.next()) {
    float* row = rows + r * stride;
    for (int k = 0; k < pairs; ++k) {
      float* x = row + k * x_step;
      float* y = x + y_offset;
      const double cos = angles.cos(k), sin = angles.sin(k);
      const double x_in = *x, y_in = *y;
      *x = static_cast<float>(x_in * cos - y_in * sin);
      *y = static_cast<float>(x_in * sin + y_in * cos);
    }
  }
}

}  // namespace pe
