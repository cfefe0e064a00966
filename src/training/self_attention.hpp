#pragma once
// Multi-head self-attention over one sequence of count tokens, forward and backward. Head h reads
// columns h * head_dim .. of the queries, keys and values; per head:
//   S = Q K^T / sqrt(head_dim) + B      B: the scores scheme's bias (ALiBi), if any
//   A = softmax(S) row by row, over keys 0 .. i under the causal mask, all keys without it
//   context = A V
// Queries and keys arrive already turned by a query_key scheme (training/position_terms.hpp).
#include "training/model_shape.hpp"
#include "training/position_terms.hpp"

namespace pe {

// The scratch either pass needs for a sequence of count tokens: K^T or V^T of one head, and dA.
inline long attention_scratch(const ModelShape& shape, int count) {
  return (static_cast<long>(shape.head_dim()) + count) * count;
}

// qkv (count, 3 d): queries | keys | values. weights (heads, count, count): row i of head h is
// A[i][.], zero past the keys it sees. context (count, d). scratch: attention_scratch(count)
// values. Each head's products are matrix products (training/matmul.hpp); under the causal mask
// the hidden half of the scores is computed too, and weighted by 0.
template <typename Real>
void attention_forward(const Real* qkv, int count, const ModelShape& shape,
                       const PositionTerms<Real>& terms, Real* weights, Real* context,
                       Real* scratch);

// Backward, given d_context (count, d): d_qkv (count, 3 d), overwritten, gets the gradients of
// the (turned) queries and keys and of the values. With dA = dC V^T:
//   dV = A^T dC;  dS = A * (dA - rowsum(A * dA));  dQ = dS K / sqrt(hd);  dK = dS^T Q / sqrt(hd).
template <typename Real>
void attention_backward(const Real* qkv, const Real* weights, const Real* d_context, int count,
                        const ModelShape& shape, Real* d_qkv, Real* scratch);

}  // namespace pe
