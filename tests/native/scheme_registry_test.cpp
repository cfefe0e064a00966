// The registry of position schemes is the one list every name, message and selector reads: each
// row must be complete and consistent with its stage, and requests must dispatch through it.
#include "positions/scheme_registry.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "core/sinusoidal_encoding.hpp"
#include "positions/encode_request.hpp"
#include "positions/scheme_options.hpp"

namespace {

const pe::PositionScheme& scheme_named(const std::string& name) {
  const auto parsed = pe::parse_scheme(name);
  BOOST_TEST_REQUIRE(std::holds_alternative<const pe::PositionScheme*>(parsed));
  return *std::get<const pe::PositionScheme*>(parsed);
}

std::string message_of(const std::variant<const pe::PositionScheme*, pe::InputError>& parsed) {
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  BOOST_TEST((std::get<pe::InputError>(parsed).kind == pe::ErrorKind::type));
  return std::get<pe::InputError>(parsed).message;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_registry_follows_the_course_from_none_to_alibi_then_learned) {
  std::string names;
  for (const pe::PositionScheme* scheme : pe::position_schemes())
    names += std::string(scheme->name) + " ";
  BOOST_TEST(names == "none integer binary sinusoidal rope alibi learned ");
}

BOOST_AUTO_TEST_CASE(every_scheme_has_a_unique_name_a_label_and_exactly_the_hook_of_its_stage) {
  std::set<std::string> names;
  for (const pe::PositionScheme* scheme : pe::position_schemes()) {
    BOOST_TEST_CONTEXT(scheme->name) {
      BOOST_TEST(names.insert(std::string(scheme->name)).second);
      BOOST_TEST(!scheme->label.empty());
      BOOST_TEST((scheme->encode != nullptr) == (scheme->stage == pe::Stage::input));
      BOOST_TEST((scheme->rotate != nullptr) == (scheme->stage == pe::Stage::query_key));
      BOOST_TEST((scheme->add_bias != nullptr) == (scheme->stage == pe::Stage::scores));
      BOOST_TEST((!scheme->learned || scheme->stage == pe::Stage::input));
      BOOST_TEST(&scheme_named(std::string(scheme->name)) == scheme);
      for (const pe::OptionSpec* option : scheme->options) {
        BOOST_TEST(std::string(option->name).size() > 0);
        BOOST_TEST(std::string(option->doc).size() > 0);
        BOOST_TEST(std::string(option->label).size() > 0);
        BOOST_TEST((option->limit.rule != pe::Limit::Rule::choice || !option->choices().empty()));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(each_scheme_acts_where_the_course_says) {
  BOOST_TEST(pe::name_of(scheme_named("none").stage) == "none");
  for (const char* name : {"integer", "binary", "sinusoidal", "learned"})
    BOOST_TEST(pe::name_of(scheme_named(name).stage) == "input");
  BOOST_TEST(pe::name_of(scheme_named("rope").stage) == "queryKey");
  BOOST_TEST(pe::name_of(scheme_named("alibi").stage) == "scores");
  BOOST_TEST(&pe::no_positions() == &scheme_named("none"));
}

BOOST_AUTO_TEST_CASE(an_unknown_name_is_a_type_error_listing_every_scheme_in_order) {
  BOOST_TEST(message_of(pe::parse_scheme("rotary")) ==
             "kind must be \"none\", \"integer\", \"binary\", \"sinusoidal\", \"rope\", "
             "\"alibi\" or \"learned\"; received \"rotary\"");
  BOOST_TEST(message_of(pe::parse_scheme("RoPE")).find("received \"RoPE\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(only_schemes_that_act_on_the_input_have_a_table) {
  for (const pe::PositionScheme* scheme : pe::position_schemes()) {
    BOOST_TEST_CONTEXT(scheme->name) {
      const auto parsed = pe::parse_input_scheme(std::string(scheme->name));
      BOOST_TEST(std::holds_alternative<const pe::PositionScheme*>(parsed) ==
                 (scheme->stage == pe::Stage::input));
    }
  }
}

BOOST_AUTO_TEST_CASE(sinusoidal_and_rope_need_an_even_dim_the_others_take_any) {
  for (const pe::PositionScheme* scheme : pe::position_schemes()) {
    BOOST_TEST_CONTEXT(scheme->name) {
      BOOST_TEST(!pe::check_scheme_dim(*scheme, 8).has_value());
      const bool pairs = scheme->name == "sinusoidal" || scheme->name == "rope";
      BOOST_TEST(pe::check_scheme_dim(*scheme, 7).has_value() == pairs);
    }
  }
  BOOST_TEST(pe::check_scheme_dim(scheme_named("rope"), 7)->message ==
             "dim must be even for rope (one rotated pair per frequency); received 7");
}

BOOST_AUTO_TEST_CASE(the_options_defaults_are_the_defaults_requests_get) {
  const auto parsed = pe::parse_scheme_options({});
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::SchemeOptions>(parsed));
  const auto& options = std::get<pe::SchemeOptions>(parsed);
  BOOST_TEST(pe::kBase.number() == options.base);
  BOOST_TEST(pe::kSlope.number() == options.slope);
  BOOST_TEST(std::string(pe::kLayout.text()) == "interleaved");
  BOOST_TEST((options.layout == pe::SinusoidLayout::interleaved));
  BOOST_TEST(std::string(pe::kPairing.text()) == "interleaved");
  BOOST_TEST((options.pairing == pe::RopePairing::interleaved));
  BOOST_TEST((options.scaling.type == pe::RopeScalingType::none));
}

BOOST_AUTO_TEST_CASE(a_slope_must_be_above_0_and_at_most_16) {
  for (double slope : {0.0, -0.5, 16.5}) {
    pe::RawSchemeOptions raw;
    raw.slope = slope;
    const auto parsed = pe::parse_scheme_options(raw);
    BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
    BOOST_TEST(std::get<pe::InputError>(parsed).message ==
               "slope must be a number greater than 0 and at most 16; received " +
                   pe::describe_number(slope));
  }
}

BOOST_AUTO_TEST_CASE(encode_dispatches_to_the_schemes_own_table) {
  pe::RawEncodeRequest raw{"sinusoidal", 250, 10, 8, {}};
  raw.scheme_options.base = 500000;
  raw.scheme_options.layout = "split";
  const auto parsed = pe::parse_encode_request(raw);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::EncodeRequest>(parsed));
  std::vector<float> out(80), expected(80);
  pe::encode(std::get<pe::EncodeRequest>(parsed), out.data());
  pe::encode_sinusoidal(250, 10, 8, 500000, pe::SinusoidLayout::split, expected.data());
  BOOST_TEST(std::memcmp(out.data(), expected.data(), out.size() * sizeof(float)) == 0);

  raw.scheme = "integer";
  raw.start = 200;
  const auto integer = pe::parse_encode_request(raw);
  pe::encode(std::get<pe::EncodeRequest>(integer), out.data());
  BOOST_TEST(out.front() == 200.0f);
  BOOST_TEST(out.back() == 209.0f);
}

// Untrained learned positions: random rows at GPT-2's scale, the same for the same position
// whichever window is asked, another table for another seed.
BOOST_AUTO_TEST_CASE(learned_positions_are_a_seeded_random_table_until_trained) {
  const pe::PositionScheme& learned = scheme_named("learned");
  BOOST_TEST(learned.learned);
  pe::SchemeOptions options;
  std::vector<float> window(64 * 16), shifted(60 * 16), other(64 * 16);
  learned.encode(options, 200, 64, 16, window.data());
  learned.encode(options, 204, 60, 16, shifted.data());
  BOOST_TEST(std::memcmp(window.data() + 4 * 16, shifted.data(), shifted.size() * sizeof(float)) ==
             0);
  options.table_seed = 7;
  learned.encode(options, 200, 64, 16, other.data());
  BOOST_TEST(std::memcmp(window.data(), other.data(), window.size() * sizeof(float)) != 0);
  double squares = 0;
  for (const float v : window) squares += static_cast<double>(v) * v;
  const double std = std::sqrt(squares / window.size());
  BOOST_TEST(std > 0.018);
  BOOST_TEST(std < 0.022);
}

BOOST_AUTO_TEST_CASE(only_learned_positions_are_trained) {
  for (const pe::PositionScheme* scheme : pe::position_schemes())
    BOOST_TEST_CONTEXT(scheme->name) BOOST_TEST(scheme->learned == (scheme->name == "learned"));
}
