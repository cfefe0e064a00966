// The shared angle walk against sin/cos of angles formed in long double, and the anchoring it
// promises: exact libm values at the first position and every 256 positions after it.
#include "core/angles.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace {

// w_k = base^(-2k/dim) as exp(-2k/dim * ln base) in long double.
long double reference_frequency(int k, int dim, double base) {
  return std::exp(-(2.0L * k / dim) * std::log(static_cast<long double>(base)));
}

}  // namespace

BOOST_AUTO_TEST_CASE(inverse_frequencies_are_base_to_the_minus_2k_over_dim) {
  for (const int dim : {2, 8, 128}) {
    for (const double base : {10000.0, 500000.0, 1.5}) {
      const auto frequencies = pe::inverse_frequencies(dim, base);
      BOOST_TEST_REQUIRE(frequencies.size() == static_cast<std::size_t>(dim / 2));
      BOOST_TEST(frequencies[0] == 1.0);
      for (int k = 0; k < dim / 2; ++k) {
        const auto expected = static_cast<double>(reference_frequency(k, dim, base));
        BOOST_TEST_CONTEXT("dim " << dim << ", base " << base << ", k " << k) {
          BOOST_TEST(frequencies[k] == expected, boost::test_tools::tolerance(1e-14));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(dim_4_base_10000_has_frequencies_1_and_one_hundredth) {
  const auto frequencies = pe::inverse_frequencies(4, 10000);
  BOOST_TEST(frequencies[0] == 1.0);
  BOOST_TEST(frequencies[1] == 0.01, boost::test_tools::tolerance(1e-15));
}

// The angle p * f is formed in double, which alone costs up to half an ulp of the angle (2.4e-7
// rad at 3e9); on top of that the walk may drift by 1e-13 between anchors. Each error is measured
// in units of that budget, 1e-12 + |angle| * epsilon, and must stay below one.
BOOST_AUTO_TEST_CASE(a_walk_of_600_positions_matches_sin_and_cos_of_p_times_f) {
  const std::vector<double> frequencies = {1.0, 0.3, 1e-3, 2.5e-7, 3.0};
  for (const std::int64_t first : {std::int64_t{0}, std::int64_t{12345}, std::int64_t{1} << 30}) {
    pe::PairAngles angles(frequencies, first);
    BOOST_TEST(angles.pairs() == 5);
    double max_error = 0, max_budget_used = 0;
    for (std::int64_t p = first; p < first + 600; ++p, angles.next()) {
      for (int k = 0; k < angles.pairs(); ++k) {
        const long double angle = static_cast<long double>(p) * frequencies[k];
        const double error = std::max(std::fabs(angles.sin(k) - double(std::sin(angle))),
                                      std::fabs(angles.cos(k) - double(std::cos(angle))));
        const double budget = 1e-12 + double(angle) * std::numeric_limits<double>::epsilon();
        max_error = std::max(max_error, error);
        max_budget_used = std::max(max_budget_used, error / budget);
      }
    }
    BOOST_TEST_MESSAGE("from " << first << ": max |error| = " << max_error << " ("
                               << max_budget_used << " of the budget)");
    BOOST_TEST(max_budget_used <= 1.0);
  }
}

BOOST_AUTO_TEST_CASE(the_first_position_and_every_256th_after_it_are_exact_libm_values) {
  const std::vector<double> frequencies = {1.0, 0.01, 7e-5};
  constexpr std::int64_t kFirst = 1000;
  pe::PairAngles angles(frequencies, kFirst);
  for (std::int64_t r = 0; r <= 3 * pe::PairAngles::kAnchorRows; ++r, angles.next()) {
    if (r % pe::PairAngles::kAnchorRows != 0) continue;
    for (int k = 0; k < angles.pairs(); ++k) {
      const double angle = static_cast<double>(kFirst + r) * frequencies[k];
      BOOST_TEST_CONTEXT("row " << r << ", k " << k) {
        BOOST_TEST(angles.sin(k) == std::sin(angle));
        BOOST_TEST(angles.cos(k) == std::cos(angle));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(no_frequencies_means_no_pairs) {
  pe::PairAngles angles({}, 5);
  angles.next();
  BOOST_TEST(angles.pairs() == 0);
}
