// The published RoPE configurations against references.md (and the config files cited in
// src/core/rope_presets.cpp), and the bands and wavelengths each one gives.
#define BOOST_TEST_MODULE rope_presets

#include "core/rope_presets.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>

namespace {

namespace tt = boost::test_tools;
using pe::FrequencyBand;
using pe::RopeScalingType;

const pe::RopePreset& preset(const std::string& name) {
  for (const auto& p : pe::kRopePresets)
    if (name == p.name) return p;
  BOOST_FAIL("no preset " + name);
  return pe::kRopePresets[0];
}

pe::RopeWavelengths wavelengths_of(const pe::RopePreset& p) {
  return pe::rope_wavelengths(p.dim, p.base, p.scaling);
}

}  // namespace

BOOST_AUTO_TEST_CASE(five_presets_in_the_order_of_the_chart) {
  std::string names;
  for (const auto& p : pe::kRopePresets) names += std::string(p.name) + " ";
  BOOST_TEST(names == "rope llama3 llama3.1 llama3.2 deepseek-v3 ");
}

BOOST_AUTO_TEST_CASE(configs_as_published) {
  const auto& rope = preset("rope");
  BOOST_TEST((rope.dim == 128 && rope.base == 10000 && rope.scaling.type == RopeScalingType::none));
  const auto& llama3 = preset("llama3");
  BOOST_TEST((llama3.dim == 128 && llama3.base == 500000 && llama3.original_context == 8192));
  BOOST_TEST((llama3.scaling.type == RopeScalingType::none));
  const auto& llama31 = preset("llama3.1");
  BOOST_TEST((llama31.dim == 128 && llama31.base == 500000));
  BOOST_TEST((llama31.scaling.type == RopeScalingType::llama3 && llama31.scaling.factor == 8));
  BOOST_TEST((llama31.scaling.low_freq_factor == 1 && llama31.scaling.high_freq_factor == 4));
  BOOST_TEST((llama31.scaling.original_context == 8192 && llama31.context_length == 131072));
  const auto& llama32 = preset("llama3.2");
  BOOST_TEST((llama32.dim == 64 && llama32.base == 500000 && llama32.scaling.factor == 32));
  BOOST_TEST((llama32.original_context == 8192 && llama32.context_length == 131072));
  const auto& v3 = preset("deepseek-v3");
  BOOST_TEST((v3.dim == 64 && v3.base == 10000 && v3.scaling.type == RopeScalingType::yarn));
  BOOST_TEST((v3.scaling.factor == 40 && v3.scaling.original_context == 4096));
  BOOST_TEST((v3.scaling.beta_fast == 32 && v3.scaling.beta_slow == 1));
  BOOST_TEST((v3.original_context == 4096 && v3.context_length == 163840));
}

BOOST_AUTO_TEST_CASE(band_counts_as_computed_in_references_md) {
  const auto count = [](const char* name) {
    const auto w = wavelengths_of(preset(name));
    return std::to_string(w.kept) + "/" + std::to_string(w.blended) + "/" +
           std::to_string(w.divided);
  };
  BOOST_TEST(count("rope") == "64/0/0");
  BOOST_TEST(count("llama3") == "64/0/0");
  BOOST_TEST(count("llama3.1") == "29/6/29");
  BOOST_TEST(count("llama3.2") == "15/3/14");
  BOOST_TEST(count("deepseek-v3") == "11/12/9");
}

BOOST_AUTO_TEST_CASE(divided_pairs_are_factor_times_longer_kept_ones_unchanged) {
  for (const auto& p : pe::kRopePresets) {
    const auto w = wavelengths_of(p);
    for (std::size_t i = 0; i < w.bands.size(); ++i) {
      // lambda_i = 2 pi base^(2i/dim), written independently.
      const double original = 2 * std::acos(-1.0) * std::pow(p.base, 2.0 * i / p.dim);
      BOOST_TEST(w.original[i] == original, tt::tolerance(1e-12));
      if (w.bands[i] == FrequencyBand::kept)
        BOOST_TEST(w.scaled[i] == original, tt::tolerance(1e-12));
      if (w.bands[i] == FrequencyBand::divided)
        BOOST_TEST(w.scaled[i] == p.scaling.factor * original, tt::tolerance(1e-12));
      if (w.bands[i] == FrequencyBand::blended)
        BOOST_TEST((w.scaled[i] > original && w.scaled[i] < p.scaling.factor * original));
    }
  }
}

BOOST_AUTO_TEST_CASE(llama3_kept_pairs_turn_at_least_4_times_in_8192_positions) {
  const auto w = wavelengths_of(preset("llama3.1"));
  for (std::size_t i = 0; i < w.bands.size(); ++i) {
    if (w.bands[i] == FrequencyBand::kept) BOOST_TEST(w.original[i] < 8192.0 / 4);
    if (w.bands[i] == FrequencyBand::divided) BOOST_TEST(w.original[i] > 8192.0);
  }
}

BOOST_AUTO_TEST_CASE(band_names_are_the_js_names) {
  BOOST_TEST(std::string(pe::name_of(FrequencyBand::kept)) == "kept");
  BOOST_TEST(std::string(pe::name_of(FrequencyBand::blended)) == "blended");
  BOOST_TEST(std::string(pe::name_of(FrequencyBand::divided)) == "divided");
}
