#pragma once
// The one matrix product every layer of the trainer runs on (the linear layers, and each head's
// scores and weighted values): out (rows, cols) = lhs (rows, inner) rhs (inner, cols), or += with
// accumulate. rhs and out are row-major with their own row strides; lhs is read through two
// steps, lhs(r, k) = lhs[r * row_step + k * inner_step], so it can be a matrix as stored
// (row_step = its row length, inner_step = 1) or one read transposed (row_step = 1, inner_step =
// the stored row length).
//
// Outputs are computed in tiles of 2 rows x 16 columns (then 8, then 4, then one by one) whose
// sums stay in SIMD registers over the whole inner loop. Lanes never mix: each output is one sum
// over k = 0, 1, 2, ... in order, the same bits as a plain loop, whatever the vector width.
namespace pe {

template <typename Real>
struct MatrixProduct {
  const Real* lhs;
  long row_step, inner_step;
  const Real* rhs;
  long rhs_stride;
  int rows, inner, cols;
  Real* out;
  long out_stride;
  bool accumulate;
};

template <typename Real>
void multiply(const MatrixProduct<Real>& product);

}  // namespace pe
