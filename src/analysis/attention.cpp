#include "analysis/attention.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "analysis/random.hpp"
#include "analysis/softmax.hpp"

namespace pe {

namespace {

constexpr std::uint64_t kQuerySeed = 1, kKeySeed = 2, kValueSeed = 3;

// Every matrix product (the projections, Q K^T and P V) runs through multiply(), which works in
// tiles of kTileRows x kTileColumns outputs whose sums stay in SIMD registers. Operands are
// padded with zeros to whole tiles, so no tile needs an edge case.
constexpr int kTileRows = 2;
constexpr int kTileColumns = 16;

// Four floats in one SIMD register (SSE natively, wasm simd128): GCC and Clang's vector
// extension. With plain float arrays GCC keeps the tile's sums in memory, 3x slower; lanes never
// mix, so every sum is still one sum in a fixed order.
using Float4 = float __attribute__((vector_size(16)));
constexpr int kTileVectors = kTileColumns / 4;

int round_up(int n, int multiple) { return (n + multiple - 1) / multiple * multiple; }

std::vector<float> uniform_matrix(int dim, std::uint64_t seed) {
  const double bound = std::sqrt(3.0 / dim);
  SplitMix64 random(seed);
  std::vector<float> matrix(static_cast<std::size_t>(dim) * dim);
  for (float& w : matrix) w = static_cast<float>(bound * (2.0 * random.next_unit() - 1.0));
  return matrix;
}

// c = a b: a is (rows, inner), b is (inner, cols), c is (rows, cols), each row-major with its
// own row stride; rows is a multiple of kTileRows, cols of kTileColumns. Every c[r][j] is one
// sum over k = 0 .. inner-1 in order, so equal rows of a give bit-identical rows of c.
void multiply(const float* a, int a_stride, const float* b, int b_stride, int rows, int inner,
              int cols, float* c, int c_stride) {
  for (int r0 = 0; r0 < rows; r0 += kTileRows) {
    for (int j0 = 0; j0 < cols; j0 += kTileColumns) {
      Float4 sum[kTileRows][kTileVectors] = {};
      for (int k = 0; k < inner; ++k) {
        Float4 b_k[kTileVectors];  // b[k][j0 .. j0 + kTileColumns), unaligned
        std::memcpy(b_k, b + k * b_stride + j0, sizeof b_k);
        for (int r = 0; r < kTileRows; ++r) {
          const float a_rk = a[(r0 + r) * a_stride + k];
          for (int v = 0; v < kTileVectors; ++v) sum[r][v] += a_rk * b_k[v];
        }
      }
      for (int r = 0; r < kTileRows; ++r)
        std::memcpy(c + (r0 + r) * c_stride + j0, sum[r], sizeof sum[r]);
    }
  }
}

// Copies in, (rows, cols) with row stride in_stride, into out with row stride out_stride,
// multiplying by scale.
void copy_rows(const float* in, int in_stride, int rows, int cols, float scale, float* out,
               int out_stride) {
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) out[r * out_stride + c] = scale * in[r * in_stride + c];
}

// out = in^T: in is (rows, cols) with row stride in_stride, out (cols, rows) with out_stride.
void transpose(const float* in, int in_stride, int rows, int cols, float* out, int out_stride) {
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) out[c * out_stride + r] = in[r * in_stride + c];
}

}  // namespace

AttentionWeights make_attention_weights(int dim) {
  return {dim, uniform_matrix(dim, kQuerySeed), uniform_matrix(dim, kKeySeed),
          uniform_matrix(dim, kValueSeed)};
}

void self_attention(const AttentionWeights& weights, const float* x, int count, bool causal,
                    float* context) {
  const int dim = weights.dim;
  const int rows = round_up(count, kTileRows);           // tokens, padded
  const int width = round_up(dim, kTileColumns);         // components, padded
  const int keys_width = round_up(count, kTileColumns);  // keys as columns of K^T, padded

  // One zeroed allocation for all scratch, in the order it is taken below; the zeros are the
  // padding.
  std::vector<float> scratch(static_cast<std::size_t>(rows) * dim + 3 * dim * width +
                             3 * rows * width + dim * keys_width + kTileRows * keys_width +
                             kTileRows * width);
  float* next = scratch.data();
  const auto take = [&next](int size) { return std::exchange(next, next + size); };
  float* x_padded = take(rows * dim);     // (rows, dim)
  float* w_query = take(dim * width);     // (dim, width), already / sqrt(dim)
  float* w_key = take(dim * width);       // (dim, width)
  float* w_value = take(dim * width);     // (dim, width)
  float* query = take(rows * width);      // (rows, width)
  float* key = take(rows * width);        // (rows, width)
  float* value = take(rows * width);      // (rows, width)
  float* key_t = take(dim * keys_width);  // (dim, keys_width): row c = component c of keys
  float* weights_tile = take(kTileRows * keys_width);  // (kTileRows, keys_width)
  float* context_tile = take(kTileRows * width);       // (kTileRows, width)

  copy_rows(x, dim, count, dim, 1.0f, x_padded, dim);
  // Scaling W_q scales every score: q.k / sqrt(dim).
  copy_rows(weights.query.data(), dim, dim, dim, 1.0f / std::sqrt(static_cast<float>(dim)), w_query,
            width);
  copy_rows(weights.key.data(), dim, dim, dim, 1.0f, w_key, width);
  copy_rows(weights.value.data(), dim, dim, dim, 1.0f, w_value, width);
  multiply(x_padded, dim, w_query, width, rows, dim, width, query, width);
  multiply(x_padded, dim, w_key, width, rows, dim, width, key, width);
  multiply(x_padded, dim, w_value, width, rows, dim, width, value, width);
  transpose(key, width, count, dim, key_t, keys_width);

  for (int i0 = 0; i0 < count; i0 += kTileRows) {
    // Keys this tile of queries sees: all, or with the mask those up to its last row.
    const int keys = causal ? std::min(i0 + kTileRows, count) : count;
    const int keys_padded = round_up(keys, kTileColumns);
    multiply(query + i0 * width, width, key_t, keys_width, kTileRows, dim, keys_padded,
             weights_tile, keys_width);
    // Rows past count are padding: their context is computed but never copied out.
    for (int r = 0; r < kTileRows && i0 + r < count; ++r) {
      // The causal mask: query i sees keys 0 .. i; the weights of the rest are 0.
      float* weights_row = weights_tile + r * keys_width;
      const int visible = causal ? i0 + r + 1 : count;
      softmax(weights_row, visible);
      std::fill(weights_row + visible, weights_row + keys, 0.0f);
    }
    multiply(weights_tile, keys_width, value, width, kTileRows, keys, width, context_tile, width);
    copy_rows(context_tile, width, std::min(kTileRows, count - i0), dim, 1.0f, context + i0 * dim,
              dim);
  }
}

}  // namespace pe
