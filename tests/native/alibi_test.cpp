// ALiBi head slopes against the paper's numbers and against its get_slopes recipe, rewritten here
// the way the authors' Python writes it: a geometric sequence start * ratio^i with
// start = ratio = 2^(-2^-(log2(n) - 3)), and the recursion for other head counts.
#include "core/alibi.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <vector>

namespace {

std::vector<double> geometric_slopes(int n) {
  const double start = std::pow(2.0, -std::pow(2.0, -(std::log2(n) - 3)));
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(start * std::pow(start, i));
  return out;
}

std::vector<double> reference_slopes(int n) {
  const double log2_n = std::log2(n);
  if (log2_n == std::floor(log2_n)) return geometric_slopes(n);
  const int closest = static_cast<int>(std::pow(2.0, std::floor(log2_n)));
  auto out = geometric_slopes(closest);
  const auto doubled = reference_slopes(2 * closest);
  for (std::size_t i = 0; out.size() < static_cast<std::size_t>(n); i += 2)
    out.push_back(doubled[i]);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(eight_heads_have_slopes_one_half_to_one_256th) {
  const auto slopes = pe::alibi_slopes(8);
  const std::vector<double> expected = {1.0 / 2,  1.0 / 4,  1.0 / 8,   1.0 / 16,
                                        1.0 / 32, 1.0 / 64, 1.0 / 128, 1.0 / 256};
  BOOST_TEST(slopes == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(twelve_heads_add_the_odd_slopes_of_sixteen_after_the_eight) {
  const auto slopes = pe::alibi_slopes(12);
  BOOST_TEST_REQUIRE(slopes.size() == 12u);
  const auto eight = pe::alibi_slopes(8);
  BOOST_TEST(std::vector<double>(slopes.begin(), slopes.begin() + 8) == eight,
             boost::test_tools::per_element());
  // 16 heads: 2^(-h/2); heads 1, 3, 5, 7 give 2^-0.5, 2^-1.5, 2^-2.5, 2^-3.5.
  const double root_half = std::sqrt(0.5);
  const std::vector<double> added = {root_half, root_half / 2, root_half / 4, root_half / 8};
  for (int i = 0; i < 4; ++i)
    BOOST_TEST(slopes[8 + i] == added[i], boost::test_tools::tolerance(1e-15));
}

// n = 1 = 2^0, so m_1 = 2^(-8 * 1 / 1).
BOOST_AUTO_TEST_CASE(one_head_has_slope_one_256th) {
  BOOST_TEST(pe::alibi_slopes(1) == std::vector<double>{1.0 / 256},
             boost::test_tools::per_element());
}

// Two heads are 2^-4 and 2^-8; the third is head 1 of four, 2^-2.
BOOST_AUTO_TEST_CASE(three_heads_are_one_16th_one_256th_and_one_quarter) {
  BOOST_TEST(pe::alibi_slopes(3) == (std::vector<double>{1.0 / 16, 1.0 / 256, 1.0 / 4}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(slopes_strictly_decrease_for_powers_of_two) {
  for (int n = 1; n <= pe::kMaxAlibiHeads; n *= 2) {
    const auto slopes = pe::alibi_slopes(n);
    BOOST_TEST_CONTEXT(n << " heads") {
      const bool decreasing = std::adjacent_find(slopes.begin(), slopes.end(),
                                                 std::less_equal<double>()) == slopes.end();
      BOOST_TEST(decreasing);
      BOOST_TEST(slopes.back() == 1.0 / 256);  // the last head is always 2^-8
    }
  }
}

BOOST_AUTO_TEST_CASE(every_head_count_matches_the_papers_recipe) {
  double max_difference = 0;
  for (int n = 1; n <= pe::kMaxAlibiHeads; ++n) {
    const auto slopes = pe::alibi_slopes(n);
    const auto expected = reference_slopes(n);
    BOOST_TEST_REQUIRE(slopes.size() == static_cast<std::size_t>(n));
    for (int h = 0; h < n; ++h)
      max_difference = std::max(max_difference, std::fabs(slopes[h] - expected[h]) / expected[h]);
  }
  BOOST_TEST_MESSAGE("max relative difference from get_slopes = " << max_difference);
  BOOST_TEST(max_difference <= 1e-13);
}

BOOST_AUTO_TEST_CASE(every_slope_lies_between_2_to_the_minus_8_and_1) {
  for (const int n : {5, 12, 100, 1000, 1024}) {
    const auto slopes = pe::alibi_slopes(n);
    BOOST_TEST_CONTEXT(n << " heads") {
      BOOST_TEST(*std::min_element(slopes.begin(), slopes.end()) >= 1.0 / 256);
      BOOST_TEST(*std::max_element(slopes.begin(), slopes.end()) < 1.0);
    }
  }
}
