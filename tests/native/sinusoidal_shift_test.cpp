// The shift rotation R_k of the sinusoidal encoding against an independent reference: angles and
// sines formed in long double, PE(p + k) computed directly as sin and cos of (p + k) w_j rather
// than by turning PE(p). Also the encoder for any frequencies, which the view's comparison with
// binary uses.
#include "core/sinusoidal_shift.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/angles.hpp"
#include "core/sinusoidal_encoding.hpp"

namespace {

using pe::SinusoidLayout;

constexpr long double kPi = 3.141592653589793238462643383279502884L;

// w_j = base^(-2j/dim) as exp(-2j/dim * ln base) in long double.
long double reference_frequency(int j, int dim, double base) {
  return std::exp(-(2.0L * j / dim) * std::log(static_cast<long double>(base)));
}

// PE(p) in long double, in the layout's channel order.
std::vector<long double> reference_row(std::int64_t p, int dim, double base,
                                       SinusoidLayout layout) {
  std::vector<long double> row(dim);
  const int pairs = dim / 2;
  for (int j = 0; j < pairs; ++j) {
    const long double angle = static_cast<long double>(p) * reference_frequency(j, dim, base);
    const int s = layout == SinusoidLayout::interleaved ? 2 * j : j;
    const int c = layout == SinusoidLayout::interleaved ? 2 * j + 1 : pairs + j;
    row[s] = std::sin(angle);
    row[c] = std::cos(angle);
  }
  return row;
}

std::vector<float> float_row(const std::vector<long double>& row) {
  return std::vector<float>(row.begin(), row.end());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wavelengths)

BOOST_AUTO_TEST_CASE(pair_0_repeats_every_2_pi_positions_and_the_last_pair_almost_every_2_pi_base) {
  const auto lengths = pe::wavelengths(pe::inverse_frequencies(512, 10000));
  BOOST_TEST_REQUIRE(lengths.size() == 256u);
  BOOST_TEST(lengths[0] == static_cast<double>(2 * kPi));
  for (int j = 0; j < 256; ++j) {
    const auto expected = static_cast<double>(2 * kPi / reference_frequency(j, 512, 10000));
    BOOST_TEST_CONTEXT("pair " << j) {
      BOOST_TEST(lengths[j] == expected, boost::test_tools::tolerance(1e-12));
    }
  }
  // 2 pi * 10000^(510/512): a little short of 2 pi * 10000.
  BOOST_TEST(lengths[255] == 2 * static_cast<double>(kPi) * std::pow(10000.0, 510.0 / 512),
             boost::test_tools::tolerance(1e-12));
  BOOST_TEST(lengths[255] < 2 * static_cast<double>(kPi) * 10000);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rotation)

BOOST_AUTO_TEST_CASE(a_shift_by_0_is_the_identity) {
  const auto rotation = pe::shift_rotation(pe::inverse_frequencies(8, 10000), 0);
  for (int j = 0; j < 4; ++j) {
    BOOST_TEST(rotation.angles[j] == 0.0);
    BOOST_TEST(rotation.cosines[j] == 1.0);
    BOOST_TEST(rotation.sines[j] == 0.0);
  }
  const auto matrix = pe::rotation_matrix(rotation, SinusoidLayout::interleaved);
  for (int a = 0; a < 8; ++a)
    for (int b = 0; b < 8; ++b) BOOST_TEST(matrix[a * 8 + b] == (a == b ? 1.0 : 0.0));
}

BOOST_AUTO_TEST_CASE(pair_j_turns_by_k_w_j_reduced_to_one_turn) {
  for (const std::int64_t by :
       {std::int64_t{1}, std::int64_t{5}, std::int64_t{1000}, std::int64_t{2147483647}}) {
    const auto rotation = pe::shift_rotation(pe::inverse_frequencies(64, 10000), by);
    for (int j = 0; j < 32; ++j) {
      const long double angle = static_cast<long double>(by) * reference_frequency(j, 64, 10000);
      BOOST_TEST_CONTEXT("k " << by << ", pair " << j) {
        BOOST_TEST(rotation.angles[j] >= 0.0);
        BOOST_TEST(rotation.angles[j] < static_cast<double>(2 * kPi));
        // cos and sin of the angle formed in double: off by ~k * 1e-16 rad at most.
        const double allowed = 1e-15 * std::max<double>(1, static_cast<double>(by));
        BOOST_TEST(std::fabs(rotation.cosines[j] - std::cos(angle)) <= allowed);
        BOOST_TEST(std::fabs(rotation.sines[j] - std::sin(angle)) <= allowed);
        BOOST_TEST(std::fabs(std::cos(rotation.angles[j]) - rotation.cosines[j]) <= allowed);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(k_w_0_is_k_radians_so_k_7_turns_pair_0_by_7_minus_2_pi) {
  const auto rotation = pe::shift_rotation(pe::inverse_frequencies(2, 10000), 7);
  BOOST_TEST(rotation.angles[0] == 7 - 2 * static_cast<double>(kPi),
             boost::test_tools::tolerance(1e-15));
  BOOST_TEST(rotation.cosines[0] == std::cos(7.0));
  BOOST_TEST(rotation.sines[0] == std::sin(7.0));
}

// R_k PE(p) against PE(p + k) computed from its own angle, both layouts, near 0 and near 2^31.
BOOST_AUTO_TEST_CASE(r_k_turns_pe_of_p_into_pe_of_p_plus_k_for_every_p) {
  double max_error = 0;
  for (const auto layout : {SinusoidLayout::interleaved, SinusoidLayout::split}) {
    for (const int dim : {2, 8, 64}) {
      for (const std::int64_t by : {std::int64_t{1}, std::int64_t{5}, std::int64_t{300}}) {
        const auto rotation = pe::shift_rotation(pe::inverse_frequencies(dim, 10000), by);
        for (const std::int64_t p :
             {std::int64_t{0}, std::int64_t{37}, std::int64_t{999700}, 2147483647 - by}) {
          const auto row = float_row(reference_row(p, dim, 10000, layout));
          const auto expected = reference_row(p + by, dim, 10000, layout);
          std::vector<double> turned(dim);
          pe::rotate_sinusoid_row(rotation, layout, row.data(), turned.data());
          for (int i = 0; i < dim; ++i)
            max_error =
                std::max(max_error, static_cast<double>(std::fabs(turned[i] - expected[i])));
        }
      }
    }
  }
  BOOST_TEST_MESSAGE("max |R_k PE(p) - PE(p + k)| per value = " << max_error);
  // float32 rounding of PE(p), turned: a few times 6e-8.
  BOOST_TEST(max_error <= 2e-7);
}

BOOST_AUTO_TEST_CASE(the_interleaved_matrix_holds_the_2x2_blocks_on_its_diagonal) {
  const auto rotation = pe::shift_rotation(pe::inverse_frequencies(6, 10000), 3);
  const auto m = pe::rotation_matrix(rotation, SinusoidLayout::interleaved);
  BOOST_TEST_REQUIRE(m.size() == 36u);
  for (int a = 0; a < 6; ++a) {
    for (int b = 0; b < 6; ++b) {
      const int j = a / 2;
      double expected = 0;
      if (b / 2 == j) {
        const double c = rotation.cosines[j], s = rotation.sines[j];
        expected = a % 2 == 0 ? (b % 2 == 0 ? c : s) : (b % 2 == 0 ? -s : c);
      }
      BOOST_TEST_CONTEXT("row " << a << ", column " << b) { BOOST_TEST(m[a * 6 + b] == expected); }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_split_matrix_pairs_channel_j_with_channel_dim_over_2_plus_j) {
  const auto rotation = pe::shift_rotation(pe::inverse_frequencies(6, 10000), 3);
  const auto m = pe::rotation_matrix(rotation, SinusoidLayout::split);
  for (int j = 0; j < 3; ++j) {
    const double c = rotation.cosines[j], s = rotation.sines[j];
    BOOST_TEST(m[j * 6 + j] == c);
    BOOST_TEST(m[j * 6 + 3 + j] == s);
    BOOST_TEST(m[(3 + j) * 6 + j] == -s);
    BOOST_TEST(m[(3 + j) * 6 + 3 + j] == c);
  }
  int nonzero = 0;
  for (const double value : m) nonzero += value != 0 ? 1 : 0;
  BOOST_TEST(nonzero == 12);
}

BOOST_AUTO_TEST_CASE(the_matrix_is_a_rotation_and_acts_like_rotate_sinusoid_row) {
  for (const auto layout : {SinusoidLayout::interleaved, SinusoidLayout::split}) {
    const auto rotation = pe::shift_rotation(pe::inverse_frequencies(16, 500000), 11);
    const auto m = pe::rotation_matrix(rotation, layout);
    // R R^T = I.
    for (int a = 0; a < 16; ++a) {
      for (int b = 0; b < 16; ++b) {
        double dot = 0;
        for (int i = 0; i < 16; ++i) dot += m[a * 16 + i] * m[b * 16 + i];
        BOOST_TEST(std::fabs(dot - (a == b ? 1 : 0)) <= 1e-15);
      }
    }
    const auto row = float_row(reference_row(123, 16, 500000, layout));
    std::vector<double> turned(16);
    pe::rotate_sinusoid_row(rotation, layout, row.data(), turned.data());
    for (int a = 0; a < 16; ++a) {
      double product = 0;
      for (int b = 0; b < 16; ++b) product += m[a * 16 + b] * row[b];
      BOOST_TEST(std::fabs(product - turned[a]) <= 1e-15);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sinusoid_pairs)

BOOST_AUTO_TEST_CASE(with_the_paper_frequencies_it_is_the_sinusoidal_encoding_bit_for_bit) {
  for (const auto layout : {SinusoidLayout::interleaved, SinusoidLayout::split}) {
    std::vector<float> a(600 * 64), b(600 * 64);
    pe::encode_sinusoidal(1000, 600, 64, 10000, layout, a.data());
    pe::encode_sinusoid_pairs(pe::inverse_frequencies(64, 10000), 1000, 600, layout, b.data());
    BOOST_TEST(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
  }
}

BOOST_AUTO_TEST_CASE(with_the_periods_of_the_bits_pair_i_repeats_every_2_to_the_i_plus_1) {
  // Periods 2, 4, 8, 16: frequencies 2 pi / 2^(i+1).
  std::vector<double> frequencies;
  for (int i = 0; i < 4; ++i) frequencies.push_back(static_cast<double>(2 * kPi) / (2 << i));
  std::vector<float> table(600 * 8);
  pe::encode_sinusoid_pairs(frequencies, 0, 600, SinusoidLayout::interleaved, table.data());
  double max_error = 0;
  for (int r = 0; r < 600; ++r) {
    for (int i = 0; i < 4; ++i) {
      const long double angle = 2 * kPi * r / (2 << i);
      max_error = std::max(
          {max_error, static_cast<double>(std::fabs(table[r * 8 + 2 * i] - std::sin(angle))),
           static_cast<double>(std::fabs(table[r * 8 + 2 * i + 1] - std::cos(angle)))});
    }
  }
  BOOST_TEST(max_error <= 1e-6);
  // Pair 0 (period 2) alternates cos = 1, -1 and keeps sin at 0: it is index 1's flip, made round.
  for (int r = 0; r < 8; ++r) {
    BOOST_TEST(table[r * 8 + 1] == (r % 2 == 0 ? 1.0f : -1.0f));
    BOOST_TEST(std::fabs(table[r * 8]) <= 1e-6f);
  }
}

BOOST_AUTO_TEST_SUITE_END()
