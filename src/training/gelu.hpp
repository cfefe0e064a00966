#pragma once
// GELU, the exact form torch.nn.functional.gelu computes by default (not GPT-2's tanh
// approximation): gelu(x) = x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2)).
namespace pe {

// y[i] = gelu(x[i]) for i < count.
template <typename Real>
void gelu_forward(const Real* x, long count, Real* y);

// d_x[i] = d_y[i] * gelu'(x[i]), gelu'(x) = Phi(x) + x phi(x), phi(x) = exp(-x^2 / 2) / sqrt(2 pi).
template <typename Real>
void gelu_backward(const Real* x, const Real* d_y, long count, Real* d_x);

}  // namespace pe
