// The sinusoidal encoding against an independent reference: frequencies from exp/log instead of
// pow, and sin/cos of an angle formed in long double instead of a rotation recurrence. Every
// comparison reports the largest difference found, like llm.c's tensor checker.
#include "core/sinusoidal_encoding.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

// The accuracy the public API promises for every value (float32 rounding alone is up to 3e-8).
constexpr double kTolerance = 1e-6;

// Enough rows to cross the implementation's re-anchoring (every 256 rows) twice, so rows
// 250..600 are compared, not only the anchor rows computed directly with sin/cos.
constexpr std::int64_t kRows = 600;

const int kDims[] = {2, 8, 512};
const double kBases[] = {10000, 500000, 1.5};

using pe::SinusoidLayout;

// out is (count, dim), row-major.
std::vector<float> sinusoidal_table(std::int64_t start, std::int64_t count, int dim, double base,
                                    SinusoidLayout layout = SinusoidLayout::interleaved) {
  std::vector<float> out(static_cast<std::size_t>(count * dim));
  pe::encode_sinusoidal(start, count, dim, base, layout, out.data());
  return out;
}

// w_k = base^(-2k/dim), computed as exp(-2k/dim * ln base) in long double.
long double reference_frequency(int k, int dim, double base) {
  return std::exp(-(2.0L * k / dim) * std::log(static_cast<long double>(base)));
}

// Largest |table - reference| over an interleaved table.
double max_error_against_reference(std::int64_t start, std::int64_t count, int dim, double base) {
  const auto table = sinusoidal_table(start, count, dim, base);
  double max_error = 0;
  for (int k = 0; k < dim / 2; ++k) {
    const long double frequency = reference_frequency(k, dim, base);
    for (std::int64_t r = 0; r < count; ++r) {
      const long double angle = static_cast<long double>(start + r) * frequency;
      const float* pair = table.data() + r * dim + 2 * k;
      max_error = std::max(max_error, static_cast<double>(std::fabs(pair[0] - std::sin(angle))));
      max_error = std::max(max_error, static_cast<double>(std::fabs(pair[1] - std::cos(angle))));
    }
  }
  return max_error;
}

// Compares kRows rows from start at every dim and base under test.
void check_against_reference(std::int64_t start) {
  double max_error = 0;
  for (const int dim : kDims) {
    for (const double base : kBases) {
      const double error = max_error_against_reference(start, kRows, dim, base);
      BOOST_TEST_CONTEXT("start " << start << ", dim " << dim << ", base " << base) {
        BOOST_TEST(error <= kTolerance);
      }
      max_error = std::max(max_error, error);
    }
  }
  BOOST_TEST_MESSAGE("positions " << start << ".." << start + kRows - 1
                                  << ": max |error| vs long double reference = " << max_error);
}

std::uint32_t bits_of(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(accuracy)

BOOST_AUTO_TEST_CASE(positions_0_to_599_match_the_reference_across_re_anchoring) {
  check_against_reference(0);
}

BOOST_AUTO_TEST_CASE(positions_near_one_million_match_the_reference) {
  check_against_reference(1000000 - 300);
}

BOOST_AUTO_TEST_CASE(positions_near_2_to_the_24_match_the_reference) {
  check_against_reference((std::int64_t{1} << 24) - 300);
}

BOOST_AUTO_TEST_CASE(the_last_positions_before_2_to_the_31_match_the_reference) {
  check_against_reference(2147483647 - kRows + 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(invariants)

BOOST_AUTO_TEST_CASE(position_0_is_sin_0_and_cos_1) {
  const auto table = sinusoidal_table(0, 1, 512, 10000);
  for (int k = 0; k < 256; ++k) {
    BOOST_TEST(table[2 * k] == 0.0f);
    BOOST_TEST(table[2 * k + 1] == 1.0f);
  }
}

BOOST_AUTO_TEST_CASE(sin_squared_plus_cos_squared_is_1_for_every_pair) {
  double max_error = 0;
  for (const std::int64_t start : {std::int64_t{0}, (std::int64_t{1} << 24) - 300}) {
    const auto table = sinusoidal_table(start, kRows, 512, 10000);
    for (std::size_t j = 0; j < table.size(); j += 2) {
      const double sin = table[j], cos = table[j + 1];
      max_error = std::max(max_error, std::fabs(sin * sin + cos * cos - 1));
    }
  }
  BOOST_TEST_MESSAGE("max |sin^2 + cos^2 - 1| = " << max_error);
  BOOST_TEST(max_error <= kTolerance);
}

BOOST_AUTO_TEST_CASE(split_layout_is_the_interleaved_table_with_columns_reordered) {
  for (const int dim : kDims) {
    const int pairs = dim / 2;
    const auto interleaved = sinusoidal_table(1000, kRows, dim, 10000);
    const auto split = sinusoidal_table(1000, kRows, dim, 10000, SinusoidLayout::split);
    bool identical = true;
    for (std::int64_t r = 0; r < kRows; ++r) {
      const float* in = interleaved.data() + r * dim;
      const float* sp = split.data() + r * dim;
      for (int k = 0; k < pairs; ++k) {
        identical = identical && bits_of(sp[k]) == bits_of(in[2 * k]) &&
                    bits_of(sp[pairs + k]) == bits_of(in[2 * k + 1]);
      }
    }
    BOOST_TEST_CONTEXT("dim " << dim) { BOOST_TEST(identical); }
  }
}

// (sin, cos) of (p + k) w is (sin, cos) of p w rotated by the angle k w.
BOOST_AUTO_TEST_CASE(a_shift_by_k_positions_rotates_every_pair_by_k_w) {
  constexpr int kDim = 64;
  double max_error = 0;
  for (const std::int64_t p : {std::int64_t{0}, std::int64_t{37}, std::int64_t{999700}}) {
    const auto table = sinusoidal_table(p, 301, kDim, 10000);
    for (const int shift : {1, 5, 300}) {
      for (int k = 0; k < kDim / 2; ++k) {
        const double angle = static_cast<double>(shift * reference_frequency(k, kDim, 10000));
        const double sin_p = table[2 * k], cos_p = table[2 * k + 1];
        const float* shifted = table.data() + shift * kDim + 2 * k;
        const double sin_rotated = sin_p * std::cos(angle) + cos_p * std::sin(angle);
        const double cos_rotated = cos_p * std::cos(angle) - sin_p * std::sin(angle);
        max_error = std::max(
            {max_error, std::fabs(shifted[0] - sin_rotated), std::fabs(shifted[1] - cos_rotated)});
      }
    }
  }
  BOOST_TEST_MESSAGE("max |PE[p + k] - rotation of PE[p]| = " << max_error);
  BOOST_TEST(max_error <= kTolerance);
}

// PE[p] . PE[p + 5] = sum over pairs of cos(5 w_k), wherever p is.
BOOST_AUTO_TEST_CASE(the_dot_product_depends_only_on_the_offset) {
  constexpr int kDim = 64;
  double expected = 0;
  for (int k = 0; k < kDim / 2; ++k)
    expected += static_cast<double>(std::cos(5 * reference_frequency(k, kDim, 10000)));
  for (const std::int64_t p : {std::int64_t{0}, std::int64_t{100}, std::int64_t{1000000}}) {
    const auto table = sinusoidal_table(p, 6, kDim, 10000);
    double dot = 0;
    for (int i = 0; i < kDim; ++i) dot += static_cast<double>(table[i]) * table[5 * kDim + i];
    BOOST_TEST_CONTEXT("p " << p) { BOOST_TEST(std::fabs(dot - expected) <= 1e-5); }
  }
}

BOOST_AUTO_TEST_SUITE_END()
