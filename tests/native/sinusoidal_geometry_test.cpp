// What the sinusoidal view measures, against references computed here: the largest
// |R_k PE(p) - PE(p + k)| over a range against a brute-force loop over whole tables, the steps
// between neighbours against sqrt(bits flipped) and the closed form sum_i (2 - 2 cos(2 pi / T_i)),
// and every error message of the two requests.
#define BOOST_TEST_MODULE sinusoidal_geometry

#include "analysis/sinusoidal_geometry.hpp"

#include <algorithm>
#include <bitset>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "core/angles.hpp"

namespace {

using pe::SinusoidLayout;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr long double kPi = 3.141592653589793238462643383279502884L;

pe::RawSchemeOptions options_of(double base = 10000, const std::string& layout = "interleaved") {
  pe::RawSchemeOptions options;
  options.base = base;
  options.layout = layout;
  return options;
}

pe::ShiftRotationRequest shift_of(double start, double count, double dim, double by,
                                  double base = 10000, const std::string& layout = "interleaved") {
  const auto parsed =
      pe::parse_shift_rotation_request(start, count, dim, options_of(base, layout), by);
  if (const auto* error = std::get_if<pe::InputError>(&parsed))
    BOOST_FAIL("unexpected error: " + error->message);
  return std::get<pe::ShiftRotationRequest>(parsed);
}

std::string shift_error_of(double start, double count, double dim, double by, double base = 10000,
                           const std::string& layout = "interleaved") {
  const auto parsed =
      pe::parse_shift_rotation_request(start, count, dim, options_of(base, layout), by);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  return std::get<pe::InputError>(parsed).message;
}

// The brute-force check: whole tables of PE(p) and PE(p + k), each pair turned by sin/cos of
// k w_j computed in long double, the largest L2 difference and where it first occurs.
std::pair<double, std::int64_t> brute_force(std::int64_t start, std::int64_t count, int dim,
                                            double base, SinusoidLayout layout, std::int64_t by) {
  std::vector<float> here(count * dim), there(count * dim);
  pe::encode_sinusoidal(start, count, dim, base, layout, here.data());
  pe::encode_sinusoidal(start + by, count, dim, base, layout, there.data());
  const int pairs = dim / 2;
  double worst = -1;
  std::int64_t at = -1;
  for (std::int64_t r = 0; r < count; ++r) {
    long double squared = 0;
    for (int j = 0; j < pairs; ++j) {
      const long double angle =
          by * std::exp(-(2.0L * j / dim) * std::log(static_cast<long double>(base)));
      const int s = layout == SinusoidLayout::interleaved ? 2 * j : j;
      const int c = layout == SinusoidLayout::interleaved ? 2 * j + 1 : pairs + j;
      const float* x = here.data() + r * dim;
      const float* y = there.data() + r * dim;
      const long double ds = std::cos(angle) * x[s] + std::sin(angle) * x[c] - y[s];
      const long double dc = -std::sin(angle) * x[s] + std::cos(angle) * x[c] - y[c];
      squared += ds * ds + dc * dc;
    }
    const double error = static_cast<double>(std::sqrt(squared));
    if (error > worst) {
      worst = error;
      at = start + r;
    }
  }
  return {worst, at};
}

pe::NeighbourSteps steps_of(double start, double count, double bits) {
  const auto parsed = pe::parse_neighbour_steps_request(start, count, bits);
  if (const auto* error = std::get_if<pe::InputError>(&parsed))
    BOOST_FAIL("unexpected error: " + error->message);
  return pe::neighbour_steps(std::get<pe::NeighbourStepsRequest>(parsed));
}

std::string steps_error_of(double start, double count, double bits) {
  const auto parsed = pe::parse_neighbour_steps_request(start, count, bits);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  BOOST_TEST((std::get<pe::InputError>(parsed).kind == pe::ErrorKind::range));
  return std::get<pe::InputError>(parsed).message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shift_check)

BOOST_AUTO_TEST_CASE(a_shift_by_0_has_error_exactly_0) {
  const auto check = pe::check_shift(shift_of(0, 64, 32, 0));
  BOOST_TEST(check.max_error == 0.0);
  BOOST_TEST(check.at == 0);
  BOOST_TEST(check.identical);
}

BOOST_AUTO_TEST_CASE(the_largest_error_and_its_position_match_a_brute_force_loop) {
  for (const auto layout : {"interleaved", "split"}) {
    for (const int dim : {2, 32, 512}) {
      for (const std::int64_t start : {std::int64_t{0}, std::int64_t{999900}}) {
        for (const std::int64_t by : {std::int64_t{1}, std::int64_t{5}, std::int64_t{1000}}) {
          // 600 positions: the check walks blocks of 256 rows, the brute force one table.
          const auto request = shift_of(static_cast<double>(start), 600, dim,
                                        static_cast<double>(by), 10000, layout);
          const auto check = pe::check_shift(request);
          const auto [worst, at] = brute_force(start, 600, dim, 10000, request.layout, by);
          BOOST_TEST_CONTEXT(layout << ", dim " << dim << ", start " << start << ", k " << by) {
            BOOST_TEST(check.max_error == worst, boost::test_tools::tolerance(1e-6));
            BOOST_TEST(check.at >= start);
            BOOST_TEST(check.at < start + 600);
            // Float32 rounding: a few 1e-8 per value, summed over dim values.
            BOOST_TEST(check.max_error <= 1e-7 * std::sqrt(dim) + 1e-7);
            BOOST_TEST(check.identical);
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_rotation_holds_up_to_the_last_position_before_2_to_the_31) {
  const auto check = pe::check_shift(shift_of(2147483647 - 100 - 63, 64, 64, 100));
  BOOST_TEST_MESSAGE("max error near 2^31: " << check.max_error);
  BOOST_TEST(check.max_error <= 1e-6);
  BOOST_TEST(check.identical);
}

BOOST_AUTO_TEST_CASE(an_empty_range_has_no_position_of_largest_error) {
  const auto check = pe::check_shift(shift_of(10, 0, 8, 3));
  BOOST_TEST(check.max_error == 0.0);
  BOOST_TEST(check.at == -1);
  BOOST_TEST(check.identical);
}

BOOST_AUTO_TEST_CASE(the_request_keeps_what_was_asked_for) {
  const auto request = shift_of(7, 9, 12, 4, 500000, "split");
  BOOST_TEST(request.range.start == 7);
  BOOST_TEST(request.range.count == 9);
  BOOST_TEST(request.range.dim == 12);
  BOOST_TEST(request.base == 500000.0);
  BOOST_TEST((request.layout == SinusoidLayout::split));
  BOOST_TEST(request.by == 4);
}

BOOST_AUTO_TEST_CASE(the_table_is_checked_as_pe_encode_checks_a_sinusoidal_one) {
  BOOST_TEST(shift_error_of(0, 8, 7, 1) ==
             "dim must be even for sinusoidal (one sin/cos pair per frequency); received 7");
  BOOST_TEST(shift_error_of(0, 8, 0, 1) == "dim must be an integer from 1 to 4096; received 0");
  BOOST_TEST(shift_error_of(-1, 8, 8, 1) ==
             "start must be an integer from 0 to 2147483647 (2^31 - 1); received -1");
  BOOST_TEST(shift_error_of(0, 8, 8, 1, 1) ==
             "base must be a finite number greater than 1; received 1");
  BOOST_TEST(shift_error_of(0, 8, 8, 1, 10000, "sideways") ==
             "layout must be \"interleaved\" or \"split\"; received \"sideways\"");
  BOOST_TEST(shift_error_of(0, 4194305, 4, 1) ==
             "count * dim must be at most 16777216 values per table; received 4194305 * 4 = "
             "16777220");
}

BOOST_AUTO_TEST_CASE(by_is_a_whole_number_that_keeps_the_shifted_range_below_2_to_the_31) {
  const std::string rule =
      " (the last position shifted, start + count - 1 + by, may be at most 2^31 - 1); received ";
  BOOST_TEST(shift_error_of(0, 8, 8, -1) ==
             "by must be an integer from 0 to 2147483640" + rule + "-1");
  BOOST_TEST(shift_error_of(0, 8, 8, 1.5) ==
             "by must be an integer from 0 to 2147483640" + rule + "1.5");
  BOOST_TEST(shift_error_of(0, 8, 8, kNaN) ==
             "by must be an integer from 0 to 2147483640" + rule + "NaN");
  BOOST_TEST(shift_error_of(2147483600, 8, 8, 41) ==
             "by must be an integer from 0 to 40" + rule + "41");
  BOOST_TEST(shift_of(2147483600, 8, 8, 40).by == 40);
  // An empty range shifts nothing past its start.
  BOOST_TEST(shift_of(2147483647, 0, 8, 0).by == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(neighbour_steps)

BOOST_AUTO_TEST_CASE(the_periods_are_those_of_the_bits) {
  const auto steps = steps_of(0, 1, 8);
  const std::vector<double> expected = {2, 4, 8, 16, 32, 64, 128, 256};
  BOOST_TEST(steps.periods == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_binary_step_is_the_square_root_of_the_bits_that_flip) {
  // 600 steps from 100: across the blocks of 256 steps and across 127 -> 128 and 511 -> 512.
  const auto steps = steps_of(100, 600, 9);
  for (int r = 0; r < 600; ++r) {
    const std::uint32_t p = 100 + r;
    const auto flipped = std::bitset<9>((p ^ (p + 1)) & 0x1FF).count();
    BOOST_TEST_CONTEXT(p << " -> " << p + 1) { BOOST_TEST(steps.binary[r] == std::sqrt(flipped)); }
  }
  BOOST_TEST(steps.binary[127 - 100] == std::sqrt(8.0));  // 127 -> 128 flips 8 of 9 bits
  BOOST_TEST(steps.binary[128 - 100] == 1.0);             // 128 -> 129 flips one
  BOOST_TEST(steps.binary[511 - 100] == 3.0);             // 511 -> 512 flips all 9
}

BOOST_AUTO_TEST_CASE(every_sinusoidal_step_has_the_same_length) {
  for (const int bits : {1, 8, 16, 31}) {
    long double squared = 0;
    for (int i = 0; i < bits; ++i) squared += 2 - 2 * std::cos(2 * kPi / std::ldexp(2.0L, i));
    const double expected = static_cast<double>(std::sqrt(squared));
    for (const double start : {0.0, 32700.0, 2147483647.0 - 600}) {
      const auto steps = steps_of(start, 600, bits);
      double low = expected, high = expected;
      for (const double step : steps.sinusoidal) {
        low = std::min(low, step);
        high = std::max(high, step);
      }
      BOOST_TEST_MESSAGE(bits << " bits from " << start << ": steps " << low << " .. " << high
                              << ", closed form " << expected);
      BOOST_TEST_CONTEXT(bits << " bits from " << start) {
        BOOST_TEST(high - low <= 1e-6);
        BOOST_TEST(std::fabs(high - expected) <= 1e-6);
        BOOST_TEST(steps.sinusoidal_even);
        BOOST_TEST(steps.binary_even == (bits == 1));  // one bit flips at every step
      }
    }
  }
  // One bit: the pair (sin pi p, cos pi p) goes from 1 to -1 and back, a step of 2.
  BOOST_TEST(steps_of(0, 5, 1).sinusoidal[3] == 2.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(no_steps_is_an_empty_answer) {
  const auto steps = steps_of(2147483647, 0, 4);
  BOOST_TEST(steps.binary.empty());
  BOOST_TEST(steps.sinusoidal.empty());
  BOOST_TEST(steps.periods.size() == 4u);
}

BOOST_AUTO_TEST_CASE(every_bad_request_names_the_parameter_and_the_rule) {
  BOOST_TEST(steps_error_of(0, 8, 0) == "bits must be an integer from 1 to 31; received 0");
  BOOST_TEST(steps_error_of(0, 8, 32) == "bits must be an integer from 1 to 31; received 32");
  BOOST_TEST(steps_error_of(0, 8, 2.5) == "bits must be an integer from 1 to 31; received 2.5");
  BOOST_TEST(steps_error_of(-1, 8, 8) ==
             "start must be an integer from 0 to 2147483647 (2^31 - 1); received -1");
  BOOST_TEST(steps_error_of(kNaN, 8, 8) ==
             "start must be an integer from 0 to 2147483647 (2^31 - 1); received NaN");
  const std::string rule =
      " (at most 1048576 steps; the last step ends at start + count, which may be at most 2^31 "
      "- 1); received ";
  BOOST_TEST(steps_error_of(0, 1048577, 8) ==
             "count must be an integer from 0 to 1048576" + rule + "1048577");
  BOOST_TEST(steps_error_of(2147483640, 8, 8) ==
             "count must be an integer from 0 to 7" + rule + "8");
  BOOST_TEST(steps_error_of(0, -1, 8) ==
             "count must be an integer from 0 to 1048576" + rule + "-1");
}

BOOST_AUTO_TEST_SUITE_END()
