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
#include "core/encode.hpp"

namespace tt = boost::test_tools;

namespace {

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
  const auto analysis = analyze(kDogs, {"binary", 8, 200, false});
  BOOST_TEST(analysis.start == 200);
  BOOST_TEST(analysis.tokens.size() == 5u);
  BOOST_TEST(analysis.tokens[4] == "dog");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tables)

BOOST_AUTO_TEST_CASE(every_table_is_tokens_by_dim) {
  const auto analysis = analyze(kBall, {"sinusoidal", 16, 0, false});
  BOOST_TEST(analysis.dim == 16);
  for (const auto* table : {&analysis.token_embedding, &analysis.position_encoding, &analysis.input,
                            &analysis.context_without_pe, &analysis.context_with_pe}) {
    BOOST_TEST(table->size() == 12u * 16u);
  }
}

BOOST_AUTO_TEST_CASE(token_embeddings_are_those_of_the_embedding_table) {
  const auto analysis = analyze(kDogs, {"binary", 32, 0, false});
  std::vector<float> expected(5 * 32);
  pe::embed_tokens(analysis.tokens, 32, pe::kTokenEmbeddingStd, expected.data());
  BOOST_TEST(analysis.token_embedding == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(the_requested_embedding_std_reaches_the_embeddings_and_attention) {
  const auto small = analyze(kDogs, {"binary", 32, 0, false});
  const auto large = analyze(kDogs, {"binary", 32, 0, false, 1.0});
  std::vector<float> expected(5 * 32);
  pe::embed_tokens(large.tokens, 32, 1.0, expected.data());
  BOOST_TEST(large.token_embedding == expected, tt::per_element());
  BOOST_TEST(large.position_encoding == small.position_encoding, tt::per_element());
  for (std::size_t e = 0; e < large.input.size(); ++e)
    BOOST_TEST_REQUIRE(large.input[e] == large.token_embedding[e] + large.position_encoding[e]);
  // Attention is not linear in its input: 50x the input is not 50x the context.
  BOOST_TEST(large.context_without_pe != small.context_without_pe);
  BOOST_TEST(rows_bit_identical(large.context_without_pe, 32, 1, 4));
}

BOOST_AUTO_TEST_CASE(the_position_encoding_is_the_encoders_table_for_the_same_positions) {
  for (const auto& [kind, encoding] : {std::pair{"integer", pe::Encoding::integer},
                                       {"binary", pe::Encoding::binary},
                                       {"sinusoidal", pe::Encoding::sinusoidal}}) {
    BOOST_TEST_CONTEXT(kind) {
      const auto analysis = analyze(kDogs, {kind, 8, 200, false});
      pe::EncodingRequest positions;
      positions.encoding = encoding;
      positions.start = 200;
      positions.count = 5;
      positions.dim = 8;
      std::vector<float> expected(40);
      pe::encode(positions, expected.data());
      BOOST_TEST(analysis.position_encoding == expected, tt::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(kind_none_adds_zeros_so_both_attention_runs_agree) {
  const auto analysis = analyze(kDogs, {"none", 8, 0, false});
  BOOST_TEST(std::all_of(analysis.position_encoding.begin(), analysis.position_encoding.end(),
                         [](float v) { return v == 0.0f; }));
  BOOST_TEST(analysis.context_with_pe == analysis.context_without_pe, tt::per_element());
}

BOOST_AUTO_TEST_CASE(the_input_is_token_embedding_plus_position_encoding) {
  const auto analysis = analyze(kBall, {"integer", 8, 1000, false});
  for (std::size_t e = 0; e < analysis.input.size(); ++e)
    BOOST_TEST_REQUIRE(analysis.input[e] ==
                       analysis.token_embedding[e] + analysis.position_encoding[e]);
}

BOOST_AUTO_TEST_CASE(integer_positions_drown_the_token_embeddings) {
  // The lecture: token embeddings are about 0.02, position 1000 adds 1000 to every dimension.
  const auto analysis = analyze(kDogs, {"integer", 8, 1000, false});
  const auto largest = [](const std::vector<float>& t) {
    return std::fabs(*std::max_element(
        t.begin(), t.end(), [](float a, float b) { return std::fabs(a) < std::fabs(b); }));
  };
  BOOST_TEST(largest(analysis.token_embedding) < 0.1f);
  BOOST_TEST(largest(analysis.input) > 1000.0f);
}

BOOST_AUTO_TEST_CASE(norms_are_the_lengths_of_the_token_and_position_rows) {
  const auto analysis = analyze(kBall, {"integer", 16, 200, false});
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
  const auto analysis = analyze("", {"sinusoidal", 64, 0, true});
  BOOST_TEST(analysis.tokens.empty());
  BOOST_TEST(analysis.duplicates.empty());
  BOOST_TEST(analysis.input.empty());
  BOOST_TEST(analysis.context_with_pe.empty());
  BOOST_TEST(analysis.token_norms.empty());
  BOOST_TEST(analysis.copy_pairs.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(why_positions_matter)

BOOST_AUTO_TEST_CASE(without_positions_the_two_dogs_get_identical_context_vectors) {
  const auto analysis = analyze(kDogs, {"binary", 8, 0, false});
  BOOST_TEST(rows_bit_identical(analysis.token_embedding, 8, 1, 4));
  BOOST_TEST(rows_bit_identical(analysis.context_without_pe, 8, 1, 4));
}

BOOST_AUTO_TEST_CASE(every_positional_encoding_tells_the_two_dogs_apart) {
  for (const char* kind : {"integer", "binary", "sinusoidal"}) {
    BOOST_TEST_CONTEXT(kind) {
      const auto analysis = analyze(kDogs, {kind, 8, 0, false});
      BOOST_TEST(!rows_bit_identical(analysis.input, 8, 1, 4));
      BOOST_TEST(!rows_bit_identical(analysis.context_with_pe, 8, 1, 4));
    }
  }
}

BOOST_AUTO_TEST_CASE(in_the_ball_sentence_the_two_its_match_only_without_positions) {
  const auto analysis = analyze(kBall, {"sinusoidal", 16, 0, false});
  BOOST_TEST(rows_bit_identical(analysis.context_without_pe, 16, 6, 10));
  BOOST_TEST(!rows_bit_identical(analysis.context_with_pe, 16, 6, 10));
}

BOOST_AUTO_TEST_CASE(a_causal_mask_tells_the_two_dogs_apart_even_without_positions) {
  const auto analysis = analyze(kDogs, {"none", 8, 0, true});
  BOOST_TEST(!rows_bit_identical(analysis.context_without_pe, 8, 1, 4));
}

// Not a bug to fix: the lecture's setting shows the magnitude problem inside attention too.
// Attention scores grow with the square of the positions, so softmax gives one
// key all the weight and every token's output is that key's value row: the two dogs' inputs
// differ, yet their outputs (and every other output) are bit-identical. The sentence view
// explains this instead of claiming the positions told the copies apart.
BOOST_AUTO_TEST_CASE(integer_positions_from_200_saturate_softmax_so_every_output_is_the_same) {
  for (const int dim : {8, 64}) {
    BOOST_TEST_CONTEXT("dim " << dim) {
      const auto analysis = analyze(kDogs, {"integer", static_cast<double>(dim), 200, false});
      BOOST_TEST(!rows_bit_identical(analysis.input, dim, 1, 4));
      const int n = static_cast<int>(analysis.tokens.size());
      for (int r = 1; r < n; ++r) BOOST_TEST(rows_bit_identical(analysis.context_with_pe, dim, 0, r));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(a_text_of_2048_tokens_is_analysed_with_finite_values) {
  std::string text;
  for (int t = 0; t < 2048; ++t) text += "w" + std::to_string(t % 500) + " ";
  const auto analysis = analyze(text, {"sinusoidal", 64, 0, false});
  BOOST_TEST(analysis.tokens.size() == 2048u);
  BOOST_TEST(std::all_of(analysis.context_with_pe.begin(), analysis.context_with_pe.end(),
                         [](float v) { return std::isfinite(v); }));
}

BOOST_AUTO_TEST_CASE(integer_positions_up_to_2_to_the_31_minus_1_give_finite_values) {
  std::string text;
  for (int t = 0; t < 64; ++t) text += "dog ";
  for (const bool causal : {false, true}) {
    const auto analysis =
        analyze(text, {"integer", 64, 2147483647 - 63, causal, pe::kMaxEmbeddingStd});
    BOOST_TEST(std::all_of(analysis.context_with_pe.begin(), analysis.context_with_pe.end(),
                           [](float v) { return std::isfinite(v); }));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(copy_pairs)

BOOST_AUTO_TEST_CASE(the_two_dogs_are_identical_without_positions_and_apart_with_them) {
  const auto analysis = analyze(kDogs, {"binary", 8, 0, false});
  BOOST_TEST_REQUIRE(analysis.copy_pairs.size() == 1u);
  const pe::CopyPair& pair = analysis.copy_pairs[0];
  BOOST_TEST(pair.group == 0);
  BOOST_TEST(pair.a == 1);
  BOOST_TEST(pair.b == 4);
  BOOST_TEST(pair.input_distance.without_pe == 0.0);
  BOOST_TEST(pair.input_cosine.without_pe == 1.0);
  BOOST_TEST(pair.context_distance.without_pe == 0.0);
  BOOST_TEST(pair.context_cosine.without_pe == 1.0);
  const pe::TableRows input(analysis.input.data(), 8, 5);
  const pe::TableRows context(analysis.context_with_pe.data(), 8, 5);
  BOOST_TEST(pair.input_distance.with_pe == input.distance(1, 4));
  BOOST_TEST(pair.input_cosine.with_pe == input.cosine(1, 4));
  BOOST_TEST(pair.context_distance.with_pe == context.distance(1, 4));
  BOOST_TEST(pair.context_cosine.with_pe == context.cosine(1, 4));
  BOOST_TEST(pair.input_distance.with_pe > 1.0);  // positions 001 and 100: two bits apart
  BOOST_TEST(pair.context_distance.with_pe > 0.0);
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
  const auto analysis = analyze(text, {"binary", 8, 0, false});
  BOOST_TEST(analysis.copy_pairs.size() == 16u * 15u / 2u);
  BOOST_TEST(analysis.copy_pairs.back().a == 14);
  BOOST_TEST(analysis.copy_pairs.back().b == 15);
}

BOOST_AUTO_TEST_SUITE_END()
