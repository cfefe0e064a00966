#pragma once
// How many numbers a transformer keeps per token for attention (its KV cache), for the four
// attention kinds the DeepSeek-V2 paper compares (arXiv 2405.04434, Table 1), per layer:
//   mha  every head caches its key and its value:       heads * (headDim + valueHeadDim)
//   gqa  groups of heads share kvHeads keys and values: kvHeads * (headDim + valueHeadDim)
//   mqa  all heads share one key and one value:         headDim + valueHeadDim
//   mla  one latent c_KV plus the shared RoPE key k^R:  latentDim + ropeDim
// valueHeadDim is headDim unless given, so mha is the textbook 2 * heads * headDim.
// DeepSeek-V3: mha 2 * 128 * 128 = 32,768 against mla 512 + 64 = 576 per token per layer.
#include <cstdint>

namespace pe {

// In this order in mla/mla_request.cpp's table of names.
enum class AttentionKind { mha, gqa, mqa, mla };

// Every figure of the API is exact in a JS number: at most 2^53.
constexpr std::uint64_t kMaxExactInteger = 9007199254740992ull;  // 2^53

// A checked request (mla/mla_request.hpp): every size it gives is at most kMaxExactInteger.
// Fields an attention kind does not use are ignored.
struct KvCacheRequest {
  AttentionKind attention = AttentionKind::mha;
  std::uint64_t heads = 0, kv_heads = 0, head_dim = 0, value_head_dim = 0;
  std::uint64_t latent_dim = 0, rope_dim = 0;
  std::uint64_t layers = 1, tokens = 1, bytes_per_element = 2;
};

// Elements (numbers) cached, except bytes.
struct KvCacheSize {
  std::uint64_t per_token_per_layer = 0;
  std::uint64_t per_token = 0;  // per_token_per_layer * layers
  std::uint64_t total = 0;      // per_token * tokens
  std::uint64_t bytes = 0;      // total * bytes_per_element
};

KvCacheSize kv_cache_size(const KvCacheRequest& request);

}  // namespace pe
