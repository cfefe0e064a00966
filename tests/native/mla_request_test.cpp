// The parsers of pe.kvCache and pe.mlaAbsorption are the only gate between JS input and the MLA
// computations: every invalid input comes back as the right ErrorKind with a message that names
// the parameter (by its JS name), what is allowed and what was received.
#include "mla/mla_request.hpp"

#include <boost/test/unit_test.hpp>
#include <limits>
#include <string>
#include <variant>

#include "support/parsed.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

using pe::ErrorKind;
using pe::RawKvCacheRequest;
using pe::RawMlaAbsorptionRequest;
using test_support::check_error;
using test_support::value_of;

RawKvCacheRequest mla() {
  RawKvCacheRequest raw;
  raw.attention = "mla";
  raw.latent_dim = 512;
  raw.rope_dim = 64;
  return raw;
}

RawKvCacheRequest mha() {
  RawKvCacheRequest raw;
  raw.attention = "mha";
  raw.heads = 128;
  raw.head_dim = 128;
  return raw;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_full_request_parses_to_its_fields) {
  RawKvCacheRequest raw = mla();
  raw.layers = 61;
  raw.tokens = 131072;
  raw.bytes_per_element = 1;
  const auto r = value_of(pe::parse_kv_cache_request(raw));
  BOOST_TEST((r.attention == pe::AttentionKind::mla));
  BOOST_TEST((r.latent_dim == 512u && r.rope_dim == 64u && r.layers == 61u));
  BOOST_TEST((r.tokens == 131072u && r.bytes_per_element == 1u));
  // Defaults: one layer, one token, two bytes (bf16); values as long as keys.
  const auto d = value_of(pe::parse_kv_cache_request(mha()));
  BOOST_TEST((d.layers == 1u && d.tokens == 1u && d.bytes_per_element == 2u));
  BOOST_TEST(d.value_head_dim == 128u);
  RawKvCacheRequest real = mha();
  real.head_dim = 192;
  real.value_head_dim = 128;
  BOOST_TEST(value_of(pe::parse_kv_cache_request(real)).value_head_dim == 128u);
}

BOOST_AUTO_TEST_CASE(an_unknown_attention_kind_is_a_type_error_listing_the_four) {
  RawKvCacheRequest raw = mla();
  raw.attention = "MLA";
  check_error(pe::parse_kv_cache_request(raw), ErrorKind::type,
              "attention must be \"mha\", \"gqa\", \"mqa\" or \"mla\"; received \"MLA\"");
}

BOOST_AUTO_TEST_CASE(missing_options_are_a_type_error_naming_every_one_of_them) {
  RawKvCacheRequest raw;
  raw.attention = "mla";
  check_error(pe::parse_kv_cache_request(raw), ErrorKind::type,
              "latentDim and ropeDim are required for attention \"mla\"");
  raw.latent_dim = 512;
  check_error(pe::parse_kv_cache_request(raw), ErrorKind::type,
              "ropeDim is required for attention \"mla\"");
  raw = RawKvCacheRequest{};
  raw.attention = "mha";
  check_error(pe::parse_kv_cache_request(raw), ErrorKind::type,
              "heads and headDim are required for attention \"mha\"");
  raw.attention = "gqa";
  raw.head_dim = 128;
  check_error(pe::parse_kv_cache_request(raw), ErrorKind::type,
              "kvHeads is required for attention \"gqa\"");
  raw.attention = "mqa";
  raw.head_dim.reset();
  check_error(pe::parse_kv_cache_request(raw), ErrorKind::type,
              "headDim is required for attention \"mqa\"");
  // A missing option is reported before a wrong value of another.
  raw.value_head_dim = -1;
  check_error(pe::parse_kv_cache_request(raw), ErrorKind::type,
              "headDim is required for attention \"mqa\"");
}

BOOST_AUTO_TEST_CASE(options_a_kind_does_not_take_are_ignored_even_out_of_range) {
  RawKvCacheRequest raw = mha();
  raw.latent_dim = -1;
  raw.rope_dim = 3;
  raw.kv_heads = 0.5;
  BOOST_TEST(value_of(pe::parse_kv_cache_request(raw)).heads == 128u);
  raw = mla();
  raw.heads = kNaN;
  raw.head_dim = 0;
  BOOST_TEST(value_of(pe::parse_kv_cache_request(raw)).latent_dim == 512u);
}

BOOST_AUTO_TEST_CASE(each_value_out_of_range_is_a_range_error_naming_it) {
  const auto check = [](RawKvCacheRequest raw, const std::string& message) {
    check_error(pe::parse_kv_cache_request(raw), ErrorKind::range, message);
  };
  RawKvCacheRequest raw = mha();
  raw.heads = 0;
  check(raw, "heads must be an integer from 1 to 65536; received 0");
  raw.heads = 65537;
  check(raw, "heads must be an integer from 1 to 65536; received 65537");
  raw = mha();
  raw.head_dim = 1.5;
  check(raw, "headDim must be an integer from 1 to 65536; received 1.5");
  raw = mha();
  raw.value_head_dim = kNaN;
  check(raw, "valueHeadDim must be an integer from 1 to 65536; received NaN");
  raw = mha();
  raw.attention = "gqa";
  raw.kv_heads = -8;
  check(raw, "kvHeads must be an integer from 1 to 65536; received -8");
  // A grouping of the query heads, when they are given: kvHeads divides heads.
  raw.heads = 8;
  raw.kv_heads = 16;
  check(raw,
        "kvHeads must divide heads (8): each key and value serves a whole group of query heads; "
        "received 16");
  raw.heads = 65536;
  raw.kv_heads = 3;
  check(raw,
        "kvHeads must divide heads (65536): each key and value serves a whole group of query "
        "heads; received 3");
  raw.kv_heads = 4096;
  BOOST_TEST(value_of(pe::parse_kv_cache_request(raw)).kv_heads == 4096u);
  raw = mla();
  raw.latent_dim = kInfinity;
  check(raw, "latentDim must be an integer from 1 to 65536; received Infinity");
  raw = mla();
  raw.rope_dim = 63;
  check(raw, "ropeDim must be an even integer from 0 to 65536; received 63");
  raw = mla();
  raw.rope_dim = 0;  // an MLA without a RoPE part
  BOOST_TEST(value_of(pe::parse_kv_cache_request(raw)).rope_dim == 0u);
  raw = mla();
  raw.layers = 0;
  check(raw, "layers must be an integer from 1 to 65536; received 0");
  raw = mla();
  raw.bytes_per_element = 0.5;
  check(raw, "bytesPerElement must be an integer from 1 to 8; received 0.5");
  raw = mla();
  raw.tokens = -1;
  // 576 numbers of 2 bytes: 2^53 / 1152 tokens at most.
  check(raw,
        "tokens must be an integer from 0 to 7818749353073 (at most 2^53 bytes, exact in "
        "JavaScript); received -1");
  raw.tokens = 7818749353073;
  BOOST_TEST(value_of(pe::parse_kv_cache_request(raw)).tokens == 7818749353073u);
  raw.tokens = 7818749353074;
  check(raw,
        "tokens must be an integer from 0 to 7818749353073 (at most 2^53 bytes, exact in "
        "JavaScript); received 7818749353074");
  // One number of one byte per token: 2^53 tokens, written out whole.
  raw = RawKvCacheRequest{};
  raw.attention = "mla";
  raw.latent_dim = 1;
  raw.rope_dim = 0;
  raw.bytes_per_element = 1;
  raw.tokens = 9007199254740992.0;
  BOOST_TEST(value_of(pe::parse_kv_cache_request(raw)).tokens == 9007199254740992ull);
  raw.tokens = 1e16;
  check(raw,
        "tokens must be an integer from 0 to 9007199254740992 (at most 2^53 bytes, exact in "
        "JavaScript); received 1e+16");
}

BOOST_AUTO_TEST_CASE(the_absorption_request_takes_its_defaults_and_every_field) {
  const auto d = value_of(pe::parse_mla_absorption_request(RawMlaAbsorptionRequest{}));
  BOOST_TEST((d.rope == pe::MlaRope::decoupled));
  BOOST_TEST((d.tokens == 8 && d.d_model == 64 && d.heads == 4 && d.head_dim == 16));
  BOOST_TEST((d.rope_dim == 8 && d.latent_dim == 16 && d.start == 0 && d.seed == 1u));
  RawMlaAbsorptionRequest raw;
  raw.rope = "naive";
  raw.tokens = 64;
  raw.start = 2147483647 - 63;
  raw.seed = 9007199254740992.0;
  const auto r = value_of(pe::parse_mla_absorption_request(raw));
  BOOST_TEST((r.rope == pe::MlaRope::naive && r.tokens == 64 && r.start == 2147483584));
  BOOST_TEST(r.seed == 9007199254740992ull);
}

BOOST_AUTO_TEST_CASE(every_bad_absorption_option_is_named_with_what_is_allowed) {
  const auto check = [](RawMlaAbsorptionRequest raw, ErrorKind kind, const std::string& message) {
    check_error(pe::parse_mla_absorption_request(raw), kind, message);
  };
  RawMlaAbsorptionRequest raw;
  raw.rope = "rope";
  check(raw, ErrorKind::type,
        "rope must be \"none\", \"naive\" or \"decoupled\"; received \"rope\"");
  const struct {
    double RawMlaAbsorptionRequest::*field;
    double value;
    const char* message;
  } cases[] = {
      {&RawMlaAbsorptionRequest::tokens, 1, "tokens must be an integer from 2 to 64; received 1"},
      {&RawMlaAbsorptionRequest::tokens, 65, "tokens must be an integer from 2 to 64; received 65"},
      {&RawMlaAbsorptionRequest::d_model, 0, "dModel must be an integer from 1 to 256; received 0"},
      {&RawMlaAbsorptionRequest::heads, 17, "heads must be an integer from 1 to 16; received 17"},
      {&RawMlaAbsorptionRequest::head_dim, 15,
       "headDim must be an even integer from 2 to 128; received 15"},
      {&RawMlaAbsorptionRequest::rope_dim, 66,
       "ropeDim must be an even integer from 2 to 64; received 66"},
      {&RawMlaAbsorptionRequest::latent_dim, kNaN,
       "latentDim must be an integer from 1 to 256; received NaN"},
      {&RawMlaAbsorptionRequest::start, -1,
       "start must be an integer from 0 to 2147483640 (the last position, start + tokens - 1, may "
       "be at most 2^31 - 1); received -1"},
      {&RawMlaAbsorptionRequest::start, 2147483641,
       "start must be an integer from 0 to 2147483640 (the last position, start + tokens - 1, may "
       "be at most 2^31 - 1); received 2147483641"},
      {&RawMlaAbsorptionRequest::seed, 0.5,
       "seed must be an integer from 0 to 9007199254740992 (2^53); received 0.5"},
      {&RawMlaAbsorptionRequest::seed, 1e16,
       "seed must be an integer from 0 to 9007199254740992 (2^53); received 1e+16"},
  };
  for (const auto& c : cases) {
    RawMlaAbsorptionRequest bad;
    bad.*c.field = c.value;
    check(bad, ErrorKind::range, c.message);
  }
}
