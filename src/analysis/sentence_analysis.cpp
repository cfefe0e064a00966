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

using RowMeasure = double (*)(const float* table, int dim, int a, int b);

// One measure of rows a and b, in the table without positions and in the one with them.
WithoutAndWithPE measure_both(RowMeasure measure, const std::vector<float>& without,
                              const std::vector<float>& with, int dim, int a, int b) {
  return {measure(without.data(), dim, a, b), measure(with.data(), dim, a, b)};
}

std::vector<CopyPair> compare_copies(const SentenceAnalysis& analysis) {
  const std::vector<float>& embedding = analysis.token_embedding;
  const std::vector<float>& input = analysis.input;
  const std::vector<float>& context_without = analysis.context_without_pe;
  const std::vector<float>& context_with = analysis.context_with_pe;
  const int dim = analysis.dim;
  std::vector<CopyPair> pairs;
  for (std::size_t g = 0; g < analysis.duplicates.size(); ++g) {
    const std::vector<int>& group = analysis.duplicates[g];
    const std::size_t copies = std::min<std::size_t>(group.size(), kMaxComparedCopies);
    for (std::size_t i = 0; i < copies; ++i) {
      for (std::size_t j = i + 1; j < copies; ++j) {
        const int a = group[i];
        const int b = group[j];
        pairs.push_back({static_cast<int>(g), a, b,
                         measure_both(row_distance, embedding, input, dim, a, b),
                         measure_both(row_cosine, embedding, input, dim, a, b),
                         measure_both(row_distance, context_without, context_with, dim, a, b),
                         measure_both(row_cosine, context_without, context_with, dim, a, b)});
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

  analysis.token_norms = row_norms(analysis.token_embedding.data(), request.dim, count);
  analysis.position_norms = row_norms(analysis.position_encoding.data(), request.dim, count);
  analysis.copy_pairs = compare_copies(analysis);
  return analysis;
}

}  // namespace pe
