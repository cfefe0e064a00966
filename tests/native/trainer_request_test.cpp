// The trainer's options: declared once (training/trainer_request.hpp), every bad value a named,
// specific error (what, the allowed range, what was received), and the defaults a working trainer.
#include "training/trainer_request.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <set>
#include <string>

#include "core/option_words.hpp"
#include "support/parsed.hpp"
#include "support/trainer_request.hpp"
#include "training/trainer_calls.hpp"

namespace {

void check_range(test_support::OptionTexts options, const std::string& message) {
  test_support::check_error(pe::parse_trainer_request(test_support::trainer_request(options)),
                            pe::ErrorKind::range, message);
}

void check_type(test_support::OptionTexts options, const std::string& message) {
  test_support::check_error(pe::parse_trainer_request(test_support::trainer_request(options)),
                            pe::ErrorKind::type, message);
}

}  // namespace

BOOST_AUTO_TEST_CASE(no_options_give_the_declared_defaults) {
  const pe::TrainerSetup setup = test_support::value_of(pe::parse_trainer_request({}));
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

BOOST_AUTO_TEST_CASE(every_option_is_declared_once_with_a_doc_and_a_default_within_its_limits) {
  std::set<std::string> names;
  pe::for_each_option(pe::kTrainerOptions, [&](const pe::OptionSpec& spec) {
    BOOST_TEST_CONTEXT(spec.name) {
      BOOST_TEST(names.insert(spec.name).second);
      BOOST_TEST(std::string(spec.doc).size() > 0);
      BOOST_TEST(((spec.limit.rule == pe::Limit::Rule::choice) == (spec.choices != nullptr)));
      if (const auto* number = std::get_if<double>(&spec.fallback))
        BOOST_TEST(pe::allows(spec, *number));
    }
  });
}

BOOST_AUTO_TEST_CASE(the_printed_options_read_back_into_the_same_request) {
  const pe::RawTrainerRequest raw = test_support::trainer_request({{"scheme", "alibi"},
                                                                   {"dModel", "48"},
                                                                   {"causal", "false"},
                                                                   {"learningRate", "0.002"},
                                                                   {"seed", "9007199254740991"}});
  const pe::TrainerSetup setup = test_support::value_of(pe::parse_trainer_request(raw));
  BOOST_TEST(setup.options.seed == 9007199254740991LL);
  BOOST_TEST(setup.options.learning_rate == 0.002);
  BOOST_TEST(!setup.options.causal);
  BOOST_TEST(pe::options_json(pe::kTrainerOptions, setup.request) ==
             "{\"task\": \"kback\", \"scheme\": \"alibi\", \"base\": 10000, \"layout\": "
             "\"interleaved\", \"pairing\": \"interleaved\", \"norm\": \"rms\", \"causal\": false, "
             "\"layers\": 2, \"dModel\": 48, \"heads\": 4, \"embeddingStd\": 1, "
             "\"trainingLength\": 16, \"batchSize\": 32, \"steps\": 600, \"warmupSteps\": 30, "
             "\"learningRate\": 0.002, \"weightDecay\": 0.01, \"beta1\": 0.90000000000000002, "
             "\"beta2\": 0.999, \"epsilon\": 1e-08, \"clipNorm\": 1, \"firstPosition\": 0, "
             "\"evaluationLength\": 0, \"seed\": 9007199254740991}");
}

BOOST_AUTO_TEST_CASE(a_command_line_names_what_it_cannot_read) {
  pe::RawTrainerRequest raw;
  BOOST_TEST(*pe::set_option(pe::kTrainerOptions, raw, "dmodel", "32") ==
             "unknown option --dmodel");
  BOOST_TEST(*pe::set_option(pe::kTrainerOptions, raw, "layers", "two") ==
             "--layers must be a number; received two");
  BOOST_TEST(*pe::set_option(pe::kTrainerOptions, raw, "causal", "1") ==
             "--causal must be true or false; received 1");
}

BOOST_AUTO_TEST_CASE(a_name_not_in_its_registry_is_a_type_error_listing_the_names) {
  check_type({{"scheme", "rotary"}},
             "scheme must be \"none\", \"integer\", \"binary\", \"sinusoidal\", \"rope\", "
             "\"alibi\" or \"learned\"; received \"rotary\"");
  check_type({{"norm", "batch"}}, "norm must be \"rms\" or \"layer\"; received \"batch\"");
  check_type({{"task", "copy"}},
             "task must be \"kback\", \"first\", \"max\", \"seen\" or \"reverse\"; received "
             "\"copy\"");
  check_type({{"pairing", "halves"}},
             "pairing must be \"interleaved\" or \"half\"; received \"halves\"");
}

BOOST_AUTO_TEST_CASE(numbers_out_of_range_are_range_errors_with_the_limits) {
  check_range({{"layers", "5"}}, "layers must be an integer from 1 to 4; received 5");
  check_range({{"dModel", "32.5"}}, "dModel must be an integer from 8 to 128; received 32.5");
  check_range({{"learningRate", "0"}},
              "learningRate must be a number greater than 0 and at most 10; received 0");
  check_range({{"beta2", "1"}}, "beta2 must be a number at least 0 and less than 1; received 1");
  check_range({{"seed", "-1"}}, "seed must be an integer from 0 to 9007199254740991; received -1");
  check_range({{"firstPosition", "nan"}},
              "firstPosition must be an integer from 0 to 1000000000; received NaN");
  check_range({{"base", "1"}}, "base must be a finite number greater than 1; received 1");
}

BOOST_AUTO_TEST_CASE(options_that_must_fit_together_say_which_and_why) {
  check_range({{"dModel", "30"}, {"heads", "4"}},
              "heads must be a divisor of dModel (30); received 4");
  check_range({{"scheme", "rope"}, {"dModel", "24"}, {"heads", "8"}},
              "dModel / heads must be even for rope (one rotated pair per frequency); received 3");
  check_range({{"scheme", "sinusoidal"}, {"dModel", "9"}, {"heads", "3"}},
              "dModel must be even for sinusoidal (one sin/cos pair per frequency); received 9");
  check_range({{"batchSize", "64"}, {"trainingLength", "64"}},
              "batchSize x trainingLength must be at most 2048 tokens; received 64 x 64 = 4096");
  check_range({{"trainingLength", "3"}},
              "trainingLength must be at least 4 for task kback (no shorter sequence has a label); "
              "received 3");
  check_range({{"task", "first"}, {"trainingLength", "1"}},
              "trainingLength must be at least 2 for task first (no shorter sequence has a label); "
              "received 1");
  check_range({{"evaluationLength", "8"}},
              "evaluationLength must be 0 (4 x trainingLength) or from trainingLength (16) to 512; "
              "received 8");
  // An odd head size is fine where nothing turns pairs of channels.
  BOOST_TEST(std::holds_alternative<pe::TrainerSetup>(pe::parse_trainer_request(
      test_support::trainer_request({{"scheme", "alibi"}, {"dModel", "24"}, {"heads", "8"}}))));
}

BOOST_AUTO_TEST_CASE(a_step_request_runs_one_step_a_count_or_until_its_time_is_up) {
  const pe::StepRequest one = test_support::value_of(pe::parse_step_request({}));
  BOOST_TEST(one.steps == 1);
  BOOST_TEST(std::isinf(one.max_milliseconds));
  const pe::StepRequest timed = test_support::value_of(pe::parse_step_request({std::nullopt, 16}));
  BOOST_TEST(timed.steps == 1000000);
  BOOST_TEST(timed.max_milliseconds == 16);
  BOOST_TEST(test_support::value_of(pe::parse_step_request({7, 16})).steps == 7);
  test_support::check_error(pe::parse_step_request({2.5, std::nullopt}), pe::ErrorKind::range,
                            "steps must be an integer from 1 to 1000000; received 2.5");
  test_support::check_error(pe::parse_step_request({std::nullopt, std::nan("")}),
                            pe::ErrorKind::range,
                            "maxMs must be a number from 0 to 3600000; received NaN");
}
