#include "training/self_attention.hpp"

#include <algorithm>
#include <cmath>

#include "training/fast_math.hpp"
#include "training/matmul.hpp"

namespace pe {

namespace {

// out (head_dim, count): column j is head h's slice of row j of rows (count rows of stride values).
template <typename Real>
void gather_transposed(const Real* rows, long stride, int count, int head_dim, Real* out) {
  for (int j = 0; j < count; ++j)
    for (int c = 0; c < head_dim; ++c) out[static_cast<long>(c) * count + j] = rows[j * stride + c];
}

// Scores row i of one head into attention weights: scaled, biased, softmax over the keys in view
// (the maximum subtracted first), zero past them.
template <typename Real>
void weights_row(Real* row, int count, int keys, Real scale, const Real* bias) {
  for (int j = 0; j < keys; ++j) row[j] = row[j] * scale + (bias ? bias[j] : Real(0));
  const Real top = *std::max_element(row, row + keys);
  for (int j = 0; j < keys; ++j) row[j] = exp_of(row[j] - top);  // apart from the sum: vectorises
  Real total = 0;
  for (int j = 0; j < keys; ++j) total += row[j];
  const Real inverse = Real(1) / total;
  for (int j = 0; j < keys; ++j) row[j] *= inverse;
  std::fill(row + keys, row + count, Real(0));
}

}  // namespace

template <typename Real>
void attention_forward(const Real* qkv, int count, const ModelShape& shape,
                       const PositionTerms<Real>& terms, Real* weights, Real* context,
                       Real* scratch) {
  const int d = shape.d_model, hd = shape.head_dim(), n = count;
  const long stride = 3L * d;
  const Real scale = Real(1) / std::sqrt(static_cast<Real>(hd));
  for (int h = 0; h < shape.heads; ++h) {
    const Real *q = qkv + h * hd, *k = q + d, *v = q + 2 * d;
    Real* a = weights + static_cast<long>(h) * n * n;  // (count, count)
    Real* keys_t = scratch;                            // (hd, count): K^T of head h
    gather_transposed(k, stride, n, hd, keys_t);
    multiply<Real>({q, stride, 1, keys_t, n, n, hd, n, a, n, false});  // Q K^T
    for (int i = 0; i < n; ++i)
      weights_row(a + static_cast<long>(i) * n, n, shape.causal ? i + 1 : n, scale,
                  terms.bias_row(h, i));
    multiply<Real>({a, n, 1, v, stride, n, n, hd, context + h * hd, d, false});  // A V
  }
}

template <typename Real>
void attention_backward(const Real* qkv, const Real* weights, const Real* d_context, int count,
                        const ModelShape& shape, Real* d_qkv, Real* scratch) {
  const int d = shape.d_model, hd = shape.head_dim(), n = count;
  const long stride = 3L * d;
  const Real scale = Real(1) / std::sqrt(static_cast<Real>(hd));
  for (int h = 0; h < shape.heads; ++h) {
    const Real *q = qkv + h * hd, *k = q + d, *v = q + 2 * d, *dc = d_context + h * hd;
    const Real* a = weights + static_cast<long>(h) * n * n;
    Real *dq = d_qkv + h * hd, *dk = dq + d, *dv = dq + 2 * d;
    Real* values_t = scratch;                        // (hd, count): V^T of head h
    Real* ds = scratch + static_cast<long>(hd) * n;  // (count, count): dA, then dS
    gather_transposed(v, stride, n, hd, values_t);
    multiply<Real>({dc, d, 1, values_t, n, n, hd, n, ds, n, false});  // dA = dC V^T
    multiply<Real>({a, 1, n, dc, d, n, n, hd, dv, stride, false});    // dV = A^T dC
    for (int i = 0; i < n; ++i) {
      const Real* a_row = a + static_cast<long>(i) * n;
      Real* row = ds + static_cast<long>(i) * n;
      Real weighted = 0;  // sum_j A_ij dA_ij; A is 0 on the keys the mask hides, so dS is too
      for (int j = 0; j < n; ++j) weighted += a_row[j] * row[j];
      for (int j = 0; j < n; ++j) row[j] = a_row[j] * (row[j] - weighted) * scale;
    }
    multiply<Real>({ds, n, 1, k, stride, n, n, hd, dq, stride, false});  // dQ = dS K
    multiply<Real>({ds, 1, n, q, stride, n, n, hd, dk, stride, false});  // dK = dS^T Q
  }
}

template void attention_forward<float>(const float*, int, const ModelShape&,
                                       const PositionTerms<float>&, float*, float*, float*);
template void attention_forward<double>(const double*, int, const ModelShape&,
                                        const PositionTerms<double>&, double*, double*, double*);
template void attention_backward<float>(const float*, const float*, const float*, int,
                                        const ModelShape&, float*, float*);
template void attention_backward<double>(const double*, const double*, const double*, int,
                                         const ModelShape&, double*, double*);

}  // namespace pe
