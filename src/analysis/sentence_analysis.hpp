#pragma once
// The sentence analysis (issue 3 §1): why a transformer needs positions. A sentence becomes
// tokens, token embeddings and positional encodings; one attention head then runs twice, on the
// token embeddings alone and on token + position, so a reader can see that repeated words get
// identical context vectors only without positions.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/analysis_request.hpp"

namespace pe {

// Every float table is (n, dim), row-major, n = tokens.size(): table[r * dim + i] belongs to
// token r, at position start + r.
struct SentenceAnalysis {
  std::vector<std::string> tokens;
  std::int64_t start = 0;
  int dim = 0;
  std::vector<std::vector<int>> duplicates;  // see analysis/duplicate_tokens.hpp
  std::vector<float> token_embedding;        // see analysis/token_embeddings.hpp
  std::vector<float> position_encoding;      // the requested encoding; zeros for kind "none"
  std::vector<float> input;                  // token_embedding + position_encoding
  std::vector<float> context_without_pe;     // attention over token_embedding
  std::vector<float> context_with_pe;        // attention over input
};

SentenceAnalysis analyze_sentence(AnalysisRequest request);

}  // namespace pe
