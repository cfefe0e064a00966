#include "analysis/attention.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <utility>

#include "analysis/softmax.hpp"
#include "analysis/vector_geometry.hpp"
#include "core/random.hpp"

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

Head::Head(const AttentionWeights& weights, const float* embedding, int count,
           const HeadSetup& setup, HeadStages* stages)
    : scheme_(*setup.scheme),
      setup_(setup),
      dim_(weights.dim),
      count_(count),
      width_(round_up(dim_, kTileColumns)),        // components, padded
      keys_width_(round_up(count, kTileColumns)),  // keys as columns of K^T, padded
      query_(static_cast<std::size_t>(round_up(count, kTileRows)) * width_),
      key_t_(static_cast<std::size_t>(dim_) * keys_width_),
      value_(query_.size()),
      value_norms_(setup.causal ? static_cast<std::size_t>(count) : 0) {
  const int dim = dim_;
  const int width = width_;
  const int rows = round_up(count, kTileRows);  // tokens, padded
  const std::size_t values = static_cast<std::size_t>(count) * dim;

  // X = E + P, in rows padded with zeros to whole tiles.
  std::vector<float> positions(values);
  if (scheme_.encode)
    scheme_.encode(setup.scheme_options, setup.start, count, dim, positions.data());
  std::vector<float> input(static_cast<std::size_t>(rows) * dim);
  for (std::size_t e = 0; e < values; ++e) input[e] = embedding[e] + positions[e];

  // The projections and the keys, padded with zeros to whole tiles.
  std::vector<float> padded(3 * static_cast<std::size_t>(dim) * width + value_.size());
  float* w_query = padded.data();
  float* w_key = w_query + dim * width;
  float* w_value = w_key + dim * width;
  float* key = w_value + dim * width;  // (rows, width)
  copy_rows(weights.query.data(), dim, dim, dim, 1.0f, w_query, width);
  copy_rows(weights.key.data(), dim, dim, dim, 1.0f, w_key, width);
  copy_rows(weights.value.data(), dim, dim, dim, 1.0f, w_value, width);
  multiply(input.data(), dim, w_query, width, rows, dim, width, query_.data(), width);
  multiply(input.data(), dim, w_key, width, rows, dim, width, key, width);
  multiply(input.data(), dim, w_value, width, rows, dim, width, value_.data(), width);
  if (scheme_.rotate) {
    scheme_.rotate(setup.scheme_options, setup.start, count, dim, query_.data(), width);
    scheme_.rotate(setup.scheme_options, setup.start, count, dim, key, width);
  }
  for (std::size_t j = 0; j < value_norms_.size(); ++j)
    value_norms_[j] = row_norm(value_.data() + j * width, dim);
  if (stages) {
    stages->positions = std::move(positions);
    input.resize(values);
    stages->input = std::move(input);
    stages->query.resize(values);
    stages->key.resize(values);
    copy_rows(query_.data(), width, count, dim, 1.0f, stages->query.data(), dim);
    copy_rows(key, width, count, dim, 1.0f, stages->key.data(), dim);
  }
  // Scaling the queries scales every score: q.k / sqrt(dim).
  copy_rows(query_.data(), width, count, dim, 1.0f / std::sqrt(static_cast<float>(dim)),
            query_.data(), width);
  transpose(key, width, count, dim, key_t_.data(), keys_width_);
}

int Head::block_rows() const {
  constexpr int kBlockValues = 1 << 18;  // 1 MiB of float32
  return round_up(std::max(1, kBlockValues / std::max(count_, 1)), kTileRows);
}

void Head::attend(int first, int rows, float* weights, float* context,
                  double* output_rounding) const {
  const int count = count_;
  const int end = first + rows;
  std::vector<float> tiles(static_cast<std::size_t>(kTileRows) * (keys_width_ + width_));
  float* weights_tile = tiles.data();                            // (kTileRows, keys_width)
  float* context_tile = weights_tile + kTileRows * keys_width_;  // (kTileRows, width)

  for (int i0 = first - first % kTileRows; i0 < end; i0 += kTileRows) {
    // Keys this tile of queries sees: all, or with the mask those up to its last row.
    const int keys = setup_.causal ? std::min(i0 + kTileRows, count) : count;
    const int keys_padded = round_up(keys, kTileColumns);
    multiply(query_.data() + i0 * width_, width_, key_t_.data(), keys_width_, kTileRows, dim_,
             keys_padded, weights_tile, keys_width_);
    // Rows outside first .. end - 1 (past count: padding) keep their scores: their context is
    // computed but never copied out.
    for (int i = std::max(i0, first); i < std::min(i0 + kTileRows, end); ++i) {
      // The causal mask: query i sees keys 0 .. i; the weights of the rest are 0.
      float* weights_row = weights_tile + (i - i0) * keys_width_;
      const int visible = setup_.causal ? i + 1 : count;
      if (scheme_.add_bias)
        scheme_.add_bias(setup_.scheme_options, setup_.start + i, setup_.start, visible,
                         weights_row);
      softmax(weights_row, visible);
      std::fill(weights_row + visible, weights_row + keys, 0.0f);
      float* out = weights + static_cast<std::ptrdiff_t>(i - first) * count;
      std::copy(weights_row, weights_row + keys, out);
      std::fill(out + keys, out + count, 0.0f);
      if (!output_rounding) continue;
      output_rounding[i - first] = 0;
      if (setup_.causal) {
        double spread = 0;  // sum_j w_ij |v_j|
        for (int j = 0; j < visible; ++j) spread += weights_row[j] * value_norms_[j];
        const int chunks = (visible + kChunk - 1) / kChunk;
        const int in_chunk = std::min(visible, kChunk);
        output_rounding[i - first] = (in_chunk + chunks + 4) * kFloat32Unit * spread;
      }
    }
    if (!context) continue;
    multiply(weights_tile, keys_width_, value_.data(), width_, kTileRows, keys, width_,
             context_tile, width_);
    for (int i = std::max(i0, first); i < std::min(i0 + kTileRows, end); ++i)
      copy_rows(context_tile + (i - i0) * width_, width_, 1, dim_, 1.0f,
                context + static_cast<std::ptrdiff_t>(i - first) * dim_, dim_);
  }
}

HeadStages run_head(const AttentionWeights& weights, const float* embedding, int count,
                    const HeadSetup& setup) {
  HeadStages stages;
  const Head head(weights, embedding, count, setup, &stages);
  stages.weights.resize(static_cast<std::size_t>(count) * count);
  stages.context.resize(static_cast<std::size_t>(count) * weights.dim);
  stages.output_rounding.resize(static_cast<std::size_t>(count));
  head.attend(0, count, stages.weights.data(), stages.context.data(),
              stages.output_rounding.data());
  return stages;
}

}  // namespace pe
