#pragma once
// The shape of the trainer's transformer: a decoder-style stack (GPT-2's layout, pre-norm, with
// Llama's RMSNorm by default), small enough to train in a page. The sizes are checked by the
// trainer's options (training/trainer_request.hpp) before any model is built.
namespace pe {

// RMSNorm (Llama, DeepSeek): x / sqrt(mean(x^2) + eps) * gain, nothing subtracted, no bias.
// LayerNorm (GPT-2): (x - mean) / sqrt(var + eps) * gain + bias, biased variance.
enum class NormKind { rms, layer };

struct ModelShape {
  int layers = 2;
  int d_model = 32;
  int heads = 4;
  int vocabulary = 16;  // input tokens 0 .. vocabulary - 1
  int classes = 16;     // output classes 0 .. classes - 1
  NormKind norm = NormKind::rms;
  bool causal = true;  // token i attends to tokens 0 .. i only

  int head_dim() const { return d_model / heads; }
  int hidden() const { return 4 * d_model; }  // the MLP's width, GPT-2's 4 x d_model
};

// eps of both norms: PyTorch's LayerNorm default and Llama 3's RMSNorm.
constexpr double kNormEpsilon = 1e-5;

}  // namespace pe
