// The trainer's options: read through their declaration table, every bad value a named, specific
// error (what, the allowed range, what was received), and the defaults a working trainer.
#define BOOST_TEST_MODULE trainer_options
#include "training/trainer_options.hpp"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>

#include "support/parsed.hpp"

namespace {

pe::OptionBag with(const std::string& name, pe::OptionValue value) { return {{name, value}}; }

void check_range(const pe::OptionBag& bag, const std::string& message) {
  test_support::check_error(pe::parse_trainer_options(bag), pe::ErrorKind::range, message);
}

void check_type(const pe::OptionBag& bag, const std::string& message) {
  test_support::check_error(pe::parse_trainer_options(bag), pe::ErrorKind::type, message);
}

}  // namespace

BOOST_AUTO_TEST_CASE(no_options_give_the_declared_defaults) {
  const pe::TrainerSetup setup = test_support::value_of(pe::parse_trainer_options({}));
  BOOST_TEST(setup.task->name == "kback");
  BOOST_TEST(setup.scheme->name == "rope");
  BOOST_TEST(setup.shape.layers == 2);
  BOOST_TEST(setup.shape.d_model == 32);
  BOOST_TEST(setup.shape.heads == 4);
  BOOST_TEST((setup.shape.norm == pe::NormKind::rms));
  BOOST_TEST(setup.shape.causal);
  BOOST_TEST(setup.shape.vocabulary == 16);
  BOOST_TEST(setup.options.steps == 600);
  BOOST_TEST(setup.evaluation_length == 64);  // 4 x trainingLength
  BOOST_TEST(setup.adamw.beta2 == 0.999);
}

BOOST_AUTO_TEST_CASE(every_declaration_is_complete_and_its_default_passes_its_own_limits) {
  std::set<std::string> names;
  for (const auto& row : pe::trainer_option_declarations()) {
    BOOST_TEST_CONTEXT(row.name) {
      BOOST_TEST(names.insert(std::string(row.name)).second);
      BOOST_TEST(!row.doc.empty());
      BOOST_TEST(((row.kind == pe::OptionKind::choice) == (row.choices != nullptr)));
      pe::OptionBag bag;
      bag[std::string(row.name)] =
          pe::option_values(pe::trainer_option_declarations(),
                            test_support::value_of(pe::parse_trainer_options({})).options)
              .at(std::string(row.name));
      BOOST_TEST(std::holds_alternative<pe::TrainerSetup>(pe::parse_trainer_options(bag)));
    }
  }
}

BOOST_AUTO_TEST_CASE(option_values_give_back_the_options_that_made_them) {
  pe::OptionBag bag{{"scheme", std::string("alibi")},
                    {"dModel", 48.0},
                    {"causal", false},
                    {"learningRate", 0.002},
                    {"seed", 9007199254740991.0}};
  const pe::TrainerOptions options = test_support::value_of(pe::parse_trainer_options(bag)).options;
  const pe::OptionBag values = pe::option_values(pe::trainer_option_declarations(), options);
  for (const auto& [name, value] : bag)
    BOOST_TEST_CONTEXT(name) BOOST_TEST((values.at(name) == value));
  BOOST_TEST(options.seed == 9007199254740991LL);
}

BOOST_AUTO_TEST_CASE(an_unknown_option_is_a_type_error_listing_the_options) {
  const auto parsed = pe::parse_trainer_options(with("dmodel", 32.0));
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  BOOST_TEST(std::get<pe::InputError>(parsed).message.rfind(
                 "unknown option \"dmodel\"; allowed options: task, scheme, base, ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_value_of_the_wrong_type_is_a_type_error_saying_what_it_received) {
  check_type(with("layers", std::string("2")), "layers must be a number; received string \"2\"");
  check_type(with("causal", 1.0), "causal must be a boolean; received number 1");
  check_type(with("scheme", true), "scheme must be a string; received boolean true");
}

BOOST_AUTO_TEST_CASE(a_name_not_in_its_registry_is_a_type_error_listing_the_names) {
  check_type(with("scheme", std::string("rotary")),
             "scheme must be \"none\", \"integer\", \"binary\", \"sinusoidal\", \"rope\", "
             "\"alibi\" or \"learned\"; received \"rotary\"");
  check_type(with("norm", std::string("batch")),
             "norm must be \"rms\" or \"layer\"; received \"batch\"");
  check_type(
      with("task", std::string("copy")),
      "task must be \"kback\", \"first\", \"max\", \"seen\" or \"reverse\"; received \"copy\"");
}

BOOST_AUTO_TEST_CASE(numbers_out_of_range_are_range_errors_with_the_limits) {
  check_range(with("layers", 5.0), "layers must be an integer from 1 to 4; received 5");
  check_range(with("dModel", 32.5), "dModel must be an integer from 8 to 128; received 32.5");
  check_range(with("learningRate", 0.0),
              "learningRate must be a number greater than 0 and at most 10; received 0");
  check_range(with("beta2", 1.0), "beta2 must be a number at least 0 and less than 1; received 1");
  check_range(with("seed", -1.0),
              "seed must be an integer from 0 to 9007199254740991; received -1");
  check_range(with("firstPosition", std::nan("")),
              "firstPosition must be an integer from 0 to 1000000000; received NaN");
}

BOOST_AUTO_TEST_CASE(options_that_must_fit_together_say_which_and_why) {
  check_range({{"dModel", 30.0}, {"heads", 4.0}},
              "heads must be a divisor of dModel (30); received 4");
  check_range({{"scheme", std::string("rope")}, {"dModel", 24.0}, {"heads", 8.0}},
              "dModel / heads must be even for rope (one rotated pair per frequency); received 3");
  check_range({{"scheme", std::string("sinusoidal")}, {"dModel", 9.0}, {"heads", 3.0}},
              "dModel must be even for sinusoidal (one sin/cos pair per frequency); received 9");
  check_range({{"batchSize", 64.0}, {"trainingLength", 64.0}},
              "batchSize x trainingLength must be at most 2048 tokens; received 64 x 64 = 4096");
  check_range(with("evaluationLength", 8.0),
              "evaluationLength must be 0 (4 x trainingLength) or from trainingLength (16) to 512; "
              "received 8");
  // An odd head size is fine where nothing turns pairs of channels.
  BOOST_TEST(std::holds_alternative<pe::TrainerSetup>(pe::parse_trainer_options(
      {{"scheme", std::string("alibi")}, {"dModel", 24.0}, {"heads", 8.0}})));
}
