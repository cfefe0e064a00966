#pragma once
// GELU, the exact form torch.nn.functional.gelu computes by default (not GPT-2's tanh
// approximation): gelu(x) = x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)), Phi the standard normal's cdf
// (training/fast_math.hpp).
namespace pe {

// y[i] = gelu(x[i]) for i < count; cdf[i] = Phi(x[i]), kept for backward.
template <typename Real>
void gelu_forward(const Real* x, long count, Real* y, Real* cdf);

// d_x[i] = d_y[i] gelu'(x[i]), gelu'(x) = Phi(x) + x phi(x). d_x may be d_y.
template <typename Real>
void gelu_backward(const Real* x, const Real* cdf, const Real* d_y, long count, Real* d_x);

}  // namespace pe
