// The declarations every request is read through (core/options.hpp): the words each limit is
// checked and reported with, the choices, and every request's table against its raw struct.
#define BOOST_TEST_MODULE options

#include "core/options.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>

#include "analysis/analysis_request.hpp"
#include "analysis/similarity_request.hpp"
#include "analysis/sinusoidal_geometry.hpp"
#include "core/position_range.hpp"
#include "core/rope_request.hpp"
#include "core/smooth_bits.hpp"
#include "mla/mla_request.hpp"
#include "positions/encode_request.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::string message_of(const pe::OptionSpec& option, double value) {
  const auto error = pe::check(option, value);
  return error ? error->message : "";
}

constexpr pe::OptionSpec kOdd{"heads", pe::Required{}, pe::integer_from(1, 1024), "heads"};
constexpr pe::OptionSpec kEven{"dim", pe::Required{}, pe::even_integer_from(2, 4096), "dim"};
constexpr pe::OptionSpec kNoted{"start", 0.0, pe::integer_from(0, 2147483647, " (2^31 - 1)"),
                                "first"};
constexpr pe::OptionSpec kHuge{"seed", 1.0, pe::integer_from(0, 9007199254740992.0, " (2^53)"),
                               "seed"};
constexpr pe::OptionSpec kScale{"std", 0.02, pe::number_from(0.001, 10), "scale"};
constexpr pe::OptionSpec kAbove{"base", 10000.0, pe::finite_above(1), "base"};
constexpr pe::OptionSpec kSlope{"slope", 0.5, pe::above_at_most(0, 16), "slope"};

}  // namespace

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(each_rule_words_its_limit_the_way_messages_read) {
  BOOST_TEST(pe::allowed(kOdd) == "an integer from 1 to 1024");
  BOOST_TEST(pe::allowed(kEven) == "an even integer from 2 to 4096");
  BOOST_TEST(pe::allowed(kNoted) == "an integer from 0 to 2147483647 (2^31 - 1)");
  BOOST_TEST(pe::allowed(kHuge) == "an integer from 0 to 9007199254740992 (2^53)");
  BOOST_TEST(pe::allowed(kScale) == "a number from 0.001 to 10");
  BOOST_TEST(pe::allowed(kAbove) == "a finite number greater than 1");
  BOOST_TEST(pe::allowed(kSlope) == "a number greater than 0 and at most 16");
  BOOST_TEST(pe::allowed(pe::kLayout) == "\"interleaved\" or \"split\"");
  BOOST_TEST(pe::allowed(pe::kCount) == pe::kCount.limit.note);
}

BOOST_AUTO_TEST_CASE(a_value_inside_its_limit_passes_and_one_outside_is_named_with_what_it_is) {
  BOOST_TEST(message_of(kOdd, 1).empty());
  BOOST_TEST(message_of(kOdd, 1024).empty());
  BOOST_TEST(message_of(kOdd, 1025) == "heads must be an integer from 1 to 1024; received 1025");
  BOOST_TEST(message_of(kOdd, 1.5) == "heads must be an integer from 1 to 1024; received 1.5");
  BOOST_TEST(message_of(kOdd, kNaN) == "heads must be an integer from 1 to 1024; received NaN");
  BOOST_TEST(message_of(kEven, 8).empty());
  BOOST_TEST(message_of(kEven, 7) == "dim must be an even integer from 2 to 4096; received 7");
  BOOST_TEST(message_of(kHuge, 9007199254740992.0).empty());
  BOOST_TEST(message_of(kScale, 0.001).empty());
  BOOST_TEST(message_of(kScale, 10.5) == "std must be a number from 0.001 to 10; received 10.5");
  BOOST_TEST(message_of(kAbove, kInfinity) ==
             "base must be a finite number greater than 1; received Infinity");
  BOOST_TEST(message_of(kAbove, 1) == "base must be a finite number greater than 1; received 1");
  BOOST_TEST(message_of(kSlope, 16).empty());
  BOOST_TEST(message_of(kSlope, 0) ==
             "slope must be a number greater than 0 and at most 16; received 0");
  BOOST_TEST((pe::check(kOdd, 0)->kind == pe::ErrorKind::range));
}

BOOST_AUTO_TEST_CASE(a_name_outside_the_choices_is_a_type_error_listing_them_in_order) {
  BOOST_TEST(std::get<std::size_t>(pe::check_choice(pe::kPairing, "half")) == 1);
  const auto error = std::get<pe::InputError>(pe::check_choice(pe::kPairing, "neox"));
  BOOST_TEST((error.kind == pe::ErrorKind::type));
  BOOST_TEST(error.message == "pairing must be \"interleaved\" or \"half\"; received \"neox\"");
  const auto cut = std::get<pe::InputError>(pe::check_choice(pe::kAttention, "abcdef", 3));
  BOOST_TEST(cut.message ==
             "attention must be \"mha\", \"gqa\", \"mqa\" or \"mla\"; received \"abc\"");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tables)

// Every raw request starts at its declared defaults: the struct's value of each option with a
// default is the declaration's, and an optional one is not given.
template <typename Table>
void check_defaults(const Table& table) {
  using Raw = pe::RawOf<Table>;
  std::apply(
      [](const auto&... row) {
        const auto check_row = [](const auto& option) {
          using Row = std::decay_t<decltype(option)>;
          if constexpr (Row::kReadByCore) {  // else pe.js reads it
            Raw raw;
            const auto& value = Row::member(raw);
            using Value = std::decay_t<decltype(value)>;
            const pe::OptionDefault& fallback = option.spec->fallback;
            BOOST_TEST_CONTEXT(option.spec->name) {
              if constexpr (std::is_same_v<Value, double>) {
                if (std::holds_alternative<double>(fallback))
                  BOOST_TEST(value == option.spec->number());
              } else if constexpr (std::is_same_v<Value, bool>) {
                BOOST_TEST(value == option.spec->flag());
              } else if constexpr (std::is_same_v<Value, std::string>) {
                if (std::holds_alternative<const char*>(fallback))
                  BOOST_TEST(value == std::string(option.spec->text()));
              } else if constexpr (std::is_same_v<Value, std::optional<double>>) {
                BOOST_TEST(std::holds_alternative<pe::Optional>(fallback));
                BOOST_TEST(!value.has_value());
              } else if constexpr (std::is_same_v<Value, pe::CallerTable>) {
                BOOST_TEST(!value.given());
              }
            }
          }
        };
        (check_row(row), ...);
      },
      table);
}

// An option's name appears once per request.
template <typename... Tables>
void check_names(const Tables&... tables) {
  std::set<std::string> names;
  const auto add_name = [&names](const char* name) { BOOST_TEST(names.insert(name).second, name); };
  const auto add = [&add_name](const auto& table) {
    std::apply([&add_name](const auto&... row) { (add_name(row.spec->name), ...); }, table);
  };
  (add(tables), ...);
}

BOOST_AUTO_TEST_CASE(every_raw_request_starts_at_its_declared_defaults) {
  check_defaults(pe::kPositionRangeOptions);
  check_defaults(pe::kEncodeOptions);
  check_defaults(pe::kAnalysisOptions);
  check_defaults(pe::kShiftOptions);
  check_defaults(pe::kAttentionWeightsOptions);
  check_defaults(pe::kSmoothBitsOptions);
  check_defaults(pe::kSimilarityOptions);
  check_defaults(pe::kSinusoidalFrequencyOptions);
  check_defaults(pe::kShiftRotationOptions);
  check_defaults(pe::kNeighbourStepsOptions);
  check_defaults(pe::kRopeFrequencyOptions);
  check_defaults(pe::kRotateOptions);
  check_defaults(pe::kRopeScoresOptions);
  check_defaults(pe::kPairingPermutationOptions);
  check_defaults(pe::kYarnMscaleOptions);
  check_defaults(pe::kAlibiSlopesOptions);
  check_defaults(pe::kKvCacheOptions);
  check_defaults(pe::kMlaAbsorptionOptions);
  check_defaults(pe::kScalingOptions);
}

BOOST_AUTO_TEST_CASE(each_request_names_each_option_once) {
  check_names(pe::kEncodeOptions);
  check_names(pe::kAnalysisOptions, pe::kShiftOptions);
  check_names(pe::kRotateOptions);
  check_names(pe::kRopeScoresOptions);
  check_names(pe::kShiftRotationOptions);
  check_names(pe::kKvCacheOptions);
  check_names(pe::kMlaAbsorptionOptions);
}

BOOST_AUTO_TEST_CASE(a_row_writes_where_its_request_keeps_the_option) {
  pe::RawEncodeRequest raw;
  using Base = std::tuple_element_t<4, std::decay_t<decltype(pe::kEncodeOptions)>>;
  using Kind = std::tuple_element_t<0, std::decay_t<decltype(pe::kEncodeOptions)>>;
  Base::member(raw) = 500;  // inside the scheme options
  BOOST_TEST(raw.scheme_options.base == 500.0);
  Kind::member(raw) = "binary";  // JS kind
  BOOST_TEST(raw.scheme == "binary");
  BOOST_TEST(std::string(std::get<0>(pe::kEncodeOptions).spec->name) == "kind");
}

BOOST_AUTO_TEST_CASE(the_options_pe_js_reads_have_no_place_in_the_raw_request) {
  using Table = std::decay_t<decltype(pe::kAnalysisOptions)>;
  BOOST_TEST((!std::tuple_element_t<5, Table>::kReadByCore));  // tokenizer
  BOOST_TEST((!std::tuple_element_t<6, Table>::kReadByCore));  // bos
  BOOST_TEST((!std::tuple_element_t<7, Table>::kReadByCore));  // embeddings
  BOOST_TEST((std::tuple_element_t<8, Table>::kReadByCore));   // embeddingTable
  BOOST_TEST(std::string(std::get<5>(pe::kAnalysisOptions).spec->name) == "tokenizer");
}

BOOST_AUTO_TEST_SUITE_END()
