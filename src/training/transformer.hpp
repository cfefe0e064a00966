#pragma once
// The trainer's model, forward and backward, over a packed batch (training/batch.hpp). N tokens,
// d = d_model, F = 4 d, C = classes:
//   x_0 = E[token] + P[row]                         P: the input scheme's table, if any (N, d)
//   per layer l:
//     a = norm1(x_l);  qkv = a W_qkv                 (N, 3 d), queries and keys then turned by
//                                                    a query_key scheme
//     context = attention(qkv) per sequence          (N, d), scores biased by a scores scheme
//     m = x_l + context W_out                        (N, d)
//     x_{l+1} = m + gelu(norm2(m) W_up) W_down       (N, d), through (N, F)
//   logits = norm_f(x_L) W_output                    (N, C)
//   loss = mean over labelled tokens of -log softmax(logits)[label]
// Every buffer is allocated by the constructor; forward and backward allocate nothing. Real is
// float for training and double for the gradient check, from the same code.
#include <cstddef>
#include <vector>

#include "training/batch.hpp"
#include "training/model_shape.hpp"
#include "training/parameters.hpp"
#include "training/position_terms.hpp"

namespace pe {

template <typename Real>
class Transformer {
 public:
  // Room for batches of up to max_sequences sequences and max_tokens tokens whose squared
  // lengths sum to at most max_square_lengths; no sequence longer than terms.rows().
  Transformer(const ModelShape& shape, const ParameterLayout& layout, PositionTerms<Real> terms,
              int max_sequences, int max_tokens, long max_square_lengths);
  // The buffers are pointers into one allocation: a move keeps it, a copy could not.
  Transformer(const Transformer&) = delete;
  Transformer& operator=(const Transformer&) = delete;
  Transformer(Transformer&&) = default;

  // The mean loss over the labelled tokens of batch (0 if none), keeping what backward needs.
  Real forward(const Real* parameters, const Batch& batch);
  // The gradient of forward's loss, added into gradients (parameters' layout).
  void backward(const Real* parameters, const Batch& batch, Real* gradients);

  // After forward: p(class) per token (N, C), and -log p(label) per token (0 unlabelled).
  const Real* probabilities() const { return probabilities_; }
  const Real* token_losses() const { return losses_; }
  // After forward: head's attention weights in layer for sequence b, (length, length).
  const Real* attention(int layer, int b, int head) const;

  const ModelShape& shape() const { return shape_; }
  const PositionTerms<Real>& terms() const { return terms_; }
  std::size_t buffer_bytes() const { return memory_.size() * sizeof(Real); }

 private:
  struct LayerBuffers {
    Real *input, *norm1, *mean1, *rstd1, *qkv, *weights, *context;
    Real *middle, *norm2, *mean2, *rstd2, *up, *act, *cdf;
  };
  void allocate(int max_tokens, long max_square_lengths);
  void embed(const Real* parameters, const Batch& batch);
  void layer_forward(int l, const Real* parameters, const Batch& batch);
  void attention_forward_all(LayerBuffers& buffers, const Batch& batch);
  void layer_backward(int l, const Real* parameters, const Batch& batch, Real* gradients);
  void attention_backward_all(const LayerBuffers& buffers, const Batch& batch);
  void embed_backward(const Batch& batch, Real* gradients) const;
  const Real* transposed(const Real* weight, int rows, int cols);

  ModelShape shape_;
  ParameterLayout layout_;
  PositionTerms<Real> terms_;
  std::vector<Real> memory_;
  std::vector<LayerBuffers> layers_;
  Real *final_input_, *final_norm_, *final_mean_, *final_rstd_, *probabilities_, *losses_;
  Real *d_residual_, *d_norm_, *d_qkv_, *d_context_, *d_hidden_, *d_logits_;
  Real *weight_t_, *attention_scratch_;
  std::vector<long> weight_offsets_;  // (max_sequences): sequence b's weights in a layer's buffer
  std::vector<int> lengths_;          // (max_sequences): the last forward's lengths
};

}  // namespace pe
