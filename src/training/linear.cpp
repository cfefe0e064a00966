#include "training/linear.hpp"

#include <algorithm>

namespace pe {

namespace {

// y[0 .. n) += a x[0 .. n)
template <typename Real>
inline void axpy(Real a, const Real* __restrict x, int n, Real* __restrict y) {
  for (int i = 0; i < n; ++i) y[i] += a * x[i];
}

}  // namespace

template <typename Real>
void linear_forward(const Real* in, const Real* weight, int rows, int in_cols, int out_cols,
                    Real* out) {
  for (int r = 0; r < rows; ++r) {
    const Real* x = in + static_cast<long>(r) * in_cols;
    Real* y = out + static_cast<long>(r) * out_cols;
    std::fill(y, y + out_cols, Real(0));
    for (int c = 0; c < in_cols; ++c)
      axpy(x[c], weight + static_cast<long>(c) * out_cols, out_cols, y);
  }
}

template <typename Real>
void linear_backward(const Real* in, const Real* weight_t, const Real* d_out, int rows, int in_cols,
                     int out_cols, Real* d_in, Real* d_weight) {
  for (int r = 0; r < rows; ++r) {
    const Real* x = in + static_cast<long>(r) * in_cols;
    const Real* dy = d_out + static_cast<long>(r) * out_cols;
    Real* dx = d_in + static_cast<long>(r) * in_cols;
    std::fill(dx, dx + in_cols, Real(0));
    for (int o = 0; o < out_cols; ++o)
      axpy(dy[o], weight_t + static_cast<long>(o) * in_cols, in_cols, dx);
    for (int c = 0; c < in_cols; ++c)
      axpy(x[c], dy, out_cols, d_weight + static_cast<long>(c) * out_cols);
  }
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
