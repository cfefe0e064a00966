// Token embeddings: small like a freshly initialised model's by default, scaled exactly by another
// standard deviation, identical on every machine, and close together for related words (the
// lecture's "kitten" near "cat", "plane" far away).
#include "analysis/token_embeddings.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

namespace tt = boost::test_tools;

namespace {

// out is (tokens.size(), dim), row-major.
std::vector<float> embed(const std::vector<std::string>& tokens, int dim,
                         double component_std = pe::kTokenEmbeddingStd) {
  std::vector<float> out(tokens.size() * dim);
  pe::embed_tokens(tokens, dim, component_std, out.data());
  return out;
}

double cosine(const std::string& a, const std::string& b, int dim,
              double component_std = pe::kTokenEmbeddingStd) {
  const std::vector<float> both = embed({a, b}, dim, component_std);
  double dot = 0.0, a_squared = 0.0, b_squared = 0.0;
  for (int i = 0; i < dim; ++i) {
    dot += both[i] * both[dim + i];
    a_squared += both[i] * both[i];
    b_squared += both[dim + i] * both[dim + i];
  }
  return dot / std::sqrt(a_squared * b_squared);
}

double norm(const float* row, int dim) {
  double sum_squares = 0.0;
  for (int i = 0; i < dim; ++i) sum_squares += static_cast<double>(row[i]) * row[i];
  return std::sqrt(sum_squares);
}

// Sample standard deviation of all values (mean taken as 0, the distribution's mean).
double root_mean_square(const std::vector<float>& values) {
  double sum_squares = 0.0;
  for (const float v : values) sum_squares += static_cast<double>(v) * v;
  return std::sqrt(sum_squares / values.size());
}

std::vector<std::string> vocabulary_words() {
  std::vector<std::string> words;
  for (const pe::ClusteredWord& entry : pe::kClusteredVocabulary) words.emplace_back(entry.word);
  return words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(determinism)

BOOST_AUTO_TEST_CASE(a_token_gets_the_same_vector_in_every_row_and_every_call) {
  const std::vector<float> first = embed({"dog", "zebra", "dog"}, 16);
  const std::vector<float> again = embed({"zebra", "dog"}, 16);
  BOOST_TEST(std::equal(first.begin(), first.begin() + 16, first.begin() + 32));  // dog, dog
  BOOST_TEST(std::equal(first.begin(), first.begin() + 16, again.begin() + 16));  // dog
  BOOST_TEST(std::equal(first.begin() + 16, first.begin() + 32, again.begin()));  // zebra
}

BOOST_AUTO_TEST_CASE(vectors_are_pinned_to_the_bit_so_every_build_must_agree) {
  // tests/js/analyze.test.mjs pins the same numbers for the WebAssembly build.
  const std::vector<float> vectors = embed({"dog", "zebra"}, 4);
  const std::vector<float> expected = {0.00724006305f, -0.00284011546f, -0.0060155578f,
                                       0.0342032053f,  -0.0113022877f,  0.0320400707f,
                                       0.0145314047f,  -0.00990024768f};
  BOOST_TEST(vectors == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(vectors_at_std_1_are_pinned_to_the_bit_too) {
  // tests/js/analyze.test.mjs pins the same numbers for the WebAssembly build.
  const std::vector<float> expected = {0.362003148f,  -0.142005771f, -0.300777882f, 1.71016037f,
                                       -0.565114379f, 1.60200346f,   0.726570249f,  -0.495012403f};
  BOOST_TEST(embed({"dog", "zebra"}, 4, 1.0) == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(every_dim_from_1_to_256_gives_a_finite_nonzero_vector) {
  for (int dim = 1; dim <= 256; ++dim) {
    const std::vector<float> vectors = embed({"cat", "zebra"}, dim);
    BOOST_TEST_REQUIRE(
        std::all_of(vectors.begin(), vectors.end(), [](float v) { return std::isfinite(v); }));
    BOOST_TEST_REQUIRE(root_mean_square(vectors) > 0.0);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scale)

BOOST_AUTO_TEST_CASE(the_stated_standard_deviation_is_gpt2s_0_02) {
  BOOST_TEST(pe::kTokenEmbeddingStd == 0.02);
}

BOOST_AUTO_TEST_CASE(components_of_unknown_tokens_have_mean_0_and_std_0_02) {
  std::vector<std::string> tokens;
  for (int t = 0; t < 1000; ++t) tokens.push_back("word" + std::to_string(t));
  const std::vector<float> vectors = embed(tokens, 64);
  double sum = 0.0;
  for (const float v : vectors) sum += v;
  BOOST_TEST(std::fabs(sum / vectors.size()) < 0.0005);
  BOOST_TEST(root_mean_square(vectors) == 0.02, tt::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(components_of_vocabulary_words_have_std_0_02_too) {
  BOOST_TEST(root_mean_square(embed(vocabulary_words(), 256)) == 0.02, tt::tolerance(0.05));
}

BOOST_AUTO_TEST_CASE(another_std_sets_the_components_std) {
  std::vector<std::string> tokens = vocabulary_words();
  for (int t = 0; t < 1000; ++t) tokens.push_back("word" + std::to_string(t));
  BOOST_TEST(root_mean_square(embed(tokens, 64, 1.0)) == 1.0, tt::tolerance(0.02));
}

BOOST_AUTO_TEST_CASE(std_1_makes_every_vector_50_times_longer_in_the_same_direction) {
  std::vector<std::string> tokens = vocabulary_words();
  tokens.push_back("zebra");
  for (const int dim : {1, 8, 64, 256}) {
    const std::vector<float> small = embed(tokens, dim);
    const std::vector<float> large = embed(tokens, dim, 1.0);
    for (std::size_t r = 0; r < tokens.size(); ++r) {
      BOOST_TEST_CONTEXT(tokens[r] << " at dim " << dim) {
        // Each value is rounded to float once, so lengths agree to float precision.
        BOOST_TEST(norm(&large[r * dim], dim) == 50 * norm(&small[r * dim], dim),
                   tt::tolerance(1e-6));
        for (int i = 0; i < dim; ++i)
          BOOST_TEST_REQUIRE(double{large[r * dim + i]} == 50.0 * small[r * dim + i],
                             tt::tolerance(1e-6));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(scaling_leaves_every_cosine_similarity_as_it_is) {
  for (const int dim : {8, 64}) {
    for (const double component_std : {0.001, 1.0, 10.0}) {
      BOOST_TEST_CONTEXT("dim " << dim << ", std " << component_std) {
        for (const auto& [a, b] :
             {std::pair{"cat", "kitten"}, {"cat", "plane"}, {"the", "a"}, {"dog", "zebra"}}) {
          BOOST_TEST(cosine(a, b, dim, component_std) == cosine(a, b, dim), tt::tolerance(1e-6));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(related_words)

BOOST_AUTO_TEST_CASE(every_word_of_the_lecture_sentences_is_in_the_vocabulary) {
  const std::vector<std::string> words = vocabulary_words();
  for (const std::string word :
       {"the", "dog", "chased", "another", "ball", "it", "could", "not", "catch"}) {
    BOOST_TEST_CONTEXT(word) {
      BOOST_TEST((std::find(words.begin(), words.end(), word) != words.end()));
    }
  }
}

BOOST_AUTO_TEST_CASE(kitten_is_close_to_cat_and_plane_is_far_from_it_even_at_dim_8) {
  for (const int dim : {8, 16, 64, 256}) {
    BOOST_TEST_CONTEXT("dim " << dim) {
      BOOST_TEST(cosine("cat", "kitten", dim) > 0.8);
      BOOST_TEST(std::fabs(cosine("cat", "plane", dim)) < 0.3);
    }
  }
}

BOOST_AUTO_TEST_CASE(words_of_one_cluster_have_cosine_similarity_above_0_8) {
  for (const int dim : {8, 64, 256}) {
    for (const pe::ClusteredWord& a : pe::kClusteredVocabulary) {
      for (const pe::ClusteredWord& b : pe::kClusteredVocabulary) {
        if (a.cluster != b.cluster || a.word == b.word) continue;
        BOOST_TEST_CONTEXT(a.word << " and " << b.word << " at dim " << dim) {
          BOOST_TEST(cosine(std::string(a.word), std::string(b.word), dim) > 0.8);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(words_of_different_clusters_are_nearly_orthogonal_from_dim_64) {
  for (const pe::ClusteredWord& a : pe::kClusteredVocabulary) {
    for (const pe::ClusteredWord& b : pe::kClusteredVocabulary) {
      if (a.cluster == b.cluster) continue;
      BOOST_TEST_CONTEXT(a.word << " and " << b.word) {
        BOOST_TEST(std::fabs(cosine(std::string(a.word), std::string(b.word), 64)) < 0.3);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
