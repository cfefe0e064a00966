#include "training/gelu.hpp"

#include "training/fast_math.hpp"

namespace pe {

template <typename Real>
void gelu_forward(const Real* x, long count, Real* y, Real* cdf) {
  for (long i = 0; i < count; ++i) {
    cdf[i] = normal_cdf(x[i]);
    y[i] = x[i] * cdf[i];
  }
}

template <typename Real>
void gelu_backward(const Real* x, const Real* cdf, const Real* d_y, long count, Real* d_x) {
  for (long i = 0; i < count; ++i) d_x[i] = d_y[i] * (cdf[i] + x[i] * normal_pdf(x[i]));
}

template void gelu_forward<float>(const float*, long, float*, float*);
template void gelu_forward<double>(const double*, long, double*, double*);
template void gelu_backward<float>(const float*, const float*, const float*, long, float*);
template void gelu_backward<double>(const double*, const double*, const double*, long, double*);

}  // namespace pe
