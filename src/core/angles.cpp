#include "core/angles.hpp"

#include <cmath>
#include <utility>

namespace pe {

std::vector<double> inverse_frequencies(int dim, double base) {
  std::vector<double> frequencies(dim / 2);
  for (int k = 0; k < dim / 2; ++k) frequencies[k] = std::pow(base, -2.0 * k / dim);
  return frequencies;
}

std::vector<double> wavelengths(const std::vector<double>& frequencies) {
  std::vector<double> out(frequencies.size());
  for (std::size_t k = 0; k < frequencies.size(); ++k) out[k] = kTwoPi / frequencies[k];
  return out;
}

PairAngles::PairAngles(std::vector<double> frequencies, std::int64_t first_position)
    : frequencies_(std::move(frequencies)),
      sin_step_(frequencies_.size()),
      cos_step_(frequencies_.size()),
      sin_now_(frequencies_.size()),
      cos_now_(frequencies_.size()),
      position_(first_position) {
  for (std::size_t k = 0; k < frequencies_.size(); ++k) {
    sin_step_[k] = std::sin(frequencies_[k]);
    cos_step_[k] = std::cos(frequencies_[k]);
  }
  anchor();
}

void PairAngles::anchor() {
  for (std::size_t k = 0; k < frequencies_.size(); ++k) {
    const double angle = static_cast<double>(position_) * frequencies_[k];
    sin_now_[k] = std::sin(angle);
    cos_now_[k] = std::cos(angle);
  }
}

// Angle addition: sin(a + f) = sin a cos f + cos a sin f, cos(a + f) = cos a cos f - sin a sin f.
void PairAngles::next() {
  ++position_;
  if (++since_anchor_ == kAnchorRows) {
    since_anchor_ = 0;
    anchor();
    return;
  }
  for (std::size_t k = 0; k < frequencies_.size(); ++k) {
    const double sin_next = sin_now_[k] * cos_step_[k] + cos_now_[k] * sin_step_[k];
    const double cos_next = cos_now_[k] * cos_step_[k] - sin_now_[k] * sin_step_[k];
    sin_now_[k] = sin_next;
    cos_now_[k] = cos_next;
  }
}

}  // namespace pe
