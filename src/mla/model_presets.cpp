#include "mla/model_presets.hpp"

#include "core/rope_presets.hpp"

namespace pe {

namespace {

// A constant table (no code runs to build it).
constexpr std::array<ModelPreset, 6> kPresets = {{
    // deepseek-ai/DeepSeek-V2 config.json and DeepSeek-V3 inference/configs/config_236B.json;
    // V2 paper (arXiv 2405.04434) Table 1 and section 2.1. YaRN mscale_all_dim 0.707.
    {"deepseek-v2", "DeepSeek-V2", AttentionKind::mla, 5120, 60, 128, 128, 128, 128, 64, 512, 1536,
     10000, kDeepSeekYarn, 0.707, 163840},
    // deepseek-ai/DeepSeek-V3 config.json and inference/configs/config_671B.json; V3 paper
    // (arXiv 2412.19437) section 4.2. YaRN mscale_all_dim 1.
    {"deepseek-v3", "DeepSeek-V3", AttentionKind::mla, 7168, 61, 128, 128, 128, 128, 64, 512, 1536,
     10000, kDeepSeekYarn, 1.0, 163840},
    // deepseek-ai/DeepSeek-V2-Lite config.json and inference/configs/config_16B.json: no query
    // latent (q_lora_rank 0). YaRN mscale_all_dim 0.707.
    {"deepseek-v2-lite", "DeepSeek-V2-Lite", AttentionKind::mla, 2048, 27, 16, 16, 128, 128, 64,
     512, 0, 10000, kDeepSeekYarn, 0.707, 163840},
    // meta-llama/Llama-3.1-8B config.json.
    {"llama-3.1-8b", "Llama 3.1 8B", AttentionKind::gqa, 4096, 32, 32, 8, 128, 128, 0, 0, 0, 500000,
     llama3_scaling(8), 0, 131072},
    // meta-llama/Llama-3.1-70B config.json.
    {"llama-3.1-70b", "Llama 3.1 70B", AttentionKind::gqa, 8192, 80, 64, 8, 128, 128, 0, 0, 0,
     500000, llama3_scaling(8), 0, 131072},
    // meta-llama/Llama-3.2-1B config.json (factor 32, where Meta's reference code says 8).
    {"llama-3.2-1b", "Llama 3.2 1B", AttentionKind::gqa, 2048, 16, 32, 8, 64, 64, 0, 0, 0, 500000,
     llama3_scaling(32), 0, 131072},
}};

}  // namespace

const std::array<ModelPreset, 6>& model_presets() { return kPresets; }

double ModelPreset::softmax_factor() const {
  if (mscale_all_dim <= 0) return 0;
  const double mscale = yarn_mscale(scaling.factor, mscale_all_dim);
  return mscale * mscale;
}

}  // namespace pe
