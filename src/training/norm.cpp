#include "training/norm.hpp"

#include <cmath>

namespace pe {

template <typename Real>
void norm_forward(NormKind kind, const Real* x, const Real* gain, const Real* bias, int rows, int d,
                  Real* y, Real* mean, Real* rstd) {
  const bool layer = kind == NormKind::layer;
  for (int r = 0; r < rows; ++r) {
    const Real* xr = x + static_cast<long>(r) * d;
    Real* yr = y + static_cast<long>(r) * d;
    Real m = 0;
    if (layer) {
      for (int i = 0; i < d; ++i) m += xr[i];
      m /= d;
    }
    Real variance = 0;  // mean((x - m)^2); mean(x^2) for RMSNorm, where m = 0
    for (int i = 0; i < d; ++i) variance += (xr[i] - m) * (xr[i] - m);
    variance /= d;
    const Real s = Real(1) / std::sqrt(variance + static_cast<Real>(kNormEpsilon));
    for (int i = 0; i < d; ++i) yr[i] = (xr[i] - m) * s * gain[i] + (layer ? bias[i] : Real(0));
    mean[r] = m;
    rstd[r] = s;
  }
}

template <typename Real>
void norm_backward(NormKind kind, const Real* x, const Real* gain, const Real* mean,
                   const Real* rstd, const Real* dy, int rows, int d, Real* d_x, Real* d_gain,
                   Real* d_bias) {
  const bool layer = kind == NormKind::layer;
  for (int r = 0; r < rows; ++r) {
    const Real* xr = x + static_cast<long>(r) * d;
    const Real* dyr = dy + static_cast<long>(r) * d;
    Real* dxr = d_x + static_cast<long>(r) * d;
    const Real m = mean[r], s = rstd[r];
    Real g_mean = 0, g_xhat_mean = 0;  // mean(g), mean(g * xhat), g = dy * gain
    for (int i = 0; i < d; ++i) {
      const Real xhat = (xr[i] - m) * s;
      const Real g = dyr[i] * gain[i];
      g_mean += g;
      g_xhat_mean += g * xhat;
      d_gain[i] += dyr[i] * xhat;
      if (layer) d_bias[i] += dyr[i];
    }
    g_mean = layer ? g_mean / d : Real(0);
    g_xhat_mean /= d;
    for (int i = 0; i < d; ++i) {
      const Real xhat = (xr[i] - m) * s;
      dxr[i] += s * (dyr[i] * gain[i] - g_mean - xhat * g_xhat_mean);
    }
  }
}

template void norm_forward<float>(NormKind, const float*, const float*, const float*, int, int,
                                  float*, float*, float*);
template void norm_forward<double>(NormKind, const double*, const double*, const double*, int, int,
                                   double*, double*, double*);
template void norm_backward<float>(NormKind, const float*, const float*, const float*, const float*,
                                   const float*, int, int, float*, float*, float*);
template void norm_backward<double>(NormKind, const double*, const double*, const double*,
                                    const double*, const double*, int, int, double*, double*,
                                    double*);

}  // namespace pe
