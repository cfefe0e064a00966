#pragma once
// One head of scaled dot-product self-attention ("Attention Is All You Need", section 3.2.1),
// with a position scheme acting at its own stage (positions/position_scheme.hpp):
//   X = E + P                         input schemes add their table P (zeros for the others)
//   Q = X W_q,  K = X W_k,  V = X W_v  query_key schemes then rotate Q and K by position
//   S = Q K^T / sqrt(dim)             scores schemes then add their bias; the causal mask hides
//                                     keys after the query
//   A = softmax(S), row by row;  context = A V
// Every stage is kept, so a reader can see at which one two copies of a word come apart.
#include <cstdint>
#include <vector>

#include "positions/position_scheme.hpp"

namespace pe {

// The head's projections, each (dim, dim), row-major, applied to row vectors: q = x W_q.
struct AttentionWeights {
  int dim = 0;
  std::vector<float> query, key, value;
};

// Fixed weights: the same dim gives the same matrices on every call and every machine. Each
// entry is uniform in [-sqrt(3/dim), sqrt(3/dim)): variance 1/dim, the scale of N(0, 1/dim) that
// keeps x W at the size of x. Uniform rather than normal because the weights are drawn on every
// analysis and a uniform number costs one step of the generator.
AttentionWeights make_attention_weights(int dim);

// Where the head runs: the scheme acting at its stage, the first token's position and the mask.
struct HeadSetup {
  const PositionScheme* scheme = nullptr;
  SchemeSettings settings;
  std::int64_t start = 0;  // token r sits at position start + r
  bool causal = false;     // token i attends to tokens 0 .. i only
};

// Every stage of one run. Tables are (count, dim), row-major: row r belongs to token r.
struct HeadStages {
  std::vector<float> positions;  // P: the scheme's table, zeros unless it acts on the input
  std::vector<float> input;      // X = E + P
  std::vector<float> query;      // x W_q, rotated for query_key schemes (before / sqrt(dim))
  std::vector<float> key;        // x W_k, rotated for query_key schemes
  std::vector<float> weights;    // (count, count): row i is query i's attention over the keys
  std::vector<float> context;    // A V
};

// embedding is (count, dim), row-major, with dim = weights.dim and count * dim < 2^31. Every row
// is computed by the same operations in the same order, so without a scheme and without the mask
// identical rows of the embedding give bit-identical rows at every stage (self-attention is
// permutation-equivariant); with the mask, identical rows see different prefixes.
HeadStages run_head(const AttentionWeights& weights, const float* embedding, int count,
                    const HeadSetup& setup);

}  // namespace pe
