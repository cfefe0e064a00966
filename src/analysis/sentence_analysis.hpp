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

// Copies of one word are compared pairwise among its first 16 copies (120 pairs), which bounds a
// text of n tokens to n * 15 / 2 pairs (15,360 at the 2048-token limit) where comparing every
// copy could take two million. The sentence view shows 4 copies of each word.
constexpr int kMaxComparedCopies = 16;

// One measure of two copies' vectors, without and with positions.
struct WithoutAndWithPE {
  double without_pe = 0;
  double with_pe = 0;
};

// Two copies a < b of a repeated word, compared (see analysis/vector_geometry.hpp): their inputs
// (the token embedding alone, then token + position) and their attention outputs over each.
struct CopyPair {
  int group = 0;  // index into SentenceAnalysis::duplicates
  int a = 0;
  int b = 0;
  WithoutAndWithPE input_distance;
  WithoutAndWithPE input_cosine;
  WithoutAndWithPE context_distance;
  WithoutAndWithPE context_cosine;
};

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
  std::vector<double> token_norms;           // length of each row of token_embedding
  std::vector<double> position_norms;        // length of each row of position_encoding
  // Every pair among the first kMaxComparedCopies copies of each repeated word, group by group,
  // a ascending, then b ascending.
  std::vector<CopyPair> copy_pairs;
};

SentenceAnalysis analyze_sentence(AnalysisRequest request);

}  // namespace pe
