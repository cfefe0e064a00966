#include "analysis/attention.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <utility>

#include "analysis/random.hpp"
#include "analysis/softmax.hpp"
#include "analysis/vector_geometry.hpp"

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

// Sums run in float32 a chunk of kChunk terms at a time, then chunk by chunk: a sum of n terms
// then rounds about n / kChunk + kChunk times instead of n times. Attention's outputs sum up to
// 2048 weighted values; summed straight, two rows equal in exact arithmetic (a causal mask gives
// copies of a word prefixes of different lengths) came out up to 2.8e-5 apart relative to their
// length, summed by chunks 20x closer, and the error bound of HeadStages::output_rounding is
// that much tighter.
constexpr int kChunk = 32;

// c = a b: a is (rows, inner), b is (inner, cols), c is (rows, cols), each row-major with its
// own row stride; rows is a multiple of kTileRows, cols of kTileColumns. Every c[r][j] is one
// sum over k = 0 .. inner-1 in a fixed order, so equal rows of a give bit-identical rows of c.
void multiply(const float* a, int a_stride, const float* b, int b_stride, int rows, int inner,
              int cols, float* c, int c_stride) {
  for (int r0 = 0; r0 < rows; r0 += kTileRows) {
    for (int j0 = 0; j0 < cols; j0 += kTileColumns) {
      Float4 total[kTileRows][kTileVectors] = {};
      for (int k0 = 0; k0 < inner; k0 += kChunk) {
        Float4 sum[kTileRows][kTileVectors] = {};
        for (int k = k0; k < std::min(k0 + kChunk, inner); ++k) {
          Float4 b_k[kTileVectors];  // b[k][j0 .. j0 + kTileColumns), unaligned
          std::memcpy(b_k, b + k * b_stride + j0, sizeof b_k);
          for (int r = 0; r < kTileRows; ++r) {
            const float a_rk = a[(r0 + r) * a_stride + k];
            for (int v = 0; v < kTileVectors; ++v) sum[r][v] += a_rk * b_k[v];
          }
        }
        for (int r = 0; r < kTileRows; ++r)
          for (int v = 0; v < kTileVectors; ++v) total[r][v] += sum[r][v];
      }
      for (int r = 0; r < kTileRows; ++r)
        std::memcpy(c + (r0 + r) * c_stride + j0, total[r], sizeof total[r]);
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

HeadStages run_head(const AttentionWeights& weights, const float* embedding, int count,
                    const HeadSetup& setup) {
  const PositionScheme& scheme = *setup.scheme;
  const int dim = weights.dim;
  const std::size_t values = static_cast<std::size_t>(count) * dim;
  const int rows = round_up(count, kTileRows);           // tokens, padded
  const int width = round_up(dim, kTileColumns);         // components, padded
  const int keys_width = round_up(count, kTileColumns);  // keys as columns of K^T, padded

  HeadStages stages{std::vector<float>(values),
                    std::vector<float>(values),
                    std::vector<float>(values),
                    std::vector<float>(values),
                    std::vector<float>(static_cast<std::size_t>(count) * count),
                    std::vector<float>(values),
                    std::vector<double>(static_cast<std::size_t>(count))};
  if (scheme.encode)
    scheme.encode(setup.settings, setup.start, count, dim, stages.positions.data());
  for (std::size_t e = 0; e < values; ++e) stages.input[e] = embedding[e] + stages.positions[e];

  // One zeroed allocation for all scratch, in the order it is taken below; the zeros are the
  // padding.
  std::vector<float> scratch(static_cast<std::size_t>(rows) * dim + 3 * dim * width +
                             3 * rows * width + dim * keys_width + kTileRows * keys_width +
                             kTileRows * width);
  float* next = scratch.data();
  const auto take = [&next](int size) { return std::exchange(next, next + size); };
  float* x_padded = take(rows * dim);     // (rows, dim)
  float* w_query = take(dim * width);     // (dim, width)
  float* w_key = take(dim * width);       // (dim, width)
  float* w_value = take(dim * width);     // (dim, width)
  float* query = take(rows * width);      // (rows, width)
  float* key = take(rows * width);        // (rows, width)
  float* value = take(rows * width);      // (rows, width)
  float* key_t = take(dim * keys_width);  // (dim, keys_width): row c = component c of keys
  float* weights_tile = take(kTileRows * keys_width);  // (kTileRows, keys_width)
  float* context_tile = take(kTileRows * width);       // (kTileRows, width)

  copy_rows(stages.input.data(), dim, count, dim, 1.0f, x_padded, dim);
  copy_rows(weights.query.data(), dim, dim, dim, 1.0f, w_query, width);
  copy_rows(weights.key.data(), dim, dim, dim, 1.0f, w_key, width);
  copy_rows(weights.value.data(), dim, dim, dim, 1.0f, w_value, width);
  multiply(x_padded, dim, w_query, width, rows, dim, width, query, width);
  multiply(x_padded, dim, w_key, width, rows, dim, width, key, width);
  multiply(x_padded, dim, w_value, width, rows, dim, width, value, width);
  if (scheme.rotate) {
    scheme.rotate(setup.settings, setup.start, count, dim, query, width);
    scheme.rotate(setup.settings, setup.start, count, dim, key, width);
  }
  // |v_j| for the output rounding bound, which only outputs under the causal mask need.
  std::vector<double> value_norms(setup.causal ? static_cast<std::size_t>(count) : 0);
  for (std::size_t j = 0; j < value_norms.size(); ++j)
    value_norms[j] = row_norm(value + j * width, dim);
  copy_rows(query, width, count, dim, 1.0f, stages.query.data(), dim);
  copy_rows(key, width, count, dim, 1.0f, stages.key.data(), dim);
  // Scaling the queries scales every score: q.k / sqrt(dim).
  copy_rows(query, width, count, dim, 1.0f / std::sqrt(static_cast<float>(dim)), query, width);
  transpose(key, width, count, dim, key_t, keys_width);

  for (int i0 = 0; i0 < count; i0 += kTileRows) {
    // Keys this tile of queries sees: all, or with the mask those up to its last row.
    const int keys = setup.causal ? std::min(i0 + kTileRows, count) : count;
    const int keys_padded = round_up(keys, kTileColumns);
    multiply(query + i0 * width, width, key_t, keys_width, kTileRows, dim, keys_padded,
             weights_tile, keys_width);
    // Rows past count are padding: their context is computed but never copied out.
    for (int r = 0; r < kTileRows && i0 + r < count; ++r) {
      const int i = i0 + r;
      // The causal mask: query i sees keys 0 .. i; the weights of the rest are 0.
      float* weights_row = weights_tile + r * keys_width;
      const int visible = setup.causal ? i + 1 : count;
      if (scheme.add_bias)
        scheme.add_bias(setup.settings, setup.start + i, setup.start, visible, weights_row);
      softmax(weights_row, visible);
      std::fill(weights_row + visible, weights_row + keys, 0.0f);
      std::copy(weights_row, weights_row + keys,
                stages.weights.begin() + static_cast<std::ptrdiff_t>(i) * count);
      if (setup.causal) {
        double spread = 0;  // sum_j w_ij |v_j|
        for (int j = 0; j < visible; ++j) spread += weights_row[j] * value_norms[j];
        const int chunks = (visible + kChunk - 1) / kChunk;
        const int in_chunk = std::min(visible, kChunk);
        stages.output_rounding[i] = (in_chunk + chunks + 4) * kFloat32Unit * spread;
      }
    }
    multiply(weights_tile, keys_width, value, width, kTileRows, keys, width, context_tile, width);
    copy_rows(context_tile, width, std::min(kTileRows, count - i0), dim, 1.0f,
              stages.context.data() + static_cast<std::ptrdiff_t>(i0) * dim, dim);
  }
  return stages;
}

}  // namespace pe
