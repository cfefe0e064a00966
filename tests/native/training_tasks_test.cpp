// The training lab's tasks: each registry row complete, each sequence the same for the same seed,
// and every label the task's rule applied to the tokens.
#include <boost/test/unit_test.hpp>
#include <set>
#include <string>
#include <vector>

#include "support/parsed.hpp"
#include "training/batch.hpp"
#include "training/tasks/task_registry.hpp"

namespace {

struct Sequence {
  std::vector<int> tokens, labels;
};

Sequence make(const std::string& name, int length, std::uint64_t seed) {
  const pe::Task& task = *test_support::value_of(pe::parse_task(name));
  pe::SplitMix64 random(seed);
  Sequence s{std::vector<int>(length), std::vector<int>(length)};
  task.make(random, length, s.tokens.data(), s.labels.data());
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_registry_lists_the_five_tasks_with_their_roles) {
  std::string names;
  std::set<std::string> unique;
  for (const pe::Task* task : pe::training_tasks()) {
    names += std::string(task->name) + " ";
    BOOST_TEST(unique.insert(std::string(task->name)).second);
    BOOST_TEST(!task->label.empty());
    BOOST_TEST(!task->needs.empty());
    BOOST_TEST(!task->description.empty());
    BOOST_TEST(task->classes >= 2);
    BOOST_TEST(task->vocabulary >= 2);
  }
  BOOST_TEST(names == "kback first max seen reverse ");
}

BOOST_AUTO_TEST_CASE(an_unknown_task_is_a_type_error_listing_every_task) {
  test_support::check_error(pe::parse_task("copy"), pe::ErrorKind::type,
                            "task must be \"kback\", \"first\", \"max\", \"seen\" or \"reverse\"; "
                            "received \"copy\"");
}

BOOST_AUTO_TEST_CASE(the_same_seed_makes_the_same_sequences_and_another_seed_others) {
  for (const pe::Task* task : pe::training_tasks()) {
    BOOST_TEST_CONTEXT(task->name) {
      const Sequence a = make(std::string(task->name), 40, 5),
                     b = make(std::string(task->name), 40, 5);
      const Sequence c = make(std::string(task->name), 40, 6);
      BOOST_TEST(a.tokens == b.tokens);
      BOOST_TEST(a.labels == b.labels);
      BOOST_TEST(a.tokens != c.tokens);
      for (int t = 0; t < 40; ++t) {
        BOOST_TEST((a.tokens[t] >= 0 && a.tokens[t] < task->vocabulary));
        BOOST_TEST(
            (a.labels[t] == pe::kUnlabelled || (a.labels[t] >= 0 && a.labels[t] < task->classes)));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(kback_names_the_token_3_places_back_from_the_4th_position_on) {
  const Sequence s = make("kback", 30, 1);
  for (int t = 0; t < 30; ++t)
    BOOST_TEST(s.labels[t] == (t < 3 ? pe::kUnlabelled : s.tokens[t - 3]));
}

BOOST_AUTO_TEST_CASE(first_names_the_first_token_from_the_2nd_position_on) {
  const Sequence s = make("first", 30, 2);
  BOOST_TEST(s.labels[0] == pe::kUnlabelled);
  for (int t = 1; t < 30; ++t) BOOST_TEST(s.labels[t] == s.tokens[0]);
}

BOOST_AUTO_TEST_CASE(max_names_the_largest_token_so_far) {
  const Sequence s = make("max", 50, 3);
  int largest = -1;
  for (int t = 0; t < 50; ++t) {
    largest = std::max(largest, s.tokens[t]);
    BOOST_TEST(s.labels[t] == largest);
  }
}

BOOST_AUTO_TEST_CASE(seen_says_whether_the_token_appeared_at_an_earlier_position) {
  const Sequence s = make("seen", 40, 4);
  int repeats = 0;
  for (int t = 0; t < 40; ++t) {
    bool earlier = false;
    for (int u = 0; u < t; ++u) earlier = earlier || s.tokens[u] == s.tokens[t];
    BOOST_TEST(s.labels[t] == (earlier ? 1 : 0));
    repeats += earlier;
  }
  BOOST_TEST(repeats > 0);  // both answers occur
  BOOST_TEST(repeats < 40);
}

BOOST_AUTO_TEST_CASE(reverse_asks_for_the_first_half_backwards_at_the_blanks) {
  for (const int length : {1, 2, 7, 12}) {
    const Sequence s = make("reverse", length, 5);
    const int half = length / 2;
    for (int t = 0; t < length; ++t) {
      BOOST_TEST((t < half ? s.tokens[t] < 16 : s.tokens[t] == 16));  // 16: the blank
      const int j = t - half;
      BOOST_TEST(s.labels[t] == (j >= 0 && j < half ? s.tokens[half - 1 - j] : pe::kUnlabelled));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_training_batch_has_lengths_uniform_in_1_to_the_training_length) {
  const pe::Task& task = *test_support::value_of(pe::parse_task("kback"));
  pe::Batch batch(4000, 4000 * 8);
  pe::SplitMix64 random(9);
  pe::sample_batch(task, random, 4000, 8, batch);
  std::vector<int> counts(9, 0);
  for (int b = 0; b < batch.sequences(); ++b) ++counts[batch.length(b)];
  BOOST_TEST(counts[0] == 0);
  for (int length = 1; length <= 8; ++length) {
    BOOST_TEST_CONTEXT("length " << length) BOOST_TEST(std::abs(counts[length] - 500) < 80);
  }
  int labelled = 0;
  for (int t = 0; t < batch.tokens(); ++t) labelled += batch.labels()[t] != pe::kUnlabelled;
  BOOST_TEST(batch.labelled() == labelled);
  BOOST_TEST(batch.rows()[batch.offset(3)] == 0);  // each sequence starts at row 0
}
