#pragma once
// The attention dimensions, RoPE configuration and context lengths of six real models, for the
// KV-cache calculator and the DeepSeek view. Sources, per model, beside each row in
// model_presets.cpp: the published config.json files and DeepSeek's own inference configs.
#include <array>
#include <tuple>

#include "core/fields.hpp"
#include "core/rope_scaling.hpp"
#include "mla/kv_cache.hpp"

namespace pe {

struct ModelPreset {
  const char* id;    // "deepseek-v3": how a link names it
  const char* name;  // "DeepSeek-V3"
  AttentionKind attention;
  int d_model;
  int layers;
  int heads;
  int kv_heads;          // heads with their own key and value (num_key_value_heads)
  int head_dim;          // per head: the keys' position-free part (DeepSeek's qk_nope_head_dim)
  int value_head_dim;    // per head: the values (v_head_dim)
  int rope_dim;          // DeepSeek's decoupled RoPE part (qk_rope_head_dim); 0 when RoPE turns the
                         // whole head (Llama)
  int latent_dim;        // c_KV, kv_lora_rank; 0 = none
  int query_latent_dim;  // c_Q, q_lora_rank; 0 = none (queries straight from h_t)
  double rope_base;      // rope_theta
  RopeScaling scaling;
  double mscale_all_dim;  // YaRN's attention temperature coefficient; 0 = none (llama3)
  int max_context;        // max_position_embeddings

  // The length of q and k in q . k: DeepSeek 128 + 64 = 192, Llama the head dim.
  constexpr int query_key_head_dim() const { return head_dim + rope_dim; }
  // The numbers per head that RoPE turns: DeepSeek's 64, Llama's whole head.
  constexpr int rotated_dim() const { return rope_dim > 0 ? rope_dim : head_dim; }
  // DeepSeek's factor on the softmax scale, YaRN's mscale^2; 0 without a YaRN temperature.
  double softmax_factor() const;
};
// As pe.modelPresets gives them; a dimension of 0 (the model has none) is null.
constexpr auto fields_of(const ModelPreset&) {
  using P = ModelPreset;
  constexpr NullWhen none = NullWhen::zero;
  return std::tuple{
      field<&P::id>("id"),
      field<&P::name>("name"),
      field<&P::d_model>("dModel").null_when(none),
      field<&P::layers>("layers").null_when(none),
      field<&P::heads>("heads").null_when(none),
      field<&P::kv_heads>("kvHeads").null_when(none),
      field<&P::head_dim>("headDim").null_when(none),
      field<&P::value_head_dim>("valueHeadDim").null_when(none),
      field<&P::query_key_head_dim>("queryKeyHeadDim"),
      field<&P::rope_dim>("ropeDim").null_when(none),
      field<&P::latent_dim>("latentDim").null_when(none),
      field<&P::query_latent_dim>("queryLatentDim").null_when(none),
      field<&P::max_context>("maxContext").null_when(none),
      group("rope", field<&P::rotated_dim>("dim"), field<&P::rope_base>("base"),
            field<&P::scaling>("scaling"),
            field<&P::mscale_all_dim>("mscaleAllDim").null_when(none),
            field<&P::softmax_factor>("softmaxFactor").null_when(none)),
  };
}

// DeepSeek-V2, DeepSeek-V3, DeepSeek-V2-Lite, Llama 3.1 8B, Llama 3.1 70B, Llama 3.2 1B.
const std::array<ModelPreset, 6>& model_presets();

}  // namespace pe
