#pragma once
// The checks that turn raw caller input for pe.kvCache and pe.mlaAbsorption into requests the
// computations can trust. JS numbers arrive as doubles, names as strings; messages use the JS
// names because they reach JS users verbatim. Each parser returns the first problem found.
#include <optional>
#include <string>
#include <variant>

#include "core/input_error.hpp"
#include "mla/kv_cache.hpp"
#include "mla/mla_absorption.hpp"

namespace pe {

// pe.kvCache's options; std::nullopt = not given.
struct RawKvCacheRequest {
  std::string attention;
  std::optional<double> heads, kv_heads, head_dim, value_head_dim, latent_dim, rope_dim;
  double layers = 1, tokens = 1, bytes_per_element = 2;
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

// pe.mlaAbsorption's options, defaults as in mla/mla_absorption.hpp.
struct RawMlaAbsorptionRequest {
  std::string rope = "decoupled";
  double tokens = 8, d_model = 64, heads = 4, head_dim = 16, rope_dim = 8, latent_dim = 16;
  double start = 0, seed = 1;
};

// Limits: tokens 2 to 64 (two at least, so there is an offset to see); dModel 1 to 256; heads
// 1 to 16; headDim even, 2 to 128; ropeDim even, 2 to 64; latentDim 1 to 256; start from 0 while
// the last token stays at a position <= 2^31 - 1; seed an integer from 0 to 2^53.
std::variant<MlaAbsorptionRequest, InputError> parse_mla_absorption_request(
    const RawMlaAbsorptionRequest& raw);

}  // namespace pe
