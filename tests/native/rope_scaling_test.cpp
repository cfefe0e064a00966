// RoPE frequencies with long-context scaling, checked three ways: the bands the published configs
// produce (references.md), the YaRN temperatures DeepSeek reports, and an independent float64
// re-computation written loop by loop from the formulas, the way the Python references write them.
#include "core/rope_scaling.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

namespace {

using pe::FrequencyBand;
using pe::RopeScaling;
using pe::RopeScalingType;

const double kTwoPi = 2 * std::acos(-1.0);

// theta_i = 1 / base^(2i/dim), as `1.0 / (base ** (arange(0, dim, 2) / dim))` writes it.
double reciprocal_theta(int i, int dim, double base) { return 1.0 / std::pow(base, 2.0 * i / dim); }

// theta_i = base^(-2i/dim), the formula of references.md as written. The scaling references below
// start from this one: near a band edge the blend turns a 1-ulp difference in theta into several
// (s = L / lambda - low_freq_factor cancels), which would hide the comparison of the rules.
double reference_theta(int i, int dim, double base) { return std::pow(base, -2.0 * i / dim); }

RopeScaling llama3(double factor, double low = 1, double high = 4, double context = 8192) {
  RopeScaling s;
  s.type = RopeScalingType::llama3;
  s.factor = factor;
  s.low_freq_factor = low;
  s.high_freq_factor = high;
  s.original_context = context;
  return s;
}

RopeScaling yarn(double factor, double context, double beta_fast = 32, double beta_slow = 1) {
  RopeScaling s;
  s.type = RopeScalingType::yarn;
  s.factor = factor;
  s.original_context = context;
  s.beta_fast = beta_fast;
  s.beta_slow = beta_slow;
  return s;
}

// Meta's apply_scaling, one frequency at a time.
std::vector<double> reference_llama3(int dim, double base, const RopeScaling& s) {
  const double low_freq_wavelen = s.original_context / s.low_freq_factor;
  const double high_freq_wavelen = s.original_context / s.high_freq_factor;
  std::vector<double> out;
  for (int i = 0; i < dim / 2; ++i) {
    const double freq = reference_theta(i, dim, base);
    const double wavelen = kTwoPi / freq;
    if (wavelen < high_freq_wavelen) {
      out.push_back(freq);
    } else if (wavelen > low_freq_wavelen) {
      out.push_back(freq / s.factor);
    } else {
      const double smooth = (s.original_context / wavelen - s.low_freq_factor) /
                            (s.high_freq_factor - s.low_freq_factor);
      out.push_back((1 - smooth) * freq / s.factor + smooth * freq);
    }
  }
  return out;
}

// DeepSeek's yarn_find_correction_range and linear ramp, with its `smooth = 1 - ramp`.
std::vector<double> reference_yarn(int dim, double base, const RopeScaling& s) {
  const auto find_correction_dim = [&](double num_rotations) {
    return dim * std::log(s.original_context / (num_rotations * 2 * std::acos(-1.0))) /
           (2 * std::log(base));
  };
  const double low = std::max(std::floor(find_correction_dim(s.beta_fast)), 0.0);
  double high = std::min(std::ceil(find_correction_dim(s.beta_slow)), dim - 1.0);
  if (low == high) high += 0.001;
  std::vector<double> out;
  for (int i = 0; i < dim / 2; ++i) {
    double linear = (i - low) / (high - low);
    if (linear < 0) linear = 0;
    if (linear > 1) linear = 1;
    const double smooth = 1 - linear;
    const double freq = reference_theta(i, dim, base);
    out.push_back(freq / s.factor * (1 - smooth) + freq * smooth);
  }
  return out;
}

// The pair indices i with bands[i] == band, in increasing order.
std::vector<int> pairs_in(const std::vector<FrequencyBand>& bands, FrequencyBand band) {
  std::vector<int> out;
  for (std::size_t i = 0; i < bands.size(); ++i)
    if (bands[i] == band) out.push_back(static_cast<int>(i));
  return out;
}

std::vector<int> range(int first, int last) {
  std::vector<int> out;
  for (int i = first; i <= last; ++i) out.push_back(i);
  return out;
}

// Largest |got - expected| / expected over all pairs.
double max_relative_difference(const std::vector<double>& got,
                               const std::vector<double>& expected) {
  BOOST_TEST_REQUIRE(got.size() == expected.size());
  double max_difference = 0;
  for (std::size_t i = 0; i < got.size(); ++i)
    max_difference = std::max(max_difference, std::fabs(got[i] - expected[i]) / expected[i]);
  return max_difference;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(no_scaling)

BOOST_AUTO_TEST_CASE(theta_i_is_base_to_the_minus_2i_over_dim) {
  for (const int dim : {2, 64, 128, 4096}) {
    for (const double base : {10000.0, 500000.0, 1.5}) {
      const auto scaled = pe::rope_frequencies(dim, base, RopeScaling{});
      BOOST_TEST_REQUIRE(scaled.frequencies.size() == static_cast<std::size_t>(dim / 2));
      std::vector<double> expected;
      for (int i = 0; i < dim / 2; ++i) expected.push_back(reciprocal_theta(i, dim, base));
      BOOST_TEST_CONTEXT("dim " << dim << ", base " << base) {
        BOOST_TEST(max_relative_difference(scaled.frequencies, expected) <= 1e-15);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_pair_is_kept) {
  const auto scaled = pe::rope_frequencies(64, 10000, RopeScaling{});
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::kept) == range(0, 31));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(llama3_rule)

// Llama 3.2 1B: head dim 64, rope_theta 500000, factor 32, low 1, high 4, L 8192.
BOOST_AUTO_TEST_CASE(llama_3_2_1b_keeps_pairs_0_to_14_blends_15_to_17_divides_18_to_31) {
  const auto scaled = pe::rope_frequencies(64, 500000, llama3(32));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::kept) == range(0, 14));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::blended) == range(15, 17));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::divided) == range(18, 31));
}

BOOST_AUTO_TEST_CASE(llama_3_2_1b_divides_the_slow_pairs_by_exactly_32) {
  const auto theta = pe::rope_frequencies(64, 500000, RopeScaling{}).frequencies;
  const auto scaled = pe::rope_frequencies(64, 500000, llama3(32)).frequencies;
  for (int i = 0; i <= 14; ++i) BOOST_TEST(scaled[i] == theta[i]);
  for (int i = 18; i <= 31; ++i) BOOST_TEST(scaled[i] == theta[i] / 32);
}

BOOST_AUTO_TEST_CASE(llama_3_2_1b_blended_pairs_lie_strictly_between_theta_over_32_and_theta) {
  const auto theta = pe::rope_frequencies(64, 500000, RopeScaling{}).frequencies;
  const auto scaled = pe::rope_frequencies(64, 500000, llama3(32)).frequencies;
  for (int i = 15; i <= 17; ++i) {
    BOOST_TEST_CONTEXT("pair " << i) {
      BOOST_TEST(scaled[i] > theta[i] / 32);
      BOOST_TEST(scaled[i] < theta[i]);
    }
  }
  // Slower pairs are blended more towards theta / 32.
  BOOST_TEST(scaled[15] / theta[15] > scaled[16] / theta[16]);
  BOOST_TEST(scaled[16] / theta[16] > scaled[17] / theta[17]);
}

// Llama 3.1 8B: head dim 128, rope_theta 500000, factor 8; pair 35's wavelength, 8218.7, is just
// past L = 8192.
BOOST_AUTO_TEST_CASE(llama_3_1_8b_keeps_29_blends_6_and_divides_29_pairs) {
  const auto scaled = pe::rope_frequencies(128, 500000, llama3(8));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::kept) == range(0, 28));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::blended) == range(29, 34));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::divided) == range(35, 63));
}

BOOST_AUTO_TEST_CASE(factor_1_changes_no_frequency) {
  const auto theta = pe::rope_frequencies(128, 500000, RopeScaling{}).frequencies;
  const auto scaled = pe::rope_frequencies(128, 500000, llama3(1)).frequencies;
  BOOST_TEST(max_relative_difference(scaled, theta) <= 1e-15);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(yarn_rule)

// DeepSeek-V3: qk_rope_head_dim 64, base 10000, factor 40, L 4096, beta_fast 32, beta_slow 1:
// correction dims 10.47 and 22.51, so low 10 and high 23.
BOOST_AUTO_TEST_CASE(deepseek_v3_keeps_pairs_0_to_10_blends_11_to_22_divides_23_to_31) {
  const auto scaled = pe::rope_frequencies(64, 10000, yarn(40, 4096));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::kept) == range(0, 10));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::blended) == range(11, 22));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::divided) == range(23, 31));
}

BOOST_AUTO_TEST_CASE(deepseek_v3_ramps_linearly_from_pair_10_to_pair_23) {
  const auto theta = pe::rope_frequencies(64, 10000, RopeScaling{}).frequencies;
  const auto scaled = pe::rope_frequencies(64, 10000, yarn(40, 4096)).frequencies;
  for (int i = 0; i <= 10; ++i) BOOST_TEST(scaled[i] == theta[i]);
  for (int i = 23; i <= 31; ++i) BOOST_TEST(scaled[i] == theta[i] / 40);
  // Pair 16 is 6/13 of the way: theta (1 - 6/13) + theta / 40 * 6/13.
  const double ramp = 6.0 / 13;
  BOOST_TEST(scaled[16] == theta[16] * (1 - ramp + ramp / 40), boost::test_tools::tolerance(1e-15));
}

// With L = 1 both correction dims are below zero: low = 0 and high = ceil(-0.4) = 0, so the
// reference's +0.001 makes pair 0 kept and every later pair divided (0 / 0 without it).
BOOST_AUTO_TEST_CASE(equal_low_and_high_step_from_kept_to_divided) {
  const auto scaled = pe::rope_frequencies(4, 10000, yarn(40, 1));
  BOOST_TEST(
      (scaled.bands == std::vector<FrequencyBand>{FrequencyBand::kept, FrequencyBand::divided}));
  BOOST_TEST(scaled.frequencies[0] == 1.0);
  BOOST_TEST(scaled.frequencies[1] == 0.01 / 40, boost::test_tools::tolerance(1e-15));
}

// Base 1.5: every wavelength (at most 2 pi * 1.5) is far shorter than L, yet correction_dim(32)
// is about 292, above high = dim - 1 = 63, so (i - low) / (high - low) >= 1 for every pair. The
// reference formula divides them all; PE Lab keeps it as published.
BOOST_AUTO_TEST_CASE(a_tiny_base_divides_every_pair_as_the_reference_formula_does) {
  const auto scaled = pe::rope_frequencies(64, 1.5, yarn(4, 8192));
  BOOST_TEST(pairs_in(scaled.bands, FrequencyBand::divided) == range(0, 31));
}

BOOST_AUTO_TEST_CASE(the_v3_temperature_is_1_36889_and_its_square_1_87385) {
  const double mscale = pe::yarn_mscale(40);
  BOOST_TEST(std::round(mscale * 1e5) / 1e5 == 1.36889);
  BOOST_TEST(std::round(mscale * mscale * 1e5) / 1e5 == 1.87385);
}

BOOST_AUTO_TEST_CASE(v2s_0_707_coefficient_gives_1_2608_and_its_square_1_5896) {
  const double mscale = pe::yarn_mscale(40, 0.707);
  BOOST_TEST(std::round(mscale * 1e4) / 1e4 == 1.2608);
  BOOST_TEST(std::round(mscale * mscale * 1e4) / 1e4 == 1.5896);
}

BOOST_AUTO_TEST_CASE(no_temperature_without_stretching) {
  BOOST_TEST(pe::yarn_mscale(1) == 1.0);
  BOOST_TEST(pe::yarn_mscale(0.5) == 1.0);
  BOOST_TEST(pe::yarn_mscale(1, 0.707) == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(independent_recomputation)

BOOST_AUTO_TEST_CASE(llama3_agrees_with_apply_scaling_to_1e_15) {
  struct Case {
    int dim;
    double base;
    RopeScaling scaling;
  };
  const Case cases[] = {{64, 500000, llama3(32)},
                        {128, 500000, llama3(8)},
                        {128, 10000, llama3(4, 2, 8, 4096)},
                        {4096, 500000, llama3(16, 0.5, 1.5, 131072)},
                        {2, 10000, llama3(8)}};
  for (const auto& c : cases) {
    const double difference =
        max_relative_difference(pe::rope_frequencies(c.dim, c.base, c.scaling).frequencies,
                                reference_llama3(c.dim, c.base, c.scaling));
    BOOST_TEST_MESSAGE("llama3 dim " << c.dim << ": max relative difference " << difference);
    BOOST_TEST_CONTEXT("dim " << c.dim << ", base " << c.base) { BOOST_TEST(difference <= 1e-15); }
  }
}

BOOST_AUTO_TEST_CASE(yarn_agrees_with_deepseeks_ramp_to_1e_15) {
  struct Case {
    int dim;
    double base;
    RopeScaling scaling;
  };
  const Case cases[] = {{64, 10000, yarn(40, 4096)},
                        {128, 10000, yarn(16, 4096, 32, 1)},
                        {64, 500000, yarn(8, 8192, 16, 2)},
                        {4096, 10000, yarn(4, 2048, 64, 0.5)},
                        {4, 10000, yarn(40, 1)},
                        {64, 1.5, yarn(4, 8192)}};
  for (const auto& c : cases) {
    const double difference =
        max_relative_difference(pe::rope_frequencies(c.dim, c.base, c.scaling).frequencies,
                                reference_yarn(c.dim, c.base, c.scaling));
    BOOST_TEST_MESSAGE("yarn dim " << c.dim << ": max relative difference " << difference);
    BOOST_TEST_CONTEXT("dim " << c.dim << ", base " << c.base) { BOOST_TEST(difference <= 1e-15); }
  }
}

BOOST_AUTO_TEST_SUITE_END()
