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
  // value if it is an integer in [low, high] (even, if asked), else 0 and the error
  // "<name> must be an (even) integer from <low> to <high><note>; received <value>".
  double integer(const char* name, double value, double low, double high, bool even = false,
                 const char* note = "") {
    if (is_integer_in(value, low, high) && (!even || std::fmod(value, 2) == 0)) return value;
    if (!error_)
      error_ = formatted_error(
          ErrorKind::range, "%s must be an %sinteger from %.17g to %.17g%s; received %s", name,
          even ? "even " : "", low, high, note, describe_number(value).c_str());
    return 0;
  }
  const std::optional<InputError>& first_error() const { return error_; }

 private:
  std::optional<InputError> error_;
};

constexpr double kMaxDimension = 65536;

// The dimension options of pe.kvCache, in the order they are checked.
struct Dimension {
  const char* name;
  std::optional<double> RawKvCacheRequest::*raw;
  std::uint64_t KvCacheRequest::*value;
  double low;
  bool even;
};

constexpr int kDimensions = 6;
const Dimension kDims[kDimensions] = {
    {"heads", &RawKvCacheRequest::heads, &KvCacheRequest::heads, 1, false},
    {"kvHeads", &RawKvCacheRequest::kv_heads, &KvCacheRequest::kv_heads, 1, false},
    {"headDim", &RawKvCacheRequest::head_dim, &KvCacheRequest::head_dim, 1, false},
    {"valueHeadDim", &RawKvCacheRequest::value_head_dim, &KvCacheRequest::value_head_dim, 1, false},
    {"latentDim", &RawKvCacheRequest::latent_dim, &KvCacheRequest::latent_dim, 1, false},
    {"ropeDim", &RawKvCacheRequest::rope_dim, &KvCacheRequest::rope_dim, 0, true},
};

// How a kind uses each of kDims: 0 not at all, 1 optionally, 2 required.
struct Kind {
  const char* name;
  char uses[kDimensions];
};

const Kind kKinds[] = {
    {"mha", {2, 0, 2, 1}},
    {"gqa", {0, 2, 2, 1}},
    {"mqa", {0, 0, 2, 1}},
    {"mla", {0, 0, 0, 0, 2, 2}},
};

InputError choice_error(const char* name, const char* allowed, const std::string& received) {
  return formatted_error(ErrorKind::type, "%s must be %s; received \"%.100s\"", name, allowed,
                         received.c_str());
}

// pe.mlaAbsorption's sizes; the two RoPE dimensions are even (RoPE turns pairs).
struct AbsorptionLimit {
  const char* name;
  double RawMlaAbsorptionRequest::*raw;
  int MlaAbsorptionRequest::*field;
  double low, high;
  bool even;
};

const AbsorptionLimit kAbsorptionLimits[] = {
    {"tokens", &RawMlaAbsorptionRequest::tokens, &MlaAbsorptionRequest::tokens, 2, 64, false},
    {"dModel", &RawMlaAbsorptionRequest::d_model, &MlaAbsorptionRequest::d_model, 1, 256, false},
    {"heads", &RawMlaAbsorptionRequest::heads, &MlaAbsorptionRequest::heads, 1, 16, false},
    {"headDim", &RawMlaAbsorptionRequest::head_dim, &MlaAbsorptionRequest::head_dim, 2, 128, true},
    {"ropeDim", &RawMlaAbsorptionRequest::rope_dim, &MlaAbsorptionRequest::rope_dim, 2, 64, true},
    {"latentDim", &RawMlaAbsorptionRequest::latent_dim, &MlaAbsorptionRequest::latent_dim, 1, 256,
     false},
};

}  // namespace

std::variant<KvCacheRequest, InputError> parse_kv_cache_request(const RawKvCacheRequest& raw) {
  KvCacheRequest request;
  int k = 0;
  while (k < 4 && raw.attention != kKinds[k].name) ++k;
  if (k == 4)
    return choice_error("attention", "\"mha\", \"gqa\", \"mqa\" or \"mla\"", raw.attention);
  const Kind& kind = kKinds[k];
  request.attention = static_cast<AttentionKind>(k);

  // Every kind requires at most two options: "ropeDim is", "latentDim and ropeDim are".
  const char* missing[2] = {nullptr, nullptr};
  int missing_count = 0;
  for (int d = 0; d < kDimensions; ++d)
    if (kind.uses[d] == 2 && !(raw.*kDims[d].raw)) missing[missing_count++] = kDims[d].name;
  if (missing_count)
    return formatted_error(ErrorKind::type, "%s%s%s %s required for attention \"%s\"", missing[0],
                           missing_count == 2 ? " and " : "", missing_count == 2 ? missing[1] : "",
                           missing_count == 2 ? "are" : "is", kind.name);

  Checks checks;
  for (int d = 0; d < kDimensions; ++d) {
    const auto& given = raw.*kDims[d].raw;
    if (kind.uses[d] && given)
      request.*kDims[d].value = static_cast<std::uint64_t>(
          checks.integer(kDims[d].name, *given, kDims[d].low, kMaxDimension, kDims[d].even));
  }
  if (!raw.value_head_dim) request.value_head_dim = request.head_dim;
  request.layers =
      static_cast<std::uint64_t>(checks.integer("layers", raw.layers, 1, kMaxDimension));
  request.bytes_per_element =
      static_cast<std::uint64_t>(checks.integer("bytesPerElement", raw.bytes_per_element, 1, 8));
  if (checks.first_error()) return *checks.first_error();

  // With these limits a token's bytes stay below 2^53 (2^33 per layer, 2^16 layers, 8 bytes):
  // only the number of tokens can pass it.
  request.tokens = 1;
  const double max_tokens = static_cast<double>(kMaxExactInteger / kv_cache_size(request).bytes);
  request.tokens = static_cast<std::uint64_t>(checks.integer(
      "tokens", raw.tokens, 0, max_tokens, false, " (at most 2^53 bytes, exact in JavaScript)"));
  if (checks.first_error()) return *checks.first_error();
  return request;
}

std::variant<MlaAbsorptionRequest, InputError> parse_mla_absorption_request(
    const RawMlaAbsorptionRequest& raw) {
  MlaAbsorptionRequest request;
  const char* const ropes[] = {"none", "naive", "decoupled"};
  int rope = 0;
  while (rope < 3 && raw.rope != ropes[rope]) ++rope;
  if (rope == 3) return choice_error("rope", "\"none\", \"naive\" or \"decoupled\"", raw.rope);
  request.rope = static_cast<MlaRope>(rope);

  Checks checks;
  for (const AbsorptionLimit& limit : kAbsorptionLimits)
    request.*limit.field = static_cast<int>(
        checks.integer(limit.name, raw.*limit.raw, limit.low, limit.high, limit.even));
  // tokens is known to be at least 2 once the checks above passed; a failed one leaves it 0.
  request.start = static_cast<std::int64_t>(checks.integer(
      "start", raw.start, 0, static_cast<double>(kMaxPosition - std::max(request.tokens, 1) + 1),
      false, " (the last position, start + tokens - 1, may be at most 2^31 - 1)"));
  request.seed = static_cast<std::uint64_t>(
      checks.integer("seed", raw.seed, 0, static_cast<double>(kMaxExactInteger), false, " (2^53)"));
  if (checks.first_error()) return *checks.first_error();
  return request;
}

}  // namespace pe
