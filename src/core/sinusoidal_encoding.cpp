#include "core/sinusoidal_encoding.hpp"

#include <cmath>
#include <vector>

namespace pe {

namespace {

// Consecutive rows are one rotation apart: (sin, cos) at p + 1 is (sin, cos) at p rotated by
// w_k. Rotating costs 4 multiplies instead of two libm calls, which is what makes the table
// fast; re-anchoring with exact sin/cos every kAnchorRows rows keeps the drift below 1e-13.
constexpr std::int64_t kAnchorRows = 256;

struct PairState {
  std::vector<double> sin_now, cos_now;    // sin(p w_k), cos(p w_k) for the current row
  std::vector<double> sin_step, cos_step;  // sin(w_k), cos(w_k)
  std::vector<double> frequency;           // w_k
};

PairState make_pairs(int pairs, int dim, double base) {
  PairState s{std::vector<double>(pairs), std::vector<double>(pairs), std::vector<double>(pairs),
              std::vector<double>(pairs), std::vector<double>(pairs)};
  for (int k = 0; k < pairs; ++k) {
    s.frequency[k] = std::pow(base, -2.0 * k / dim);
    s.sin_step[k] = std::sin(s.frequency[k]);
    s.cos_step[k] = std::cos(s.frequency[k]);
  }
  return s;
}

void anchor(PairState& s, std::int64_t position) {
  for (std::size_t k = 0; k < s.frequency.size(); ++k) {
    const double angle = static_cast<double>(position) * s.frequency[k];
    s.sin_now[k] = std::sin(angle);
    s.cos_now[k] = std::cos(angle);
  }
}

void advance(PairState& s) {
  for (std::size_t k = 0; k < s.frequency.size(); ++k) {
    const double sin_next = s.sin_now[k] * s.cos_step[k] + s.cos_now[k] * s.sin_step[k];
    const double cos_next = s.cos_now[k] * s.cos_step[k] - s.sin_now[k] * s.sin_step[k];
    s.sin_now[k] = sin_next;
    s.cos_now[k] = cos_next;
  }
}

}  // namespace

void encode_sinusoidal(std::int64_t start, std::int64_t count, int dim, double base,
                       SinusoidLayout layout, float* out) {
  const int pairs = dim / 2;
  PairState state = make_pairs(pairs, dim, base);
  for (std::int64_t r = 0; r < count; ++r) {
    if (r % kAnchorRows == 0) anchor(state, start + r);
    float* row = out + r * dim;
    if (layout == SinusoidLayout::interleaved) {
      for (int k = 0; k < pairs; ++k) {
        row[2 * k] = static_cast<float>(state.sin_now[k]);
        row[2 * k + 1] = static_cast<float>(state.cos_now[k]);
      }
    } else {
      for (int k = 0; k < pairs; ++k) {
        row[k] = static_cast<float>(state.sin_now[k]);
        row[pairs + k] = static_cast<float>(state.cos_now[k]);
      }
    }
    advance(state);
  }
}

}  // namespace pe
