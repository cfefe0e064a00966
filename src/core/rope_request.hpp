#pragma once
// The checks that turn raw caller input for RoPE and ALiBi into values the numeric primitives can
// trust (rope_scaling.hpp, rotary.hpp, alibi.hpp). JS numbers arrive as doubles, names as strings,
// and the messages use the JS names (scaling.lowFreqFactor, not low_freq_factor) because they
// reach JS users verbatim. Each parser returns the first problem found.
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "core/alibi.hpp"
#include "core/caller_table.hpp"
#include "core/encoding_options.hpp"
#include "core/input_error.hpp"
#include "core/options.hpp"
#include "core/position_range.hpp"
#include "core/rope_scaling.hpp"
#include "core/rope_scores.hpp"
#include "core/rotary.hpp"

namespace pe {

// TypeError: pairing must be "interleaved" or "half"; received "x" (name: the option's JS name).
std::variant<RopePairing, InputError> parse_rope_pairing(const std::string& pairing,
                                                         const char* name = "pairing");

// Published factors run from 8 (Llama 3.1) to 40 (DeepSeek-V3); past a million, the slowest
// pairs' frequencies, divided by the factor, would fall below what a double holds.
constexpr double kMaxScalingFactor = 1e6;

std::vector<OptionChoice> scaling_type_choices();

// The keys of a scaling object. Which ones a type takes, and their defaults, depend on the type
// (parse_rope_scaling), so pe.js fills in none of them: a key left out is not given.
inline constexpr OptionSpec kScalingType{"type", Required{}, one_of_choices(),
                                         "the rule: \"llama3\" (Meta's) or \"yarn\" (DeepSeek's)",
                                         &scaling_type_choices};
inline constexpr OptionSpec kScalingFactor{"factor", Optional{}, number_from(1, kMaxScalingFactor),
                                           "how much longer the context is; required"};
inline constexpr OptionSpec kLowFreqFactor{"lowFreqFactor", Optional{}, finite_above(0),
                                           "llama3: pairs slower than L / lowFreqFactor are "
                                           "divided by factor; default 1"};
inline constexpr OptionSpec kHighFreqFactor{
    "highFreqFactor", Optional{}, stated("a finite number greater than scaling.lowFreqFactor"),
    "llama3: pairs faster than L / highFreqFactor are kept; default 4"};
inline constexpr OptionSpec kOriginalContext{
    "originalContext", Optional{}, integer_from(1, kMaxPosition, " (2^31 - 1)"),
    "L, the context the model was trained at: llama3 default 8192, yarn required"};
inline constexpr OptionSpec kBetaFast{"betaFast", Optional{},
                                      stated("a finite number greater than scaling.betaSlow"),
                                      "yarn: pairs turning more than betaFast times in L are "
                                      "kept; default 32"};
inline constexpr OptionSpec kBetaSlow{"betaSlow", Optional{}, finite_above(0),
                                      "yarn: pairs turning fewer than betaSlow times in L are "
                                      "divided by factor; default 1"};

// A JS scaling object's fields; std::nullopt = the key was not given.
struct RawRopeScaling {
  std::string type = "none";
  std::optional<double> factor, low_freq_factor, high_freq_factor, original_context, beta_fast,
      beta_slow;
};
inline constexpr std::tuple kScalingOptions{
    option<&RawRopeScaling::type>(kScalingType),
    option<&RawRopeScaling::factor>(kScalingFactor),
    option<&RawRopeScaling::low_freq_factor>(kLowFreqFactor),
    option<&RawRopeScaling::high_freq_factor>(kHighFreqFactor),
    option<&RawRopeScaling::original_context>(kOriginalContext),
    option<&RawRopeScaling::beta_fast>(kBetaFast),
    option<&RawRopeScaling::beta_slow>(kBetaSlow),
};
// The options of a scaling object, for a request that keeps one (the bindings read it as an
// object of these keys).
constexpr const auto& options_of(const RawRopeScaling&) { return kScalingOptions; }

// The keys each type takes (any other key is a TypeError, as is a missing required one):
//   none:   no other key
//   llama3: factor (required), lowFreqFactor (1), highFreqFactor (4), originalContext (8192)
//   yarn:   factor (required), originalContext (required), betaFast (32), betaSlow (1)
// and the values they allow (RangeError): factor from 1 to kMaxScalingFactor; lowFreqFactor finite
// > 0; highFreqFactor finite > lowFreqFactor; originalContext an integer from 1 to 2^31 - 1;
// betaSlow finite > 0; betaFast finite > betaSlow. Checked in that order: type, keys the type does
// not use, missing keys, then each value.
std::variant<RopeScaling, InputError> parse_rope_scaling(const RawRopeScaling& raw);

// A scaling as JS spells it (pe.ropePresets, pe.modelPresets): its type's name, and each key its
// type takes with its value.
struct ScalingKey {
  const char* name;
  double value;
};
const char* name_of(RopeScalingType type);
std::vector<ScalingKey> keys_of(const RopeScaling& scaling);

// The dim of every RoPE request: RoPE turns pairs of values.
inline constexpr OptionSpec kPairedDim{"dim", Required{}, even_integer_from(2, kMaxDim),
                                       "values per vector, turned in pairs"};

// pe.ropeFrequencies and pe.ropeBands: { dim, base, scaling }.
struct RawRopeFrequencies {
  double dim = 0;
  double base = kBase.number();
  RawRopeScaling scaling;
};
inline constexpr std::tuple kRopeFrequencyOptions{
    option<&RawRopeFrequencies::dim>(kPairedDim),
    option<&RawRopeFrequencies::base>(kBase),
    option<&RawRopeFrequencies::scaling>(kScaling),
};
struct RopeFrequencyRequest {
  int dim = 0;  // even, 2 .. kMaxDim
  double base = kBase.number();
  RopeScaling scaling;
};
std::variant<RopeFrequencyRequest, InputError> parse_rope_frequency_request(
    double dim, double base, const RawRopeScaling& scaling);
std::variant<RopeFrequencyRequest, InputError> parse(const RawRopeFrequencies& raw);

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

// The frequencies and pairing every per-vector RoPE request carries (dim, base, pairing, scaling).
struct RawRopeOptions {
  double dim = 0;
  double base = kBase.number();
  std::string pairing = kPairing.text();
  RawRopeScaling scaling;
};
struct RopeOptions {
  RopeFrequencyRequest frequencies;
  RopePairing pairing = RopePairing::interleaved;
};
// dim, base and scaling as parse_rope_frequency_request checks them, then the pairing: the
// checks of rotate and ropeScores after their shapes.
std::variant<RopeOptions, InputError> parse_rope_options(const RawRopeOptions& raw);

// pe.rotate({ data, dim, start, base, pairing, scaling }).
inline constexpr OptionSpec kRotatedRows{"data", Required{},
                                         stated("whole rows of dim finite values, at most "
                                                "16777216 values"),
                                         "the rows to turn, row-major"};
inline constexpr OptionSpec kRotateStart{
    "start", kStart.fallback,
    stated("an integer from 0 while the last row's position, start + rows - 1, is at most "
           "2^31 - 1"),
    "the position of the first row"};
struct RawRotateRequest {
  CallerTable data;
  RawRopeOptions rope;
  double start = kRotateStart.number();
};
inline constexpr std::tuple kRotateOptions{
    option<&RawRotateRequest::data>(kRotatedRows),
    option<&RawRotateRequest::rope, &RawRopeOptions::dim>(kPairedDim),
    option<&RawRotateRequest::start>(kRotateStart),
    option<&RawRotateRequest::rope, &RawRopeOptions::base>(kBase),
    option<&RawRotateRequest::rope, &RawRopeOptions::pairing>(kPairing),
    option<&RawRotateRequest::rope, &RawRopeOptions::scaling>(kScaling),
};
struct RotateRequest {
  RotateShape shape;
  RopeOptions rope;
  CallerTable data;
};
// The shape first (from data's length), then the RoPE options.
std::variant<RotateRequest, InputError> parse(const RawRotateRequest& raw);

// Turns the caller's rows into out, rows * dim values, a block of rows at a time, so the whole
// table is never held here: the first value that is not finite is an error naming data (blocks
// before it have been written).
std::optional<InputError> rotate(const RotateRequest& request, TableSink<float>& out,
                                 const Blocks& blocks = {});

// pe.ropeScores({ query, key, dim, base, pairing, scaling, position, fromOffset, count }).
inline constexpr OptionSpec kQuery{"query", Required{}, stated("dim finite values"),
                                   "the query vector"};
inline constexpr OptionSpec kKey{"key", Required{}, stated("dim finite values"), "the key vector"};
inline constexpr OptionSpec kQueryPosition{
    "position", 0.0, integer_from(0, kMaxPosition, " (2^31 - 1)"), "the query's position m"};
inline constexpr OptionSpec kFromOffset{
    "fromOffset", 0.0, stated("an integer with position + fromOffset from 0 to 2^31 - 1"),
    "the first key's offset from the query"};
inline constexpr OptionSpec kOffsetCount{
    "count", Required{},
    stated("an integer from 1 to 65536 with position + fromOffset + count - 1 at most 2^31 - 1"),
    "how many offsets (keys)"};
struct RawRopeScoresRequest {
  CallerTable query, key;
  RawRopeOptions rope;
  double position = kQueryPosition.number();
  double from_offset = kFromOffset.number();
  double count = 0;
};
inline constexpr std::tuple kRopeScoresOptions{
    option<&RawRopeScoresRequest::query>(kQuery),
    option<&RawRopeScoresRequest::key>(kKey),
    option<&RawRopeScoresRequest::rope, &RawRopeOptions::dim>(kPairedDim),
    option<&RawRopeScoresRequest::rope, &RawRopeOptions::base>(kBase),
    option<&RawRopeScoresRequest::rope, &RawRopeOptions::pairing>(kPairing),
    option<&RawRopeScoresRequest::rope, &RawRopeOptions::scaling>(kScaling),
    option<&RawRopeScoresRequest::position>(kQueryPosition),
    option<&RawRopeScoresRequest::from_offset>(kFromOffset),
    option<&RawRopeScoresRequest::count>(kOffsetCount),
};
struct RopeScoresRequest {
  RopeOptions rope;
  std::int64_t position = 0, first_offset = 0, count = 0;
  std::vector<float> query, key;  // dim values each, finite
};
// Checked in order: dim; query and key hold dim values each; base; scaling; pairing; position an
// integer from 0 to 2^31 - 1; fromOffset an integer that keeps the first key position,
// position + fromOffset, within 0 .. 2^31 - 1; count an integer from 1 to kMaxScoreOffsets
// (65,536) that keeps the last key position, position + fromOffset + count - 1, within 2^31 - 1;
// then every value of query, and of key, finite (an error names the first that is not).
std::variant<RopeScoresRequest, InputError> parse_rope_scores_request(
    const RawRopeScoresRequest& raw);
inline auto parse(const RawRopeScoresRequest& raw) { return parse_rope_scores_request(raw); }

// The scores of a checked request (core/rope_scores.hpp).
RopeScores rope_scores(const RopeScoresRequest& request);

// pe.ropePairingPermutation({ dim, from, to }).
inline constexpr OptionSpec kFromPairing{"from", Required{}, one_of_choices(),
                                         "the pairing the vector is laid out for",
                                         &pairing_choices};
inline constexpr OptionSpec kToPairing{"to", Required{}, one_of_choices(),
                                       "the pairing to lay it out for", &pairing_choices};
struct RawPairingPermutation {
  double dim = 0;
  std::string from, to;
};
inline constexpr std::tuple kPairingPermutationOptions{
    option<&RawPairingPermutation::dim>(kPairedDim),
    option<&RawPairingPermutation::from>(kFromPairing),
    option<&RawPairingPermutation::to>(kToPairing),
};
struct PairingPermutationRequest {
  int dim = 0;
  RopePairing from = RopePairing::interleaved, to = RopePairing::interleaved;
};
std::variant<PairingPermutationRequest, InputError> parse_pairing_permutation_request(
    double dim, const std::string& from, const std::string& to);
std::variant<PairingPermutationRequest, InputError> parse(const RawPairingPermutation& raw);

// pe.yarnMscale({ factor, mscaleAllDim }): factor from 1 to kMaxScalingFactor (like
// scaling.factor), mscaleAllDim finite > 0 (DeepSeek-V3 uses 1, V2 0.707).
inline constexpr OptionSpec kMscaleFactor{"factor", Required{}, kScalingFactor.limit,
                                          "the context extension factor"};
inline constexpr OptionSpec kMscaleAllDim{
    "mscaleAllDim", 1.0, finite_above(0),
    "the temperature's coefficient (DeepSeek-V3 1, V2 0.707)"};
struct RawYarnMscale {
  double factor = 0;
  double mscale_all_dim = kMscaleAllDim.number();
};
inline constexpr std::tuple kYarnMscaleOptions{
    option<&RawYarnMscale::factor>(kMscaleFactor),
    option<&RawYarnMscale::mscale_all_dim>(kMscaleAllDim),
};
struct YarnMscaleRequest {
  double factor = 1;
  double mscale_all_dim = kMscaleAllDim.number();
};
std::variant<YarnMscaleRequest, InputError> parse_yarn_mscale_request(double factor,
                                                                      double mscale_all_dim);
std::variant<YarnMscaleRequest, InputError> parse(const RawYarnMscale& raw);

// pe.alibiSlopes({ heads }): an integer from 1 to kMaxAlibiHeads.
inline constexpr OptionSpec kAlibiHeads{"heads", Required{}, integer_from(1, kMaxAlibiHeads),
                                        "how many heads"};
struct RawAlibiSlopes {
  double heads = 0;
};
inline constexpr std::tuple kAlibiSlopesOptions{option<&RawAlibiSlopes::heads>(kAlibiHeads)};
std::variant<int, InputError> parse_alibi_heads(double heads);
std::variant<int, InputError> parse(const RawAlibiSlopes& raw);

}  // namespace pe
