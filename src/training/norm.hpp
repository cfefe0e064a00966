#pragma once
// The norms before each sublayer and before the output layer (pre-norm), row by row over d values:
//   RMSNorm   y = x * rstd * gain,               rstd = 1 / sqrt(mean(x^2) + eps)
//   LayerNorm y = (x - mean) * rstd * gain + bias, rstd = 1 / sqrt(mean((x - mean)^2) + eps)
// with eps = kNormEpsilon. A vector p * (1, ..., 1) is all mean, so LayerNorm removes integer
// positions exactly; RMSNorm subtracts nothing, and they dominate the norm instead.
#include "training/model_shape.hpp"

namespace pe {

// x, y (rows, d); gain, bias (d) (bias unused by RMSNorm); mean, rstd (rows), kept for backward
// (mean is 0 under RMSNorm).
template <typename Real>
void norm_forward(NormKind kind, const Real* x, const Real* gain, const Real* bias, int rows, int d,
                  Real* y, Real* mean, Real* rstd);

// Backward, given dy (rows, d): d_x += dL/dx, d_gain += dL/dgain, d_bias += dL/dbias (LayerNorm).
// With xhat = (x - mean) * rstd and g = dy * gain:
//   RMSNorm   dx = rstd * (g - xhat * mean(g * xhat))
//   LayerNorm dx = rstd * (g - mean(g) - xhat * mean(g * xhat))
template <typename Real>
void norm_backward(NormKind kind, const Real* x, const Real* gain, const Real* mean,
                   const Real* rstd, const Real* dy, int rows, int d, Real* d_x, Real* d_gain,
                   Real* d_bias);

}  // namespace pe
