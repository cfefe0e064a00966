#include "core/rope_request.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <tuple>
#include <vector>

namespace pe {

namespace {

// The optional keys of a scaling object, in the order they are checked.
struct KeyOfScaling {
  const OptionSpec* spec;  // its JS name comes after "scaling."
  std::optional<double> RawRopeScaling::*raw;
  double RopeScaling::*value;
};

constexpr std::size_t kScalingKeys = 6;
const KeyOfScaling kKeys[kScalingKeys] = {
    {&kScalingFactor, &RawRopeScaling::factor, &RopeScaling::factor},
    {&kLowFreqFactor, &RawRopeScaling::low_freq_factor, &RopeScaling::low_freq_factor},
    {&kHighFreqFactor, &RawRopeScaling::high_freq_factor, &RopeScaling::high_freq_factor},
    {&kOriginalContext, &RawRopeScaling::original_context, &RopeScaling::original_context},
    {&kBetaFast, &RawRopeScaling::beta_fast, &RopeScaling::beta_fast},
    {&kBetaSlow, &RawRopeScaling::beta_slow, &RopeScaling::beta_slow},
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
  for (const auto& type : kTypes)
    if (name == type.name) return &type;
  return InputError{ErrorKind::type, "scaling.type must be " + quoted_choices(kScalingType) +
                                         "; received \"" + name + "\""};
}

// `factor, lowFreqFactor, highFreqFactor and originalContext`, or `no other keys`.
std::string keys_of(const ScalingType& type) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < kScalingKeys; ++k)
    if (type.uses[k] != Use::no) names.push_back(kKeys[k].spec->name);
  return names.empty() ? "no other keys" : join(names, " and ");
}

// "scaling.<key> must be <allowed>; received <value>", noting a value the caller did not give.
InputError scaling_range_error(const OptionSpec& key, const std::string& allowed_values,
                               double value, bool given) {
  return {ErrorKind::range, std::string("scaling.") + key.name + " must be " + allowed_values +
                                "; received " + describe_number(value) +
                                (given ? "" : " (the default)")};
}

// The key's own limit; the two stated ones compare with another key.
std::optional<InputError> check_scaling_key(const KeyOfScaling& key, const RawRopeScaling& raw,
                                            const RopeScaling& scaling) {
  const double value = scaling.*key.value;
  const bool given = (raw.*key.raw).has_value();
  if (key.spec == &kHighFreqFactor || key.spec == &kBetaFast) {
    const double floor = key.spec == &kHighFreqFactor ? scaling.low_freq_factor : scaling.beta_slow;
    if (std::isfinite(value) && value > floor) return std::nullopt;
    return scaling_range_error(
        *key.spec, std::string(key.spec->limit.note) + " (" + describe_number(floor) + ")", value,
        given);
  }
  if (allows(*key.spec, value)) return std::nullopt;
  return scaling_range_error(*key.spec, allowed(*key.spec), value, given);
}

std::string max_position_rule() { return std::to_string(kMaxPosition) + " (2^31 - 1)"; }

}  // namespace

const char* name_of(RopeScalingType type) {
  for (const auto& row : kTypes)
    if (row.type == type) return row.name;
  return "none";
}

std::vector<ScalingKey> keys_of(const RopeScaling& scaling) {
  std::vector<ScalingKey> keys;
  for (const auto& row : kTypes) {
    if (row.type != scaling.type) continue;
    for (std::size_t k = 0; k < kScalingKeys; ++k)
      if (row.uses[k] != Use::no) keys.push_back({kKeys[k].spec->name, scaling.*kKeys[k].value});
  }
  return keys;
}

std::vector<OptionChoice> scaling_type_choices() {
  std::vector<OptionChoice> names;
  for (const auto& type : kTypes) names.push_back({type.name, ""});
  return names;
}

std::variant<RopePairing, InputError> parse_rope_pairing(const std::string& pairing,
                                                         const char* name) {
  OptionSpec spec = kPairing;
  spec.name = name;
  const auto found = check_choice(spec, pairing);
  if (const auto* error = std::get_if<InputError>(&found)) return *error;
  return static_cast<RopePairing>(std::get<std::size_t>(found));
}

std::variant<RopeScaling, InputError> parse_rope_scaling(const RawRopeScaling& raw) {
  const auto found = find_scaling_type(raw.type);
  if (const auto* error = std::get_if<InputError>(&found)) return *error;
  const ScalingType& type = *std::get<const ScalingType*>(found);

  for (std::size_t k = 0; k < kScalingKeys; ++k) {
    const auto& given = raw.*kKeys[k].raw;
    if (type.uses[k] == Use::no && given)
      return InputError{ErrorKind::type, std::string("scaling.") + kKeys[k].spec->name +
                                             " is not used by scaling type \"" + type.name +
                                             "\", which takes " + keys_of(type) + "; received " +
                                             describe_number(*given)};
  }
  for (std::size_t k = 0; k < kScalingKeys; ++k) {
    if (type.uses[k] == Use::required && !(raw.*kKeys[k].raw))
      return InputError{ErrorKind::type, std::string("scaling.") + kKeys[k].spec->name +
                                             " is required for scaling type \"" + type.name + "\""};
  }

  RopeScaling scaling;
  scaling.type = type.type;
  for (const auto& key : kKeys)
    if (const auto& given = raw.*key.raw) scaling.*key.value = *given;

  // Unused keys keep their defaults, which pass every check below. betaSlow before betaFast,
  // which must exceed it.
  for (const std::size_t k : {0, 1, 2, 3, 5, 4})
    if (auto error = check_scaling_key(kKeys[k], raw, scaling)) return *error;
  return scaling;
}

std::variant<RopeFrequencyRequest, InputError> parse_rope_frequency_request(
    double dim, double base, const RawRopeScaling& scaling) {
  RopeFrequencyRequest request;
  if (auto error = check(kPairedDim, dim)) return *error;
  request.dim = static_cast<int>(dim);

  if (auto error = check(kBase, base)) return *error;
  request.base = base;

  auto parsed = parse_rope_scaling(scaling);
  if (auto* error = std::get_if<InputError>(&parsed)) return *error;
  request.scaling = std::get<RopeScaling>(parsed);
  return request;
}

std::variant<RotateShape, InputError> parse_rotate_shape(double length, double dim, double start) {
  RotateShape shape;
  if (auto error = check(kPairedDim, dim)) return *error;
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

  if (auto error = check(kStart, start)) return *error;
  const auto max_start = kMaxPosition - shape.rows + 1;
  if (shape.rows > 1 && start > static_cast<double>(max_start))
    return range_error(kRotateStart.name,
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

std::variant<RopeOptions, InputError> parse_rope_options(const RawRopeOptions& raw) {
  RopeOptions options;
  auto frequencies = parse_rope_frequency_request(raw.dim, raw.base, raw.scaling);
  if (auto* error = std::get_if<InputError>(&frequencies)) return *error;
  options.frequencies = std::get<RopeFrequencyRequest>(frequencies);
  const auto pairing = parse_rope_pairing(raw.pairing);
  if (const auto* error = std::get_if<InputError>(&pairing)) return *error;
  options.pairing = std::get<RopePairing>(pairing);
  return options;
}

std::variant<RopeFrequencyRequest, InputError> parse(const RawRopeFrequencies& raw) {
  return parse_rope_frequency_request(raw.dim, raw.base, raw.scaling);
}

std::variant<RotateRequest, InputError> parse(const RawRotateRequest& raw) {
  const auto shape = parse_rotate_shape(raw.data.length(), raw.rope.dim, raw.start);
  if (const auto* error = std::get_if<InputError>(&shape)) return *error;
  const auto options = parse_rope_options(raw.rope);
  if (const auto* error = std::get_if<InputError>(&options)) return *error;
  return RotateRequest{std::get<RotateShape>(shape), std::get<RopeOptions>(options), raw.data};
}

std::optional<InputError> rotate(const RotateRequest& request, TableSink<float>& out,
                                 const Blocks& blocks) {
  const auto [dim, rows, start] = request.shape;
  const RopeFrequencyRequest& f = request.rope.frequencies;
  const std::vector<double> theta = rope_frequencies(f.dim, f.base, f.scaling).frequencies;
  const std::int64_t block_rows = blocks.rows(dim);
  std::vector<float> block(static_cast<std::size_t>(std::min(block_rows, rows) * dim));
  for (std::int64_t row = 0; row < rows; row += block_rows) {
    const std::int64_t count = std::min(block_rows, rows - row);
    const std::int64_t first = row * dim, values = count * dim;
    request.data.read(first, values, block.data());
    if (auto error = find_non_finite(block.data(), static_cast<std::size_t>(values),
                                     static_cast<std::size_t>(first)))
      return error;
    rotate_rows(theta, request.rope.pairing, start + row, count, dim, block.data(), dim);
    out.write(first, block.data(), values);
  }
  return std::nullopt;
}

std::variant<RopeScoresRequest, InputError> parse_rope_scores_request(
    const RawRopeScoresRequest& raw) {
  if (auto error = check(kPairedDim, raw.rope.dim)) return *error;
  const int dim = static_cast<int>(raw.rope.dim);
  if (auto error = check_vector_length(kQuery.name, raw.query.length(), dim)) return *error;
  if (auto error = check_vector_length(kKey.name, raw.key.length(), dim)) return *error;
  RopeScoresRequest request;
  auto options = parse_rope_options(raw.rope);
  if (auto* error = std::get_if<InputError>(&options)) return *error;
  request.rope = std::get<RopeOptions>(options);

  if (auto error = check(kQueryPosition, raw.position)) return *error;
  request.position = static_cast<std::int64_t>(raw.position);

  // The keys sit at positions position + fromOffset + j, j = 0 .. count - 1.
  const double first_key = raw.position + raw.from_offset;
  if (!is_integer_in(raw.from_offset, -raw.position, kMaxPosition - raw.position))
    return range_error(kFromOffset.name,
                       "an integer with position + fromOffset from 0 to " + max_position_rule(),
                       raw.from_offset);
  request.first_offset = static_cast<std::int64_t>(raw.from_offset);
  if (!is_integer_in(raw.count, 1, static_cast<double>(kMaxScoreOffsets)) ||
      first_key + raw.count - 1 > kMaxPosition)
    return range_error(
        kOffsetCount.name,
        "an integer from 1 to 65536 with position + fromOffset + count - 1 at most " +
            max_position_rule(),
        raw.count);
  request.count = static_cast<std::int64_t>(raw.count);

  // Copied in once their lengths are known to be dim.
  for (const auto& [spec, table, values] :
       {std::tuple{&kQuery, &raw.query, &request.query}, {&kKey, &raw.key, &request.key}}) {
    *values = table->values();
    if (auto error = find_non_finite(values->data(), values->size(), 0, spec->name)) return *error;
  }
  return request;
}

RopeScores rope_scores(const RopeScoresRequest& request) {
  const RopeFrequencyRequest& f = request.rope.frequencies;
  return rope_scores(request.query.data(), request.key.data(), f.dim,
                     rope_frequencies(f.dim, f.base, f.scaling).frequencies, request.rope.pairing,
                     request.position, request.first_offset, request.count);
}

std::variant<PairingPermutationRequest, InputError> parse_pairing_permutation_request(
    double dim, const std::string& from, const std::string& to) {
  if (auto error = check(kPairedDim, dim)) return *error;
  const auto parsed_from = parse_rope_pairing(from, kFromPairing.name);
  if (const auto* error = std::get_if<InputError>(&parsed_from)) return *error;
  const auto parsed_to = parse_rope_pairing(to, kToPairing.name);
  if (const auto* error = std::get_if<InputError>(&parsed_to)) return *error;
  return PairingPermutationRequest{static_cast<int>(dim), std::get<RopePairing>(parsed_from),
                                   std::get<RopePairing>(parsed_to)};
}

std::variant<PairingPermutationRequest, InputError> parse(const RawPairingPermutation& raw) {
  return parse_pairing_permutation_request(raw.dim, raw.from, raw.to);
}

std::variant<int, InputError> parse_alibi_heads(double heads) {
  if (auto error = check(kAlibiHeads, heads)) return *error;
  return static_cast<int>(heads);
}

std::variant<int, InputError> parse(const RawAlibiSlopes& raw) {
  return parse_alibi_heads(raw.heads);
}

std::variant<YarnMscaleRequest, InputError> parse_yarn_mscale_request(double factor,
                                                                      double mscale_all_dim) {
  if (auto error = check(kMscaleFactor, factor)) return *error;
  if (auto error = check(kMscaleAllDim, mscale_all_dim)) return *error;
  return YarnMscaleRequest{factor, mscale_all_dim};
}

std::variant<YarnMscaleRequest, InputError> parse(const RawYarnMscale& raw) {
  return parse_yarn_mscale_request(raw.factor, raw.mscale_all_dim);
}

}  // namespace pe
