// Analyses of tokens split outside the core (a BPE tokenizer run in JS) and of token embeddings
// given by the caller (e.g. GloVe rows): what the request parser accepts and rejects, that
// duplicates are equal ids whatever the pieces say, that synthetic embeddings are seeded by the
// id alone, and that a caller's table reaches the head unchanged.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "analysis/analysis_request.hpp"
#include "analysis/sentence_analysis.hpp"
#include "analysis/token_embeddings.hpp"
#include "core/random.hpp"
#include "support/raw_analysis_request.hpp"

namespace tt = boost::test_tools;

namespace {

using test_support::raw_of;

// GPT-2's tokens of "The dog chased another dog".
const std::vector<double> kDogIds = {464, 3290, 26172, 1194, 3290};
const std::vector<std::string> kDogPieces = {"The", " dog", " chased", " another", " dog"};

pe::RawAnalysisRequest with_tokens(std::vector<double> ids, std::vector<std::string> pieces,
                                   double dim = 8) {
  pe::RawAnalysisRequest raw = raw_of("binary", dim, 0, false);
  raw.tokens = pe::RawTokens{std::move(ids), std::move(pieces)};
  return raw;
}

pe::AnalysisRequest request_of(const pe::RawAnalysisRequest& raw, const std::string& text = "") {
  auto parsed = pe::parse_analysis_request(text, raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed))
    BOOST_FAIL("unexpected error: " + error->message);
  return std::get<pe::AnalysisRequest>(std::move(parsed));
}

pe::InputError error_of(const pe::RawAnalysisRequest& raw, const std::string& text = "") {
  const auto parsed = pe::parse_analysis_request(text, raw);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  return std::get<pe::InputError>(parsed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(caller_tokens)

BOOST_AUTO_TEST_CASE(the_callers_tokens_replace_the_text) {
  const auto request = request_of(with_tokens(kDogIds, kDogPieces), "ignored words here");
  BOOST_TEST(request.tokens == kDogPieces, tt::per_element());
  BOOST_TEST(request.ids == (std::vector<std::int64_t>{464, 3290, 26172, 1194, 3290}),
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(duplicates_are_equal_ids_not_equal_pieces) {
  // Ids 7 twice with different pieces are one word; pieces " dog" twice with ids 1 and 2 are not.
  const auto analysis = pe::analyze_sentence(
      request_of(with_tokens({7, 1, 7, 2, 5, 7}, {"a", " dog", "b", " dog", "c", "d"})));
  BOOST_TEST_REQUIRE(analysis.duplicates.size() == 1u);
  BOOST_TEST(analysis.duplicates[0] == (std::vector<int>{0, 2, 5}), tt::per_element());
  BOOST_TEST(analysis.copy_pairs.size() == 3u);
}

BOOST_AUTO_TEST_CASE(the_two_dogs_share_an_embedding_seeded_by_their_id) {
  const auto analysis = pe::analyze_sentence(request_of(with_tokens(kDogIds, kDogPieces, 16)));
  BOOST_TEST_REQUIRE(analysis.duplicates.size() == 1u);
  BOOST_TEST(analysis.duplicates[0] == (std::vector<int>{1, 4}), tt::per_element());
  // Row r is 0.02 times the stream of NormalGenerator(id), rounded to float.
  for (int r = 0; r < 5; ++r) {
    pe::NormalGenerator normal(static_cast<std::uint64_t>(kDogIds[r]));
    for (int i = 0; i < 16; ++i)
      BOOST_TEST_REQUIRE(analysis.token_embedding[r * 16 + i] ==
                         static_cast<float>(pe::kTokenEmbeddingStd * normal.next()));
  }
  BOOST_TEST((analysis.copy_pairs.at(0).first_difference == pe::Divergence::input));
  BOOST_TEST(analysis.copy_pairs.at(0).context.without_pe.identical);
}

BOOST_AUTO_TEST_CASE(an_ids_vector_does_not_depend_on_its_piece_or_neighbours) {
  const auto one = pe::analyze_sentence(request_of(with_tokens({42, 9}, {"x", "y"})));
  const auto two = pe::analyze_sentence(request_of(with_tokens({3, 42}, {"z", "other"})));
  for (int i = 0; i < 8; ++i)
    BOOST_TEST_REQUIRE(one.token_embedding[i] == two.token_embedding[8 + i]);
}

BOOST_AUTO_TEST_CASE(no_tokens_give_empty_tables) {
  const auto analysis = pe::analyze_sentence(request_of(with_tokens({}, {})));
  BOOST_TEST(analysis.tokens.empty());
  BOOST_TEST(analysis.token_embedding.empty());
}

BOOST_AUTO_TEST_CASE(ids_must_be_integers_from_0_to_2_to_the_31_minus_1) {
  for (const double bad : {-1.0, 0.5, 2147483648.0, std::numeric_limits<double>::quiet_NaN()}) {
    const auto error = error_of(with_tokens({5, bad}, {"a", "b"}));
    BOOST_TEST((error.kind == pe::ErrorKind::range));
    BOOST_TEST(error.message.rfind("tokenIds[1] must be an integer from 0 to 2147483647; received ",
                                   0) == 0);
  }
  BOOST_TEST(request_of(with_tokens({0, 2147483647}, {"a", "b"})).ids.back() == 2147483647);
}

BOOST_AUTO_TEST_CASE(each_id_needs_one_piece) {
  const auto error = error_of(with_tokens({1, 2, 3}, {"a", "b"}));
  BOOST_TEST((error.kind == pe::ErrorKind::range));
  BOOST_TEST(error.message == "tokenPieces must hold one piece per id in tokenIds (3); received 2");
}

BOOST_AUTO_TEST_CASE(at_most_2048_tokens_before_any_id_is_read) {
  const auto error =
      error_of(with_tokens(std::vector<double>(2049, -1), std::vector<std::string>(2049)));
  BOOST_TEST(error.message == "tokenIds must have at most 2048 tokens; received 2049");
  BOOST_TEST(request_of(with_tokens(std::vector<double>(2048, 1), std::vector<std::string>(2048)))
                 .tokens.size() == 2048u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(caller_embeddings)

BOOST_AUTO_TEST_CASE(a_callers_table_reaches_the_head_unchanged) {
  pe::RawAnalysisRequest raw = raw_of("sinusoidal", 4, 0, false, 1.0);
  std::vector<float> table(5 * 4);
  for (std::size_t e = 0; e < table.size(); ++e)
    table[e] = 0.25f * static_cast<float>(e % 7) - 0.5f;
  raw.embeddings = pe::VectorTable::of(table);
  const auto analysis = pe::analyze_sentence(request_of(raw, "The dog chased another dog"));
  BOOST_TEST(analysis.token_embedding == table, tt::per_element());  // embedding_std not applied
  for (std::size_t e = 0; e < table.size(); ++e)
    BOOST_TEST_REQUIRE(analysis.with_pe.input[e] == table[e] + analysis.with_pe.positions[e]);
}

BOOST_AUTO_TEST_CASE(a_table_works_with_caller_tokens_and_in_a_shift) {
  pe::RawAnalysisRequest raw = with_tokens(kDogIds, kDogPieces, 2);
  raw.scheme = "rope";
  raw.embeddings = pe::VectorTable::of(std::vector<float>{1, 0, 0, 1, 1, 1, -1, 0, 0, 1});
  const auto parsed = pe::parse_shift_request("", raw, 100);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::ShiftRequest>(parsed));
  BOOST_TEST(pe::compare_shift(std::get<pe::ShiftRequest>(parsed)).weights_unchanged);
}

BOOST_AUTO_TEST_CASE(the_table_must_hold_one_row_of_dim_values_per_token) {
  pe::RawAnalysisRequest raw = raw_of("binary", 8, 0, false);
  raw.embeddings = pe::VectorTable::of(std::vector<float>(5 * 4));
  const auto error = error_of(raw, "The dog chased another dog");
  BOOST_TEST((error.kind == pe::ErrorKind::range));
  BOOST_TEST(error.message ==
             "embeddingTable must hold one row of dim (8) values per token (5), 40 values; "
             "received 20");
}

BOOST_AUTO_TEST_CASE(every_value_of_the_table_must_be_finite) {
  pe::RawAnalysisRequest raw = raw_of("binary", 2, 0, false);
  raw.embeddings =
      pe::VectorTable::of(std::vector<float>{0, 1, 2, std::numeric_limits<float>::infinity()});
  const auto error = error_of(raw, "two words");
  BOOST_TEST(error.message.find("embeddingTable[3]") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
