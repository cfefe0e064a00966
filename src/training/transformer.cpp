#include "training/transformer.hpp"

#include <algorithm>
#include <utility>

#include "training/cross_entropy.hpp"
#include "training/gelu.hpp"
#include "training/linear.hpp"
#include "training/norm.hpp"
#include "training/self_attention.hpp"

namespace pe {

namespace {

// y += x over n values.
template <typename Real>
void add_into(const Real* __restrict x, long n, Real* __restrict y) {
  for (long i = 0; i < n; ++i) y[i] += x[i];
}

}  // namespace

template <typename Real>
Transformer<Real>::Transformer(const ModelShape& shape, const ParameterLayout& layout,
                               PositionTerms<Real> terms, int max_sequences, int max_tokens,
                               long max_square_lengths)
    : shape_(shape),
      layout_(layout),
      terms_(std::move(terms)),
      layers_(shape.layers),
      weight_offsets_(max_sequences),
      lengths_(max_sequences) {
  allocate(max_tokens, max_square_lengths);
}

template <typename Real>
void Transformer<Real>::allocate(int max_tokens, long max_square_lengths) {
  const long n = max_tokens, d = shape_.d_model, f = shape_.hidden(), c = shape_.classes;
  const long weights = shape_.heads * max_square_lengths;
  const long per_layer = 8 * n * d + 4 * n + 3 * n * f + weights;
  const long final_part = 2 * n * d + 3 * n + n * c;
  const long weight_t = d * std::max({3 * d, f, c});
  const long scratch = attention_scratch(shape_, terms_.rows());
  const long backward_part = 6 * n * d + n * f + n * c + weight_t + scratch;
  memory_.assign(static_cast<std::size_t>(shape_.layers * per_layer + final_part + backward_part),
                 Real(0));
  Real* next = memory_.data();
  const auto take = [&next](long count) { return std::exchange(next, next + count); };
  for (LayerBuffers& b : layers_) {
    b.input = take(n * d), b.norm1 = take(n * d), b.mean1 = take(n), b.rstd1 = take(n);
    b.qkv = take(3 * n * d), b.weights = take(weights), b.context = take(n * d);
    b.middle = take(n * d), b.norm2 = take(n * d), b.mean2 = take(n), b.rstd2 = take(n);
    b.up = take(n * f), b.act = take(n * f), b.cdf = take(n * f);
  }
  final_input_ = take(n * d), final_norm_ = take(n * d), final_mean_ = take(n);
  final_rstd_ = take(n), probabilities_ = take(n * c), losses_ = take(n);
  d_residual_ = take(n * d), d_norm_ = take(n * d), d_qkv_ = take(3 * n * d);
  d_context_ = take(n * d), d_hidden_ = take(n * f), d_logits_ = take(n * c);
  weight_t_ = take(weight_t), attention_scratch_ = take(scratch);
}

template <typename Real>
Real Transformer<Real>::forward(const Real* parameters, const Batch& batch) {
  const int n = batch.tokens(), d = shape_.d_model;
  long offset = 0;
  for (int b = 0; b < batch.sequences(); ++b) {
    weight_offsets_[b] = offset;
    lengths_[b] = batch.length(b);
    offset += static_cast<long>(shape_.heads) * batch.length(b) * batch.length(b);
  }
  embed(parameters, batch);
  for (int l = 0; l < shape_.layers; ++l) layer_forward(l, parameters, batch);
  norm_forward(shape_.norm, final_input_, parameters + layout_.final_gain,
               parameters + layout_.final_bias, n, d, final_norm_, final_mean_, final_rstd_);
  linear_forward(final_norm_, parameters + layout_.output, n, d, shape_.classes, probabilities_);
  return cross_entropy_forward(probabilities_, batch.labels(), n, shape_.classes, losses_);
}

// x_0 = E[token] + P[row]: the learned table (a parameter) or the scheme's constant table.
template <typename Real>
void Transformer<Real>::embed(const Real* parameters, const Batch& batch) {
  const int d = shape_.d_model;
  const Real* embedding = parameters + layout_.token_embedding;
  const Real* table = terms_.learned() ? parameters + layout_.position_table : terms_.added_table();
  Real* x = layers_.empty() ? final_input_ : layers_[0].input;
  for (int t = 0; t < batch.tokens(); ++t) {
    Real* row = x + static_cast<long>(t) * d;
    std::copy_n(embedding + static_cast<long>(batch.token_ids()[t]) * d, d, row);
    if (table) add_into(table + static_cast<long>(batch.rows()[t]) * d, d, row);
  }
}

template <typename Real>
void Transformer<Real>::layer_forward(int l, const Real* parameters, const Batch& batch) {
  const int n = batch.tokens(), d = shape_.d_model, f = shape_.hidden();
  const LayerSlots& s = layout_.layers[l];
  LayerBuffers& b = layers_[l];
  Real* next = l + 1 < shape_.layers ? layers_[l + 1].input : final_input_;
  norm_forward(shape_.norm, b.input, parameters + s.norm1_gain, parameters + s.norm1_bias, n, d,
               b.norm1, b.mean1, b.rstd1);
  linear_forward(b.norm1, parameters + s.qkv, n, d, 3 * d, b.qkv);
  attention_forward_all(b, batch);
  linear_forward(b.context, parameters + s.out, n, d, d, b.middle);
  add_into(b.input, static_cast<long>(n) * d, b.middle);
  norm_forward(shape_.norm, b.middle, parameters + s.norm2_gain, parameters + s.norm2_bias, n, d,
               b.norm2, b.mean2, b.rstd2);
  linear_forward(b.norm2, parameters + s.up, n, d, f, b.up);
  gelu_forward(b.up, static_cast<long>(n) * f, b.act, b.cdf);
  linear_forward(b.act, parameters + s.down, n, f, d, next);
  add_into(b.middle, static_cast<long>(n) * d, next);
}

template <typename Real>
void Transformer<Real>::attention_forward_all(LayerBuffers& buffers, const Batch& batch) {
  const int d = shape_.d_model;
  for (int b = 0; b < batch.sequences(); ++b) {
    Real* qkv = buffers.qkv + static_cast<long>(batch.offset(b)) * 3 * d;
    terms_.rotate(qkv, batch.length(b));
    attention_forward(qkv, batch.length(b), shape_, terms_, buffers.weights + weight_offsets_[b],
                      buffers.context + static_cast<long>(batch.offset(b)) * d, attention_scratch_);
  }
}

template <typename Real>
void Transformer<Real>::backward(const Real* parameters, const Batch& batch, Real* gradients) {
  const int n = batch.tokens(), d = shape_.d_model, c = shape_.classes;
  cross_entropy_backward(probabilities_, batch.labels(), n, c, batch.labelled(), d_logits_);
  linear_backward(final_norm_, transposed(parameters + layout_.output, d, c), d_logits_, n, d, c,
                  d_norm_, gradients + layout_.output);
  std::fill(d_residual_, d_residual_ + static_cast<long>(n) * d, Real(0));
  norm_backward(shape_.norm, final_input_, parameters + layout_.final_gain, final_mean_,
                final_rstd_, d_norm_, n, d, d_residual_, gradients + layout_.final_gain,
                gradients + layout_.final_bias);
  for (int l = shape_.layers - 1; l >= 0; --l) layer_backward(l, parameters, batch, gradients);
  embed_backward(batch, gradients);
}

// On entry d_residual_ holds dL/dx_{l+1}; on exit dL/dx_l.
template <typename Real>
void Transformer<Real>::layer_backward(int l, const Real* parameters, const Batch& batch,
                                       Real* gradients) {
  const int n = batch.tokens(), d = shape_.d_model, f = shape_.hidden();
  const LayerSlots& s = layout_.layers[l];
  const LayerBuffers& b = layers_[l];
  linear_backward(b.act, transposed(parameters + s.down, f, d), d_residual_, n, f, d, d_hidden_,
                  gradients + s.down);
  gelu_backward(b.up, b.cdf, d_hidden_, static_cast<long>(n) * f, d_hidden_);
  linear_backward(b.norm2, transposed(parameters + s.up, d, f), d_hidden_, n, d, f, d_norm_,
                  gradients + s.up);
  norm_backward(shape_.norm, b.middle, parameters + s.norm2_gain, b.mean2, b.rstd2, d_norm_, n, d,
                d_residual_, gradients + s.norm2_gain, gradients + s.norm2_bias);
  linear_backward(b.context, transposed(parameters + s.out, d, d), d_residual_, n, d, d, d_context_,
                  gradients + s.out);
  attention_backward_all(b, batch);
  linear_backward(b.norm1, transposed(parameters + s.qkv, d, 3 * d), d_qkv_, n, d, 3 * d, d_norm_,
                  gradients + s.qkv);
  norm_backward(shape_.norm, b.input, parameters + s.norm1_gain, b.mean1, b.rstd1, d_norm_, n, d,
                d_residual_, gradients + s.norm1_gain, gradients + s.norm1_bias);
}

template <typename Real>
void Transformer<Real>::attention_backward_all(const LayerBuffers& buffers, const Batch& batch) {
  const int d = shape_.d_model;
  for (int b = 0; b < batch.sequences(); ++b) {
    const long first = static_cast<long>(batch.offset(b));
    Real* d_qkv = d_qkv_ + first * 3 * d;
    attention_backward(buffers.qkv + first * 3 * d, buffers.weights + weight_offsets_[b],
                       d_context_ + first * d, batch.length(b), shape_, d_qkv, attention_scratch_);
    terms_.rotate_back(d_qkv, batch.length(b));
  }
}

template <typename Real>
void Transformer<Real>::embed_backward(const Batch& batch, Real* gradients) const {
  const int d = shape_.d_model;
  Real* d_embedding = gradients + layout_.token_embedding;
  Real* d_table = terms_.learned() ? gradients + layout_.position_table : nullptr;
  for (int t = 0; t < batch.tokens(); ++t) {
    const Real* dx = d_residual_ + static_cast<long>(t) * d;
    add_into(dx, d, d_embedding + static_cast<long>(batch.token_ids()[t]) * d);
    if (d_table) add_into(dx, d, d_table + static_cast<long>(batch.rows()[t]) * d);
  }
}

template <typename Real>
const Real* Transformer<Real>::transposed(const Real* weight, int rows, int cols) {
  transpose(weight, rows, cols, weight_t_);
  return weight_t_;
}

template <typename Real>
const Real* Transformer<Real>::attention(int layer, int b, int head) const {
  const long length = lengths_[b];
  return layers_[layer].weights + weight_offsets_[b] + head * length * length;
}

template class Transformer<float>;
template class Transformer<double>;

}  // namespace pe
