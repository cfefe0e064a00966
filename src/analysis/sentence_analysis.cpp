#include "analysis/sentence_analysis.hpp"

#include <utility>

#include "analysis/attention.hpp"
#include "analysis/duplicate_tokens.hpp"
#include "analysis/token_embeddings.hpp"
#include "core/encode.hpp"

namespace pe {

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
  return analysis;
}

}  // namespace pe
