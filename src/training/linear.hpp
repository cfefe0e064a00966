#pragma once
// The linear layers' products, forward and backward (no bias: the model has none, as Llama).
// Matrices are (in, out), row-major, applied to row vectors: out = in W. Each is one call of
// training/matmul.hpp's tiled product.
namespace pe {

// out (rows, out_cols) = in (rows, in_cols) W (in_cols, out_cols).
template <typename Real>
void linear_forward(const Real* in, const Real* weight, int rows, int in_cols, int out_cols,
                    Real* out);

// Backward of linear_forward, given d_out (rows, out_cols):
//   d_in (rows, in_cols) = d_out W^T, from weight_t = W^T (out_cols, in_cols) (overwritten);
//   d_weight (in_cols, out_cols) += in^T d_out.
template <typename Real>
void linear_backward(const Real* in, const Real* weight_t, const Real* d_out, int rows, int in_cols,
                     int out_cols, Real* d_in, Real* d_weight);

// out (cols, rows) = in^T for in (rows, cols).
template <typename Real>
void transpose(const Real* in, int rows, int cols, Real* out);

}  // namespace pe
