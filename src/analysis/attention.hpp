#pragma once
// One head of scaled dot-product self-attention ("Attention Is All You Need", section 3.2.1):
//   context = softmax(Q K^T / sqrt(dim) + mask) V,  Q = X W_q,  K = X W_k,  V = X W_v
#include <vector>

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

// x and context are (count, dim), row-major; dim is weights.dim and count * dim < 2^31. With
// causal, token i attends to tokens 0 .. i only. Every row is computed by the same operations in
// the same order, so without the mask identical rows of x give bit-identical rows of context
// (self-attention is permutation-equivariant); with it, identical rows see different prefixes and
// differ.
void self_attention(const AttentionWeights& weights, const float* x, int count, bool causal,
                    float* context);

}  // namespace pe
