#include "mla/mla_request.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdio>

#include "core/position_range.hpp"

namespace pe {

namespace {

// An error whose message is printf's format filled in: one formatting call per message instead of
// a temporary string per "+" (this code ships inside the page's WebAssembly).
InputError formatted_error(ErrorKind kind, const char* format, ...) {
  char message[320];
  va_list values;
  va_start(values, format);
  std::vsnprintf(message, sizeof message, format, values);
  va_end(values);
  return {kind, message};
}

// The checks of one request, in order; the first one that fails is the request's error, and the
// ones after it do nothing. Each check is one plain call, so the parsers stay small.
class Checks {
 public:
  // value if the option allows it, else 0 and the option's error.
  double allowed(const OptionSpec& option, double value) {
    if (allows(option, value)) return value;
    if (!error_) error_ = check(option, value);
    return 0;
  }
  // value if it is an integer in [low, high], else 0 and the error
  // "<name> must be an integer from <low> to <high><note>; received <value>", for a limit that
  // depends on other options.
  double integer(const OptionSpec& option, double value, double low, double high,
                 const char* note) {
    if (is_integer_in(value, low, high)) return value;
    if (!error_)
      error_ = formatted_error(ErrorKind::range,
                               "%s must be an integer from %.17g to %.17g%s; received %s",
                               option.name, low, high, note, describe_number(value).c_str());
    return 0;
  }
  const std::optional<InputError>& first_error() const { return error_; }

 private:
  std::optional<InputError> error_;
};

// The dimension options of pe.kvCache, in the order they are checked.
struct Dimension {
  const OptionSpec* spec;
  std::optional<double> RawKvCacheRequest::*raw;
  std::uint64_t KvCacheRequest::*value;
};

constexpr int kDimensions = 6;
const Dimension kDims[kDimensions] = {
    {&kCacheHeads, &RawKvCacheRequest::heads, &KvCacheRequest::heads},
    {&kCacheKvHeads, &RawKvCacheRequest::kv_heads, &KvCacheRequest::kv_heads},
    {&kCacheHeadDim, &RawKvCacheRequest::head_dim, &KvCacheRequest::head_dim},
    {&kCacheValueHeadDim, &RawKvCacheRequest::value_head_dim, &KvCacheRequest::value_head_dim},
    {&kCacheLatentDim, &RawKvCacheRequest::latent_dim, &KvCacheRequest::latent_dim},
    {&kCacheRopeDim, &RawKvCacheRequest::rope_dim, &KvCacheRequest::rope_dim},
};

// How a kind (in the order of attention_choices) uses each of kDims: 0 not at all, 1
// optionally, 2 required.
const char kUses[][kDimensions] = {
    {2, 0, 2, 1},
    {0, 2, 2, 1},
    {0, 0, 2, 1},
    {0, 0, 0, 0, 2, 2},
};

// pe.mlaAbsorption's sizes, checked in this order.
struct AbsorptionLimit {
  const OptionSpec* spec;
  double RawMlaAbsorptionRequest::*raw;
  int MlaAbsorptionRequest::*field;
};

const AbsorptionLimit kAbsorptionLimits[] = {
    {&kLayerTokens, &RawMlaAbsorptionRequest::tokens, &MlaAbsorptionRequest::tokens},
    {&kLayerDModel, &RawMlaAbsorptionRequest::d_model, &MlaAbsorptionRequest::d_model},
    {&kLayerHeads, &RawMlaAbsorptionRequest::heads, &MlaAbsorptionRequest::heads},
    {&kLayerHeadDim, &RawMlaAbsorptionRequest::head_dim, &MlaAbsorptionRequest::head_dim},
    {&kLayerRopeDim, &RawMlaAbsorptionRequest::rope_dim, &MlaAbsorptionRequest::rope_dim},
    {&kLayerLatentDim, &RawMlaAbsorptionRequest::latent_dim, &MlaAbsorptionRequest::latent_dim},
};

// A name shown in a message at most this long (the message is formatted into a fixed buffer).
constexpr std::size_t kShownName = 100;

}  // namespace

std::vector<OptionChoice> attention_choices() {
  return {{"mha", ""}, {"gqa", ""}, {"mqa", ""}, {"mla", ""}};
}

std::vector<OptionChoice> mla_rope_choices() {
  return {{"none", ""}, {"naive", ""}, {"decoupled", ""}};
}

std::variant<KvCacheRequest, InputError> parse_kv_cache_request(const RawKvCacheRequest& raw) {
  KvCacheRequest request;
  const auto found = check_choice(kAttention, raw.attention, kShownName);
  if (const auto* error = std::get_if<InputError>(&found)) return *error;
  const std::size_t kind = std::get<std::size_t>(found);
  const char* const uses = kUses[kind];
  request.attention = static_cast<AttentionKind>(kind);

  // Every kind requires at most two options: "ropeDim is", "latentDim and ropeDim are".
  const char* missing[2] = {nullptr, nullptr};
  int missing_count = 0;
  for (int d = 0; d < kDimensions; ++d)
    if (uses[d] == 2 && !(raw.*kDims[d].raw)) missing[missing_count++] = kDims[d].spec->name;
  if (missing_count)
    return formatted_error(ErrorKind::type, "%s%s%s %s required for attention \"%s\"", missing[0],
                           missing_count == 2 ? " and " : "", missing_count == 2 ? missing[1] : "",
                           missing_count == 2 ? "are" : "is", raw.attention.c_str());

  Checks checks;
  for (int d = 0; d < kDimensions; ++d) {
    const auto& given = raw.*kDims[d].raw;
    if (uses[d] && given)
      request.*kDims[d].value = static_cast<std::uint64_t>(checks.allowed(*kDims[d].spec, *given));
  }
  if (!raw.value_head_dim) request.value_head_dim = request.head_dim;
  request.layers = static_cast<std::uint64_t>(checks.allowed(kCacheLayers, raw.layers));
  request.bytes_per_element =
      static_cast<std::uint64_t>(checks.allowed(kBytesPerElement, raw.bytes_per_element));
  if (checks.first_error()) return *checks.first_error();

  // With these limits a token's bytes stay below 2^53 (2^33 per layer, 2^16 layers, 8 bytes):
  // only the number of tokens can pass it.
  request.tokens = 1;
  const double max_tokens = static_cast<double>(kMaxExactInteger / kv_cache_size(request).bytes);
  request.tokens = static_cast<std::uint64_t>(checks.integer(
      kCacheTokens, raw.tokens, 0, max_tokens, " (at most 2^53 bytes, exact in JavaScript)"));
  if (checks.first_error()) return *checks.first_error();
  return request;
}

std::variant<MlaAbsorptionRequest, InputError> parse_mla_absorption_request(
    const RawMlaAbsorptionRequest& raw) {
  MlaAbsorptionRequest request;
  const auto rope = check_choice(kMlaRope, raw.rope, kShownName);
  if (const auto* error = std::get_if<InputError>(&rope)) return *error;
  request.rope = static_cast<MlaRope>(std::get<std::size_t>(rope));

  Checks checks;
  for (const AbsorptionLimit& limit : kAbsorptionLimits)
    request.*limit.field = static_cast<int>(checks.allowed(*limit.spec, raw.*limit.raw));
  // tokens is known to be at least 2 once the checks above passed; a failed one leaves it 0.
  request.start = static_cast<std::int64_t>(
      checks.integer(kLayerStart, raw.start, 0,
                     static_cast<double>(kMaxPosition - std::max(request.tokens, 1) + 1),
                     " (the last position, start + tokens - 1, may be at most 2^31 - 1)"));
  request.seed = static_cast<std::uint64_t>(checks.allowed(kLayerSeed, raw.seed));
  if (checks.first_error()) return *checks.first_error();
  return request;
}

}  // namespace pe
