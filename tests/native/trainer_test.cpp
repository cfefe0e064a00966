// The Trainer as a caller uses it: step() by count or by time, a run that ends, divergence as a
// result, evaluation and attention on held-out sequences, the position table, the state, and a
// run repeated bit for bit from its seed.
#include "training/trainer.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>

#include "support/parsed.hpp"
#include "support/trainer_request.hpp"

namespace {

// A small, quick run, with extra options.
pe::RawTrainerRequest small(test_support::OptionTexts extra = {}) {
  pe::RawTrainerRequest raw = test_support::trainer_request({{"dModel", "16"},
                                                             {"heads", "2"},
                                                             {"batchSize", "8"},
                                                             {"trainingLength", "8"},
                                                             {"steps", "40"},
                                                             {"warmupSteps", "5"}});
  test_support::set_options(raw, extra);
  return raw;
}

pe::Trainer trainer_for(const pe::RawTrainerRequest& raw) {
  return pe::Trainer(test_support::value_of(pe::parse_trainer_request(raw)));
}

}  // namespace

BOOST_AUTO_TEST_CASE(step_returns_one_loss_per_step_and_the_run_ends_at_its_last_step) {
  pe::Trainer trainer = trainer_for(small());
  const pe::StepReport first = trainer.step(15);
  BOOST_TEST(first.first_step == 1);
  BOOST_TEST(first.losses.size() == 15u);
  const pe::StepReport rest = trainer.step(100);
  BOOST_TEST(rest.first_step == 16);
  BOOST_TEST(rest.losses.size() == 25u);
  BOOST_TEST(trainer.state().finished);
  BOOST_TEST(trainer.state().step == 40);
  BOOST_TEST(trainer.step(5).losses.empty());
  BOOST_TEST(trainer.loss_history().size() == 40u);
}

BOOST_AUTO_TEST_CASE(a_time_limit_of_zero_still_runs_one_step) {
  pe::Trainer trainer = trainer_for(small());
  BOOST_TEST(trainer.step(10, 0.0).losses.size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_same_seed_repeats_the_run_bit_for_bit_and_another_seed_does_not) {
  pe::Trainer a = trainer_for(small()), b = trainer_for(small());
  pe::Trainer c = trainer_for(small({{"seed", "2"}}));
  BOOST_TEST(a.step(40).losses == b.step(40).losses);
  BOOST_TEST(a.parameters() == b.parameters());
  BOOST_TEST(c.step(40).losses != a.loss_history());
}

BOOST_AUTO_TEST_CASE(training_lowers_the_loss) {
  pe::Trainer trainer = trainer_for(small({{"steps", "200"}, {"task", "first"}}));
  const double before = trainer.held_out_loss();
  trainer.step(200);
  BOOST_TEST(trainer.held_out_loss() < 0.5 * before);
}

// beta2 = 0 makes the second moment the last squared gradient alone: a gradient far smaller
// than the one before sends a weight to 1e28, and the next loss is not finite.
BOOST_AUTO_TEST_CASE(a_non_finite_loss_ends_the_run_as_diverged_at_that_step) {
  pe::Trainer trainer = trainer_for(small({{"learningRate", "1"},
                                           {"beta2", "0"},
                                           {"epsilon", "1e-30"},
                                           {"warmupSteps", "0"},
                                           {"clipNorm", "0"}}));
  const pe::StepReport report = trainer.step(40);
  const pe::TrainerState state = trainer.state();
  BOOST_TEST_REQUIRE(state.diverged_at > 0);
  BOOST_TEST(state.finished);
  BOOST_TEST(state.step == state.diverged_at - 1);  // the steps before it are kept
  BOOST_TEST(report.losses.size() == static_cast<std::size_t>(state.step));
  for (const float loss : report.losses) BOOST_TEST(std::isfinite(loss));
  BOOST_TEST(trainer.step(5).losses.empty());
  for (const float w : trainer.parameters()) BOOST_TEST_REQUIRE(std::isfinite(w));
}

BOOST_AUTO_TEST_CASE(evaluation_reports_every_length_asked_and_checks_the_request) {
  pe::Trainer trainer = trainer_for(small());
  trainer.step(40);
  pe::RawEvaluationRequest request{{1, 4, 32}, 5};
  const pe::Evaluation evaluation = test_support::value_of(trainer.evaluate(request));
  BOOST_TEST_REQUIRE(evaluation.by_length.size() == 3u);
  BOOST_TEST(evaluation.by_length[0].labelled == 0);  // kback asks nothing of 1 token
  BOOST_TEST(std::isnan(evaluation.by_length[0].token_accuracy));
  BOOST_TEST(evaluation.by_length[2].labelled == 5 * 29);
  BOOST_TEST(evaluation.by_position.size() == 32u);
  BOOST_TEST(evaluation.position_labelled[3] == 10);  // lengths 4 and 32, 5 sequences each
  test_support::check_error(
      trainer.evaluate({{0}, 5}), pe::ErrorKind::range,
      "lengths[0] must be an integer from 1 to evaluationLength (32); received 0");
  test_support::check_error(trainer.evaluate({{4}, 0.5}), pe::ErrorKind::range,
                            "sequences must be an integer from 1 to 4096; received 0.5");
  test_support::check_error(trainer.evaluate({{}, 5}), pe::ErrorKind::type,
                            "lengths must list at least one length; received none");
}

BOOST_AUTO_TEST_CASE(held_out_sequences_do_not_change_with_the_lengths_asked_beside_them) {
  pe::Trainer trainer = trainer_for(small());
  trainer.step(40);
  const auto alone = test_support::value_of(trainer.evaluate({{12}, 7}));
  const auto together = test_support::value_of(trainer.evaluate({{3, 12, 20}, 7}));
  BOOST_TEST(alone.by_length[0].token_accuracy == together.by_length[1].token_accuracy);
  BOOST_TEST(alone.by_length[0].loss == together.by_length[1].loss);
}

BOOST_AUTO_TEST_CASE(attention_rows_are_distributions_over_the_keys_the_mask_allows) {
  for (const bool causal : {true, false}) {
    pe::Trainer trainer = trainer_for(small({{"causal", causal ? "true" : "false"}}));
    trainer.step(40);
    const pe::AttentionMap map = test_support::value_of(trainer.attention({10, 3, 1, 1}));
    BOOST_TEST(map.tokens.size() == 10u);
    BOOST_TEST(map.predictions.size() == 10u);
    for (int i = 0; i < 10; ++i) {
      double total = 0;
      for (int j = 0; j < 10; ++j) {
        total += map.weights[i * 10 + j];
        if (causal && j > i) BOOST_TEST(map.weights[i * 10 + j] == 0.0f);
      }
      BOOST_TEST(std::abs(total - 1) < 1e-5);
    }
  }
  pe::Trainer trainer = trainer_for(small());
  test_support::check_error(trainer.attention({10, 0, 2, 0}), pe::ErrorKind::range,
                            "layer must be an integer from 0 to 1; received 2");
  test_support::check_error(
      trainer.attention({33, 0, 0, 0}), pe::ErrorKind::range,
      "length must be an integer from 1 to evaluationLength (32); received 33");
}

BOOST_AUTO_TEST_CASE(a_learned_table_reports_which_rows_training_reached) {
  pe::Trainer trainer = trainer_for(small({{"scheme", "learned"}}));
  const pe::PositionTable before = trainer.position_table();
  trainer.step(40);
  const pe::PositionTable after = trainer.position_table();
  BOOST_TEST(after.learned);
  BOOST_TEST(after.rows == 32);  // evaluationLength: 4 x trainingLength
  for (int r = 0; r < after.rows; ++r) {
    bool moved = false;
    for (int i = 0; i < after.dim; ++i)
      moved = moved || after.values[r * after.dim + i] != before.values[r * after.dim + i];
    BOOST_TEST_CONTEXT("row " << r) {
      BOOST_TEST(after.trained[r] == (r < 8));
      BOOST_TEST(moved == (r < 8));  // untrained rows keep their random start exactly
    }
  }
}

BOOST_AUTO_TEST_CASE(fixed_tables_are_reported_from_the_first_position_and_other_stages_have_none) {
  pe::Trainer integer = trainer_for(small({{"scheme", "integer"}, {"firstPosition", "200"}}));
  const pe::PositionTable table = integer.position_table();
  BOOST_TEST(!table.learned);
  BOOST_TEST(table.first_position == 200);
  BOOST_TEST(table.values[0] == 200.0f);
  BOOST_TEST(table.values[table.dim * 31] == 231.0f);
  pe::Trainer rope = trainer_for(small());
  BOOST_TEST(rope.position_table().rows == 0);
}

BOOST_AUTO_TEST_CASE(the_state_counts_parameters_and_memory) {
  pe::Trainer trainer = trainer_for(small());
  const pe::TrainerState state = trainer.state();
  BOOST_TEST(state.parameters == trainer.layout().total);
  BOOST_TEST(state.memory_bytes > 4 * state.parameters * sizeof(float));
  BOOST_TEST(state.learning_rate > 0);
  BOOST_TEST(std::isnan(state.loss));
}
