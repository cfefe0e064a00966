#pragma once
// exp and the standard normal's cdf and pdf for the float model in a form compilers vectorise:
// arithmetic, bit copies and selects only, no library call (libm's expf and erff run one value at
// a time, and were a quarter of a training step). The double model, which checks the gradients,
// uses the library's exact functions through the same names.
//   exp_of        within 2 ulp of expf for x >= -86 (e^-86 ~ 4e-38: 0 for any sum it joins)
//   normal_cdf    Phi(x) = erfc(-x / sqrt 2) / 2 from Numerical Recipes' erfc (fractional error
//                 below 1.2e-7 everywhere, so the far left tail keeps its relative precision)
//   normal_pdf    phi(x) = exp(-x^2 / 2) / sqrt(2 pi)
#include <cmath>
#include <cstdint>
#include <cstring>

namespace pe {

namespace fast_math_detail {

inline std::uint32_t bits_of(float x) {
  std::uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

inline float float_of(std::uint32_t bits) {
  float x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

}  // namespace fast_math_detail

// e^x = 2^k e^r with k = round(x / ln 2), |r| <= ln 2 / 2: e^r by its Taylor series to r^6
// (error below 4e-8 relative), 2^k written straight into the exponent bits.
inline float exp_of(float x) {
  using namespace fast_math_detail;
  constexpr float kShifter = 12582912.0f;  // 1.5 x 2^23: adding it rounds to a whole number
  x = x < -86.0f ? -86.0f : x > 88.0f ? 88.0f : x;
  const float shifted = x * 1.44269504088896341f + kShifter;
  const float k = shifted - kShifter;
  const std::uint32_t exponent = bits_of(shifted) - bits_of(kShifter);        // k, two's complement
  const float r = (x - k * 0.693145751953125f) - k * 1.428606765330187e-06f;  // ln 2, hi + lo
  const float p =
      1.0f +
      r * (1.0f + r * (0.5f + r * (1.0f / 6 + r * (1.0f / 24 + r * (1.0f / 120 + r / 720)))));
  return float_of(bits_of(p) + (exponent << 23));
}

inline double exp_of(double x) { return std::exp(x); }

inline float normal_cdf(float x) {
  const float z = (x < 0 ? -x : x) * 0.70710678118654752f;
  const float t = 1.0f / (1.0f + 0.5f * z);
  const float series =
      -1.26551223f +
      t * (1.00002368f +
           t * (0.37409196f +
                t * (0.09678418f +
                     t * (-0.18628806f +
                          t * (0.27886807f +
                               t * (-1.13520398f +
                                    t * (1.48851587f + t * (-0.82215223f + t * 0.17087277f))))))));
  const float half_erfc = 0.5f * t * exp_of(series - z * z);  // erfc(z) / 2 = Phi(-|x|)
  return x < 0 ? half_erfc : 1.0f - half_erfc;
}

inline double normal_cdf(double x) { return 0.5 * std::erfc(-x * 0.70710678118654752440); }

inline float normal_pdf(float x) { return 0.398942280401432678f * exp_of(-0.5f * x * x); }

inline double normal_pdf(double x) { return 0.39894228040143267794 * std::exp(-0.5 * x * x); }

}  // namespace pe
