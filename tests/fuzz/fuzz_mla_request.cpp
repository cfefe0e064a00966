// KV-cache and MLA absorption requests from any numbers and names: a rejected request names a
// parameter; an accepted KV-cache request gives sizes that multiply out exactly and stay exact in
// JavaScript (at most 2^53 bytes); an accepted absorption request (kept small) gives finite
// scores, and the two ways of computing them agree without positions and with decoupled RoPE.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "fuzz_input.hpp"
#include "mla/kv_cache.hpp"
#include "mla/mla_absorption.hpp"
#include "mla/mla_request.hpp"

namespace {

const std::vector<std::string> kParameters = {
    "attention", "heads",  "kvHeads",         "headDim", "valueHeadDim", "latentDim", "ropeDim",
    "layers",    "tokens", "bytesPerElement", "rope",    "dModel",       "start",     "seed"};

void check_kv_cache(fuzz::FuzzInput& input) {
  pe::RawKvCacheRequest raw;
  raw.attention = input.name({"mha", "gqa", "mqa", "mla"});
  for (std::optional<double>* option : {&raw.heads, &raw.kv_heads, &raw.head_dim,
                                        &raw.value_head_dim, &raw.latent_dim, &raw.rope_dim})
    if (input.flag()) *option = input.number();
  if (input.flag()) raw.layers = input.number();
  if (input.flag()) raw.tokens = input.number();
  if (input.flag()) raw.bytes_per_element = input.number();

  const auto parsed = pe::parse_kv_cache_request(raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) {
    FUZZ_CHECK(fuzz::names_a_parameter(error->message, kParameters));
    return;
  }
  const auto& request = std::get<pe::KvCacheRequest>(parsed);
  const pe::KvCacheSize size = pe::kv_cache_size(request);
  // Each product checked by dividing back, so a wrapped multiplication in the core cannot pass.
  const auto is_product = [](std::uint64_t product, std::uint64_t a, std::uint64_t b) {
    return b == 0 ? product == 0 : product % b == 0 && product / b == a;
  };
  FUZZ_CHECK(size.per_token_per_layer > 0);
  FUZZ_CHECK(is_product(size.per_token, size.per_token_per_layer, request.layers));
  FUZZ_CHECK(is_product(size.total, size.per_token, request.tokens));
  FUZZ_CHECK(is_product(size.bytes, size.total, request.bytes_per_element));
  FUZZ_CHECK(size.bytes <= pe::kMaxExactInteger);
}

void check_absorption(fuzz::FuzzInput& input) {
  pe::RawMlaAbsorptionRequest raw;
  raw.rope = input.name({"none", "naive", "decoupled"});
  for (double* option : {&raw.tokens, &raw.d_model, &raw.heads, &raw.head_dim, &raw.rope_dim,
                         &raw.latent_dim, &raw.start, &raw.seed})
    if (input.flag()) *option = input.number();

  const auto parsed = pe::parse_mla_absorption_request(raw);
  if (const auto* error = std::get_if<pe::InputError>(&parsed)) {
    FUZZ_CHECK(fuzz::names_a_parameter(error->message, kParameters));
    return;
  }
  const auto& request = std::get<pe::MlaAbsorptionRequest>(parsed);
  // The work of one run, in multiply-adds; the largest allowed request takes a second under the
  // sanitizers, and the native tests cover the large sizes.
  const double work =
      static_cast<double>(request.heads) * request.tokens *
      (static_cast<double>(request.latent_dim) * request.head_dim +
       static_cast<double>(request.d_model) * (request.head_dim + request.rope_dim));
  if (work > 4e6) return;
  const pe::MlaAbsorption result = pe::run_mla_absorption(request);
  const std::size_t scores =
      static_cast<std::size_t>(request.heads) * request.tokens * request.tokens;
  FUZZ_CHECK(result.explicit_scores.size() == scores && result.absorbed_scores.size() == scores);
  for (std::size_t i = 0; i < scores; ++i)
    FUZZ_CHECK(std::isfinite(result.explicit_scores[i]) &&
               std::isfinite(result.absorbed_scores[i]));
  FUZZ_CHECK(std::isfinite(result.max_abs_difference) && result.max_abs_score > 0);
  if (request.rope == pe::MlaRope::naive) {
    FUZZ_CHECK(result.absorbed_matrices == 2 * request.tokens - 1);
  } else {
    FUZZ_CHECK(result.absorbed_matrices == 1);
    FUZZ_CHECK(result.max_abs_difference <= 1e-4 * result.max_abs_score);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  check_kv_cache(input);
  check_absorption(input);
  return 0;
}
