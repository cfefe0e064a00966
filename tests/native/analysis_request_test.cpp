// The analysis request parser is the only gate between caller input and the analysis: every
// invalid input must come back as the right ErrorKind with a message that names the parameter,
// what is allowed and what was received, in the words of core/position_range.cpp.
#include "analysis/analysis_request.hpp"

#include <boost/test/unit_test.hpp>
#include <limits>
#include <string>
#include <variant>

#include "positions/scheme_registry.hpp"
#include "support/raw_analysis_request.hpp"

namespace {

using test_support::raw_of;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

const std::string kLecture = "The dog chased the ball. It could not catch it.";  // 12 tokens

// n tokens: "w w w ...".
std::string words(int n) {
  std::string text;
  for (int t = 0; t < n; ++t) text += "w ";
  return text;
}

pe::InputError error_of(const std::string& text, const pe::RawAnalysisRequest& raw) {
  const auto parsed = pe::parse_analysis_request(text, raw);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  return std::get<pe::InputError>(parsed);
}

pe::AnalysisRequest request_of(const std::string& text, const pe::RawAnalysisRequest& raw) {
  const auto parsed = pe::parse_analysis_request(text, raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed))
    BOOST_FAIL("unexpected error: " + error->message);
  return std::get<pe::AnalysisRequest>(parsed);
}

void check_range_error(const std::string& text, const pe::RawAnalysisRequest& raw,
                       const std::string& message) {
  const auto error = error_of(text, raw);
  BOOST_TEST((error.kind == pe::ErrorKind::range));
  BOOST_TEST(error.message == message);
}

const std::string kDimRule = "dim must be an integer from 1 to 256; received ";
const std::string kStartRule =
    "start must be an integer from 0 to 2147483647 (2^31 - 1); received ";

}  // namespace

BOOST_AUTO_TEST_SUITE(valid_requests)

BOOST_AUTO_TEST_CASE(the_defaults_are_binary_at_dim_8_from_position_0_without_a_mask) {
  const auto request = request_of(kLecture, {});
  BOOST_TEST(request.scheme->name == "binary");
  BOOST_TEST(request.dim == 8);
  BOOST_TEST(request.start == 0);
  BOOST_TEST(!request.causal);
  BOOST_TEST(request.embedding_std == 0.02);
  BOOST_TEST(request.tokens.size() == 12u);
}

BOOST_AUTO_TEST_CASE(every_scheme_of_the_registry_parses_to_itself) {
  for (const pe::PositionScheme* scheme : pe::position_schemes())
    BOOST_TEST(request_of(kLecture, raw_of(std::string(scheme->name), 8, 0, false)).scheme ==
               scheme);
}

BOOST_AUTO_TEST_CASE(the_schemes_options_reach_the_request) {
  auto raw = raw_of("rope", 8, 0, false);
  raw.scheme_options.base = 500000;
  raw.scheme_options.pairing = "half";
  raw.scheme_options.slope = 0.25;
  const auto request = request_of(kLecture, raw);
  BOOST_TEST(request.scheme_options.base == 500000.0);
  BOOST_TEST((request.scheme_options.pairing == pe::RopePairing::half));
  BOOST_TEST(request.scheme_options.slope == 0.25);
}

BOOST_AUTO_TEST_CASE(a_request_keeps_its_dim_start_and_mask) {
  const auto request = request_of(kLecture, raw_of("integer", 256, 200, true));
  BOOST_TEST(request.dim == 256);
  BOOST_TEST(request.start == 200);
  BOOST_TEST(request.causal);
}

BOOST_AUTO_TEST_CASE(embedding_std_may_be_anything_from_0_001_to_10) {
  for (const double component_std : {0.001, 0.02, 1.0, 10.0})
    BOOST_TEST(request_of(kLecture, raw_of("binary", 8, 0, false, component_std)).embedding_std ==
               component_std);
}

BOOST_AUTO_TEST_CASE(empty_text_is_a_valid_request_with_no_tokens) {
  BOOST_TEST(request_of("", {}).tokens.empty());
  BOOST_TEST(request_of("", raw_of("binary", 8, 2147483647, false)).start == 2147483647);
}

BOOST_AUTO_TEST_CASE(a_text_of_2048_tokens_is_allowed) {
  BOOST_TEST(request_of(words(2048), {}).tokens.size() == 2048u);
}

BOOST_AUTO_TEST_CASE(the_last_token_may_sit_at_position_2_to_the_31_minus_1) {
  BOOST_TEST(request_of(words(8), raw_of("integer", 8, 2147483640, false)).start == 2147483640);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(invalid_requests)

BOOST_AUTO_TEST_CASE(an_unknown_kind_is_a_type_error_that_lists_the_kinds) {
  const auto error = error_of(kLecture, raw_of("rotary", 8, 0, false));
  BOOST_TEST((error.kind == pe::ErrorKind::type));
  BOOST_TEST(error.message ==
             "kind must be \"none\", \"integer\", \"binary\", \"sinusoidal\", \"rope\", "
             "\"alibi\" or \"learned\"; received \"rotary\"");
}

BOOST_AUTO_TEST_CASE(a_bad_scheme_option_is_reported_whatever_the_kind) {
  auto raw = raw_of("binary", 8, 0, false);
  raw.scheme_options.pairing = "rotate_half";
  const auto error = error_of(kLecture, raw);
  BOOST_TEST((error.kind == pe::ErrorKind::type));
  BOOST_TEST(error.message ==
             "pairing must be \"interleaved\" or \"half\"; received \"rotate_half\"");
}

BOOST_AUTO_TEST_CASE(dim_must_be_an_integer_from_1_to_256) {
  check_range_error(kLecture, raw_of("binary", 0, 0, false), kDimRule + "0");
  check_range_error(kLecture, raw_of("binary", 257, 0, false), kDimRule + "257");
  check_range_error(kLecture, raw_of("binary", 8.5, 0, false), kDimRule + "8.5");
  check_range_error(kLecture, raw_of("binary", -8, 0, false), kDimRule + "-8");
  check_range_error(kLecture, raw_of("binary", kNaN, 0, false), kDimRule + "NaN");
  check_range_error(kLecture, raw_of("binary", kInfinity, 0, false), kDimRule + "Infinity");
}

BOOST_AUTO_TEST_CASE(dim_must_be_even_for_sinusoidal_and_rope) {
  check_range_error(kLecture, raw_of("sinusoidal", 7, 0, false),
                    "dim must be even for sinusoidal (one sin/cos pair per frequency); received 7");
  check_range_error(kLecture, raw_of("rope", 7, 0, false),
                    "dim must be even for rope (one rotated pair per frequency); received 7");
  request_of(kLecture, raw_of("binary", 7, 0, false));
  request_of(kLecture, raw_of("alibi", 7, 0, false));
}

BOOST_AUTO_TEST_CASE(text_may_have_at_most_2048_tokens) {
  check_range_error(words(2049), {}, "text must have at most 2048 tokens; received 2049");
  check_range_error(words(4123), {}, "text must have at most 2048 tokens; received 4123");
}

BOOST_AUTO_TEST_CASE(text_may_have_at_most_65536_bytes_before_it_is_split) {
  const std::string longest(65536, 'a');
  BOOST_TEST(!pe::check_text_size(longest).has_value());
  check_range_error(longest + "b", {}, "text must be at most 65536 bytes as UTF-8; received 65537");
}

BOOST_AUTO_TEST_CASE(start_must_be_a_position_from_0_to_2_to_the_31_minus_1) {
  check_range_error("dog", raw_of("binary", 8, -1, false), kStartRule + "-1");
  check_range_error("dog", raw_of("binary", 8, 0.5, false), kStartRule + "0.5");
  check_range_error("dog", raw_of("binary", 8, kNaN, false), kStartRule + "NaN");
  check_range_error("dog", raw_of("binary", 8, 2147483648, false), kStartRule + "2147483648");
  check_range_error("", raw_of("binary", 8, -kInfinity, false), kStartRule + "-Infinity");
}

BOOST_AUTO_TEST_CASE(the_last_token_must_not_pass_position_2_to_the_31_minus_1) {
  check_range_error(words(8), raw_of("integer", 8, 2147483641, false),
                    "start must be an integer from 0 to 2147483640 (the last of the 8 tokens is "
                    "at start + 7, at most 2^31 - 1); received 2147483641");
}

BOOST_AUTO_TEST_CASE(embedding_std_must_be_a_number_from_0_001_to_10) {
  const std::string rule = "embeddingStd must be a number from 0.001 to 10; received ";
  for (const auto& [value, shown] : {std::pair{0.0, "0"},
                                     {0.0009, "0.0009"},
                                     {-1.0, "-1"},
                                     {10.5, "10.5"},
                                     {kNaN, "NaN"},
                                     {kInfinity, "Infinity"}}) {
    check_range_error(kLecture, raw_of("binary", 8, 0, false, value), rule + shown);
  }
}

BOOST_AUTO_TEST_CASE(
    the_first_problem_is_reported_kind_then_dim_then_tokens_then_start_then_embedding_std) {
  BOOST_TEST(
      (error_of(words(3000), raw_of("rotary", 0, -1, false, 0)).kind == pe::ErrorKind::type));
  BOOST_TEST(error_of(words(3000), raw_of("binary", 0, -1, false, 0)).message == kDimRule + "0");
  BOOST_TEST(error_of(words(3000), raw_of("binary", 8, -1, false, 0)).message ==
             "text must have at most 2048 tokens; received 3000");
  BOOST_TEST(error_of("dog", raw_of("binary", 8, -1, false, 0)).message == kStartRule + "-1");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shift_requests)

BOOST_AUTO_TEST_CASE(a_shift_keeps_the_sentence_and_its_distance) {
  const auto parsed = pe::parse_shift_request(kLecture, raw_of("rope", 8, 200, false), 1048576);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::ShiftRequest>(parsed));
  const auto& request = std::get<pe::ShiftRequest>(parsed);
  BOOST_TEST(request.by == 1048576);
  BOOST_TEST(request.sentence.start == 200);
  BOOST_TEST(request.sentence.tokens.size() == 12u);
}

BOOST_AUTO_TEST_CASE(a_shift_must_keep_the_last_token_at_a_valid_position) {
  const std::string rule =
      "by must be an integer from 0 to 2147483440 (the last token, at start + 7 + by, may be at "
      "most 2^31 - 1); received ";
  for (const auto& [by, shown] :
       {std::pair{-1.0, "-1"}, {0.5, "0.5"}, {2147483441.0, "2147483441"}, {kNaN, "NaN"}}) {
    const auto parsed = pe::parse_shift_request(words(8), raw_of("alibi", 8, 200, false), by);
    BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
    BOOST_TEST(std::get<pe::InputError>(parsed).message == rule + shown);
  }
}

BOOST_AUTO_TEST_CASE(a_shift_reports_the_sentences_own_problems_first) {
  const auto parsed = pe::parse_shift_request(kLecture, raw_of("binary", 0, 0, false), -1);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  BOOST_TEST(std::get<pe::InputError>(parsed).message == kDimRule + "0");
}

BOOST_AUTO_TEST_SUITE_END()
