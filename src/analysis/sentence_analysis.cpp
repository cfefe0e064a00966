#include "analysis/sentence_analysis.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "analysis/attention.hpp"
#include "analysis/duplicate_tokens.hpp"
#include "analysis/token_embeddings.hpp"
#include "analysis/vector_geometry.hpp"
#include "core/encode.hpp"

namespace pe {

namespace {

std::vector<CopyPair> compare_copies(const SentenceAnalysis& analysis) {
  const int dim = analysis.dim;
  const int count = static_cast<int>(analysis.tokens.size());
  const TableRows embedding(analysis.token_embedding.data(), dim, count);
  const TableRows input(analysis.input.data(), dim, count);
  const TableRows context_without(analysis.context_without_pe.data(), dim, count);
  const TableRows context_with(analysis.context_with_pe.data(), dim, count);
  std::vector<CopyPair> pairs;
  for (std::size_t g = 0; g < analysis.duplicates.size(); ++g) {
    const std::vector<int>& group = analysis.duplicates[g];
    const std::size_t copies = std::min<std::size_t>(group.size(), kMaxComparedCopies);
    for (std::size_t i = 0; i < copies; ++i) {
      for (std::size_t j = i + 1; j < copies; ++j) {
        const int a = group[i];
        const int b = group[j];
        pairs.push_back({static_cast<int>(g), a, b,
                         {embedding.distance(a, b), input.distance(a, b)},
                         {embedding.cosine(a, b), input.cosine(a, b)},
                         {context_without.distance(a, b), context_with.distance(a, b)},
                         {context_without.cosine(a, b), context_with.cosine(a, b)}});
      }
    }
  }
  return pairs;
}

}  // namespace

SentenceAnalysis analyze_sentence(AnalysisRequest request) {
  SentenceAnalysis analysis;
  analysis.tokens = std::move(request.tokens);
  analysis.start = request.start;
  analysis.dim = request.dim;
  const int count = static_cast<int>(analysis.tokens.size());
  const std::size_t values = static_cast<std::size_t>(count) * request.dim;

  analysis.duplicates = duplicate_tokens(analysis.tokens);

  analysis.token_embedding.resize(values);
  embed_tokens(analysis.tokens, request.dim, request.embedding_std,
               analysis.token_embedding.data());

  analysis.position_encoding.resize(values);  // zeros unless an encoding fills it
  if (request.encoding) {
    EncodingRequest positions;
    positions.encoding = *request.encoding;
    positions.start = request.start;
    positions.count = count;
    positions.dim = request.dim;
    encode(positions, analysis.position_encoding.data());
  }

  analysis.input.resize(values);
  for (std::size_t e = 0; e < values; ++e)
    analysis.input[e] = analysis.token_embedding[e] + analysis.position_encoding[e];

  const AttentionWeights weights = make_attention_weights(request.dim);
  analysis.context_without_pe.resize(values);
  self_attention(weights, analysis.token_embedding.data(), count, request.causal,
                 analysis.context_without_pe.data());
  analysis.context_with_pe.resize(values);
  self_attention(weights, analysis.input.data(), count, request.causal,
                 analysis.context_with_pe.data());

  analysis.token_norms = TableRows(analysis.token_embedding.data(), request.dim, count).norms();
  analysis.position_norms =
      TableRows(analysis.position_encoding.data(), request.dim, count).norms();
  analysis.copy_pairs = compare_copies(analysis);
  return analysis;
}

}  // namespace pe
