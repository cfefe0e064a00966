#include "core/rope_request.hpp"

#include <cmath>
#include <cstddef>
#include <vector>

#include "core/position_range.hpp"
#include "core/rope_scores.hpp"

namespace pe {

namespace {

// The optional keys of a scaling object, in the order they are checked.
struct ScalingKey {
  const char* name;  // the JS name, after "scaling."
  std::optional<double> RawRopeScaling::*raw;
  double RopeScaling::*value;
};

constexpr std::size_t kScalingKeys = 6;
const ScalingKey kKeys[kScalingKeys] = {
    {"factor", &RawRopeScaling::factor, &RopeScaling::factor},
    {"lowFreqFactor", &RawRopeScaling::low_freq_factor, &RopeScaling::low_freq_factor},
    {"highFreqFactor", &RawRopeScaling::high_freq_factor, &RopeScaling::high_freq_factor},
    {"originalContext", &RawRopeScaling::original_context, &RopeScaling::original_context},
    {"betaFast", &RawRopeScaling::beta_fast, &RopeScaling::beta_fast},
    {"betaSlow", &RawRopeScaling::beta_slow, &RopeScaling::beta_slow},
};

enum class Use { no, optional, required };

// One row per scaling type: its name and how it uses each of kKeys.
struct ScalingType {
  const char* name;
  RopeScalingType type;
  Use uses[kScalingKeys];
};

const ScalingType kTypes[] = {
    {"none", RopeScalingType::none, {Use::no, Use::no, Use::no, Use::no, Use::no, Use::no}},
    {"llama3",
     RopeScalingType::llama3,
     {Use::required, Use::optional, Use::optional, Use::optional, Use::no, Use::no}},
    {"yarn",
     RopeScalingType::yarn,
     {Use::required, Use::no, Use::no, Use::required, Use::optional, Use::optional}},
};

std::variant<const ScalingType*, InputError> find_scaling_type(const std::string& name) {
  std::vector<std::string> quoted;
  for (const auto& type : kTypes) {
    if (name == type.name) return &type;
    quoted.push_back(std::string("\"") + type.name + "\"");
  }
  return InputError{ErrorKind::type,
                    "scaling.type must be " + join(quoted, " or ") + "; received \"" + name + "\""};
}

// `factor, lowFreqFactor, highFreqFactor and originalContext`, or `no other keys`.
std::string keys_of(const ScalingType& type) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < kScalingKeys; ++k)
    if (type.uses[k] != Use::no) names.push_back(kKeys[k].name);
  return names.empty() ? "no other keys" : join(names, " and ");
}

// "scaling.<key> must be <allowed>; received <value>", noting a value the caller did not give.
InputError scaling_range_error(const char* key, const std::string& allowed, double value,
                               bool given) {
  return {ErrorKind::range, std::string("scaling.") + key + " must be " + allowed + "; received " +
                                describe_number(value) + (given ? "" : " (the default)")};
}

bool finite_above(double value, double bound) { return std::isfinite(value) && value > bound; }

std::string max_position_rule() { return std::to_string(kMaxPosition) + " (2^31 - 1)"; }

std::optional<InputError> check_dim(double dim) {
  if (is_integer_in(dim, 2, kMaxDim) && std::fmod(dim, 2) == 0) return std::nullopt;
  return range_error("dim", "an even integer from 2 to " + std::to_string(kMaxDim), dim);
}

}  // namespace

std::variant<RopePairing, InputError> parse_rope_pairing(const std::string& pairing,
                                                         const char* name) {
  if (pairing == "interleaved") return RopePairing::interleaved;
  if (pairing == "half") return RopePairing::half;
  return InputError{
      ErrorKind::type,
      std::string(name) + " must be \"interleaved\" or \"half\"; received \"" + pairing + "\""};
}

std::variant<RopeScaling, InputError> parse_rope_scaling(const RawRopeScaling& raw) {
  const auto found = find_scaling_type(raw.type);
  if (const auto* error = std::get_if<InputError>(&found)) return *error;
  const ScalingType& type = *std::get<const ScalingType*>(found);

  for (std::size_t k = 0; k < kScalingKeys; ++k) {
    const auto& given = raw.*kKeys[k].raw;
    if (type.uses[k] == Use::no && given)
      return InputError{ErrorKind::type, std::string("scaling.") + kKeys[k].name +
                                             " is not used by scaling type \"" + type.name +
                                             "\", which takes " + keys_of(type) + "; received " +
                                             describe_number(*given)};
  }
  for (std::size_t k = 0; k < kScalingKeys; ++k) {
    if (type.uses[k] == Use::required && !(raw.*kKeys[k].raw))
      return InputError{ErrorKind::type, std::string("scaling.") + kKeys[k].name +
                                             " is required for scaling type \"" + type.name + "\""};
  }

  RopeScaling scaling;
  scaling.type = type.type;
  for (const auto& key : kKeys)
    if (const auto& given = raw.*key.raw) scaling.*key.value = *given;

  // Unused keys keep their defaults, which pass every check below.
  if (!(scaling.factor >= 1 && scaling.factor <= kMaxScalingFactor))
    return scaling_range_error("factor", "a number from 1 to 1000000", scaling.factor,
                               raw.factor.has_value());
  if (!finite_above(scaling.low_freq_factor, 0))
    return scaling_range_error("lowFreqFactor", "a finite number greater than 0",
                               scaling.low_freq_factor, raw.low_freq_factor.has_value());
  if (!finite_above(scaling.high_freq_factor, scaling.low_freq_factor))
    return scaling_range_error("highFreqFactor",
                               "a finite number greater than scaling.lowFreqFactor (" +
                                   describe_number(scaling.low_freq_factor) + ")",
                               scaling.high_freq_factor, raw.high_freq_factor.has_value());
  if (!is_integer_in(scaling.original_context, 1, kMaxPosition))
    return scaling_range_error("originalContext", "an integer from 1 to " + max_position_rule(),
                               scaling.original_context, raw.original_context.has_value());
  if (!finite_above(scaling.beta_slow, 0))
    return scaling_range_error("betaSlow", "a finite number greater than 0", scaling.beta_slow,
                               raw.beta_slow.has_value());
  if (!finite_above(scaling.beta_fast, scaling.beta_slow))
    return scaling_range_error("betaFast",
                               "a finite number greater than scaling.betaSlow (" +
                                   describe_number(scaling.beta_slow) + ")",
                               scaling.beta_fast, raw.beta_fast.has_value());
  return scaling;
}

std::variant<RopeFrequencyRequest, InputError> parse_rope_frequency_request(
    double dim, double base, const RawRopeScaling& scaling) {
  RopeFrequencyRequest request;
  if (auto error = check_dim(dim)) return *error;
  request.dim = static_cast<int>(dim);

  if (!finite_above(base, 1)) return range_error("base", "a finite number greater than 1", base);
  request.base = base;

  auto parsed = parse_rope_scaling(scaling);
  if (auto* error = std::get_if<InputError>(&parsed)) return *error;
  request.scaling = std::get<RopeScaling>(parsed);
  return request;
}

std::variant<RotateShape, InputError> parse_rotate_shape(double length, double dim, double start) {
  RotateShape shape;
  if (auto error = check_dim(dim)) return *error;
  shape.dim = static_cast<int>(dim);

  if (!is_integer_in(length, 0, kMaxValues))
    return InputError{ErrorKind::range, "data must hold at most " + std::to_string(kMaxValues) +
                                            " values; received " + describe_number(length)};
  const auto values = static_cast<std::int64_t>(length);
  if (values % shape.dim != 0)
    return InputError{ErrorKind::range, "data must hold whole rows of dim values; received " +
                                            std::to_string(values) + " values for dim " +
                                            std::to_string(shape.dim)};
  shape.rows = values / shape.dim;

  if (!is_integer_in(start, 0, kMaxPosition))
    return range_error("start", "an integer from 0 to " + max_position_rule(), start);
  const auto max_start = kMaxPosition - shape.rows + 1;
  if (shape.rows > 1 && start > static_cast<double>(max_start))
    return range_error("start",
                       "an integer from 0 to " + std::to_string(max_start) +
                           " (the last position, start + rows - 1, may be at most 2^31 - 1)",
                       start);
  shape.start = static_cast<std::int64_t>(start);
  return shape;
}

namespace {

// "<name> must hold dim (8) values; received 7".
std::optional<InputError> check_vector_length(const char* name, double length, int dim) {
  if (length == dim) return std::nullopt;
  return InputError{ErrorKind::range, std::string(name) + " must hold dim (" + std::to_string(dim) +
                                          ") values; received " + describe_number(length)};
}

}  // namespace

std::variant<RopeSettings, InputError> parse_rope_settings(const RawRopeSettings& raw) {
  RopeSettings settings;
  auto frequencies = parse_rope_frequency_request(raw.dim, raw.base, raw.scaling);
  if (auto* error = std::get_if<InputError>(&frequencies)) return *error;
  settings.frequencies = std::get<RopeFrequencyRequest>(frequencies);
  const auto pairing = parse_rope_pairing(raw.pairing);
  if (const auto* error = std::get_if<InputError>(&pairing)) return *error;
  settings.pairing = std::get<RopePairing>(pairing);
  return settings;
}

std::variant<RopeScoresRequest, InputError> parse_rope_scores_request(
    const RawRopeScoresRequest& raw) {
  if (auto error = check_dim(raw.rope.dim)) return *error;
  const int dim = static_cast<int>(raw.rope.dim);
  if (auto error = check_vector_length("query", raw.query_length, dim)) return *error;
  if (auto error = check_vector_length("key", raw.key_length, dim)) return *error;
  RopeScoresRequest request;
  auto settings = parse_rope_settings(raw.rope);
  if (auto* error = std::get_if<InputError>(&settings)) return *error;
  request.rope = std::get<RopeSettings>(settings);

  if (!is_integer_in(raw.position, 0, kMaxPosition))
    return range_error("position", "an integer from 0 to " + max_position_rule(), raw.position);
  request.position = static_cast<std::int64_t>(raw.position);

  // The keys sit at positions position + fromOffset + j, j = 0 .. count - 1.
  const double first_key = raw.position + raw.from_offset;
  if (!is_integer_in(raw.from_offset, -raw.position, kMaxPosition - raw.position))
    return range_error("fromOffset",
                       "an integer with position + fromOffset from 0 to " + max_position_rule(),
                       raw.from_offset);
  request.first_offset = static_cast<std::int64_t>(raw.from_offset);
  if (!is_integer_in(raw.count, 1, static_cast<double>(kMaxScoreOffsets)) ||
      first_key + raw.count - 1 > kMaxPosition)
    return range_error(
        "count",
        "an integer from 1 to 65536 with position + fromOffset + count - 1 at most " +
            max_position_rule(),
        raw.count);
  request.count = static_cast<std::int64_t>(raw.count);
  return request;
}

std::variant<PairingPermutationRequest, InputError> parse_pairing_permutation_request(
    double dim, const std::string& from, const std::string& to) {
  if (auto error = check_dim(dim)) return *error;
  const auto parsed_from = parse_rope_pairing(from, "from");
  if (const auto* error = std::get_if<InputError>(&parsed_from)) return *error;
  const auto parsed_to = parse_rope_pairing(to, "to");
  if (const auto* error = std::get_if<InputError>(&parsed_to)) return *error;
  return PairingPermutationRequest{static_cast<int>(dim), std::get<RopePairing>(parsed_from),
                                   std::get<RopePairing>(parsed_to)};
}

std::variant<int, InputError> parse_alibi_heads(double heads) {
  if (!is_integer_in(heads, 1, kMaxAlibiHeads))
    return range_error("heads", "an integer from 1 to " + std::to_string(kMaxAlibiHeads), heads);
  return static_cast<int>(heads);
}

std::variant<YarnMscaleRequest, InputError> parse_yarn_mscale_request(double factor,
                                                                      double mscale_all_dim) {
  if (!(factor >= 1 && factor <= kMaxScalingFactor))
    return range_error("factor", "a number from 1 to 1000000", factor);
  if (!(std::isfinite(mscale_all_dim) && mscale_all_dim > 0))
    return range_error("mscaleAllDim", "a finite number greater than 0", mscale_all_dim);
  return YarnMscaleRequest{factor, mscale_all_dim};
}

}  // namespace pe
