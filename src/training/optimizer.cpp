#include "training/optimizer.hpp"

#include <cmath>

namespace pe {

namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

double learning_rate_at(long i, long warmup, long steps, double peak) {
  if (i < warmup) return peak * static_cast<double>(i + 1) / static_cast<double>(warmup);
  const double progress = static_cast<double>(i - warmup) / static_cast<double>(steps - warmup);
  return peak * 0.5 * (1.0 + std::cos(kPi * progress));
}

double clip_gradients(float* gradients, std::size_t count, double max_norm) {
  double squares = 0;
  for (std::size_t i = 0; i < count; ++i)
    squares += static_cast<double>(gradients[i]) * gradients[i];
  const double norm = std::sqrt(squares);
  const double ratio = max_norm / (norm + 1e-6);
  if (max_norm > 0 && ratio < 1) {
    const float scale = static_cast<float>(ratio);
    for (std::size_t i = 0; i < count; ++i) gradients[i] *= scale;
  }
  return norm;
}

void adamw_step(float* parameters, const float* gradients, float* m, float* v, std::size_t count,
                std::size_t decayed, double learning_rate, const AdamWSettings& settings,
                long step) {
  const float decay = static_cast<float>(1.0 - learning_rate * settings.weight_decay);
  const float beta1 = static_cast<float>(settings.beta1),
              beta2 = static_cast<float>(settings.beta2);
  const float rest1 = static_cast<float>(1.0 - settings.beta1);
  const float rest2 = static_cast<float>(1.0 - settings.beta2);
  const double correction1 = 1.0 - std::pow(settings.beta1, static_cast<double>(step));
  const double correction2 = 1.0 - std::pow(settings.beta2, static_cast<double>(step));
  const float step_size = static_cast<float>(-learning_rate / correction1);
  const float root_correction2 = static_cast<float>(std::sqrt(correction2));
  const float epsilon = static_cast<float>(settings.epsilon);
  for (std::size_t i = 0; i < decayed; ++i) parameters[i] *= decay;
  for (std::size_t i = 0; i < count; ++i) {
    const float g = gradients[i];
    m[i] = m[i] * beta1 + rest1 * g;
    v[i] = v[i] * beta2 + rest2 * g * g;
    parameters[i] += step_size * m[i] / (std::sqrt(v[i]) / root_correction2 + epsilon);
  }
}

}  // namespace pe
