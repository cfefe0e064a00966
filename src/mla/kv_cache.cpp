#include "mla/kv_cache.hpp"

namespace pe {

KvCacheSize kv_cache_size(const KvCacheRequest& r) {
  std::uint64_t per_layer = r.head_dim + r.value_head_dim;  // mqa: one key, one value
  if (r.attention == AttentionKind::mha) per_layer *= r.heads;
  if (r.attention == AttentionKind::gqa) per_layer *= r.kv_heads;
  if (r.attention == AttentionKind::mla) per_layer = r.latent_dim + r.rope_dim;
  const std::uint64_t per_token = per_layer * r.layers;
  return {per_layer, per_token, per_token * r.tokens, per_token * r.tokens * r.bytes_per_element};
}

}  // namespace pe
