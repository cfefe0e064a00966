#pragma once
// One head of scaled dot-product self-attention ("Attention Is All You Need", section 3.2.1),
// with a position scheme acting at its own stage (positions/position_scheme.hpp):
//   X = E + P                         input schemes add their table P (zeros for the others)
//   Q = X W_q,  K = X W_k,  V = X W_v  query_key schemes then rotate Q and K by position
//   S = Q K^T / sqrt(dim)             scores schemes then add their bias; the causal mask hides
//                                     keys after the query
//   A = softmax(S), row by row;  context = A V
// Every stage can be kept (run_head), so a reader can see at which one two copies of a word come
// apart; Head hands out the weights and outputs a block of rows at a time instead.
#include <cstdint>
#include <tuple>
#include <vector>

#include "core/fields.hpp"
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
constexpr auto fields_of(const AttentionWeights&) {
  return std::tuple{field<&AttentionWeights::query>("query"), field<&AttentionWeights::key>("key"),
                    field<&AttentionWeights::value>("value")};
}

// Where the head runs: the scheme acting at its stage, the first token's position and the mask.
struct HeadSetup {
  const PositionScheme* scheme = nullptr;
  SchemeOptions scheme_options;
  std::int64_t start = 0;  // token r sits at position start + r
  bool causal = false;     // token i attends to tokens 0 .. i only
};

// Every stage of one run. Tables are (count, dim), row-major: row r belongs to token r.
// output_rounding[r] bounds how far float32 rounding can have moved output row r from its value
// in exact arithmetic (L2), for comparing rows summed over different keys: under the causal mask
// row r is a sum of r + 1 weighted value rows, so two rows equal in exact arithmetic but summed
// over prefixes of different lengths come out a little apart. For a row over k keys the bound is
//   (min(k, 32) + chunks + 4) * 2^-24 * sum_j w_rj |v_j|,   chunks = ceil(k / 32),
// the first-order error of a float32 sum run a chunk of 32 terms at a time, then the chunks'
// totals, plus the rounding of each product (1) and of each weight from softmax (at most 4: the
// exponential's 2e-7 and the division). Without the mask
// every row is summed over the same keys in the same order, so rows equal in exact arithmetic
// are bit-equal: the bound is 0 there, as it is for every other stage.
struct HeadStages {
  std::vector<float> positions;  // P: the scheme's table, zeros unless it acts on the input
  std::vector<float> input;      // X = E + P
  std::vector<float> query;      // x W_q, rotated for query_key schemes (before / sqrt(dim))
  std::vector<float> key;        // x W_k, rotated for query_key schemes
  std::vector<float> weights;    // (count, count): row i is query i's attention over the keys
  std::vector<float> context;    // A V
  std::vector<double> output_rounding;  // (count): see above
};

// The head up to its scores: queries (scaled by 1 / sqrt(dim)), keys and values of every token,
// ready to attend any rows of queries. The (count, count) weights are the one table that grows
// with the square of the tokens (16 MiB at 2048), so callers take them a block of rows at a time
// (attend) and keep only what they need; run_head below keeps everything.
class Head {
 public:
  // embedding is (count, dim), row-major, with dim = weights.dim and count * dim < 2^31. With
  // stages, its positions, input, query and key are filled in (the rest is attend's).
  Head(const AttentionWeights& weights, const float* embedding, int count, const HeadSetup& setup,
       HeadStages* stages = nullptr);

  // Rows first .. first + rows - 1 of the attention weights (rows * count values) and of the
  // outputs (rows * dim; skipped when context is null) with their output_rounding (rows; skipped
  // when null), computed exactly as for the whole table: any block gives the same bits.
  void attend(int first, int rows, float* weights, float* context, double* output_rounding) const;

  // Rows per attend call that keep a block of weights near 1 MiB, in whole tiles.
  int block_rows() const;

 private:
  const PositionScheme& scheme_;
  HeadSetup setup_;
  int dim_, count_, width_, keys_width_;
  std::vector<float> query_;         // (rows, width), padded: x W_q (rotated) / sqrt(dim)
  std::vector<float> key_t_;         // (dim, keys_width): row c = component c of every key
  std::vector<float> value_;         // (rows, width), padded
  std::vector<double> value_norms_;  // |v_j|, for output_rounding under the causal mask
};

// Every stage of the head at once. Every row is computed by the same operations in the same
// order, so without a scheme and without the mask identical rows of the embedding give
// bit-identical rows at every stage (self-attention is permutation-equivariant); with the mask,
// identical rows see different prefixes.
HeadStages run_head(const AttentionWeights& weights, const float* embedding, int count,
                    const HeadSetup& setup);

}  // namespace pe
