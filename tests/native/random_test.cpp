// The deterministic random numbers behind token embeddings and attention weights: published
// test vectors for the hash and the generator, and the statistics of the normal numbers.
#include "core/random.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>

namespace tt = boost::test_tools;

BOOST_AUTO_TEST_CASE(fnv1a_matches_its_published_test_vectors) {
  BOOST_TEST(pe::fnv1a_64("") == 0xCBF29CE484222325ull);
  BOOST_TEST(pe::fnv1a_64("a") == 0xAF63DC4C8601EC8Cull);
  BOOST_TEST(pe::fnv1a_64("foobar") == 0x85944171F73967E8ull);
}

BOOST_AUTO_TEST_CASE(fnv1a_can_hash_a_text_in_pieces) {
  BOOST_TEST(pe::fnv1a_64("bar", pe::fnv1a_64("foo")) == pe::fnv1a_64("foobar"));
}

BOOST_AUTO_TEST_CASE(splitmix64_from_seed_0_matches_the_reference_implementation) {
  pe::SplitMix64 random(0);
  BOOST_TEST(random.next() == 0xE220A8397B1DCDAFull);
  BOOST_TEST(random.next() == 0x6E789E6AA1B965F4ull);
  BOOST_TEST(random.next() == 0x06C45D188009454Full);
}

BOOST_AUTO_TEST_CASE(unit_numbers_lie_in_zero_to_one_with_mean_one_half) {
  pe::SplitMix64 random(7);
  constexpr int kSamples = 100000;
  double sum = 0.0;
  for (int s = 0; s < kSamples; ++s) {
    const double u = random.next_unit();
    BOOST_TEST_REQUIRE((u >= 0.0 && u < 1.0));
    sum += u;
  }
  BOOST_TEST(sum / kSamples == 0.5, tt::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(portable_log_agrees_with_the_c_library_to_double_precision) {
  for (const double x : {1e-300, 1e-17, 0.001, 0.1, 0.5, 0.70710678, 0.7071068, 0.9999999, 1.0, 1.5,
                         2.0, 10.0, 1e10, 1e300}) {
    BOOST_TEST_CONTEXT("x = " << x) {
      BOOST_TEST(pe::portable_log(x) == std::log(x), tt::tolerance(5e-16));
    }
  }
  // The normal generator takes logs of s in (0, 1): sweep that range.
  for (double x = 1e-6; x < 1.0; x += 0.000731) {
    BOOST_TEST_CONTEXT("x = " << x) {
      BOOST_TEST_REQUIRE(pe::portable_log(x) == std::log(x), tt::tolerance(5e-16));
    }
  }
  BOOST_TEST(pe::portable_log(1.0) == 0.0);
}

BOOST_AUTO_TEST_CASE(normal_numbers_have_mean_0_variance_1_and_normal_tails) {
  pe::NormalGenerator normal(42);
  constexpr int kSamples = 200000;
  double sum = 0.0, sum_squares = 0.0;
  int beyond_two_sigma = 0;
  for (int s = 0; s < kSamples; ++s) {
    const double z = normal.next();
    sum += z;
    sum_squares += z * z;
    if (std::fabs(z) > 2.0) ++beyond_two_sigma;
  }
  BOOST_TEST(std::fabs(sum / kSamples) < 0.01);
  BOOST_TEST(sum_squares / kSamples == 1.0, tt::tolerance(0.01));
  // P(|Z| > 2) = 0.0455 for a standard normal.
  BOOST_TEST(static_cast<double>(beyond_two_sigma) / kSamples == 0.0455, tt::tolerance(0.05));
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_normal_numbers) {
  pe::NormalGenerator a(123), b(123);
  for (int s = 0; s < 1000; ++s) BOOST_TEST_REQUIRE(a.next() == b.next());
}
