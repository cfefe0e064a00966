#pragma once
// Why DeepSeek decouples RoPE, computed: one small multi-head latent attention (MLA) layer with
// seeded weights, its attention scores worked out two ways.
//
//   explicit  the straightforward way: every head's keys are materialised from the latent,
//             k^C = W_UK c_KV, rotated where the variant says, and dotted with the queries;
//   absorbed  from the cache only: W_UK moves to the query side (q~ = W_UK^T q^C, one
//             position-free matrix per head, as DeepSeek's inference code does with wkv_b) and
//             q~ is dotted with the cached latent c_KV directly; the keys are never built.
//
// The variants (rope):
//   none       no positions: q^C . k^C = q~ . c_KV, so the two ways agree.
//   naive      RoPE on the full per-head keys and queries after up-projection: the explicit score
//              is q^C^T R_m^T R_n W_UK c_KV = q^C^T R_(n-m) W_UK c_KV. The rotation of the key
//              sits between W_UK and c_KV and depends on the positions, so no single matrix can
//              be folded into the query: the absorbed way (query rotated, keys from the latent)
//              misses R_n and disagrees. Exact absorption needs one matrix per offset n - m.
//   decoupled  DeepSeek's answer: q^C and k^C carry no position; a separate RoPE part, q^R per
//              head and one k^R shared by all heads (cached already rotated), carries them:
//              score = [q^C; q^R] . [k^C; k^R]. The absorbed way adds q^R . k^R from the cache
//              and agrees with the explicit way.
// Scores are divided by sqrt(query-key length): headDim, or headDim + ropeDim for decoupled.
// RoPE here: base 10000, interleaved pairs (DeepSeek's inference code), token r at start + r.
//
// Shapes, row-major, row vectors (x W):
//   h      (tokens, dModel)      hidden states, N(0, 1)
//   W_DKV  (dModel, latentDim)   c_KV = h W_DKV
//   W_KR   (dModel, ropeDim)     k^R = RoPE(h W_KR), shared by the heads
//   per head: W_Q (dModel, headDim), W_QR (dModel, ropeDim), W_UK (latentDim, headDim)
// Queries come straight from h, as in DeepSeek-V2-Lite (no query latent c_Q: it would add one
// matrix on the query side and change nothing here). Every matrix entry is N(0, 1 / rows).
#include <cstdint>
#include <tuple>
#include <vector>

#include "core/fields.hpp"
#include "core/options.hpp"
#include "mla/kv_cache.hpp"

namespace pe {

// In the order of mla_rope_choices.
enum class MlaRope { none, naive, decoupled };

// pe.mlaAbsorption's options: a layer small enough to draw, two tokens at least (so there is an
// offset to see), even RoPE dimensions (RoPE turns pairs).
std::vector<OptionChoice> mla_rope_choices();
inline constexpr OptionSpec kMlaRope{"rope", "decoupled", one_of_choices(),
                                     "where RoPE acts: nowhere, on the full keys, or decoupled",
                                     &mla_rope_choices};
inline constexpr OptionSpec kLayerTokens{"tokens", 8.0, integer_from(2, 64), "tokens"};
inline constexpr OptionSpec kLayerDModel{"dModel", 64.0, integer_from(1, 256),
                                         "the hidden state's size"};
inline constexpr OptionSpec kLayerHeads{"heads", 4.0, integer_from(1, 16), "heads"};
inline constexpr OptionSpec kLayerHeadDim{"headDim", 16.0, even_integer_from(2, 128),
                                          "a head's position-free key and query length"};
inline constexpr OptionSpec kLayerRopeDim{"ropeDim", 8.0, even_integer_from(2, 64),
                                          "the decoupled RoPE part's length"};
inline constexpr OptionSpec kLayerLatentDim{"latentDim", 16.0, integer_from(1, 256),
                                            "the latent c_KV's length"};
inline constexpr OptionSpec kLayerStart{
    "start", 0.0,
    stated("an integer from 0 while the last position, start + tokens - 1, is at most 2^31 - 1"),
    "the first token's position"};
inline constexpr OptionSpec kLayerSeed{
    "seed", 1.0, integer_from(0, static_cast<double>(kMaxExactInteger), " (2^53)"),
    "the weights' and hidden states' seed"};

struct MlaAbsorptionRequest {
  MlaRope rope = MlaRope::decoupled;
  int tokens = static_cast<int>(kLayerTokens.number());
  int d_model = static_cast<int>(kLayerDModel.number());
  int heads = static_cast<int>(kLayerHeads.number());
  int head_dim = static_cast<int>(kLayerHeadDim.number());  // naive RoPE turns the whole head
  int rope_dim = static_cast<int>(kLayerRopeDim.number());  // used by decoupled only
  int latent_dim = static_cast<int>(kLayerLatentDim.number());
  std::int64_t start = static_cast<std::int64_t>(kLayerStart.number());
  // The same seed gives the same weights and hidden states to every variant.
  std::uint64_t seed = static_cast<std::uint64_t>(kLayerSeed.number());
};

struct MlaAbsorption {
  // (heads, tokens, tokens): the score of query m and key n in head h is at index
  // (h * tokens + m) * tokens + n.
  std::vector<float> explicit_scores;
  std::vector<float> absorbed_scores;
  double max_abs_difference = 0;  // largest |explicit - absorbed|
  double max_abs_score = 0;       // largest |explicit|
  // Matrices per head that exact absorption needs: 1, or for naive one per offset n - m
  // (2 * tokens - 1), growing with the context.
  std::int64_t absorbed_matrices = 1;
  // Numbers cached per token (one layer): the explicit way keeps every head's key and value,
  // heads * (key length + headDim); the absorbed way the latent (plus k^R for decoupled).
  std::int64_t explicit_cache = 0;
  std::int64_t absorbed_cache = 0;
};
constexpr auto fields_of(const MlaAbsorption&) {
  return std::tuple{
      field<&MlaAbsorption::explicit_scores>("explicit"),
      field<&MlaAbsorption::absorbed_scores>("absorbed"),
      field<&MlaAbsorption::max_abs_difference>("maxAbsDifference"),
      field<&MlaAbsorption::max_abs_score>("maxAbsScore"),
      field<&MlaAbsorption::absorbed_matrices>("absorbedMatrices"),
      group("cacheElementsPerToken", field<&MlaAbsorption::explicit_cache>("explicit"),
            field<&MlaAbsorption::absorbed_cache>("absorbed")),
  };
}

// The seeded layer itself, so a test can recompute the scores its own way. Matrices as in the
// shapes above; the per-head ones one after another, head 0 first. The weights are drawn first
// (W_DKV, W_KR, then per head W_Q, W_QR, W_UK), then the hidden states, so every variant and
// every token count sees the same weights.
struct MlaLayer {
  std::vector<float> down_kv;     // W_DKV (dModel, latentDim)
  std::vector<float> rope_key;    // W_KR  (dModel, ropeDim)
  std::vector<float> query;       // W_Q   (heads, dModel, headDim)
  std::vector<float> rope_query;  // W_QR  (heads, dModel, ropeDim)
  std::vector<float> up_key;      // W_UK  (heads, latentDim, headDim)
  std::vector<float> hidden;      // h     (tokens, dModel)
};
MlaLayer make_mla_layer(const MlaAbsorptionRequest& request);

MlaAbsorption run_mla_absorption(const MlaAbsorptionRequest& request);

}  // namespace pe
