#pragma once
// The checks that turn raw caller input for pe.kvCache and pe.mlaAbsorption into requests the
// computations can trust (their options are declared beside the requests, in mla/kv_cache.hpp
// and mla/mla_absorption.hpp). JS numbers arrive as doubles, names as strings; messages use the
// JS names because they reach JS users verbatim. Each parser returns the first problem found.
#include <optional>
#include <string>
#include <tuple>
#include <variant>

#include "core/input_error.hpp"
#include "core/options.hpp"
#include "mla/kv_cache.hpp"
#include "mla/mla_absorption.hpp"

namespace pe {

// pe.kvCache's options; std::nullopt = not given.
struct RawKvCacheRequest {
  std::string attention;
  std::optional<double> heads, kv_heads, head_dim, value_head_dim, latent_dim, rope_dim;
  double layers = kCacheLayers.number();
  double tokens = kCacheTokens.number();
  double bytes_per_element = kBytesPerElement.number();
};
inline constexpr std::tuple kKvCacheOptions{
    option<&RawKvCacheRequest::attention>(kAttention),
    option<&RawKvCacheRequest::heads>(kCacheHeads),
    option<&RawKvCacheRequest::kv_heads>(kCacheKvHeads),
    option<&RawKvCacheRequest::head_dim>(kCacheHeadDim),
    option<&RawKvCacheRequest::value_head_dim>(kCacheValueHeadDim),
    option<&RawKvCacheRequest::latent_dim>(kCacheLatentDim),
    option<&RawKvCacheRequest::rope_dim>(kCacheRopeDim),
    option<&RawKvCacheRequest::layers>(kCacheLayers),
    option<&RawKvCacheRequest::tokens>(kCacheTokens),
    option<&RawKvCacheRequest::bytes_per_element>(kBytesPerElement),
};

// What each attention kind takes (an option it does not take is ignored, unchecked):
//   mha: heads, headDim (required), valueHeadDim (optional, default headDim)
//   gqa: kvHeads, headDim (required), valueHeadDim (optional)
//   mqa: headDim (required), valueHeadDim (optional)
//   mla: latentDim, ropeDim (required)
// and every kind layers (1), tokens (1), bytesPerElement (2). Allowed values (RangeError):
// heads, kvHeads, headDim, valueHeadDim, latentDim, layers integers from 1 to 65536; ropeDim an
// even integer from 0 to 65536; tokens an integer from 0 while the cache's bytes stay at most
// 2^53; bytesPerElement an integer from 1 to 8.
// Checked in that order: attention (TypeError), missing options (TypeError naming all of them:
// 'latentDim and ropeDim are required for attention "mla"'), then each value.
std::variant<KvCacheRequest, InputError> parse_kv_cache_request(const RawKvCacheRequest& raw);
inline auto parse(const RawKvCacheRequest& raw) { return parse_kv_cache_request(raw); }

// pe.mlaAbsorption's options, their defaults those of mla/mla_absorption.hpp.
struct RawMlaAbsorptionRequest {
  std::string rope = kMlaRope.text();
  double tokens = kLayerTokens.number(), d_model = kLayerDModel.number(),
         heads = kLayerHeads.number(), head_dim = kLayerHeadDim.number(),
         rope_dim = kLayerRopeDim.number(), latent_dim = kLayerLatentDim.number();
  double start = kLayerStart.number(), seed = kLayerSeed.number();
};
inline constexpr std::tuple kMlaAbsorptionOptions{
    option<&RawMlaAbsorptionRequest::rope>(kMlaRope),
    option<&RawMlaAbsorptionRequest::tokens>(kLayerTokens),
    option<&RawMlaAbsorptionRequest::d_model>(kLayerDModel),
    option<&RawMlaAbsorptionRequest::heads>(kLayerHeads),
    option<&RawMlaAbsorptionRequest::head_dim>(kLayerHeadDim),
    option<&RawMlaAbsorptionRequest::rope_dim>(kLayerRopeDim),
    option<&RawMlaAbsorptionRequest::latent_dim>(kLayerLatentDim),
    option<&RawMlaAbsorptionRequest::start>(kLayerStart),
    option<&RawMlaAbsorptionRequest::seed>(kLayerSeed),
};

// The limits of the options above, checked in that order; start from 0 while the last token
// stays at a position <= 2^31 - 1.
std::variant<MlaAbsorptionRequest, InputError> parse_mla_absorption_request(
    const RawMlaAbsorptionRequest& raw);
inline auto parse(const RawMlaAbsorptionRequest& raw) { return parse_mla_absorption_request(raw); }

}  // namespace pe
