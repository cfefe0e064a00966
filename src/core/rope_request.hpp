#pragma once
// The checks that turn raw caller input for RoPE and ALiBi into values the numeric primitives can
// trust (rope_scaling.hpp, rotary.hpp, alibi.hpp). JS numbers arrive as doubles, names as strings,
// and the messages use the JS names (scaling.lowFreqFactor, not low_freq_factor) because they
// reach JS users verbatim. Each parser returns the first problem found.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/alibi.hpp"
#include "core/input_error.hpp"
#include "core/rope_scaling.hpp"
#include "core/rotary.hpp"

namespace pe {

// TypeError: pairing must be "interleaved" or "half"; received "x" (name: the option's JS name).
std::variant<RopePairing, InputError> parse_rope_pairing(const std::string& pairing,
                                                         const char* name = "pairing");

// Published factors run from 8 (Llama 3.1) to 40 (DeepSeek-V3); past a million, the slowest
// pairs' frequencies, divided by the factor, would fall below what a double holds.
constexpr double kMaxScalingFactor = 1e6;

// A JS scaling object's fields; std::nullopt = the key was not given.
struct RawRopeScaling {
  std::string type = "none";
  std::optional<double> factor, low_freq_factor, high_freq_factor, original_context, beta_fast,
      beta_slow;
};

// The keys each type takes (any other key is a TypeError, as is a missing required one):
//   none:   no other key
//   llama3: factor (required), lowFreqFactor (1), highFreqFactor (4), originalContext (8192)
//   yarn:   factor (required), originalContext (required), betaFast (32), betaSlow (1)
// and the values they allow (RangeError): factor from 1 to kMaxScalingFactor; lowFreqFactor finite
// > 0; highFreqFactor finite > lowFreqFactor; originalContext an integer from 1 to 2^31 - 1;
// betaSlow finite > 0; betaFast finite > betaSlow. Checked in that order: type, keys the type does
// not use, missing keys, then each value.
std::variant<RopeScaling, InputError> parse_rope_scaling(const RawRopeScaling& raw);

// pe.ropeFrequencies(dim, base, scaling).
struct RopeFrequencyRequest {
  int dim = 0;  // even, 2 .. kMaxDim
  double base = 10000;
  RopeScaling scaling;
};

std::variant<RopeFrequencyRequest, InputError> parse_rope_frequency_request(
    double dim, double base, const RawRopeScaling& scaling);

// pe.rotate(data, dim, start): data holds rows of dim values, rotated as positions start,
// start + 1, ...
struct RotateShape {
  int dim = 0;
  std::int64_t rows = 0;
  std::int64_t start = 0;
};

// length = number of floats in the caller's data; checks dim, whole rows, at most kMaxValues
// (16,777,216) values, start and that start + rows - 1 <= 2^31 - 1. From the length alone, before
// any value is copied.
std::variant<RotateShape, InputError> parse_rotate_shape(double length, double dim, double start);

// The frequencies and pairing every per-vector RoPE request carries (base, pairing, scaling).
struct RawRopeSettings {
  double dim = 0;
  double base = 10000;
  std::string pairing = "interleaved";
  RawRopeScaling scaling;
};
struct RopeSettings {
  RopeFrequencyRequest frequencies;
  RopePairing pairing = RopePairing::interleaved;
};
// dim, base and scaling as parse_rope_frequency_request checks them, then the pairing: the
// checks of rotate and ropeScores after their shapes.
std::variant<RopeSettings, InputError> parse_rope_settings(const RawRopeSettings& raw);

// pe.ropeScores({ query, key, dim, base, pairing, scaling, position, fromOffset, count }).
// query_length and key_length: the number of values the caller's arrays hold.
struct RawRopeScoresRequest {
  RawRopeSettings rope;
  double query_length = 0, key_length = 0;
  double position = 0, from_offset = 0, count = 0;
};
struct RopeScoresRequest {
  RopeSettings rope;
  std::int64_t position = 0, first_offset = 0, count = 0;
};
// Checked in order: dim; query and key hold dim values each; base; scaling; pairing; position an
// integer from 0 to 2^31 - 1; fromOffset an integer that keeps the first key position,
// position + fromOffset, within 0 .. 2^31 - 1; count an integer from 1 to kMaxScoreOffsets
// (65,536) that keeps the last key position, position + fromOffset + count - 1, within 2^31 - 1.
std::variant<RopeScoresRequest, InputError> parse_rope_scores_request(
    const RawRopeScoresRequest& raw);

// pe.ropePairingPermutation({ dim, from, to }).
struct PairingPermutationRequest {
  int dim = 0;
  RopePairing from = RopePairing::interleaved, to = RopePairing::interleaved;
};
std::variant<PairingPermutationRequest, InputError> parse_pairing_permutation_request(
    double dim, const std::string& from, const std::string& to);

// pe.yarnMscale(factor, mscaleAllDim): factor from 1 to kMaxScalingFactor (like scaling.factor),
// mscaleAllDim finite > 0 (DeepSeek-V3 uses 1, V2 0.707).
struct YarnMscaleRequest {
  double factor = 1;
  double mscale_all_dim = 1;
};
std::variant<YarnMscaleRequest, InputError> parse_yarn_mscale_request(double factor,
                                                                      double mscale_all_dim);

// pe.alibiSlopes(heads): an integer from 1 to kMaxAlibiHeads.
std::variant<int, InputError> parse_alibi_heads(double heads);

}  // namespace pe
