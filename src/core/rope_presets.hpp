#pragma once
// RoPE as published models configure it: head dimension, base and long-context scaling, for the
// RoPE view's long-context chart (pe.ropePresets). Each entry cites the file it is read from.
#include <cstdint>
#include <tuple>

#include "core/fields.hpp"
#include "core/rope_scaling.hpp"

namespace pe {

// The published long-context rules as the configs set them (fields: type, factor, low and high
// frequency factors, original context L, beta_fast, beta_slow); the model presets (mla/) use
// them too. Llama 3.1 and 3.2 (rope_type "llama3"): low_freq_factor 1, high_freq_factor 4,
// original_max_position_embeddings 8192.
constexpr RopeScaling llama3_scaling(double factor) {
  return RopeScaling{RopeScalingType::llama3, factor, 1, 4, 8192, 32, 1};
}
// DeepSeek-V2 and V3 (rope_scaling type "yarn"; V3's inference/model.py): factor 40 over an
// original context of 4096, beta_fast 32, beta_slow 1.
constexpr RopeScaling kDeepSeekYarn{RopeScalingType::yarn, 40, 1, 4, 4096, 32, 1};

struct RopePreset {
  const char* name;   // the JS name, e.g. "llama3.1"
  const char* label;  // what the page shows
  int dim;            // the rotated part of one head: head_dim (qk_rope_head_dim for DeepSeek)
  double base;        // rope_theta
  RopeScaling scaling;
  std::int64_t original_context;  // the context the model was trained at (0: none stated)
  std::int64_t context_length;    // max_position_embeddings with scaling (0: no scaling)
  const char* source;
};
constexpr auto fields_of(const RopePreset&) {
  return std::tuple{
      field<&RopePreset::name>("name"),
      field<&RopePreset::label>("label"),
      field<&RopePreset::dim>("dim"),
      field<&RopePreset::base>("base"),
      field<&RopePreset::scaling>("scaling"),
      field<&RopePreset::original_context>("originalContext").null_when(NullWhen::zero),
      field<&RopePreset::context_length>("contextLength").null_when(NullWhen::zero),
      field<&RopePreset::source>("source")};
}

// RoFormer's base at head dim 128, Llama 3, Llama 3.1, Llama 3.2 1B, DeepSeek-V3's rope part: a
// constant table (data, not code, in the wasm module).
extern const RopePreset kRopePresets[5];

}  // namespace pe
