#pragma once
// Floating-point operations of one training step, for benchmarks: the products of the model
// (a multiply and an add each), counted from the batch's real tokens and attended pairs. Backward
// computes two products for each of forward's (the input's gradient and the weight's), so a step
// is counted as 3 x forward; the norms, GELU, softmax and AdamW are left out.
#include "training/batch.hpp"
#include "training/model_shape.hpp"

namespace pe {

inline double training_step_flops(const ModelShape& shape, const Batch& batch) {
  const double d = shape.d_model, n = batch.tokens();
  double pairs = 0;  // (query, key) pairs attended, all heads together counted once
  for (int b = 0; b < batch.sequences(); ++b) {
    const double length = batch.length(b);
    pairs += shape.causal ? length * (length + 1) / 2 : length * length;
  }
  const double per_layer = 2 * n * (3 * d * d + d * d + 8 * d * d) + 2 * 2 * pairs * d;
  const double forward = shape.layers * per_layer + 2 * n * d * shape.classes;
  return 3 * forward;
}

}  // namespace pe
