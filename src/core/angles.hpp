#pragma once
// The angles every rotating positional scheme shares: the sinusoidal encoding writes sin and cos
// of p * w_k into a table, RoPE rotates the pair k of a query or key by the same angle. Both read
// them from here so the frequencies and the recurrence exist once.
#include <cstdint>
#include <vector>

namespace pe {

constexpr double kTwoPi = 6.283185307179586476925;

// w_k = base^(-2k/dim) for k = 0 .. dim/2 - 1 (dim even, base > 1). w_0 = 1 (wavelength 2 pi);
// the last has wavelength close to base * 2 pi.
std::vector<double> inverse_frequencies(int dim, double base);

// 2 pi / f_k for each frequency: the positions pair k takes to come back to the same values
// (2 pi = 6.28 for w_0 = 1; close to 2 pi base for the last pair of the sinusoidal encoding).
std::vector<double> wavelengths(const std::vector<double>& frequencies);

// (sin, cos) of p * f_k for consecutive positions p = first, first + 1, ...: angles formed in
// double precision; consecutive positions one rotation apart (4 multiplies per pair instead of
// two libm calls), re-anchored with exact sin/cos every kAnchorRows = 256 positions.
//
// The anchors are counted from first_position (first, first + 256, first + 512, ...), so the
// same position may differ in the last bits between two walks that start at different places.
// Between anchors the walk drifts by about 1e-13 at most, far below float32 resolution.
class PairAngles {
 public:
  static constexpr std::int64_t kAnchorRows = 256;

  PairAngles(std::vector<double> frequencies, std::int64_t first_position);

  int pairs() const { return static_cast<int>(frequencies_.size()); }
  double sin(int k) const { return sin_now_[k]; }  // sin(p f_k) at the current position p
  double cos(int k) const { return cos_now_[k]; }
  void next();  // moves to p + 1

 private:
  void anchor();  // exact sin/cos of position_ * f_k

  std::vector<double> frequencies_;          // f_k
  std::vector<double> sin_step_, cos_step_;  // sin(f_k), cos(f_k): one position's rotation
  std::vector<double> sin_now_, cos_now_;    // sin(p f_k), cos(p f_k) at p = position_
  std::int64_t position_;
  std::int64_t since_anchor_ = 0;  // positions walked since the last anchor
};

}  // namespace pe
