#include "analysis/token_embeddings.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/random.hpp"

namespace pe {

namespace {

// A clustered word is (centre + kOffsetScale * own) / sqrt(1 + kOffsetScale^2), own ~ N(0, I)
// and the centre of length sqrt(dim) like an N(0, I) vector: components stay of variance about 1
// before scaling, and two words of one cluster have a cosine similarity of about
// 1 / (1 + kOffsetScale^2) = 0.92.
constexpr double kOffsetScale = 0.3;

// A token never contains a space, so a centre's seed text "cluster animals" cannot collide with
// a token's seed text.
std::uint64_t cluster_seed(std::string_view cluster) {
  return fnv1a_64(cluster, fnv1a_64("cluster "));
}

// Cluster names in order of first appearance in the vocabulary.
std::vector<std::string_view> cluster_names() {
  std::vector<std::string_view> names;
  for (const ClusteredWord& entry : kClusteredVocabulary)
    if (std::find(names.begin(), names.end(), entry.cluster) == names.end())
      names.push_back(entry.cluster);
  return names;
}

double dot(const double* a, const double* b, int dim) {
  double sum = 0.0;
  for (int i = 0; i < dim; ++i) sum += a[i] * b[i];
  return sum;
}

// centres is (names.size(), dim), row-major: one N(0, I) vector per cluster, made orthogonal to
// the centres before it by Gram-Schmidt while dim allows, then rescaled to length sqrt(dim).
std::vector<double> cluster_centres(const std::vector<std::string_view>& names, int dim) {
  std::vector<double> centres(names.size() * dim);
  for (std::size_t k = 0; k < names.size(); ++k) {
    double* centre = centres.data() + k * dim;
    NormalGenerator normal(cluster_seed(names[k]));
    for (int i = 0; i < dim; ++i) centre[i] = normal.next();
    if (k < static_cast<std::size_t>(dim)) {
      for (std::size_t before = 0; before < k; ++before) {
        const double* other = centres.data() + before * dim;
        const double along = dot(centre, other, dim) / dim;  // |other|^2 = dim
        for (int i = 0; i < dim; ++i) centre[i] -= along * other[i];
      }
    }
    const double rescale = std::sqrt(dim / dot(centre, centre, dim));
    for (int i = 0; i < dim; ++i) centre[i] *= rescale;
  }
  return centres;
}

}  // namespace

void embed_tokens(const std::vector<std::string>& tokens, int dim, double component_std,
                  float* out) {
  const std::vector<std::string_view> names = cluster_names();
  const std::vector<double> centres = cluster_centres(names, dim);
  const double clustered_scale = component_std / std::sqrt(1.0 + kOffsetScale * kOffsetScale);

  for (std::size_t r = 0; r < tokens.size(); ++r) {
    float* row = out + r * dim;
    NormalGenerator own(fnv1a_64(tokens[r]));
    const auto* entry =
        std::find_if(std::begin(kClusteredVocabulary), std::end(kClusteredVocabulary),
                     [&](const ClusteredWord& w) { return w.word == tokens[r]; });
    if (entry == std::end(kClusteredVocabulary)) {
      for (int i = 0; i < dim; ++i) row[i] = static_cast<float>(component_std * own.next());
      continue;
    }
    const auto cluster = std::find(names.begin(), names.end(), entry->cluster) - names.begin();
    const double* centre = centres.data() + cluster * dim;
    for (int i = 0; i < dim; ++i)
      row[i] = static_cast<float>(clustered_scale * (centre[i] + kOffsetScale * own.next()));
  }
}

void embed_token_ids(const std::vector<std::int64_t>& ids, int dim, double component_std,
                     float* out) {
  for (std::size_t r = 0; r < ids.size(); ++r) {
    NormalGenerator normal(static_cast<std::uint64_t>(ids[r]));
    for (int i = 0; i < dim; ++i)
      out[r * dim + i] = static_cast<float>(component_std * normal.next());
  }
}

std::vector<VocabularyCluster> vocabulary_clusters() {
  std::vector<VocabularyCluster> clusters;
  for (const ClusteredWord& entry : kClusteredVocabulary) {
    if (clusters.empty() || clusters.back().cluster != entry.cluster)
      clusters.push_back({entry.cluster, {}});
    clusters.back().words.push_back(entry.word);
  }
  return clusters;
}

}  // namespace pe
