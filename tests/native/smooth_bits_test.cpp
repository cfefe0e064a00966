// The smooth counterpart of each bit: same period as the square wave, crossing 1/2 half-way
// between the positions where the bit changes, 0 and 1 at the centres of the bit's runs, and on
// the bit's side of 1/2 at every whole position. Index i is 0-based (lecture's index i + 1).
#include "core/smooth_bits.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/binary_encoding.hpp"

namespace tt = boost::test_tools;

namespace {

constexpr double kTolerance = 1e-9;

float bit(std::int64_t position, int index) {
  std::vector<float> row(static_cast<std::size_t>(index + 1));
  pe::encode_binary(position, 1, index + 1, row.data());
  return row[index];
}

std::string error_message(double start, double count, double dim, double samples) {
  const auto parsed = pe::parse_smooth_bits_request(start, count, dim, samples);
  const auto* error = std::get_if<pe::InputError>(&parsed);
  return error ? error->message : "no error";
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_wave_crosses_one_half_half_way_between_differing_neighbours) {
  for (int i = 0; i < 8; ++i) {
    const std::int64_t run = std::int64_t{1} << i;
    for (std::int64_t first = 0; first < 1024; first += run) {
      BOOST_TEST_CONTEXT("index " << i + 1 << ", run from " << first) {
        if (first > 0) BOOST_TEST(bit(first, i) != bit(first - 1, i));
        BOOST_TEST(pe::smooth_bit(static_cast<double>(first) - 0.5, i) == 0.5,
                   tt::tolerance(kTolerance));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_wave_equals_the_bit_at_the_centre_of_each_run) {
  for (int i = 0; i < 8; ++i) {
    const std::int64_t run = std::int64_t{1} << i;
    for (std::int64_t first = 0; first < 1024; first += run) {
      const double centre = static_cast<double>(first) + (run - 1) / 2.0;
      BOOST_TEST_CONTEXT("index " << i + 1 << ", run from " << first) {
        BOOST_TEST(pe::smooth_bit(centre, i) == bit(first, i), tt::tolerance(kTolerance));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(at_every_whole_position_the_wave_is_on_the_bits_side_of_one_half) {
  // Where an encoding reads it, the smooth wave keeps the bit's information: above 1/2 for a 1,
  // below for a 0, never 1/2 itself.
  for (int i = 0; i < 12; ++i) {
    for (std::int64_t p = 0; p < 5000; ++p) {
      const double value = pe::smooth_bit(static_cast<double>(p), i);
      BOOST_TEST_CONTEXT("index " << i + 1 << ", position " << p) {
        if (bit(p, i) == 1.0f)
          BOOST_TEST(value > 0.5);
        else
          BOOST_TEST(value < 0.5);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(index_1_read_at_whole_positions_is_the_bit_itself) {
  // Period 2: a sinusoid read only at whole positions is a square wave already.
  for (std::int64_t p = 0; p < 1000; ++p) {
    BOOST_TEST(pe::smooth_bit(static_cast<double>(p), 0) == static_cast<double>(bit(p, 0)));
  }
}

BOOST_AUTO_TEST_CASE(the_wave_has_the_bits_period_and_stays_in_0_to_1) {
  for (int i = 0; i < 8; ++i) {
    const double period = 2.0 * (std::int64_t{1} << i);
    for (double x = 0; x < 600; x += 0.37) {
      const double value = pe::smooth_bit(x, i);
      BOOST_TEST((value >= 0.0 && value <= 1.0));
      BOOST_TEST(pe::smooth_bit(x + period, i) == value, tt::tolerance(kTolerance));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_phase_stays_exact_near_2_to_the_31) {
  // Near 2^31 the product 2 pi x would lose the phase of fast waves; (x + 1/2) mod period keeps it.
  const double last = 2147483647.0;
  BOOST_TEST(bit(2147483647, 0) == 1.0f);
  BOOST_TEST(pe::smooth_bit(last, 0) == 1.0);  // odd: index 1 is 1
  BOOST_TEST(pe::smooth_bit(last - 1, 0) == 0.0);
  BOOST_TEST(pe::smooth_bit(last - 0.5, 0) == 0.5, tt::tolerance(kTolerance));
  // 2^31 - 1 ends a run of 1s of index 8 (i = 7): 2^31 - 64.5 is that run's centre.
  BOOST_TEST(pe::smooth_bit(last - 63.5, 7) == 1.0, tt::tolerance(kTolerance));
}

BOOST_AUTO_TEST_CASE(samples_are_spaced_by_one_over_samples_per_position) {
  const auto parsed = pe::parse_smooth_bits_request(64, 12, 8, 4);
  BOOST_REQUIRE(std::holds_alternative<pe::SmoothBitsRequest>(parsed));
  const auto& request = std::get<pe::SmoothBitsRequest>(parsed);
  BOOST_TEST(request.sample_count() == 49);
  std::vector<float> out(static_cast<std::size_t>(request.sample_count() * 8));
  pe::encode_smooth_bits(request, out.data());
  for (std::int64_t s = 0; s < request.sample_count(); ++s) {
    for (int i = 0; i < 8; ++i) {
      BOOST_TEST(out[s * 8 + i] == pe::smooth_bit(64 + s / 4.0, i), tt::tolerance(1e-6));
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_requests_read_like_encode_errors) {
  BOOST_TEST(error_message(-1, 12, 8, 4) ==
             "start must be an integer from 0 to 2147483647 (2^31 - 1); received -1");
  BOOST_TEST(error_message(0, 12, 0, 4) == "dim must be an integer from 1 to 4096; received 0");
  BOOST_TEST(error_message(0, 12, 8, 0) ==
             "samplesPerPosition must be an integer from 1 to 64; received 0");
  BOOST_TEST(error_message(0, 12, 8, 1.5) ==
             "samplesPerPosition must be an integer from 1 to 64; received 1.5");
  BOOST_TEST(error_message(0, 65536, 16, 64) ==
             "(count * samplesPerPosition + 1) * dim must be at most 16777216 values; received "
             "67108880");
}
