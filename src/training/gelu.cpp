#include "training/gelu.hpp"

#include <cmath>

namespace pe {

namespace {

constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kInverseSqrtTwoPi = 0.39894228040143267794;

}  // namespace

template <typename Real>
void gelu_forward(const Real* x, long count, Real* y) {
  for (long i = 0; i < count; ++i)
    y[i] = Real(0.5) * x[i] * (Real(1) + std::erf(x[i] * static_cast<Real>(kSqrtHalf)));
}

template <typename Real>
void gelu_backward(const Real* x, const Real* d_y, long count, Real* d_x) {
  for (long i = 0; i < count; ++i) {
    const Real cdf = Real(0.5) * (Real(1) + std::erf(x[i] * static_cast<Real>(kSqrtHalf)));
    const Real pdf = static_cast<Real>(kInverseSqrtTwoPi) * std::exp(Real(-0.5) * x[i] * x[i]);
    d_x[i] = d_y[i] * (cdf + x[i] * pdf);
  }
}

template void gelu_forward<float>(const float*, long, float*);
template void gelu_forward<double>(const double*, long, double*);
template void gelu_backward<float>(const float*, const float*, long, float*);
template void gelu_backward<double>(const double*, const double*, long, double*);

}  // namespace pe
