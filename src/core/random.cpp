#include "core/random.hpp"

#include <cmath>

namespace pe {

std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash) {
  for (const char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= 1099511628211ull;  // FNV prime
  }
  return hash;
}

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

double SplitMix64::next_unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::uint32_t SplitMix64::next_below(std::uint32_t n) {
  return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
}

double NormalGenerator::next() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  // A point uniform in the unit disc (rejection: 21% of draws miss it), then
  // (u, v) * sqrt(-2 ln s / s) is a pair of independent standard normals, s = u^2 + v^2.
  double u, v, s;
  do {
    u = 2.0 * uniform_.next_unit() - 1.0;
    v = 2.0 * uniform_.next_unit() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double scale = std::sqrt(-2.0 * portable_log(s) / s);
  spare_ = v * scale;
  has_spare_ = true;
  return u * scale;
}

double portable_log(double x) {
  // x = m * 2^e with m in [sqrt(1/2), sqrt(2)) (frexp is exact), so ln x = e ln 2 + ln m, and
  // ln m = 2 atanh(t) = 2 (t + t^3/3 + t^5/5 + ...), t = (m - 1) / (m + 1), |t| < 0.172:
  // the terms shrink by t^2 < 0.03 each, so 12 of them reach double precision.
  constexpr double kLn2 = 0.693147180559945309417;
  constexpr int kTerms = 12;
  int exponent = 0;
  double m = std::frexp(x, &exponent);  // m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    --exponent;
  }
  const double t = (m - 1.0) / (m + 1.0);
  const double t2 = t * t;
  double series = 0.0;  // 1 + t^2/3 + t^4/5 + ..., by Horner's rule from the smallest term
  for (int k = kTerms - 1; k >= 0; --k) series = series * t2 + 1.0 / (2 * k + 1);
  return exponent * kLn2 + 2.0 * t * series;
}

}  // namespace pe
