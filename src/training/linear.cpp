#include "training/linear.hpp"

#include <cstring>

namespace pe {

namespace {

// Four values in one SIMD register (SSE natively, wasm simd128 with -msimd128; two registers for
// double): GCC and Clang's vector extension. Lanes never mix, so each output is one sum over k in
// order 0, 1, 2, ..., whatever the tile: the same bits as a plain loop.
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

// A product out (rows, cols) = lhs (rows, inner) rhs (inner, cols), where rhs and out are
// row-major with cols values a row and lhs(r, k) = lhs[r * row_step + k * inner_step], so lhs can
// be read as it is (row_step = inner, inner_step = 1) or transposed (row_step = 1, inner_step =
// the stored row length). With accumulate, the product is added to out.
template <typename Real>
struct Product {
  const Real* lhs;
  long row_step, inner_step;
  const Real* rhs;
  int rows, inner, cols;
  Real* out;
  bool accumulate;
};

// Outputs rows r0 .. r0 + kRows - 1, columns c0 .. c0 + 4 kVectors - 1, their sums held in
// registers over the whole inner loop.
template <typename Real, int kRows, int kVectors>
void tile(const Product<Real>& p, int r0, int c0) {
  using Vector = typename Lanes<Real>::Vector;
  const Real* lhs = p.lhs + r0 * p.row_step;
  const Real* rhs = p.rhs + c0;
  const long row_step = p.row_step, inner_step = p.inner_step, cols = p.cols;
  Vector sum[kRows][kVectors] = {};
  for (int k = 0; k < p.inner; ++k) {
    Vector b[kVectors];
#pragma GCC unroll 4
    for (int v = 0; v < kVectors; ++v) std::memcpy(&b[v], rhs + k * cols + 4 * v, sizeof b[v]);
#pragma GCC unroll 4
    for (int r = 0; r < kRows; ++r) {
      const Real a = lhs[r * row_step + k * inner_step];
#pragma GCC unroll 4
      for (int v = 0; v < kVectors; ++v) sum[r][v] += a * b[v];
    }
  }
  for (int r = 0; r < kRows; ++r) {
    Real* out = p.out + static_cast<long>(r0 + r) * cols + c0;
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
void scalar_columns(const Product<Real>& p, int r, int c0) {
  for (int c = c0; c < p.cols; ++c) {
    Real sum = 0;
    for (int k = 0; k < p.inner; ++k)
      sum += p.lhs[r * p.row_step + k * p.inner_step] * p.rhs[static_cast<long>(k) * p.cols + c];
    Real& out = p.out[static_cast<long>(r) * p.cols + c];
    out = p.accumulate ? out + sum : sum;
  }
}

// Every column of rows r0 .. r0 + kRows - 1: 16 at a time, then 8, then 4, then one by one.
template <typename Real, int kRows>
void row_block(const Product<Real>& p, int r0) {
  int c = 0;
  for (; c + 16 <= p.cols; c += 16) tile<Real, kRows, 4>(p, r0, c);
  if (c + 8 <= p.cols) tile<Real, kRows, 2>(p, r0, c), c += 8;
  if (c + 4 <= p.cols) tile<Real, kRows, 1>(p, r0, c), c += 4;
  for (int r = r0; r < r0 + kRows; ++r) scalar_columns(p, r, c);
}

template <typename Real>
void multiply(const Product<Real>& p) {
  int r = 0;
  for (; r + 2 <= p.rows; r += 2) row_block<Real, 2>(p, r);
  if (r < p.rows) row_block<Real, 1>(p, r);
}

}  // namespace

template <typename Real>
void linear_forward(const Real* in, const Real* weight, int rows, int in_cols, int out_cols,
                    Real* out) {
  multiply<Real>({in, in_cols, 1, weight, rows, in_cols, out_cols, out, false});
}

template <typename Real>
void linear_backward(const Real* in, const Real* weight_t, const Real* d_out, int rows, int in_cols,
                     int out_cols, Real* d_in, Real* d_weight) {
  multiply<Real>({d_out, out_cols, 1, weight_t, rows, out_cols, in_cols, d_in, false});
  // d_weight (in_cols, out_cols) += in^T d_out: lhs is in read transposed.
  multiply<Real>({in, 1, in_cols, d_out, in_cols, rows, out_cols, d_weight, true});
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
