#include "analysis/softmax.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace pe {

float exp_nonpositive(float x) {
  // e^x = 2^n e^r with n = round(x / ln 2) and |r| <= ln(2) / 2; ln 2 is split in two parts so
  // that r = x - n ln 2 stays exact to float precision (Cody-Waite).
  constexpr float kLowest = -87.0f;  // keeps n >= -126, where 2^n is a normal float
  constexpr float kLog2E = 1.44269504088896341f;
  constexpr float kLn2High = 0.693359375f, kLn2Low = -2.12194440e-4f;
  const float clamped = std::max(x, kLowest);
  const int n = static_cast<int>(clamped * kLog2E - 0.5f);  // rounds, as the product is <= 0
  const float r = clamped - static_cast<float>(n) * kLn2High - static_cast<float>(n) * kLn2Low;
  float p = 1.9875691500e-4f;  // e^r = 1 + r + r^2 p(r)
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const float exp_r = p * r * r + r + 1.0f;
  const std::uint32_t two_to_n_bits = static_cast<std::uint32_t>(n + 127) << 23;  // 2^n
  float two_to_n;
  std::memcpy(&two_to_n, &two_to_n_bits, sizeof two_to_n);
  return x < kLowest ? 0.0f : exp_r * two_to_n;
}

void softmax(float* row, int count) {
  const float max_score = *std::max_element(row, row + count);
  for (int j = 0; j < count; ++j) row[j] = exp_nonpositive(row[j] - max_score);
  double sum = 0.0;  // in double: rows of 2048 weights would otherwise round 2048 times
  for (int j = 0; j < count; ++j) sum += row[j];
  const float total = static_cast<float>(sum);
  for (int j = 0; j < count; ++j) row[j] /= total;
}

}  // namespace pe
