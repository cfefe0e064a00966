#include "training/matmul.hpp"

#include <cstring>

namespace pe {

namespace {

// Four values in one SIMD register (SSE natively, wasm simd128 with -msimd128; two registers for
// double): GCC and Clang's vector extension.
template <typename Real>
struct Lanes;
template <>
struct Lanes<float> {
  using Vector = float __attribute__((vector_size(16)));
};
template <>
struct Lanes<double> {
  using Vector = double __attribute__((vector_size(32)));
};

// Outputs rows r0 .. r0 + kRows - 1, columns c0 .. c0 + 4 kVectors - 1.
template <typename Real, int kRows, int kVectors>
void tile(const MatrixProduct<Real>& p, int r0, int c0) {
  using Vector = typename Lanes<Real>::Vector;
  const Real* lhs = p.lhs + r0 * p.row_step;
  const Real* rhs = p.rhs + c0;
  const long row_step = p.row_step, inner_step = p.inner_step, rhs_stride = p.rhs_stride;
  Vector sum[kRows][kVectors] = {};
  for (int k = 0; k < p.inner; ++k) {
    Vector b[kVectors];
#pragma GCC unroll 4
    for (int v = 0; v < kVectors; ++v)
      std::memcpy(&b[v], rhs + k * rhs_stride + 4 * v, sizeof b[v]);
#pragma GCC unroll 4
    for (int r = 0; r < kRows; ++r) {
      const Real a = lhs[r * row_step + k * inner_step];
#pragma GCC unroll 4
      for (int v = 0; v < kVectors; ++v) sum[r][v] += a * b[v];
    }
  }
  for (int r = 0; r < kRows; ++r) {
    Real* out = p.out + (r0 + r) * p.out_stride + c0;
    if (p.accumulate) {
      Vector old[kVectors];
      std::memcpy(old, out, sizeof old);
      for (int v = 0; v < kVectors; ++v) sum[r][v] += old[v];
    }
    std::memcpy(out, sum[r], sizeof sum[r]);
  }
}

// The columns past the last whole vector, one sum at a time.
template <typename Real>
void scalar_columns(const MatrixProduct<Real>& p, int r, int c0) {
  for (int c = c0; c < p.cols; ++c) {
    Real sum = 0;
    for (int k = 0; k < p.inner; ++k)
      sum += p.lhs[r * p.row_step + k * p.inner_step] * p.rhs[k * p.rhs_stride + c];
    Real& out = p.out[r * p.out_stride + c];
    out = p.accumulate ? out + sum : sum;
  }
}

// Every column of rows r0 .. r0 + kRows - 1: 16 at a time, then 8, then 4, then one by one.
template <typename Real, int kRows>
void row_block(const MatrixProduct<Real>& p, int r0) {
  int c = 0;
  for (; c + 16 <= p.cols; c += 16) tile<Real, kRows, 4>(p, r0, c);
  if (c + 8 <= p.cols) tile<Real, kRows, 2>(p, r0, c), c += 8;
  if (c + 4 <= p.cols) tile<Real, kRows, 1>(p, r0, c), c += 4;
  for (int r = r0; r < r0 + kRows; ++r) scalar_columns(p, r, c);
}

}  // namespace

template <typename Real>
void multiply(const MatrixProduct<Real>& product) {
  int r = 0;
  for (; r + 2 <= product.rows; r += 2) row_block<Real, 2>(product, r);
  if (r < product.rows) row_block<Real, 1>(product, r);
}

template void multiply<float>(const MatrixProduct<float>&);
template void multiply<double>(const MatrixProduct<double>&);

}  // namespace pe
