#include "training/self_attention.hpp"

#include <algorithm>
#include <cmath>

#include "training/fast_math.hpp"

namespace pe {

namespace {

// y[0 .. n) += a x[0 .. n)
template <typename Real>
inline void axpy(Real a, const Real* __restrict x, int n, Real* __restrict y) {
  for (int i = 0; i < n; ++i) y[i] += a * x[i];
}

// out (head_dim, count): column j is head h's slice of row j of rows (count rows of stride values).
template <typename Real>
void gather_transposed(const Real* rows, int stride, int count, int head_dim, Real* out) {
  for (int j = 0; j < count; ++j)
    for (int c = 0; c < head_dim; ++c)
      out[static_cast<long>(c) * count + j] = rows[static_cast<long>(j) * stride + c];
}

// Softmax of row[0 .. n) in place, the maximum subtracted first.
template <typename Real>
void softmax_row(Real* row, int n) {
  const Real top = *std::max_element(row, row + n);
  for (int j = 0; j < n; ++j) row[j] = exp_of(row[j] - top);  // apart from the sum: vectorises
  Real total = 0;
  for (int j = 0; j < n; ++j) total += row[j];
  const Real inverse = Real(1) / total;
  for (int j = 0; j < n; ++j) row[j] *= inverse;
}

}  // namespace

template <typename Real>
void attention_forward(const Real* qkv, int count, const ModelShape& shape,
                       const PositionTerms<Real>& terms, Real* weights, Real* context,
                       Real* scratch) {
  const int d = shape.d_model, hd = shape.head_dim(), stride = 3 * d;
  const Real scale = Real(1) / std::sqrt(static_cast<Real>(hd));
  for (int h = 0; h < shape.heads; ++h) {
    Real* keys_t = scratch;  // (hd, count): K^T of head h
    gather_transposed(qkv + d + h * hd, stride, count, hd, keys_t);
    for (int i = 0; i < count; ++i) {
      const Real* q = qkv + static_cast<long>(i) * stride + h * hd;
      Real* a = weights + (static_cast<long>(h) * count + i) * count;
      const int keys = shape.causal ? i + 1 : count;
      std::fill(a, a + count, Real(0));
      for (int c = 0; c < hd; ++c) axpy(q[c], keys_t + static_cast<long>(c) * count, keys, a);
      const Real* bias = terms.bias_row(h, i);
      for (int j = 0; j < keys; ++j) a[j] = a[j] * scale + (bias ? bias[j] : Real(0));
      softmax_row(a, keys);
      Real* out = context + static_cast<long>(i) * d + h * hd;
      std::fill(out, out + hd, Real(0));
      for (int j = 0; j < keys; ++j)
        axpy(a[j], qkv + static_cast<long>(j) * stride + 2 * d + h * hd, hd, out);
    }
  }
}

template <typename Real>
void attention_backward(const Real* qkv, const Real* weights, const Real* d_context, int count,
                        const ModelShape& shape, Real* d_qkv, Real* scratch) {
  const int d = shape.d_model, hd = shape.head_dim(), stride = 3 * d;
  const Real scale = Real(1) / std::sqrt(static_cast<Real>(hd));
  std::fill(d_qkv, d_qkv + static_cast<long>(count) * stride, Real(0));
  for (int h = 0; h < shape.heads; ++h) {
    Real* values_t = scratch;                                  // (hd, count): V^T of head h
    Real* d_scores = scratch + static_cast<long>(hd) * count;  // (count): one row of dA, then dS
    gather_transposed(qkv + 2 * d + h * hd, stride, count, hd, values_t);
    for (int i = 0; i < count; ++i) {
      const Real* a = weights + (static_cast<long>(h) * count + i) * count;
      const Real* dc = d_context + static_cast<long>(i) * d + h * hd;
      const int keys = shape.causal ? i + 1 : count;
      std::fill(d_scores, d_scores + keys, Real(0));
      for (int c = 0; c < hd; ++c)
        axpy(dc[c], values_t + static_cast<long>(c) * count, keys, d_scores);
      Real weighted = 0;  // sum_j A_ij dA_ij
      for (int j = 0; j < keys; ++j) weighted += a[j] * d_scores[j];
      for (int j = 0; j < keys; ++j) d_scores[j] = a[j] * (d_scores[j] - weighted) * scale;
      const Real* q = qkv + static_cast<long>(i) * stride + h * hd;
      Real* dq = d_qkv + static_cast<long>(i) * stride + h * hd;
      for (int j = 0; j < keys; ++j) {
        const long row = static_cast<long>(j) * stride + h * hd;
        axpy(d_scores[j], qkv + row + d, hd, dq);   // dQ_i += dS_ij K_j
        axpy(d_scores[j], q, hd, d_qkv + row + d);  // dK_j += dS_ij Q_i
        axpy(a[j], dc, hd, d_qkv + row + 2 * d);    // dV_j += A_ij dC_i
      }
    }
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
