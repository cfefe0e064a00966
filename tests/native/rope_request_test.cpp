// The RoPE and ALiBi parsers are the only gate between JS input and the primitives: every invalid
// input must come back as the right ErrorKind with a message that names the parameter (by its JS
// name), what is allowed and what was received; every valid input must parse to its fields.
#define BOOST_TEST_MODULE rope_request

#include "core/rope_request.hpp"

#include <boost/test/unit_test.hpp>
#include <limits>
#include <string>
#include <variant>

#include "support/parsed.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kMaxPosition = 2147483647;  // 2^31 - 1

using pe::ErrorKind;
using pe::RawRopeScaling;
using pe::RopeScalingType;
using test_support::check_error;
using test_support::value_of;

template <typename T>
void check_range_error(const std::variant<T, pe::InputError>& parsed, const std::string& message) {
  check_error(parsed, ErrorKind::range, message);
}

template <typename T>
void check_type_error(const std::variant<T, pe::InputError>& parsed, const std::string& message) {
  check_error(parsed, ErrorKind::type, message);
}

RawRopeScaling llama3(double factor) {
  RawRopeScaling raw;
  raw.type = "llama3";
  raw.factor = factor;
  return raw;
}

RawRopeScaling yarn(double factor, double original_context) {
  RawRopeScaling raw;
  raw.type = "yarn";
  raw.factor = factor;
  raw.original_context = original_context;
  return raw;
}

const std::string kDimRule = "dim must be an even integer from 2 to 4096; received ";
const std::string kBaseRule = "base must be a finite number greater than 1; received ";
const std::string kStartRule =
    "start must be an integer from 0 to 2147483647 (2^31 - 1); received ";
const std::string kFactorRule = "scaling.factor must be a number from 1 to 1000000; received ";
const std::string kContextRule =
    "scaling.originalContext must be an integer from 1 to 2147483647 (2^31 - 1); received ";
const std::string kLlama3Keys = "factor, lowFreqFactor, highFreqFactor and originalContext";
const std::string kYarnKeys = "factor, originalContext, betaFast and betaSlow";

}  // namespace

BOOST_AUTO_TEST_SUITE(pairing)

BOOST_AUTO_TEST_CASE(interleaved_and_half_parse_to_their_pairings) {
  BOOST_TEST((value_of(pe::parse_rope_pairing("interleaved")) == pe::RopePairing::interleaved));
  BOOST_TEST((value_of(pe::parse_rope_pairing("half")) == pe::RopePairing::half));
}

BOOST_AUTO_TEST_CASE(an_unknown_pairing_is_a_type_error_listing_the_pairings) {
  check_type_error(pe::parse_rope_pairing("rotate_half"),
                   "pairing must be \"interleaved\" or \"half\"; received \"rotate_half\"");
}

BOOST_AUTO_TEST_CASE(pairing_names_are_case_sensitive) {
  check_type_error(pe::parse_rope_pairing("Half"),
                   "pairing must be \"interleaved\" or \"half\"; received \"Half\"");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(valid_scaling)

BOOST_AUTO_TEST_CASE(no_scaling_object_means_type_none_with_the_defaults) {
  const auto scaling = value_of(pe::parse_rope_scaling({}));
  BOOST_TEST((scaling.type == RopeScalingType::none));
  BOOST_TEST(scaling.factor == 1.0);
}

BOOST_AUTO_TEST_CASE(llama3_with_only_a_factor_takes_meta_s_defaults) {
  const auto scaling = value_of(pe::parse_rope_scaling(llama3(32)));
  BOOST_TEST((scaling.type == RopeScalingType::llama3));
  BOOST_TEST(scaling.factor == 32.0);
  BOOST_TEST(scaling.low_freq_factor == 1.0);
  BOOST_TEST(scaling.high_freq_factor == 4.0);
  BOOST_TEST(scaling.original_context == 8192.0);
}

BOOST_AUTO_TEST_CASE(llama3_keeps_every_key_it_is_given) {
  auto raw = llama3(8);
  raw.low_freq_factor = 0.5;
  raw.high_freq_factor = 2.5;
  raw.original_context = 4096;
  const auto scaling = value_of(pe::parse_rope_scaling(raw));
  BOOST_TEST(scaling.factor == 8.0);
  BOOST_TEST(scaling.low_freq_factor == 0.5);
  BOOST_TEST(scaling.high_freq_factor == 2.5);
  BOOST_TEST(scaling.original_context == 4096.0);
}

BOOST_AUTO_TEST_CASE(yarn_with_factor_and_context_takes_deepseek_s_betas) {
  const auto scaling = value_of(pe::parse_rope_scaling(yarn(40, 4096)));
  BOOST_TEST((scaling.type == RopeScalingType::yarn));
  BOOST_TEST(scaling.factor == 40.0);
  BOOST_TEST(scaling.original_context == 4096.0);
  BOOST_TEST(scaling.beta_fast == 32.0);
  BOOST_TEST(scaling.beta_slow == 1.0);
}

BOOST_AUTO_TEST_CASE(yarn_keeps_every_key_it_is_given) {
  auto raw = yarn(4, 2048);
  raw.beta_fast = 16;
  raw.beta_slow = 0.5;
  const auto scaling = value_of(pe::parse_rope_scaling(raw));
  BOOST_TEST(scaling.beta_fast == 16.0);
  BOOST_TEST(scaling.beta_slow == 0.5);
}

BOOST_AUTO_TEST_CASE(factor_1_and_context_2_to_the_31_minus_1_are_the_limits) {
  BOOST_TEST(value_of(pe::parse_rope_scaling(llama3(1))).factor == 1.0);
  BOOST_TEST(value_of(pe::parse_rope_scaling(yarn(1, kMaxPosition))).original_context ==
             kMaxPosition);
  BOOST_TEST(value_of(pe::parse_rope_scaling(yarn(1, 1))).original_context == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scaling_keys)

BOOST_AUTO_TEST_CASE(an_unknown_type_is_a_type_error_listing_the_types) {
  RawRopeScaling raw;
  raw.type = "foo";
  check_type_error(pe::parse_rope_scaling(raw),
                   "scaling.type must be \"none\", \"llama3\" or \"yarn\"; received \"foo\"");
}

BOOST_AUTO_TEST_CASE(type_names_are_case_sensitive) {
  auto raw = llama3(8);
  raw.type = "Llama3";
  check_type_error(pe::parse_rope_scaling(raw),
                   "scaling.type must be \"none\", \"llama3\" or \"yarn\"; received \"Llama3\"");
}

BOOST_AUTO_TEST_CASE(type_none_takes_no_other_key) {
  RawRopeScaling raw;
  raw.factor = 8;
  check_type_error(
      pe::parse_rope_scaling(raw),
      "scaling.factor is not used by scaling type \"none\", which takes no other keys; received 8");
}

BOOST_AUTO_TEST_CASE(a_yarn_key_under_llama3_is_a_type_error_listing_llama3_s_keys) {
  auto raw = llama3(8);
  raw.beta_fast = 32;
  check_type_error(pe::parse_rope_scaling(raw),
                   "scaling.betaFast is not used by scaling type \"llama3\", which takes " +
                       kLlama3Keys + "; received 32");
}

BOOST_AUTO_TEST_CASE(a_llama3_key_under_yarn_is_a_type_error_listing_yarn_s_keys) {
  auto raw = yarn(40, 4096);
  raw.high_freq_factor = 4;
  check_type_error(pe::parse_rope_scaling(raw),
                   "scaling.highFreqFactor is not used by scaling type \"yarn\", which takes " +
                       kYarnKeys + "; received 4");
}

BOOST_AUTO_TEST_CASE(llama3_requires_a_factor) {
  RawRopeScaling raw;
  raw.type = "llama3";
  check_type_error(pe::parse_rope_scaling(raw),
                   "scaling.factor is required for scaling type \"llama3\"");
}

BOOST_AUTO_TEST_CASE(yarn_requires_a_factor) {
  RawRopeScaling raw;
  raw.type = "yarn";
  raw.original_context = 4096;
  check_type_error(pe::parse_rope_scaling(raw),
                   "scaling.factor is required for scaling type \"yarn\"");
}

BOOST_AUTO_TEST_CASE(yarn_requires_an_original_context) {
  RawRopeScaling raw;
  raw.type = "yarn";
  raw.factor = 40;
  check_type_error(pe::parse_rope_scaling(raw),
                   "scaling.originalContext is required for scaling type \"yarn\"");
}

BOOST_AUTO_TEST_CASE(a_key_the_type_does_not_use_is_reported_before_a_missing_one) {
  RawRopeScaling raw;
  raw.type = "yarn";
  raw.low_freq_factor = 1;
  check_type_error(pe::parse_rope_scaling(raw),
                   "scaling.lowFreqFactor is not used by scaling type \"yarn\", which takes " +
                       kYarnKeys + "; received 1");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scaling_values)

BOOST_AUTO_TEST_CASE(a_factor_below_1_is_a_range_error) {
  check_range_error(pe::parse_rope_scaling(llama3(0.5)), kFactorRule + "0.5");
  check_range_error(pe::parse_rope_scaling(yarn(0, 4096)), kFactorRule + "0");
}

// Found by tests/fuzz/fuzz_rope_request: a factor of 1e300 divided the slowest frequencies to 0.
BOOST_AUTO_TEST_CASE(a_factor_past_a_million_is_a_range_error) {
  check_range_error(pe::parse_rope_scaling(llama3(1e300)), kFactorRule + "1e+300");
  check_range_error(pe::parse_rope_scaling(yarn(1000001, 4096)), kFactorRule + "1000001");
  BOOST_TEST(std::holds_alternative<pe::RopeScaling>(pe::parse_rope_scaling(llama3(1e6))));
}

BOOST_AUTO_TEST_CASE(a_nan_or_infinite_factor_is_a_range_error) {
  check_range_error(pe::parse_rope_scaling(llama3(kNaN)), kFactorRule + "NaN");
  check_range_error(pe::parse_rope_scaling(yarn(kInfinity, 4096)), kFactorRule + "Infinity");
}

BOOST_AUTO_TEST_CASE(a_low_freq_factor_of_0_is_a_range_error) {
  auto raw = llama3(8);
  raw.low_freq_factor = 0;
  check_range_error(pe::parse_rope_scaling(raw),
                    "scaling.lowFreqFactor must be a finite number greater than 0; received 0");
}

BOOST_AUTO_TEST_CASE(a_high_freq_factor_equal_to_the_low_one_is_a_range_error) {
  auto raw = llama3(8);
  raw.high_freq_factor = 1;
  check_range_error(pe::parse_rope_scaling(raw),
                    "scaling.highFreqFactor must be a finite number greater than "
                    "scaling.lowFreqFactor (1); received 1");
}

BOOST_AUTO_TEST_CASE(an_infinite_high_freq_factor_is_a_range_error) {
  auto raw = llama3(8);
  raw.high_freq_factor = kInfinity;
  check_range_error(pe::parse_rope_scaling(raw),
                    "scaling.highFreqFactor must be a finite number greater than "
                    "scaling.lowFreqFactor (1); received Infinity");
}

BOOST_AUTO_TEST_CASE(a_low_freq_factor_above_the_default_high_one_says_the_default_is_to_blame) {
  auto raw = llama3(8);
  raw.low_freq_factor = 4;
  check_range_error(pe::parse_rope_scaling(raw),
                    "scaling.highFreqFactor must be a finite number greater than "
                    "scaling.lowFreqFactor (4); received 4 (the default)");
}

BOOST_AUTO_TEST_CASE(an_original_context_outside_1_to_2_to_the_31_minus_1_is_a_range_error) {
  check_range_error(pe::parse_rope_scaling(yarn(40, 0)), kContextRule + "0");
  check_range_error(pe::parse_rope_scaling(yarn(40, 4096.5)), kContextRule + "4096.5");
  check_range_error(pe::parse_rope_scaling(yarn(40, kMaxPosition + 1)),
                    kContextRule + "2147483648");
  auto raw = llama3(8);
  raw.original_context = -8192;
  check_range_error(pe::parse_rope_scaling(raw), kContextRule + "-8192");
}

BOOST_AUTO_TEST_CASE(a_beta_slow_of_0_is_a_range_error) {
  auto raw = yarn(40, 4096);
  raw.beta_slow = 0;
  check_range_error(pe::parse_rope_scaling(raw),
                    "scaling.betaSlow must be a finite number greater than 0; received 0");
}

BOOST_AUTO_TEST_CASE(a_beta_fast_equal_to_beta_slow_is_a_range_error) {
  auto raw = yarn(40, 4096);
  raw.beta_fast = 1;
  check_range_error(pe::parse_rope_scaling(raw),
                    "scaling.betaFast must be a finite number greater than scaling.betaSlow (1); "
                    "received 1");
}

BOOST_AUTO_TEST_CASE(a_beta_slow_above_the_default_beta_fast_says_the_default_is_to_blame) {
  auto raw = yarn(40, 4096);
  raw.beta_slow = 40;
  check_range_error(pe::parse_rope_scaling(raw),
                    "scaling.betaFast must be a finite number greater than scaling.betaSlow (40); "
                    "received 32 (the default)");
}

BOOST_AUTO_TEST_CASE(a_nan_beta_fast_is_a_range_error) {
  auto raw = yarn(40, 4096);
  raw.beta_fast = kNaN;
  check_range_error(pe::parse_rope_scaling(raw),
                    "scaling.betaFast must be a finite number greater than scaling.betaSlow (1); "
                    "received NaN");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(frequency_request)

BOOST_AUTO_TEST_CASE(a_llama_3_2_request_parses_to_its_fields) {
  const auto request = value_of(pe::parse_rope_frequency_request(64, 500000, llama3(32)));
  BOOST_TEST(request.dim == 64);
  BOOST_TEST(request.base == 500000.0);
  BOOST_TEST((request.scaling.type == RopeScalingType::llama3));
  BOOST_TEST(request.scaling.factor == 32.0);
}

BOOST_AUTO_TEST_CASE(dims_2_and_4096_are_the_limits) {
  BOOST_TEST(value_of(pe::parse_rope_frequency_request(2, 10000, {})).dim == 2);
  BOOST_TEST(value_of(pe::parse_rope_frequency_request(4096, 10000, {})).dim == 4096);
}

BOOST_AUTO_TEST_CASE(an_odd_dim_is_a_range_error) {
  check_range_error(pe::parse_rope_frequency_request(7, 10000, {}), kDimRule + "7");
}

BOOST_AUTO_TEST_CASE(dims_outside_2_to_4096_are_range_errors) {
  check_range_error(pe::parse_rope_frequency_request(0, 10000, {}), kDimRule + "0");
  check_range_error(pe::parse_rope_frequency_request(4098, 10000, {}), kDimRule + "4098");
  check_range_error(pe::parse_rope_frequency_request(-2, 10000, {}), kDimRule + "-2");
}

BOOST_AUTO_TEST_CASE(a_fractional_nan_or_infinite_dim_is_a_range_error) {
  check_range_error(pe::parse_rope_frequency_request(2.5, 10000, {}), kDimRule + "2.5");
  check_range_error(pe::parse_rope_frequency_request(kNaN, 10000, {}), kDimRule + "NaN");
  check_range_error(pe::parse_rope_frequency_request(kInfinity, 10000, {}), kDimRule + "Infinity");
}

BOOST_AUTO_TEST_CASE(a_base_of_1_or_less_is_a_range_error) {
  check_range_error(pe::parse_rope_frequency_request(64, 1, {}), kBaseRule + "1");
  check_range_error(pe::parse_rope_frequency_request(64, -10000, {}), kBaseRule + "-10000");
}

BOOST_AUTO_TEST_CASE(a_nan_or_infinite_base_is_a_range_error) {
  check_range_error(pe::parse_rope_frequency_request(64, kNaN, {}), kBaseRule + "NaN");
  check_range_error(pe::parse_rope_frequency_request(64, kInfinity, {}), kBaseRule + "Infinity");
}

BOOST_AUTO_TEST_CASE(a_scaling_problem_comes_through_unchanged) {
  check_range_error(pe::parse_rope_frequency_request(64, 500000, llama3(kNaN)),
                    kFactorRule + "NaN");
  RawRopeScaling raw;
  raw.type = "ntk";
  check_type_error(pe::parse_rope_frequency_request(64, 500000, raw),
                   "scaling.type must be \"none\", \"llama3\" or \"yarn\"; received \"ntk\"");
}

BOOST_AUTO_TEST_CASE(dim_is_checked_before_base_and_base_before_scaling) {
  RawRopeScaling bad_type;
  bad_type.type = "foo";
  check_range_error(pe::parse_rope_frequency_request(7, 1, bad_type), kDimRule + "7");
  check_range_error(pe::parse_rope_frequency_request(8, 1, bad_type), kBaseRule + "1");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rotate_shape)

BOOST_AUTO_TEST_CASE(twelve_values_of_dim_4_are_three_rows) {
  const auto shape = value_of(pe::parse_rotate_shape(12, 4, 100));
  BOOST_TEST(shape.dim == 4);
  BOOST_TEST(shape.rows == 3);
  BOOST_TEST(shape.start == 100);
}

BOOST_AUTO_TEST_CASE(no_data_is_zero_rows) {
  BOOST_TEST(value_of(pe::parse_rotate_shape(0, 64, 0)).rows == 0);
  BOOST_TEST(value_of(pe::parse_rotate_shape(0, 64, kMaxPosition)).rows == 0);
}

BOOST_AUTO_TEST_CASE(exactly_16777216_values_is_accepted) {
  BOOST_TEST(value_of(pe::parse_rotate_shape(16777216, 4096, 0)).rows == 4096);
  BOOST_TEST(value_of(pe::parse_rotate_shape(16777216, 2, 0)).rows == 8388608);
}

BOOST_AUTO_TEST_CASE(the_last_row_may_be_at_position_2_to_the_31_minus_1) {
  BOOST_TEST(value_of(pe::parse_rotate_shape(64, 64, kMaxPosition)).start == 2147483647);
  BOOST_TEST(value_of(pe::parse_rotate_shape(3 * 64, 64, kMaxPosition - 2)).start == 2147483645);
}

BOOST_AUTO_TEST_CASE(an_odd_dim_is_a_range_error) {
  check_range_error(pe::parse_rotate_shape(21, 7, 0), kDimRule + "7");
}

BOOST_AUTO_TEST_CASE(data_that_does_not_fill_whole_rows_is_a_range_error) {
  check_range_error(pe::parse_rotate_shape(10, 4, 0),
                    "data must hold whole rows of dim values; received 10 values for dim 4");
}

BOOST_AUTO_TEST_CASE(more_than_16777216_values_is_a_range_error) {
  check_range_error(pe::parse_rotate_shape(16777218, 2, 0),
                    "data must hold at most 16777216 values; received 16777218");
}

BOOST_AUTO_TEST_CASE(a_start_outside_0_to_2_to_the_31_minus_1_is_a_range_error) {
  check_range_error(pe::parse_rotate_shape(8, 4, -1), kStartRule + "-1");
  check_range_error(pe::parse_rotate_shape(8, 4, kMaxPosition + 1), kStartRule + "2147483648");
}

BOOST_AUTO_TEST_CASE(a_fractional_or_nan_start_is_a_range_error) {
  check_range_error(pe::parse_rotate_shape(8, 4, 0.5), kStartRule + "0.5");
  check_range_error(pe::parse_rotate_shape(8, 4, kNaN), kStartRule + "NaN");
}

BOOST_AUTO_TEST_CASE(rows_past_position_2_to_the_31_minus_1_are_a_range_error) {
  check_range_error(pe::parse_rotate_shape(3 * 4, 4, kMaxPosition - 1),
                    "start must be an integer from 0 to 2147483645 (the last position, start + "
                    "rows - 1, may be at most 2^31 - 1); received 2147483646");
}

BOOST_AUTO_TEST_CASE(dim_is_checked_before_the_data_and_the_data_before_start) {
  check_range_error(pe::parse_rotate_shape(10, 3, -1), kDimRule + "3");
  check_range_error(pe::parse_rotate_shape(10, 4, -1),
                    "data must hold whole rows of dim values; received 10 values for dim 4");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(alibi_heads)

BOOST_AUTO_TEST_CASE(heads_1_to_1024_parse) {
  BOOST_TEST(value_of(pe::parse_alibi_heads(1)) == 1);
  BOOST_TEST(value_of(pe::parse_alibi_heads(12)) == 12);
  BOOST_TEST(value_of(pe::parse_alibi_heads(1024)) == 1024);
}

BOOST_AUTO_TEST_CASE(heads_outside_1_to_1024_are_a_range_error) {
  const std::string rule = "heads must be an integer from 1 to 1024; received ";
  check_range_error(pe::parse_alibi_heads(0), rule + "0");
  check_range_error(pe::parse_alibi_heads(1025), rule + "1025");
  check_range_error(pe::parse_alibi_heads(-8), rule + "-8");
  check_range_error(pe::parse_alibi_heads(1.5), rule + "1.5");
  check_range_error(pe::parse_alibi_heads(kNaN), rule + "NaN");
  check_range_error(pe::parse_alibi_heads(kInfinity), rule + "Infinity");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(yarn_mscale)

BOOST_AUTO_TEST_CASE(a_factor_and_an_mscale_all_dim_parse_to_themselves) {
  const auto parsed = pe::parse_yarn_mscale_request(40, 0.707);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::YarnMscaleRequest>(parsed));
  BOOST_TEST(std::get<pe::YarnMscaleRequest>(parsed).factor == 40.0);
  BOOST_TEST(std::get<pe::YarnMscaleRequest>(parsed).mscale_all_dim == 0.707);
}

BOOST_AUTO_TEST_CASE(a_factor_below_1_or_a_non_positive_mscale_all_dim_is_a_range_error) {
  const auto below = pe::parse_yarn_mscale_request(0.5, 1);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(below));
  BOOST_TEST(std::get<pe::InputError>(below).message ==
             "factor must be a number from 1 to 1000000; received 0.5");
  const auto zero = pe::parse_yarn_mscale_request(40, 0);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(zero));
  BOOST_TEST(std::get<pe::InputError>(zero).message ==
             "mscaleAllDim must be a finite number greater than 0; received 0");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scores_request)

// A caller's vector of length values, every one finite.
pe::CallerTable vector_of(double length) {
  return pe::VectorTable::of(std::vector<float>(static_cast<std::size_t>(length), 0.5f));
}

pe::RawRopeScoresRequest scores(double dim, double position, double from_offset, double count) {
  pe::RawRopeScoresRequest raw;
  raw.rope.dim = dim;
  raw.query = raw.key = vector_of(dim);
  raw.position = position;
  raw.from_offset = from_offset;
  raw.count = count;
  return raw;
}

BOOST_AUTO_TEST_CASE(a_good_request_parses_to_its_fields) {
  auto raw = scores(8, 100, -100, 257);
  raw.rope.base = 500000;
  raw.rope.pairing = "half";
  raw.rope.scaling = llama3(8);
  const auto request = value_of(pe::parse_rope_scores_request(raw));
  BOOST_TEST(request.rope.frequencies.dim == 8);
  BOOST_TEST(request.rope.frequencies.base == 500000.0);
  BOOST_TEST((request.rope.frequencies.scaling.type == RopeScalingType::llama3));
  BOOST_TEST((request.rope.pairing == pe::RopePairing::half));
  BOOST_TEST(request.position == 100);
  BOOST_TEST(request.first_offset == -100);
  BOOST_TEST(request.count == 257);
}

BOOST_AUTO_TEST_CASE(every_bad_value_is_named) {
  check_range_error(pe::parse_rope_scores_request(scores(7, 0, 0, 1)),
                    "dim must be an even integer from 2 to 4096; received 7");
  auto short_query = scores(8, 0, 0, 1);
  short_query.query = vector_of(7);
  check_range_error(pe::parse_rope_scores_request(short_query),
                    "query must hold dim (8) values; received 7");
  auto long_key = scores(8, 0, 0, 1);
  long_key.key = vector_of(16);
  check_range_error(pe::parse_rope_scores_request(long_key),
                    "key must hold dim (8) values; received 16");
  auto base = scores(8, 0, 0, 1);
  base.rope.base = 1;
  check_range_error(pe::parse_rope_scores_request(base),
                    "base must be a finite number greater than 1; received 1");
  auto pairing = scores(8, 0, 0, 1);
  pairing.rope.pairing = "neox";
  check_type_error(pe::parse_rope_scores_request(pairing),
                   "pairing must be \"interleaved\" or \"half\"; received \"neox\"");
  check_range_error(pe::parse_rope_scores_request(scores(8, -1, 0, 1)),
                    "position must be an integer from 0 to 2147483647 (2^31 - 1); received -1");
  const std::string offset_rule =
      "fromOffset must be an integer with position + fromOffset from 0 to 2147483647 (2^31 - 1); "
      "received ";
  check_range_error(pe::parse_rope_scores_request(scores(8, 20, -21, 1)), offset_rule + "-21");
  check_range_error(pe::parse_rope_scores_request(scores(8, 20, 0.5, 1)), offset_rule + "0.5");
  check_range_error(pe::parse_rope_scores_request(scores(8, 20, kMaxPosition - 19, 1)),
                    offset_rule + "2147483628");
  BOOST_TEST(value_of(pe::parse_rope_scores_request(scores(8, 20, -20, 1))).first_offset == -20);
  const std::string count_rule =
      "count must be an integer from 1 to 65536 with position + fromOffset + count - 1 at most "
      "2147483647 (2^31 - 1); received ";
  check_range_error(pe::parse_rope_scores_request(scores(8, 0, 0, 0)), count_rule + "0");
  check_range_error(pe::parse_rope_scores_request(scores(8, 0, 0, 65537)), count_rule + "65537");
  check_range_error(pe::parse_rope_scores_request(scores(8, 0, 0, 2.5)), count_rule + "2.5");
  check_range_error(pe::parse_rope_scores_request(scores(8, kMaxPosition - 9, 0, 11)),
                    count_rule + "11");
  BOOST_TEST(value_of(pe::parse_rope_scores_request(scores(8, kMaxPosition - 9, 0, 10))).count ==
             10);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(permutation_request)

BOOST_AUTO_TEST_CASE(permutation_names_from_and_to) {
  const auto request = value_of(pe::parse_pairing_permutation_request(8, "interleaved", "half"));
  BOOST_TEST((request.dim == 8 && request.from == pe::RopePairing::interleaved &&
              request.to == pe::RopePairing::half));
  check_range_error(pe::parse_pairing_permutation_request(0, "half", "half"),
                    "dim must be an even integer from 2 to 4096; received 0");
  check_type_error(pe::parse_pairing_permutation_request(8, "neox", "half"),
                   "from must be \"interleaved\" or \"half\"; received \"neox\"");
  check_type_error(pe::parse_pairing_permutation_request(8, "half", ""),
                   "to must be \"interleaved\" or \"half\"; received \"\"");
}

BOOST_AUTO_TEST_SUITE_END()
