// The sentence analysis end to end, on the lecture's sentences: which tokens repeat, what the
// tables hold, and that repeated tokens get identical context vectors only without positions.
#define BOOST_TEST_MODULE sentence_analysis
#include "analysis/sentence_analysis.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <string>
#include <variant>
#include <vector>

#include "analysis/token_embeddings.hpp"
#include "analysis/vector_geometry.hpp"
#include "positions/scheme_registry.hpp"
#include "support/raw_analysis_request.hpp"

namespace tt = boost::test_tools;

namespace {

using test_support::raw_of;

const std::string kDogs = "The dog chased another dog";  // the two dogs are tokens 1 and 4
const std::string kBall = "The dog chased the ball. It could not catch it.";

pe::SentenceAnalysis analyze(const std::string& text, const pe::RawAnalysisRequest& raw) {
  auto parsed = pe::parse_analysis_request(text, raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed))
    BOOST_FAIL("unexpected error: " + error->message);
  return pe::analyze_sentence(std::get<pe::AnalysisRequest>(std::move(parsed)));
}

// Groups as the lecture would write them: "{{0, 3}, {5, 11}}".
std::string groups_text(const std::vector<std::vector<int>>& groups) {
  std::string text = "{";
  for (const std::vector<int>& group : groups) {
    text += text.size() > 1 ? ", {" : "{";
    for (std::size_t k = 0; k < group.size(); ++k)
      text += (k > 0 ? ", " : "") + std::to_string(group[k]);
    text += "}";
  }
  return text + "}";
}

bool rows_bit_identical(const std::vector<float>& table, int dim, int a, int b) {
  return std::memcmp(&table[a * dim], &table[b * dim], dim * sizeof(float)) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tokens_and_duplicates)

BOOST_AUTO_TEST_CASE(the_ball_sentence_repeats_the_and_it_and_the_full_stop) {
  BOOST_TEST(groups_text(analyze(kBall, {}).duplicates) == "{{0, 3}, {5, 11}, {6, 10}}");
}

BOOST_AUTO_TEST_CASE(the_dog_sentence_repeats_dog) {
  BOOST_TEST(groups_text(analyze(kDogs, {}).duplicates) == "{{1, 4}}");
}

BOOST_AUTO_TEST_CASE(groups_list_every_copy_and_ignore_single_tokens) {
  BOOST_TEST(groups_text(analyze("a b a c b a d", {}).duplicates) == "{{0, 2, 5}, {1, 4}}");
  BOOST_TEST(analyze("every word differs", {}).duplicates.empty());
}

BOOST_AUTO_TEST_CASE(token_r_is_at_position_start_plus_r) {
  const auto analysis = analyze(kDogs, raw_of("binary", 8, 200, false));
  BOOST_TEST(analysis.start == 200);
  BOOST_TEST(analysis.tokens.size() == 5u);
  BOOST_TEST(analysis.tokens[4] == "dog");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tables)

BOOST_AUTO_TEST_CASE(every_table_is_tokens_by_dim) {
  const auto analysis = analyze(kBall, raw_of("sinusoidal", 16, 0, false));
  BOOST_TEST(analysis.dim == 16);
  for (const auto* table :
       {&analysis.token_embedding, &analysis.with_pe.positions, &analysis.with_pe.input,
        &analysis.without_pe.context, &analysis.with_pe.context}) {
    BOOST_TEST(table->size() == 12u * 16u);
  }
}

BOOST_AUTO_TEST_CASE(token_embeddings_are_those_of_the_embedding_table) {
  const auto analysis = analyze(kDogs, raw_of("binary", 32, 0, false));
  std::vector<float> expected(5 * 32);
  pe::embed_tokens(analysis.tokens, 32, pe::kTokenEmbeddingStd, expected.data());
  BOOST_TEST(analysis.token_embedding == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(the_requested_embedding_std_reaches_the_embeddings_and_attention) {
  const auto small = analyze(kDogs, raw_of("binary", 32, 0, false));
  const auto large = analyze(kDogs, raw_of("binary", 32, 0, false, 1.0));
  std::vector<float> expected(5 * 32);
  pe::embed_tokens(large.tokens, 32, 1.0, expected.data());
  BOOST_TEST(large.token_embedding == expected, tt::per_element());
  BOOST_TEST(large.with_pe.positions == small.with_pe.positions, tt::per_element());
  for (std::size_t e = 0; e < large.with_pe.input.size(); ++e)
    BOOST_TEST_REQUIRE(large.with_pe.input[e] ==
                       large.token_embedding[e] + large.with_pe.positions[e]);
  // Attention is not linear in its input: 50x the input is not 50x the context.
  BOOST_TEST(large.without_pe.context != small.without_pe.context);
  BOOST_TEST(rows_bit_identical(large.without_pe.context, 32, 1, 4));
}

BOOST_AUTO_TEST_CASE(the_position_encoding_is_the_encoders_table_for_the_same_positions) {
  for (const pe::PositionScheme* scheme : pe::position_schemes()) {
    BOOST_TEST_CONTEXT(scheme->name) {
      const auto analysis = analyze(kDogs, raw_of(std::string(scheme->name), 8, 200, false));
      std::vector<float> expected(40);  // zeros unless the scheme has a table
      if (scheme->encode) scheme->encode({}, 200, 5, 8, expected.data());
      BOOST_TEST(analysis.with_pe.positions == expected, tt::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(kind_none_adds_zeros_so_both_attention_runs_agree) {
  const auto analysis = analyze(kDogs, raw_of("none", 8, 0, false));
  BOOST_TEST(std::all_of(analysis.with_pe.positions.begin(), analysis.with_pe.positions.end(),
                         [](float v) { return v == 0.0f; }));
  BOOST_TEST(analysis.with_pe.context == analysis.without_pe.context, tt::per_element());
}

BOOST_AUTO_TEST_CASE(the_input_is_token_embedding_plus_position_encoding) {
  const auto analysis = analyze(kBall, raw_of("integer", 8, 1000, false));
  for (std::size_t e = 0; e < analysis.with_pe.input.size(); ++e)
    BOOST_TEST_REQUIRE(analysis.with_pe.input[e] ==
                       analysis.token_embedding[e] + analysis.with_pe.positions[e]);
}

BOOST_AUTO_TEST_CASE(integer_positions_drown_the_token_embeddings) {
  // The lecture: token embeddings are about 0.02, position 1000 adds 1000 to every dimension.
  const auto analysis = analyze(kDogs, raw_of("integer", 8, 1000, false));
  const auto largest = [](const std::vector<float>& t) {
    return std::fabs(*std::max_element(
        t.begin(), t.end(), [](float a, float b) { return std::fabs(a) < std::fabs(b); }));
  };
  BOOST_TEST(largest(analysis.token_embedding) < 0.1f);
  BOOST_TEST(largest(analysis.with_pe.input) > 1000.0f);
}

BOOST_AUTO_TEST_CASE(norms_are_the_lengths_of_the_token_and_position_rows) {
  const auto analysis = analyze(kBall, raw_of("integer", 16, 200, false));
  BOOST_TEST_REQUIRE(analysis.token_norms.size() == 12u);
  BOOST_TEST_REQUIRE(analysis.position_norms.size() == 12u);
  for (int r = 0; r < 12; ++r) {
    BOOST_TEST_CONTEXT("token " << r) {
      // Every one of the 16 dimensions of integer position p holds p: the length is 4p.
      BOOST_TEST(analysis.position_norms[r] == 4.0 * (200 + r));
      BOOST_TEST(analysis.token_norms[r] ==
                 pe::TableRows(analysis.token_embedding.data(), 16, 12).norm(r));
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_text_gives_empty_tables) {
  const auto analysis = analyze("", raw_of("sinusoidal", 64, 0, true));
  BOOST_TEST(analysis.tokens.empty());
  BOOST_TEST(analysis.duplicates.empty());
  BOOST_TEST(analysis.with_pe.input.empty());
  BOOST_TEST(analysis.with_pe.context.empty());
  BOOST_TEST(analysis.token_norms.empty());
  BOOST_TEST(analysis.copy_pairs.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(why_positions_matter)

BOOST_AUTO_TEST_CASE(without_positions_the_two_dogs_get_identical_context_vectors) {
  const auto analysis = analyze(kDogs, raw_of("binary", 8, 0, false));
  BOOST_TEST(rows_bit_identical(analysis.token_embedding, 8, 1, 4));
  BOOST_TEST(rows_bit_identical(analysis.without_pe.context, 8, 1, 4));
}

BOOST_AUTO_TEST_CASE(every_positional_encoding_tells_the_two_dogs_apart) {
  for (const char* kind : {"integer", "binary", "sinusoidal"}) {
    BOOST_TEST_CONTEXT(kind) {
      const auto analysis = analyze(kDogs, raw_of(kind, 8, 0, false));
      BOOST_TEST(!rows_bit_identical(analysis.with_pe.input, 8, 1, 4));
      BOOST_TEST(!rows_bit_identical(analysis.with_pe.context, 8, 1, 4));
    }
  }
}

BOOST_AUTO_TEST_CASE(in_the_ball_sentence_the_two_its_match_only_without_positions) {
  const auto analysis = analyze(kBall, raw_of("sinusoidal", 16, 0, false));
  BOOST_TEST(rows_bit_identical(analysis.without_pe.context, 16, 6, 10));
  BOOST_TEST(!rows_bit_identical(analysis.with_pe.context, 16, 6, 10));
}

BOOST_AUTO_TEST_CASE(a_causal_mask_tells_the_two_dogs_apart_even_without_positions) {
  const auto analysis = analyze(kDogs, raw_of("none", 8, 0, true));
  BOOST_TEST(!rows_bit_identical(analysis.without_pe.context, 8, 1, 4));
}

// Not a bug to fix: the lecture's setting shows the magnitude problem inside attention too.
// Attention scores grow with the square of the positions, so softmax gives one
// key all the weight and every token's output is that key's value row: the two dogs' inputs
// differ, yet their outputs (and every other output) are bit-identical. The sentence view
// explains this instead of claiming the positions told the copies apart.
BOOST_AUTO_TEST_CASE(integer_positions_from_200_saturate_softmax_so_every_output_is_the_same) {
  for (const int dim : {8, 64}) {
    BOOST_TEST_CONTEXT("dim " << dim) {
      const auto analysis = analyze(kDogs, raw_of("integer", static_cast<double>(dim), 200, false));
      BOOST_TEST(!rows_bit_identical(analysis.with_pe.input, dim, 1, 4));
      const int n = static_cast<int>(analysis.tokens.size());
      for (int r = 1; r < n; ++r)
        BOOST_TEST(rows_bit_identical(analysis.with_pe.context, dim, 0, r));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(a_text_of_2048_tokens_is_analysed_with_finite_values) {
  std::string text;
  for (int t = 0; t < 2048; ++t) text += "w" + std::to_string(t % 500) + " ";
  const auto analysis = analyze(text, raw_of("sinusoidal", 64, 0, false));
  BOOST_TEST(analysis.tokens.size() == 2048u);
  BOOST_TEST(std::all_of(analysis.with_pe.context.begin(), analysis.with_pe.context.end(),
                         [](float v) { return std::isfinite(v); }));
}

BOOST_AUTO_TEST_CASE(integer_positions_up_to_2_to_the_31_minus_1_give_finite_values) {
  std::string text;
  for (int t = 0; t < 64; ++t) text += "dog ";
  for (const bool causal : {false, true}) {
    const auto analysis =
        analyze(text, raw_of("integer", 64, 2147483647 - 63, causal, pe::kMaxEmbeddingStd));
    BOOST_TEST(std::all_of(analysis.with_pe.context.begin(), analysis.with_pe.context.end(),
                           [](float v) { return std::isfinite(v); }));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(copy_pairs)

BOOST_AUTO_TEST_CASE(the_two_dogs_are_identical_without_positions_and_apart_with_them) {
  const auto analysis = analyze(kDogs, raw_of("binary", 8, 0, false));
  BOOST_TEST_REQUIRE(analysis.copy_pairs.size() == 1u);
  const pe::CopyPair& pair = analysis.copy_pairs[0];
  BOOST_TEST(pair.group == 0);
  BOOST_TEST(pair.a == 1);
  BOOST_TEST(pair.b == 4);
  BOOST_TEST(pair.input.without_pe.distance == 0.0);
  BOOST_TEST(pair.input.without_pe.cosine == 1.0);
  BOOST_TEST(pair.context.without_pe.distance == 0.0);
  BOOST_TEST(pair.context.without_pe.cosine == 1.0);
  const pe::TableRows input(analysis.with_pe.input.data(), 8, 5);
  const pe::TableRows context(analysis.with_pe.context.data(), 8, 5);
  BOOST_TEST(pair.input.with_pe.distance == input.distance(1, 4));
  BOOST_TEST(pair.input.with_pe.cosine == input.cosine(1, 4));
  BOOST_TEST(pair.context.with_pe.distance == context.distance(1, 4));
  BOOST_TEST(pair.context.with_pe.cosine == context.cosine(1, 4));
  BOOST_TEST(pair.input.with_pe.distance > 1.0);  // positions 001 and 100: two bits apart
  BOOST_TEST(pair.context.with_pe.distance > 0.0);
}

BOOST_AUTO_TEST_CASE(every_pair_of_copies_group_by_group) {
  const auto analysis = analyze("a b a c b a", {});
  std::string listed;
  for (const pe::CopyPair& pair : analysis.copy_pairs)
    listed += std::to_string(pair.group) + ":" + std::to_string(pair.a) + "-" +
              std::to_string(pair.b) + " ";
  BOOST_TEST(listed == "0:0-2 0:0-5 0:2-5 1:1-4 ");
}

BOOST_AUTO_TEST_CASE(only_the_first_16_copies_of_a_word_are_compared) {
  std::string text;
  for (int copy = 0; copy < 2048; ++copy) text += "a ";
  const auto analysis = analyze(text, raw_of("binary", 8, 0, false));
  BOOST_TEST(analysis.copy_pairs.size() == 16u * 15u / 2u);
  BOOST_TEST(analysis.copy_pairs.back().a == 14);
  BOOST_TEST(analysis.copy_pairs.back().b == 15);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stages)

// Where each kind of scheme acts, as pe.analyze's firstDifference names it.
std::string where_it_acts(const pe::PositionScheme& scheme) {
  switch (scheme.stage) {
    case pe::Stage::input:
      return "input";
    case pe::Stage::query_key:
      return "queryKey";
    case pe::Stage::scores:
      return "weights";
    case pe::Stage::none:
      break;
  }
  return "none";
}

BOOST_AUTO_TEST_CASE(the_two_dogs_come_apart_at_the_stage_where_each_scheme_acts) {
  for (const pe::PositionScheme* scheme : pe::position_schemes()) {
    BOOST_TEST_CONTEXT(scheme->name) {
      const auto analysis = analyze(kDogs, raw_of(std::string(scheme->name), 8, 0, false));
      BOOST_TEST_REQUIRE(analysis.copy_pairs.size() == 1u);
      const pe::CopyPair& pair = analysis.copy_pairs[0];
      BOOST_TEST(pe::name_of(pair.first_difference) == where_it_acts(*scheme));
      // Without positions every stage of the two copies is the same.
      for (const pe::StageComparison* stage :
           {&pair.input, &pair.query, &pair.key, &pair.weights, &pair.context})
        BOOST_TEST(stage->without_pe.identical);
      // With a scheme, the copies differ from its stage on, to the output.
      BOOST_TEST(pair.context.with_pe.identical == (scheme->stage == pe::Stage::none));
    }
  }
}

BOOST_AUTO_TEST_CASE(rope_never_touches_the_inputs_so_the_copies_inputs_stay_identical) {
  const auto analysis = analyze(kDogs, raw_of("rope", 8, 200, false));
  const pe::CopyPair& pair = analysis.copy_pairs[0];
  BOOST_TEST(pair.input.with_pe.distance == 0.0);
  BOOST_TEST(rows_bit_identical(analysis.with_pe.input, 8, 1, 4));
  BOOST_TEST(!pair.query.with_pe.identical);
  BOOST_TEST(!pair.key.with_pe.identical);
}

BOOST_AUTO_TEST_CASE(alibi_leaves_queries_and_keys_identical_and_separates_the_weights) {
  const auto analysis = analyze(kDogs, raw_of("alibi", 8, 200, false));
  const pe::CopyPair& pair = analysis.copy_pairs[0];
  BOOST_TEST(pair.query.with_pe.distance == 0.0);
  BOOST_TEST(pair.key.with_pe.distance == 0.0);
  BOOST_TEST(!pair.weights.with_pe.identical);
}

BOOST_AUTO_TEST_CASE(without_positions_a_causal_mask_separates_the_dogs_at_the_weights) {
  const auto analysis = analyze(kDogs, raw_of("none", 8, 0, true));
  const pe::CopyPair& pair = analysis.copy_pairs[0];
  BOOST_TEST(pe::name_of(pair.first_difference) == "weights");
  BOOST_TEST(!pair.weights.without_pe.identical);
  BOOST_TEST(!pair.context.without_pe.identical);
}

// "the dog the dog" with a mask: the second dog weighs "the" and "dog" twice each where the first
// weighs them once, so in exact arithmetic both outputs are the same mix. In float32 the sums run
// in a different order and land a few units of 2^-24 apart: identical, not bit-identical.
BOOST_AUTO_TEST_CASE(alibi_gives_the_dogs_of_the_dog_the_dog_equal_outputs_under_a_mask) {
  const auto analysis = analyze("the dog the dog", raw_of("alibi", 8, 0, true));
  const pe::CopyPair& dogs = analysis.copy_pairs.at(1);
  BOOST_TEST(!dogs.weights.with_pe.identical);
  BOOST_TEST(dogs.context.with_pe.identical);
  BOOST_TEST(dogs.context.with_pe.distance <= dogs.context.with_pe.rounding);
}

BOOST_AUTO_TEST_CASE(the_dog_the_dog_under_a_mask_has_different_weights_and_identical_outputs) {
  const auto analysis = analyze("the dog the dog", raw_of("none", 8, 0, true));
  BOOST_TEST_REQUIRE(analysis.copy_pairs.size() == 2u);
  const pe::CopyPair& dogs = analysis.copy_pairs[1];
  BOOST_TEST(dogs.a == 1);
  BOOST_TEST(dogs.b == 3);
  BOOST_TEST(!dogs.weights.with_pe.identical);
  BOOST_TEST(dogs.context.with_pe.identical);
  BOOST_TEST(pe::name_of(dogs.first_difference) == "weights");
  // The first "the" sees only itself, the second sees "the dog the": really different.
  BOOST_TEST(!analysis.copy_pairs[0].context.with_pe.identical);
}

// Under a mask, outputs equal in exact arithmetic are summed over prefixes of different lengths:
// a long repeated text (every "b" mixes a and b half and half, whatever its prefix) stays within
// the rounding bound at every length, with room to spare.
BOOST_AUTO_TEST_CASE(rounding_noise_of_equal_outputs_stays_within_the_bound) {
  std::string text;
  for (int t = 0; t < 1024; ++t) text += "a b ";
  double largest = 0;  // noise as a fraction of the allowance
  for (const int dim : {8, 64}) {
    for (const double embedding_std : {0.02, 1.0}) {
      const auto noisy = analyze(text, raw_of("none", dim, 0, true, embedding_std));
      const pe::TableRows context(noisy.with_pe.context.data(), dim, 2048);
      const std::vector<double>& bound = noisy.with_pe.output_rounding;
      for (int copy = 3; copy < 2048; copy += 2) {
        const double allowance = bound[1] + bound[copy];
        BOOST_TEST_REQUIRE(context.distance(1, copy) <= allowance);
        largest = std::max(largest, context.distance(1, copy) / allowance);
      }
    }
  }
  BOOST_TEST_MESSAGE("output rounding: the largest noise is " << largest << " of the bound");
  BOOST_TEST(largest < 0.25);
}

// The bound is what rounding can do, not a judgement of "close": where the copies' outputs
// really differ, the difference is many times the bound. (Not "the dog the dog" with ALiBi: there
// both dogs weigh "the" against "dog" by the same factor e^(-slope), so their outputs are equal in
// exact arithmetic, and the core rightly calls them identical.)
BOOST_AUTO_TEST_CASE(real_differences_of_outputs_under_the_mask_are_far_outside_the_bound) {
  double smallest = 1e300;  // real difference as a multiple of the allowance
  for (const std::string& text : {kDogs, kBall}) {
    for (const pe::PositionScheme* scheme : pe::position_schemes()) {
      if (scheme->stage == pe::Stage::none) continue;
      const auto analysis = analyze(text, raw_of(std::string(scheme->name), 8, 0, true));
      for (const pe::CopyPair& pair : analysis.copy_pairs) {
        const pe::RowComparison& outputs = pair.context.with_pe;
        BOOST_TEST_CONTEXT(text << ", " << scheme->name << ", " << pair.a << " and " << pair.b) {
          BOOST_TEST(!outputs.identical);
          smallest = std::min(smallest, outputs.distance / outputs.rounding);
        }
      }
    }
  }
  BOOST_TEST_MESSAGE("output rounding: the smallest real difference is " << smallest
                                                                         << " times the bound");
  BOOST_TEST(smallest > 8);
}

// Rows computed by the same operations are compared exactly: integer positions a million in make
// inputs that differ by 3 in every component, a few millionths of their length, and that is a
// difference, not rounding.
BOOST_AUTO_TEST_CASE(stages_computed_alike_are_compared_exactly) {
  const auto analysis = analyze(kDogs, raw_of("integer", 8, 1000000, false));
  const pe::CopyPair& dogs = analysis.copy_pairs.at(0);
  BOOST_TEST(dogs.input.with_pe.rounding == 0.0);
  BOOST_TEST(dogs.input.with_pe.distance == 3 * std::sqrt(8.0), tt::tolerance(1e-9));
  BOOST_TEST(!dogs.input.with_pe.identical);
  // Without the mask the outputs too are compared exactly.
  BOOST_TEST(dogs.context.with_pe.rounding == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shifts)

pe::ShiftEffect shift(const std::string& kind, double start, double by) {
  auto parsed = pe::parse_shift_request(kBall, raw_of(kind, 16, start, false), by);
  if (const auto* error = std::get_if<pe::InputError>(&parsed))
    BOOST_FAIL("unexpected error: " + error->message);
  return pe::compare_shift(std::get<pe::ShiftRequest>(parsed));
}

BOOST_AUTO_TEST_CASE(relative_schemes_see_only_distances_so_a_shift_changes_nothing) {
  for (const char* kind : {"rope", "alibi", "none"}) {
    for (const double by : {1.0, 1000.0, 1048576.0}) {
      BOOST_TEST_CONTEXT(kind << " shifted by " << by) {
        const pe::ShiftEffect effect = shift(kind, 0, by);
        BOOST_TEST(effect.by == static_cast<std::int64_t>(by));
        BOOST_TEST(effect.max_weight_change < 1e-5);
        BOOST_TEST(effect.weights_unchanged);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(rope_and_alibi_weights_at_any_start_equal_those_at_start_0) {
  for (const char* kind : {"rope", "alibi"}) {
    const auto at_zero = analyze(kBall, raw_of(kind, 16, 0, true));
    for (const double start : {1.0, 4096.0, 1048576.0}) {
      BOOST_TEST_CONTEXT(kind << " from " << start) {
        const auto shifted = analyze(kBall, raw_of(kind, 16, start, true));
        for (std::size_t e = 0; e < at_zero.with_pe.weights.size(); ++e)
          BOOST_TEST_REQUIRE(std::fabs(shifted.with_pe.weights[e] - at_zero.with_pe.weights[e]) <
                             1e-5);
        for (std::size_t e = 0; e < at_zero.with_pe.context.size(); ++e)
          BOOST_TEST_REQUIRE(std::fabs(shifted.with_pe.context[e] - at_zero.with_pe.context[e]) <
                             1e-5);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(absolute_schemes_see_the_new_positions) {
  for (const char* kind : {"binary", "sinusoidal"}) {
    BOOST_TEST_CONTEXT(kind) {
      const pe::ShiftEffect effect = shift(kind, 0, 3);
      BOOST_TEST(effect.max_weight_change > 1e-3);
      BOOST_TEST(!effect.weights_unchanged);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
