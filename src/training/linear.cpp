#include "training/linear.hpp"

#include "training/matmul.hpp"

namespace pe {

template <typename Real>
void linear_forward(const Real* in, const Real* weight, int rows, int in_cols, int out_cols,
                    Real* out) {
  multiply<Real>({in, in_cols, 1, weight, out_cols, rows, in_cols, out_cols, out, out_cols, false});
}

template <typename Real>
void linear_backward(const Real* in, const Real* weight_t, const Real* d_out, int rows, int in_cols,
                     int out_cols, Real* d_in, Real* d_weight) {
  multiply<Real>(
      {d_out, out_cols, 1, weight_t, in_cols, rows, out_cols, in_cols, d_in, in_cols, false});
  // d_weight (in_cols, out_cols) += in^T d_out: lhs is in, read transposed.
  multiply<Real>(
      {in, 1, in_cols, d_out, out_cols, in_cols, rows, out_cols, d_weight, out_cols, true});
}

template <typename Real>
void transpose(const Real* in, int rows, int cols, Real* out) {
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      out[static_cast<long>(c) * rows + r] = in[static_cast<long>(r) * cols + c];
}

template void linear_forward<float>(const float*, const float*, int, int, int, float*);
template void linear_forward<double>(const double*, const double*, int, int, int, double*);
template void linear_backward<float>(const float*, const float*, const float*, int, int, int,
                                     float*, float*);
template void linear_backward<double>(const double*, const double*, const double*, int, int, int,
                                      double*, double*);
template void transpose<float>(const float*, int, int, float*);
template void transpose<double>(const double*, int, int, double*);

}  // namespace pe
