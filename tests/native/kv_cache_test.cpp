// KV-cache sizes and the model presets, checked against the DeepSeek-V2 paper's Table 1 formulas
// and the figures of shared/docs/references.md: DeepSeek-V3 caches 576 numbers per token per
// layer where multi-head attention would cache 32,768.
#define BOOST_TEST_MODULE kv_cache

#include "mla/kv_cache.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>

#include "core/rope_scaling.hpp"
#include "mla/model_presets.hpp"

namespace {

using pe::AttentionKind;
using pe::KvCacheRequest;
using pe::ModelPreset;

const ModelPreset& preset(const std::string& id) {
  for (const ModelPreset& p : pe::model_presets())
    if (id == p.id) return p;
  BOOST_FAIL("no preset " + id);
  throw;
}

// The preset's dimensions as a request for the given attention kind.
KvCacheRequest request_for(const ModelPreset& p, AttentionKind kind, std::uint64_t tokens = 1,
                           std::uint64_t bytes = 2) {
  KvCacheRequest r;
  r.attention = kind;
  r.heads = p.heads;
  r.kv_heads = p.kv_heads;
  r.head_dim = p.head_dim;
  r.value_head_dim = p.value_head_dim;
  r.latent_dim = p.latent_dim;
  r.rope_dim = p.rope_dim;
  r.layers = p.layers;
  r.tokens = tokens;
  r.bytes_per_element = bytes;
  return r;
}

pe::KvCacheSize size_of(const KvCacheRequest& r) { return pe::kv_cache_size(r); }

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

}  // namespace

BOOST_AUTO_TEST_CASE(deepseek_v3_caches_576_numbers_per_token_per_layer_where_mha_caches_32768) {
  const ModelPreset& v3 = preset("deepseek-v3");
  BOOST_TEST(size_of(request_for(v3, AttentionKind::mla)).per_token_per_layer == 576u);
  BOOST_TEST(size_of(request_for(v3, AttentionKind::mha)).per_token_per_layer == 32768u);
  BOOST_TEST(size_of(request_for(v3, AttentionKind::mqa)).per_token_per_layer == 256u);
  // 56.9 times fewer; with the real 192-number keys and 128-number values 40,960, 71.1 times.
  BOOST_TEST(std::round(32768.0 / 576 * 10) / 10 == 56.9);
  KvCacheRequest real = request_for(v3, AttentionKind::mha);
  real.head_dim = static_cast<std::uint64_t>(v3.query_key_head_dim());
  BOOST_TEST(v3.query_key_head_dim() == 192);
  BOOST_TEST(size_of(real).per_token_per_layer == 40960u);
  BOOST_TEST(std::round(40960.0 / 576 * 10) / 10 == 71.1);
}

BOOST_AUTO_TEST_CASE(the_whole_of_deepseek_v3_caches_70272_bytes_per_token_in_bf16) {
  const ModelPreset& v3 = preset("deepseek-v3");
  const auto mla = size_of(request_for(v3, AttentionKind::mla));
  BOOST_TEST(mla.per_token == 35136u);
  BOOST_TEST(mla.total == 35136u);
  BOOST_TEST(mla.bytes == 70272u);
  BOOST_TEST(size_of(request_for(v3, AttentionKind::mha)).per_token == 1998848u);
  // At 131,072 tokens in bf16: about 8.58 GiB against 488 GiB.
  const auto long_mla = size_of(request_for(v3, AttentionKind::mla, 131072));
  const auto long_mha = size_of(request_for(v3, AttentionKind::mha, 131072));
  BOOST_TEST(long_mla.bytes == 9210691584u);
  BOOST_TEST(long_mha.bytes == 523986010112u);
  BOOST_TEST(std::round(long_mla.bytes / kGiB * 100) / 100 == 8.58);
  BOOST_TEST(std::round(long_mha.bytes / kGiB) == 488);
}

BOOST_AUTO_TEST_CASE(llama_3_2_1b_caches_1024_numbers_per_layer_and_16384_per_token_with_gqa) {
  const auto gqa = size_of(request_for(preset("llama-3.2-1b"), AttentionKind::gqa));
  BOOST_TEST(gqa.per_token_per_layer == 1024u);
  BOOST_TEST(gqa.per_token == 16384u);
  BOOST_TEST(gqa.bytes == 32768u);
}

BOOST_AUTO_TEST_CASE(every_preset_caches_what_its_own_attention_kind_says) {
  // id, own kind, per token per layer, layers; then MHA's 2 * heads * headDim and MQA's 2 *
  // headDim.
  struct Expected {
    const char* id;
    AttentionKind kind;
    std::uint64_t own, layers, mha, mqa;
  };
  const Expected expected[] = {
      {"deepseek-v2", AttentionKind::mla, 576, 60, 32768, 256},
      {"deepseek-v3", AttentionKind::mla, 576, 61, 32768, 256},
      {"deepseek-v2-lite", AttentionKind::mla, 576, 27, 4096, 256},
      {"llama-3.1-8b", AttentionKind::gqa, 2048, 32, 8192, 256},
      {"llama-3.1-70b", AttentionKind::gqa, 2048, 80, 16384, 256},
      {"llama-3.2-1b", AttentionKind::gqa, 1024, 16, 4096, 128},
  };
  BOOST_TEST(pe::model_presets().size() == std::size(expected));
  for (const Expected& e : expected) {
    BOOST_TEST_CONTEXT(e.id) {
      const ModelPreset& p = preset(e.id);
      BOOST_TEST((p.attention == e.kind));
      const auto own = size_of(request_for(p, e.kind, 1000, 1));
      BOOST_TEST(own.per_token_per_layer == e.own);
      BOOST_TEST(own.per_token == e.own * e.layers);
      BOOST_TEST(own.total == e.own * e.layers * 1000);
      BOOST_TEST(own.bytes == own.total);
      BOOST_TEST(size_of(request_for(p, AttentionKind::mha)).per_token_per_layer == e.mha);
      BOOST_TEST(size_of(request_for(p, AttentionKind::mqa)).per_token_per_layer == e.mqa);
      // 2 * kvHeads * headDim, kvHeads = heads for DeepSeek (every head its own key and value).
      BOOST_TEST(size_of(request_for(p, AttentionKind::gqa)).per_token_per_layer ==
                 2u * p.kv_heads * p.head_dim);
    }
  }
}

BOOST_AUTO_TEST_CASE(presets_hold_the_published_configurations) {
  const ModelPreset& v2 = preset("deepseek-v2");
  const ModelPreset& v3 = preset("deepseek-v3");
  const ModelPreset& lite = preset("deepseek-v2-lite");
  for (const ModelPreset* p : {&v2, &v3, &lite}) {
    BOOST_TEST_CONTEXT(p->name) {
      BOOST_TEST(p->head_dim == 128);
      BOOST_TEST(p->rope_dim == 64);
      BOOST_TEST(p->value_head_dim == 128);
      BOOST_TEST(p->latent_dim == 512);
      BOOST_TEST(p->rope_base == 10000);
      BOOST_TEST((p->scaling.type == pe::RopeScalingType::yarn));
      BOOST_TEST(p->scaling.factor == 40);
      BOOST_TEST(p->scaling.original_context == 4096);
      BOOST_TEST(p->scaling.beta_fast == 32);
      BOOST_TEST(p->scaling.beta_slow == 1);
      BOOST_TEST(p->max_context == 163840);
      BOOST_TEST(p->rotated_dim() == 64);
    }
  }
  BOOST_TEST(v2.d_model == 5120);
  BOOST_TEST(v3.d_model == 7168);
  BOOST_TEST(lite.d_model == 2048);
  BOOST_TEST(v2.heads == 128);
  BOOST_TEST(lite.heads == 16);
  BOOST_TEST(v2.query_latent_dim == 1536);
  BOOST_TEST(v3.query_latent_dim == 1536);
  BOOST_TEST(lite.query_latent_dim == 0);  // q_lora_rank 0: queries straight from h_t
  // YaRN's temperature: 1.36889^2 = 1.87385 for V3, V2's 0.0707 ln 40 + 1 = 1.2608 -> 1.5896.
  BOOST_TEST(std::pow(pe::yarn_mscale(40, v3.mscale_all_dim), 2) == 1.87385,
             boost::test_tools::tolerance(1e-5));
  BOOST_TEST(std::pow(pe::yarn_mscale(40, v2.mscale_all_dim), 2) == 1.5896,
             boost::test_tools::tolerance(1e-4));
  BOOST_TEST(lite.mscale_all_dim == 0.707);

  const ModelPreset& l8 = preset("llama-3.1-8b");
  const ModelPreset& l70 = preset("llama-3.1-70b");
  const ModelPreset& l1 = preset("llama-3.2-1b");
  BOOST_TEST((l8.d_model == 4096 && l8.layers == 32 && l8.heads == 32 && l8.kv_heads == 8));
  BOOST_TEST((l70.d_model == 8192 && l70.layers == 80 && l70.heads == 64 && l70.kv_heads == 8));
  BOOST_TEST((l1.d_model == 2048 && l1.layers == 16 && l1.heads == 32 && l1.kv_heads == 8));
  BOOST_TEST(l1.head_dim == 64);
  for (const ModelPreset* p : {&l8, &l70, &l1}) {
    BOOST_TEST_CONTEXT(p->name) {
      BOOST_TEST(p->rope_base == 500000);
      BOOST_TEST((p->scaling.type == pe::RopeScalingType::llama3));
      BOOST_TEST(p->scaling.original_context == 8192);
      BOOST_TEST(p->max_context == 131072);
      BOOST_TEST(p->latent_dim == 0);
      BOOST_TEST(p->rotated_dim() == p->head_dim);  // RoPE turns the whole head
      BOOST_TEST(p->query_key_head_dim() == p->head_dim);
    }
  }
  BOOST_TEST(l8.scaling.factor == 8);
  BOOST_TEST(l70.scaling.factor == 8);
  BOOST_TEST(l1.scaling.factor == 32);
}

BOOST_AUTO_TEST_CASE(yarn_keeps_pairs_0_to_10_blends_11_to_22_and_stretches_23_to_31_forty_times) {
  const ModelPreset& v3 = preset("deepseek-v3");
  const auto w = pe::rope_wavelengths(v3.rotated_dim(), v3.rope_base, v3.scaling);
  BOOST_TEST_REQUIRE(w.original.size() == 32u);
  const double two_pi = 2 * std::acos(-1.0);
  for (int i = 0; i < 32; ++i) {
    BOOST_TEST_CONTEXT("pair " << i) {
      BOOST_TEST(w.original[i] == two_pi * std::pow(10000.0, 2.0 * i / 64),
                 boost::test_tools::tolerance(1e-12));
      const std::string band = pe::name_of(w.bands[i]);
      BOOST_TEST(band == (i <= 10 ? "kept" : i <= 22 ? "blended" : "divided"));
      if (i <= 10) BOOST_TEST(w.scaled[i] == w.original[i]);
      if (i >= 23)
        BOOST_TEST(w.scaled[i] == 40 * w.original[i], boost::test_tools::tolerance(1e-12));
      if (i > 10 && i < 23)
        BOOST_TEST((w.scaled[i] > w.original[i] && w.scaled[i] < 40 * w.original[i]));
    }
  }
  // Pair 0 turns every 2 pi positions; the first divided pair's wavelength already passes 4096.
  BOOST_TEST(w.original[0] == two_pi, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(w.original[23] > 4096);
}

BOOST_AUTO_TEST_CASE(sizes_are_exact_up_to_2_to_the_53) {
  // The parser keeps every size at most 2^53 (mla_request_test); up to there they are exact.
  KvCacheRequest r;
  r.attention = AttentionKind::mqa;
  r.head_dim = 1;
  r.value_head_dim = 1;
  r.layers = 1;
  r.bytes_per_element = 2;
  r.tokens = pe::kMaxExactInteger / 4;
  BOOST_TEST(size_of(r).total == pe::kMaxExactInteger / 2);
  BOOST_TEST(size_of(r).bytes == pe::kMaxExactInteger);
  // Zero tokens cache nothing.
  r.tokens = 0;
  BOOST_TEST(size_of(r).bytes == 0u);
}
