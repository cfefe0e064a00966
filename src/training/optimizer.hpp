#pragma once
// The optimiser, as PyTorch 1.13 runs it in float32, so the parity test can hold the two to 1e-4:
//   learning_rate_at: linear warm-up, then a cosine down towards 0
//   clip_gradients:   torch.nn.utils.clip_grad_norm_
//   adamw_step:       torch.optim.AdamW (decoupled weight decay, bias-corrected moments)
#include <cstddef>

namespace pe {

struct AdamWSettings {
  double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weight_decay = 0.01;
};

// The learning rate of update i = 0 .. steps - 1: peak * (i + 1) / warmup for i < warmup, then
// peak * (1 + cos(pi * (i - warmup) / (steps - warmup))) / 2, from peak down towards 0.
double learning_rate_at(long i, long warmup, long steps, double peak);

// The L2 norm of all count gradients together; when max_norm / (norm + 1e-6) < 1, every gradient
// is multiplied by that ratio (clip_grad_norm_'s 1e-6). max_norm 0 leaves them alone. Returns the
// norm before clipping (NaN or infinite if a gradient is).
double clip_gradients(float* gradients, std::size_t count, double max_norm);

// One AdamW update of count parameters at update number step (1 for the first), in the order of
// torch's _single_tensor_adamw:
//   p *= 1 - lr wd (only p[0 .. decayed)); m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
//   p += -(lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps).
void adamw_step(float* parameters, const float* gradients, float* m, float* v, std::size_t count,
                std::size_t decayed, double learning_rate, const AdamWSettings& settings,
                long step);

}  // namespace pe
