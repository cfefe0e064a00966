#include "core/rope_presets.hpp"

namespace pe {

namespace {

constexpr RopeScaling kNone{};

}  // namespace

const RopePreset kRopePresets[5] = {
    // RoFormer (arXiv 2104.09864) section 3.2.2: theta_i = 10000^(-2(i-1)/d); d 128 is the head
    // size of Llama 2 7B (meta-llama/Llama-2-7b-hf config.json: rope_theta 10000, unscaled).
    {"rope", "RoPE, base 10,000 (d 128)", 128, 10000, kNone, 0, 0,
     "RoFormer, arXiv 2104.09864, section 3.2.2"},
    // meta-llama/Meta-Llama-3-8B config.json: rope_theta 500000, hidden_size 4096 / 32 heads,
    // max_position_embeddings 8192, no rope_scaling.
    {"llama3", "Llama 3 (base 500,000, d 128)", 128, 500000, kNone, 8192, 0,
     "meta-llama/Meta-Llama-3-8B config.json"},
    // meta-llama/Llama-3.1-8B config.json (70B and 405B alike): rope_scaling { rope_type llama3,
    // factor 8, low_freq_factor 1, high_freq_factor 4, original_max_position_embeddings 8192 },
    // max_position_embeddings 131072.
    {"llama3.1", "Llama 3.1 (llama3 scaling, factor 8, d 128)", 128, 500000, llama3_scaling(8),
     8192, 131072, "meta-llama/Llama-3.1-8B config.json"},
    // meta-llama/Llama-3.2-1B config.json: head_dim 64, the same rope_scaling with factor 32,
    // max_position_embeddings 131072. (Llama 3.2 3B has the same scaling at head_dim 128.)
    {"llama3.2", "Llama 3.2 1B (llama3 scaling, factor 32, d 64)", 64, 500000, llama3_scaling(32),
     8192, 131072, "meta-llama/Llama-3.2-1B config.json"},
    // deepseek-ai/DeepSeek-V3 config.json and inference/configs/config_671B.json:
    // qk_rope_head_dim 64, rope_theta 10000, rope_scaling { type yarn, factor 40,
    // original_max_position_embeddings 4096, beta_fast 32, beta_slow 1 },
    // max_position_embeddings 163840. Only these 64 of each head's 192 query/key dims turn.
    {"deepseek-v3", "DeepSeek-V3, rope part (YaRN factor 40, d 64)", 64, 10000, kDeepSeekYarn, 4096,
     163840, "deepseek-ai/DeepSeek-V3 config.json"},
};

}  // namespace pe
