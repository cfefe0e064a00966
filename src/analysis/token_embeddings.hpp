#pragma once
// Token embeddings of the sentence analysis, by default at the scale of a freshly initialised
// language model, where a few related words sit close together the way trained embeddings place
// them.
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/fields.hpp"

namespace pe {

// The default standard deviation of the components, the initialisation of GPT-2's token
// embeddings: the scale the page compares positional encodings against unless asked for another.
constexpr double kTokenEmbeddingStd = 0.02;

// The built-in vocabulary: a word of a cluster is its cluster's centre plus a small offset of
// its own, so words of one cluster have a cosine similarity of about 0.9. The centres are
// orthogonal as far as dim allows (all 8 of them from dim 8 up), so the clusters stay apart
// even at small dims: "kitten" is close to "cat", "plane" is far from it. Clusters are listed
// in order of importance: with fewer dims than clusters, the first dim centres are orthogonal.
struct ClusteredWord {
  std::string_view word;
  std::string_view cluster;
};
inline constexpr ClusteredWord kClusteredVocabulary[] = {
    // The lecture's example of meaning: "kitten" near "cat", "plane" far away.
    {"cat", "animals"},
    {"kitten", "animals"},
    {"dog", "animals"},
    {"puppy", "animals"},
    {"car", "vehicles"},
    {"plane", "vehicles"},
    {"train", "vehicles"},
    {"bus", "vehicles"},
    // The rest of the lecture's sentences: "The dog chased another dog", "The dog chased the
    // ball. It could not catch it."
    {"the", "determiners"},
    {"a", "determiners"},
    {"an", "determiners"},
    {"another", "determiners"},
    {"it", "pronouns"},
    {"he", "pronouns"},
    {"she", "pronouns"},
    {"they", "pronouns"},
    {"chased", "chasing"},
    {"chase", "chasing"},
    {"catch", "chasing"},
    {"caught", "chasing"},
    {"ball", "toys"},
    {"toy", "toys"},
    {"stick", "toys"},
    {"could", "modals"},
    {"can", "modals"},
    {"would", "modals"},
    {"not", "negations"},
    {"never", "negations"},
    {"no", "negations"},
};

// The clusters in order, each with its words in order: what the page names when it says which
// words the vocabulary placed close together (pe.vocabularyClusters).
struct VocabularyCluster {
  std::string_view cluster;
  std::vector<std::string_view> words;
};
constexpr auto fields_of(const VocabularyCluster&) {
  return std::tuple{field<&VocabularyCluster::cluster>("cluster"),
                    field<&VocabularyCluster::words>("words")};
}
std::vector<VocabularyCluster> vocabulary_clusters();

// out is (tokens.size(), dim), row-major: row r embeds tokens[r] (lowercased, as the tokenizer
// returns them). Components are normal with mean 0 and standard deviation component_std. The same
// text and component_std give the same vector on every machine. Tokens outside the vocabulary get
// a vector of their own, seeded by their text.
// Every row is a fixed vector of unit-variance components times component_std, rounded once to
// float: changing component_std scales all lengths by the same factor and leaves every direction,
// so every cosine similarity, as it is (to float precision).
void embed_tokens(const std::vector<std::string>& tokens, int dim, double component_std,
                  float* out);

// The same for tokens of a real tokenizer, known by their vocabulary ids: row r is
// component_std times the first dim numbers of NormalGenerator(ids[r]) (core/random.hpp),
// rounded once to float. The id alone seeds it, so a token has the same vector on every machine,
// in every sentence and under every tokenizer that gives it that id; no clusters: ids carry no
// meaning here.
void embed_token_ids(const std::vector<std::int64_t>& ids, int dim, double component_std,
                     float* out);

}  // namespace pe
