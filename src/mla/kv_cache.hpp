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
#include <tuple>
#include <vector>

#include "core/fields.hpp"
#include "core/options.hpp"

namespace pe {

// In the order of attention_choices.
enum class AttentionKind { mha, gqa, mqa, mla };

// Every figure of the API is exact in a JS number: at most 2^53.
constexpr std::uint64_t kMaxExactInteger = 9007199254740992ull;  // 2^53

// pe.kvCache's options. Each dimension is at most 65536; which ones a kind needs is in
// mla/mla_request.cpp.
constexpr double kMaxCacheDimension = 65536;
std::vector<OptionChoice> attention_choices();
inline constexpr OptionSpec kAttention{"attention", Required{}, one_of_choices(),
                                       "the attention kind", &attention_choices};
inline constexpr OptionSpec kCacheHeads{"heads", Optional{}, integer_from(1, kMaxCacheDimension),
                                        "query heads (mha)"};
inline constexpr OptionSpec kCacheKvHeads{"kvHeads", Optional{},
                                          integer_from(1, kMaxCacheDimension),
                                          "heads with their own key and value (gqa)"};
inline constexpr OptionSpec kCacheHeadDim{"headDim", Optional{},
                                          integer_from(1, kMaxCacheDimension),
                                          "a key's length per head (mha, gqa, mqa)"};
inline constexpr OptionSpec kCacheValueHeadDim{"valueHeadDim", Optional{},
                                               integer_from(1, kMaxCacheDimension),
                                               "a value's length per head; default headDim"};
inline constexpr OptionSpec kCacheLatentDim{
    "latentDim", Optional{}, integer_from(1, kMaxCacheDimension), "MLA's latent c_KV (mla)"};
inline constexpr OptionSpec kCacheRopeDim{"ropeDim", Optional{},
                                          even_integer_from(0, kMaxCacheDimension),
                                          "MLA's shared RoPE key k^R (mla)"};
inline constexpr OptionSpec kCacheLayers{"layers", 1.0, integer_from(1, kMaxCacheDimension),
                                         "layers"};
inline constexpr OptionSpec kCacheTokens{
    "tokens", 1.0, stated("an integer from 0 while the bytes stay at most 2^53"), "tokens cached"};
inline constexpr OptionSpec kBytesPerElement{"bytesPerElement", 2.0, integer_from(1, 8),
                                             "bytes per number: 2 for bf16, 1 for fp8"};

// A checked request (mla/mla_request.hpp): every size it gives is at most kMaxExactInteger.
// Fields an attention kind does not use are ignored.
struct KvCacheRequest {
  AttentionKind attention = AttentionKind::mha;
  std::uint64_t heads = 0, kv_heads = 0, head_dim = 0, value_head_dim = 0;
  std::uint64_t latent_dim = 0, rope_dim = 0;
  std::uint64_t layers = static_cast<std::uint64_t>(kCacheLayers.number());
  std::uint64_t tokens = static_cast<std::uint64_t>(kCacheTokens.number());
  std::uint64_t bytes_per_element = static_cast<std::uint64_t>(kBytesPerElement.number());
};

// Elements (numbers) cached, except bytes.
struct KvCacheSize {
  std::uint64_t per_token_per_layer = 0;
  std::uint64_t per_token = 0;  // per_token_per_layer * layers
  std::uint64_t total = 0;      // per_token * tokens
  std::uint64_t bytes = 0;      // total * bytes_per_element
};
constexpr auto fields_of(const KvCacheSize&) {
  return std::tuple{field<&KvCacheSize::per_token_per_layer>("perTokenPerLayer"),
                    field<&KvCacheSize::per_token>("perToken"), field<&KvCacheSize::total>("total"),
                    field<&KvCacheSize::bytes>("bytes")};
}

KvCacheSize kv_cache_size(const KvCacheRequest& request);

}  // namespace pe
