#pragma once
// What the sinusoidal view measures on the tables the core encodes: how exactly PE(p + k) is
// R_k PE(p) over a range (core/sinusoidal_shift.hpp), and how long the step from each position to
// the next is, next to the binary encoding's at the same periods. Requests are checked here, with
// the messages of pe.encode for what they share with it.
#include <cstdint>
#include <optional>
#include <tuple>
#include <variant>
#include <vector>

#include "core/fields.hpp"
#include "core/input_error.hpp"
#include "core/options.hpp"
#include "core/position_range.hpp"
#include "core/rope_request.hpp"
#include "core/sinusoidal_shift.hpp"
#include "positions/scheme_options.hpp"

namespace pe {

// pe.shiftRotation: a sinusoidal table (positions start .. start + count - 1, dim, base, layout,
// checked as pe.encode checks them) and the offset k = by.
struct ShiftRotationRequest {
  PositionRange range;
  double base = kBase.number();
  SinusoidLayout layout = SinusoidLayout::interleaved;
  std::int64_t by = 0;
};

inline constexpr OptionSpec kRotationBy{
    "by", Required{},
    stated("an integer from 0 while the last position shifted, start + count - 1 + by, is at "
           "most 2^31 - 1"),
    "the offset k of the rotation R_k"};
struct RawShiftRotation {
  double dim = 0;
  double start = kStart.number();
  double count = 0;
  double by = 0;
  RawSchemeOptions scheme_options;
};
inline constexpr std::tuple kShiftRotationOptions{
    option<&RawShiftRotation::dim>(kTableDim),
    option<&RawShiftRotation::start>(kStart),
    option<&RawShiftRotation::count>(kCount),
    option<&RawShiftRotation::by>(kRotationBy),
    option<&RawShiftRotation::scheme_options, &RawSchemeOptions::base>(kBase),
    option<&RawShiftRotation::scheme_options, &RawSchemeOptions::layout>(kLayout),
};

// The encode checks for the sinusoidal scheme, then by: an integer from 0 while the last
// position shifted, start + count - 1 + by, stays at most 2^31 - 1.
std::variant<ShiftRotationRequest, InputError> parse_shift_rotation_request(
    double start, double count, double dim, const RawSchemeOptions& options, double by);
std::variant<ShiftRotationRequest, InputError> parse(const RawShiftRotation& raw);

struct ShiftCheck {
  ShiftRotation rotation;  // R_k, pair by pair: the rotation checked
  double max_error = 0;    // max over p of |R_k PE(p) - PE(p + k)|, the L2 length of the difference
  std::int64_t at = -1;    // the first p where it is reached; -1 for an empty range
  // Every R_k PE(p) identical to PE(p + k) up to float32 rounding: both rows are within
  // kFloat32Unit of their lengths of the exact ones (and the sinusoidal walk within 1e-13 per
  // value), so exact equals differ by at most u (|PE(p)| + |PE(p + k)|) + 2e-13 sqrt(dim).
  bool identical = true;
  // R_k as a dense (dim, dim) matrix in the layout's channel order, up to kMaxRotationMatrixDim.
  std::optional<std::vector<double>> matrix;
};
constexpr auto fields_of(const ShiftCheck&) {
  return std::tuple{
      field<&ShiftCheck::rotation, &ShiftRotation::angles>("angles"),
      field<&ShiftCheck::rotation, &ShiftRotation::cosines>("cos"),
      field<&ShiftCheck::rotation, &ShiftRotation::sines>("sin"),
      field<&ShiftCheck::matrix>("matrix"),
      field<&ShiftCheck::max_error>("maxError"),
      field<&ShiftCheck::at>("maxErrorAt").null_when(NullWhen::negative),
      field<&ShiftCheck::identical>("identical"),
  };
}

// For p = start .. start + count - 1: PE(p) and PE(p + k) are the float32 rows pe.encode returns,
// R_k PE(p) is computed from PE(p) in double (rotate_sinusoid_row). The rows are encoded a block
// at a time, so memory stays small for any range.
ShiftCheck check_shift(const ShiftRotationRequest& request);

// pe.neighbourSteps: count steps, from position start + r to start + r + 1 (r = 0 .. count - 1),
// with bits periods. At most kMaxNeighbourSteps steps (two Float64Arrays of 8 MiB).
constexpr std::int64_t kMaxNeighbourSteps = 1 << 20;
constexpr int kMaxNeighbourBits = 31;  // positions below 2^31 have 31 bits

inline constexpr OptionSpec kNeighbourCount{
    "count", Required{},
    stated("an integer from 0 to 1048576 while the last step ends at start + count <= 2^31 - 1"),
    "how many steps"};
inline constexpr OptionSpec kBits{"bits", Required{}, integer_from(1, kMaxNeighbourBits),
                                  "bits of the binary encoding, and sinusoidal pairs"};
struct RawNeighbourSteps {
  double start = kStart.number();
  double count = 0;
  double bits = 0;
};
inline constexpr std::tuple kNeighbourStepsOptions{
    option<&RawNeighbourSteps::start>(kStart),
    option<&RawNeighbourSteps::count>(kNeighbourCount),
    option<&RawNeighbourSteps::bits>(kBits),
};

struct NeighbourStepsRequest {
  std::int64_t start = 0;
  std::int64_t count = 0;
  int bits = 0;
};

// bits: an integer from 1 to 31; start: an integer from 0 to 2^31 - 1; count: an integer from 0
// while the last step ends at start + count <= 2^31 - 1, and at most kMaxNeighbourSteps.
std::variant<NeighbourStepsRequest, InputError> parse_neighbour_steps_request(double start,
                                                                              double count,
                                                                              double bits);
std::variant<NeighbourStepsRequest, InputError> parse(const RawNeighbourSteps& raw);

// Two encodings with the same periods T_i = 2^(i+1), i = 0 .. bits - 1 (bit i of the binary
// encoding flips every 2^i positions, so it repeats every 2^(i+1)):
//   binary:     bits values, bit i of p (core/binary_encoding.hpp);
//   sinusoidal: 2 * bits values, pair i = (sin 2 pi p / T_i, cos 2 pi p / T_i), interleaved.
// binary[r] and sinusoidal[r] are the L2 distances between the float32 rows of positions
// start + r and start + r + 1. A binary step is sqrt(bits flipped): uneven. A sinusoidal step is
// sqrt(sum_i (2 - 2 cos(2 pi / T_i))) for every p, since each pair turns by the same angle.
// even: every step the same length, up to float32 rounding of the rows: binary codes are exact
// in float32, so their steps must be equal; sinusoidal rows (length sqrt(bits)) are within
// u sqrt(bits) of the exact ones, so equal steps spread by at most 4 u sqrt(bits).
struct NeighbourSteps {
  std::vector<double> periods;     // (bits): T_i
  std::vector<double> binary;      // (count)
  std::vector<double> sinusoidal;  // (count)
  bool binary_even = true;
  bool sinusoidal_even = true;
};
constexpr auto fields_of(const NeighbourSteps&) {
  return std::tuple{field<&NeighbourSteps::periods>("periods"),
                    field<&NeighbourSteps::binary>("binary"),
                    field<&NeighbourSteps::sinusoidal>("sinusoidal"),
                    group("even", field<&NeighbourSteps::binary_even>("binary"),
                          field<&NeighbourSteps::sinusoidal_even>("sinusoidal"))};
}
NeighbourSteps neighbour_steps(const NeighbourStepsRequest& request);

// pe.sinusoidalFrequencies({ dim, base }): the same checks as RoPE's frequencies without
// scaling (the angles are shared), and w_k = base^(-2k/dim) with its wavelength 2 pi / w_k.
struct RawSinusoidalFrequencies {
  double dim = 0;
  double base = kBase.number();
};
inline constexpr std::tuple kSinusoidalFrequencyOptions{
    option<&RawSinusoidalFrequencies::dim>(kPairedDim),
    option<&RawSinusoidalFrequencies::base>(kBase),
};
std::variant<RopeFrequencyRequest, InputError> parse(const RawSinusoidalFrequencies& raw);

struct SinusoidalFrequencies {
  std::vector<double> frequencies;  // (dim / 2): w_k
  std::vector<double> wavelengths;  // (dim / 2): 2 pi / w_k
};
constexpr auto fields_of(const SinusoidalFrequencies&) {
  return std::tuple{field<&SinusoidalFrequencies::frequencies>("frequencies"),
                    field<&SinusoidalFrequencies::wavelengths>("wavelengths")};
}
SinusoidalFrequencies sinusoidal_frequencies(const RopeFrequencyRequest& request);

}  // namespace pe
