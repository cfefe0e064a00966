// The encode request parser is the only gate between caller input and the encoders: every
// invalid input must come back as the right ErrorKind with a message that names the parameter,
// what is allowed and what was received; every valid input must parse to exactly the fields
// asked for.
#include "positions/encode_request.hpp"

#include <boost/test/unit_test.hpp>
#include <limits>
#include <string>
#include <variant>

#include "support/parsed.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kMaxPosition = 2147483647;  // 2^31 - 1

pe::RawEncodeRequest raw_of(const std::string& kind, double start, double count, double dim,
                            double base = 10000, const std::string& layout = "interleaved") {
  pe::RawEncodeRequest raw{kind, start, count, dim, {}};
  raw.scheme_options.base = base;
  raw.scheme_options.layout = layout;
  return raw;
}

// A valid request to start from: 64 positions of 8 binary dimensions.
pe::RawEncodeRequest valid_raw() { return raw_of("binary", 0, 64, 8); }

pe::InputError error_of(const pe::RawEncodeRequest& raw) {
  const auto parsed = pe::parse_encode_request(raw);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  return std::get<pe::InputError>(parsed);
}

pe::EncodeRequest request_of(const pe::RawEncodeRequest& raw) {
  return test_support::value_of(pe::parse_encode_request(raw));
}

void check_range_error(const pe::RawEncodeRequest& raw, const std::string& message) {
  test_support::check_error(pe::parse_encode_request(raw), pe::ErrorKind::range, message);
}

void check_type_error(const pe::RawEncodeRequest& raw, const std::string& message) {
  test_support::check_error(pe::parse_encode_request(raw), pe::ErrorKind::type, message);
}

const std::string kDimRule = "dim must be an integer from 1 to 4096; received ";
const std::string kStartRule =
    "start must be an integer from 0 to 2147483647 (2^31 - 1); received ";
const std::string kBaseRule = "base must be a finite number greater than 1; received ";

std::string count_rule(const std::string& max_count) {
  return "count must be an integer from 0 to " + max_count +
         " (the last position, start + count - 1, may be at most 2^31 - 1); received ";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(valid_requests)

BOOST_AUTO_TEST_CASE(a_binary_request_parses_to_its_fields) {
  const auto request = request_of(raw_of("binary", 64, 12, 8));
  BOOST_TEST(request.scheme->name == "binary");
  BOOST_TEST(request.range.start == 64);
  BOOST_TEST(request.range.count == 12);
  BOOST_TEST(request.range.dim == 8);
  BOOST_TEST(request.range.value_count() == 96);
}

BOOST_AUTO_TEST_CASE(an_integer_request_parses_to_its_fields) {
  const auto request = request_of(raw_of("integer", 200, 4, 8));
  BOOST_TEST(request.scheme->name == "integer");
  BOOST_TEST(request.range.start == 200);
  BOOST_TEST(request.range.count == 4);
  BOOST_TEST(request.range.dim == 8);
}

BOOST_AUTO_TEST_CASE(a_sinusoidal_request_keeps_its_base_and_layout) {
  const auto request = request_of(raw_of("sinusoidal", 1000000, 600, 512, 500000, "split"));
  BOOST_TEST(request.scheme->name == "sinusoidal");
  BOOST_TEST(request.range.start == 1000000);
  BOOST_TEST(request.range.count == 600);
  BOOST_TEST(request.range.dim == 512);
  BOOST_TEST(request.scheme_options.base == 500000.0);
  BOOST_TEST((request.scheme_options.layout == pe::SinusoidLayout::split));
}

BOOST_AUTO_TEST_CASE(an_odd_dim_is_fine_for_binary_and_integer) {
  BOOST_TEST(request_of(raw_of("binary", 0, 1, 7)).range.dim == 7);
  BOOST_TEST(request_of(raw_of("integer", 0, 1, 1)).range.dim == 1);
}

BOOST_AUTO_TEST_CASE(dim_4096_is_the_largest_allowed) {
  BOOST_TEST(request_of(raw_of("sinusoidal", 0, 1, 4096)).range.dim == 4096);
}

BOOST_AUTO_TEST_CASE(zero_positions_is_an_empty_table) {
  BOOST_TEST(request_of(raw_of("binary", 5, 0, 8)).range.value_count() == 0);
}

BOOST_AUTO_TEST_CASE(the_last_position_may_be_2_to_the_31_minus_1) {
  const auto single = request_of(raw_of("binary", kMaxPosition, 1, 8));
  BOOST_TEST(single.range.start == 2147483647);
  const auto ending_there = request_of(raw_of("binary", kMaxPosition - 10, 11, 8));
  BOOST_TEST(ending_there.range.count == 11);
}

BOOST_AUTO_TEST_CASE(exactly_16777216_values_is_accepted) {
  BOOST_TEST(request_of(raw_of("binary", 0, 4096, 4096)).range.value_count() == 16777216);
  BOOST_TEST(request_of(raw_of("integer", 0, 16777216, 1)).range.value_count() == 16777216);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(names)

BOOST_AUTO_TEST_CASE(an_unknown_kind_is_a_type_error_listing_the_kinds) {
  auto raw = valid_raw();
  raw.scheme = "rotary";
  check_type_error(raw,
                   "kind must be \"integer\", \"binary\", \"sinusoidal\" or \"learned\"; received "
                   "\"rotary\"");
}

BOOST_AUTO_TEST_CASE(kind_names_are_case_sensitive) {
  auto raw = valid_raw();
  raw.scheme = "Binary";
  check_type_error(raw,
                   "kind must be \"integer\", \"binary\", \"sinusoidal\" or \"learned\"; received "
                   "\"Binary\"");
}

BOOST_AUTO_TEST_CASE(an_unknown_layout_is_a_type_error_listing_the_layouts) {
  auto raw = valid_raw();
  raw.scheme = "sinusoidal";
  raw.scheme_options.layout = "rotate_half";
  check_type_error(raw, "layout must be \"interleaved\" or \"split\"; received \"rotate_half\"");
}

BOOST_AUTO_TEST_CASE(a_scheme_that_acts_elsewhere_has_no_table_and_the_error_says_where_it_acts) {
  auto raw = valid_raw();
  raw.scheme = "rope";
  check_type_error(raw,
                   "kind \"rope\" rotates queries and keys and has no table to add to the input; "
                   "kind must be \"integer\", \"binary\", \"sinusoidal\" or \"learned\"");
  raw.scheme = "alibi";
  check_type_error(raw,
                   "kind \"alibi\" biases the attention scores and has no table to add to the "
                   "input; kind must be \"integer\", \"binary\", \"sinusoidal\" or \"learned\"");
  raw.scheme = "none";
  check_type_error(raw,
                   "kind \"none\" adds no positions and has no table to add to the input; kind "
                   "must be \"integer\", \"binary\", \"sinusoidal\" or \"learned\"");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dim)

BOOST_AUTO_TEST_CASE(dim_0_is_a_range_error) {
  auto raw = valid_raw();
  raw.dim = 0;
  check_range_error(raw, kDimRule + "0");
}

BOOST_AUTO_TEST_CASE(dim_1_5_is_a_range_error) {
  auto raw = valid_raw();
  raw.dim = 1.5;
  check_range_error(raw, kDimRule + "1.5");
}

BOOST_AUTO_TEST_CASE(dim_nan_is_a_range_error) {
  auto raw = valid_raw();
  raw.dim = kNaN;
  check_range_error(raw, kDimRule + "NaN");
}

BOOST_AUTO_TEST_CASE(dim_infinity_is_a_range_error) {
  auto raw = valid_raw();
  raw.dim = kInfinity;
  check_range_error(raw, kDimRule + "Infinity");
}

BOOST_AUTO_TEST_CASE(dim_4097_is_a_range_error) {
  auto raw = valid_raw();
  raw.dim = 4097;
  check_range_error(raw, kDimRule + "4097");
}

BOOST_AUTO_TEST_CASE(a_negative_dim_is_a_range_error) {
  auto raw = valid_raw();
  raw.dim = -8;
  check_range_error(raw, kDimRule + "-8");
}

BOOST_AUTO_TEST_CASE(an_odd_dim_is_a_range_error_for_sinusoidal) {
  auto raw = valid_raw();
  raw.scheme = "sinusoidal";
  raw.dim = 7;
  check_range_error(raw,
                    "dim must be even for sinusoidal (one sin/cos pair per frequency); received 7");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(start)

BOOST_AUTO_TEST_CASE(a_negative_start_is_a_range_error) {
  auto raw = valid_raw();
  raw.start = -1;
  check_range_error(raw, kStartRule + "-1");
}

BOOST_AUTO_TEST_CASE(a_fractional_start_is_a_range_error) {
  auto raw = valid_raw();
  raw.start = 2.5;
  check_range_error(raw, kStartRule + "2.5");
}

BOOST_AUTO_TEST_CASE(a_nan_start_is_a_range_error) {
  auto raw = valid_raw();
  raw.start = kNaN;
  check_range_error(raw, kStartRule + "NaN");
}

BOOST_AUTO_TEST_CASE(start_2_to_the_31_is_a_range_error) {
  auto raw = valid_raw();
  raw.start = kMaxPosition + 1;
  raw.count = 1;
  check_range_error(raw, kStartRule + "2147483648");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(count)

BOOST_AUTO_TEST_CASE(a_negative_count_is_a_range_error) {
  auto raw = valid_raw();
  raw.count = -1;
  check_range_error(raw, count_rule("2147483648") + "-1");
}

BOOST_AUTO_TEST_CASE(a_fractional_count_is_a_range_error) {
  auto raw = valid_raw();
  raw.count = 0.5;
  check_range_error(raw, count_rule("2147483648") + "0.5");
}

BOOST_AUTO_TEST_CASE(a_count_past_position_2_to_the_31_minus_1_is_a_range_error) {
  auto raw = valid_raw();
  raw.start = kMaxPosition - 10;
  raw.count = 12;
  check_range_error(raw, count_rule("11") + "12");
}

BOOST_AUTO_TEST_CASE(an_infinite_count_is_a_range_error) {
  auto raw = valid_raw();
  raw.count = kInfinity;
  check_range_error(raw, count_rule("2147483648") + "Infinity");
}

BOOST_AUTO_TEST_CASE(more_than_16777216_values_is_a_range_error) {
  auto raw = valid_raw();
  raw.count = 4097;
  raw.dim = 4096;
  check_range_error(
      raw,
      "count * dim must be at most 16777216 values per table; received 4097 * 4096 = 16781312");
}

BOOST_AUTO_TEST_CASE(one_value_past_16777216_is_a_range_error) {
  auto raw = valid_raw();
  raw.count = 16777217;
  raw.dim = 1;
  check_range_error(
      raw,
      "count * dim must be at most 16777216 values per table; received 16777217 * 1 = 16777217");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(base)

BOOST_AUTO_TEST_CASE(base_1_is_a_range_error) {
  auto raw = valid_raw();
  raw.scheme = "sinusoidal";
  raw.scheme_options.base = 1;
  check_range_error(raw, kBaseRule + "1");
}

BOOST_AUTO_TEST_CASE(a_base_below_1_is_a_range_error) {
  auto raw = valid_raw();
  raw.scheme = "sinusoidal";
  raw.scheme_options.base = 0.5;
  check_range_error(raw, kBaseRule + "0.5");
}

BOOST_AUTO_TEST_CASE(a_negative_base_is_a_range_error) {
  auto raw = valid_raw();
  raw.scheme = "sinusoidal";
  raw.scheme_options.base = -10000;
  check_range_error(raw, kBaseRule + "-10000");
}

BOOST_AUTO_TEST_CASE(a_nan_base_is_a_range_error) {
  auto raw = valid_raw();
  raw.scheme = "sinusoidal";
  raw.scheme_options.base = kNaN;
  check_range_error(raw, kBaseRule + "NaN");
}

BOOST_AUTO_TEST_CASE(an_infinite_base_is_a_range_error) {
  auto raw = valid_raw();
  raw.scheme = "sinusoidal";
  raw.scheme_options.base = kInfinity;
  check_range_error(raw, kBaseRule + "Infinity");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reporting)

BOOST_AUTO_TEST_CASE(the_first_problem_found_is_reported) {
  const auto error = error_of(raw_of("rotary", -1, -1, 0, 0, "diagonal"));
  BOOST_TEST(error.message.rfind("kind must be", 0) == 0);
}

BOOST_AUTO_TEST_CASE(received_numbers_read_the_way_a_person_writes_them) {
  BOOST_TEST(pe::describe_number(8) == "8");
  BOOST_TEST(pe::describe_number(1.5) == "1.5");
  BOOST_TEST(pe::describe_number(-0.25) == "-0.25");
  BOOST_TEST(pe::describe_number(kNaN) == "NaN");
  BOOST_TEST(pe::describe_number(kInfinity) == "Infinity");
  BOOST_TEST(pe::describe_number(-kInfinity) == "-Infinity");
  BOOST_TEST(pe::describe_number(1e99) == "1e+99");
  BOOST_TEST(pe::describe_number(2147483648.0) == "2147483648");
}

BOOST_AUTO_TEST_SUITE_END()
